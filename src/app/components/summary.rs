//! The summary that stays visible: score, rating, targets met, what is still missing, and
//! the unit's rank among its peers.

use yew::prelude::*;

use crate::domain::number::format_real;
use crate::domain::rank::Standing;
use crate::domain::score::Summary;
use crate::i18n::{award_text, margin_text, rank_text, rating_name, Lang};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub summary: Summary,
    pub unit_name: Option<String>,
    pub standing: Option<Standing>,
    /// The name of the unit's bloc in the plan.
    pub bloc_name: AttrValue,
    pub custom_model: bool,
    pub demo: bool,
    /// The score and rank under the default model, while a custom one is in use (issue 13).
    #[prop_or_default]
    pub default_figures: Option<super::model_compare::DefaultFigures>,
}

#[component]
pub fn SummaryPanel(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let s = &props.summary;
    let met_of = t.met_of(s.met, s.applicable);
    // Before any figure is typed there is nothing to rate yet: the page says so and carries
    // no data-rating, so that a script never reads a rating the page does not show.
    let rated = s.is_rated();
    let rank = match props.standing {
        Some(standing) => html! {
            <div
                class={classes!("summary-rank", format!("award-{}", standing.award.key()))}
                data-rank=""
                data-rank-best={standing.rank.best.to_string()}
                data-rank-worst={standing.rank.worst.to_string()}
                data-bloc-size={standing.bloc_size.to_string()}
                data-award={standing.award.key()}
            >
                <strong>{ rank_text(lang, standing.rank, standing.bloc_size) }</strong>
                <span class="wide-only">{ " · " }{ props.bloc_name.clone() }</span>
                { " · " }
                <span class="award">{ award_text(lang, standing.award, standing.places) }</span>
                if let Some(margin) = standing.margin {
                    <span class="margin wide-only">{ " · " }{ margin_text(lang, margin) }</span>
                }
            </div>
        },
        None => html! { <div class="summary-rank" data-rank="">{ t.rank_no_unit }</div> },
    };
    html! {
        <section
            class={classes!("summary", format!("rating-{}", s.rating.key()))}
            data-summary=""
            data-score={s.score_attribute()}
            data-met={s.met.to_string()}
            data-applicable={s.applicable.to_string()}
            data-missing={s.missing.to_string()}
            data-rating={rated.then(|| s.rating.key())}
            aria-label={t.summary_label}
        >
            <div class="summary-unit">
                { props.unit_name.clone().unwrap_or_else(|| t.unit_not_chosen.to_string()) }
                if props.demo { <span class="mark demo-mark">{ t.demo_heading }</span> }
                if props.custom_model { <span class="mark" data-model="custom">{ t.model_custom_mark }</span> }
            </div>
            <div class="summary-main" aria-live="polite" aria-atomic="true">
                <span class="score">
                    <span class="visually-hidden">{ t.score_label }{ ": " }</span>
                    <span class="score-value">{ format_real(s.score, 2, lang.numbers()) }</span>
                    <span class="score-max">{ "/100" }</span>
                    if let Some(figures) = props.default_figures { { super::model_compare::default_figures(lang, figures) } }
                </span>
                <span class="rating">
                    { t.rating_label }{ ": " }
                    if rated {
                        <strong>{ rating_name(lang, s.rating) }</strong>
                    } else {
                        <strong>{ t.rating_none }</strong>
                    }
                </span>
                <span class="met">
                    if s.applicable == 0 { { t.nothing_applicable } } else { { met_of } }
                </span>
            </div>
            { rank }
            if s.missing > 0 || s.invalid > 0 {
                <div class="summary-notes">
                    if s.missing > 0 { <span>{ t.missing(s.missing) }</span> }
                    if s.invalid > 0 { <span class="invalid">{ t.invalid_count(s.invalid) }</span> }
                </div>
            }
        </section>
    }
}
