//! Switching between the self-assessment, the ranking, the district and the scoring model.

use yew::prelude::*;

use crate::app::state::{Action, View};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub lang: Lang,
    pub view: View,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let t = props.lang.texts();
    let label = |view: View| match view {
        View::Calculator => t.nav_calculator,
        View::Ranking => t.nav_ranking,
        View::District => t.nav_district,
        View::Settings => t.nav_settings,
        View::Data | View::Print => t.nav_data,
    };
    html! {
        <nav class="views" aria-label={t.nav_label}>
            { for View::ALL.into_iter().map(|view| {
                let current = view == props.view || (view == View::Data && props.view == View::Print);
                html! {
                    <button
                        type="button"
                        data-view={view.key()}
                        class={classes!("view-tab", current.then_some("current"))}
                        aria-current={current.then_some("page")}
                        onclick={props.on_action.reform(move |_: MouseEvent| Action::SetView(view))}
                    >
                        { label(view) }
                    </button>
                }
            }) }
        </nav>
    }
}
