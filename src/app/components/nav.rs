//! Switching between the self-assessment, the ranking, the district and the scoring model.

use yew::prelude::*;

use crate::app::state::{Action, View};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub lang: Lang,
    /// The plan on screen is the built-in district plan ("Toàn huyện"); other plans have no
    /// district ("Tổng hợp").
    pub district_plan: bool,
    pub view: View,
    pub on_action: Callback<Action>,
}

/// Switches to `view` in the task after the click's, not in it: the click (and what the
/// browser does right after it) ends at once, and leaving one view and drawing the next is a
/// task of its own, so on a slow phone a tap never waits behind both (the ranking view of a
/// browser holding 10 000 units).
fn switch_later(on_action: &Callback<Action>, view: View) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_: MouseEvent| {
        let on_action = on_action.clone();
        gloo_timers::callback::Timeout::new(0, move || on_action.emit(Action::SetView(view)))
            .forget();
    })
}

#[component]
pub fn Nav(props: &NavProps) -> Html {
    let t = props.lang.texts();
    let label = |view: View| match view {
        View::Calculator => t.nav_calculator,
        View::Ranking => t.nav_ranking,
        View::District if props.district_plan => t.nav_district,
        View::District => t.nav_overall,
        View::Settings => t.nav_settings,
        View::Data | View::Print => t.nav_data,
        View::Plans => t.nav_plans,
    };
    html! {
        <nav class="views" aria-label={t.nav_label}>
            { for View::NAV.into_iter().map(|view| {
                let current = view == props.view || (view == View::Data && props.view == View::Print);
                html! {
                    <button
                        type="button"
                        data-view={view.key()}
                        class={classes!("view-tab", current.then_some("current"))}
                        aria-current={current.then_some("page")}
                        onclick={switch_later(&props.on_action, view)}
                    >
                        { label(view) }
                    </button>
                }
            }) }
        </nav>
    }
}
