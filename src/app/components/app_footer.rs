//! The page's footer: how the score is computed, under which plan, and the awards. A
//! component of its own so that a keystroke, which changes none of it, does not format
//! and compare its texts again.

use yew::prelude::*;

use crate::app::shared::Shared;
use crate::domain::plan::Plan;
use crate::domain::score::{AwardPlaces, RatingBands};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct AppFooterProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub bands: RatingBands,
    pub award_places: AwardPlaces,
}

#[component]
pub fn AppFooter(props: &AppFooterProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let awards: Vec<(usize, &str)> = plan
        .blocs
        .iter()
        .map(|bloc| (props.award_places.for_bloc(bloc.id), lang.pick(&bloc.name)))
        .collect();
    html! {
        <footer class="app-footer">
            <h2>{ t.model_heading }</h2>
            <p>{ t.model_intro }</p>
            <p>{ t.model_source(props.bands, lang.pick(&plan.name), lang.pick(&plan.issuer)) }</p>
            <p>{ t.awards_text(&awards) }</p>
            <p class="privacy">{ t.privacy_note }</p>
        </footer>
    }
}
