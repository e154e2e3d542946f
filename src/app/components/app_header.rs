//! The page's header: the plan's name, its issuer, the language switch and presentation
//! mode. A component of its own so that a keystroke, which changes none of it, neither
//! formats its texts again nor re-registers its buttons' listeners (keystroke budget,
//! issues 12 and 13).

use yew::prelude::*;

use crate::app::shared::Shared;
use crate::app::state::Action;
use crate::domain::language::Lang;
use crate::domain::plan::Plan;

#[derive(Properties, PartialEq)]
pub struct AppHeaderProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    /// Presentation mode (issue 13), and its button's click.
    pub present: bool,
    pub toggle_present: Callback<MouseEvent>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn AppHeader(props: &AppHeaderProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let other_lang = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let subtitle = match lang.pick(&plan.issuer) {
        "" => t.app_tagline.to_string(),
        issuer => format!("{issuer} · {}", t.app_tagline),
    };
    let toggle_lang = props
        .on_action
        .reform(move |_: MouseEvent| Action::SetLang(other_lang));
    html! {
        <header class="app-header">
            <div class="app-titles">
                <h1>{ lang.pick(&plan.name).to_string() }</h1>
                <p class="subtitle">{ subtitle }</p>
            </div>
            <button type="button" class="lang-switch" data-action="language" lang={other_lang.code()} onclick={toggle_lang}>
                { t.language_switch }
            </button>
            // Presentation mode (issue 13)
            <button type="button" class="lang-switch present-switch" data-action="present" onclick={props.toggle_present.clone()}>
                { if props.present { t.present_stop } else { t.present_start } }
            </button>
        </header>
    }
}
