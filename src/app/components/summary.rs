//! The summary that stays visible: score, rating, targets met, what is still missing.

use yew::prelude::*;

use crate::domain::number::{format_count, format_real};
use crate::domain::score::Summary;
use crate::i18n::{rating_name, Lang};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub summary: Summary,
    pub unit_name: Option<String>,
}

#[component]
pub fn SummaryPanel(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let s = &props.summary;
    let count = |n: usize| format_count(n as u64, lang.numbers());
    let met_of = t
        .met_of
        .replace("{met}", &count(s.met))
        .replace("{applicable}", &count(s.applicable));
    html! {
        <section
            class={classes!("summary", format!("rating-{}", s.rating.key()))}
            data-summary=""
            data-score={s.score_attribute()}
            data-met={s.met.to_string()}
            data-applicable={s.applicable.to_string()}
            data-rating={s.rating.key()}
            aria-label={t.summary_label}
        >
            <div class="summary-unit">{ props.unit_name.clone().unwrap_or_else(|| t.unit_not_chosen.to_string()) }</div>
            <div class="summary-main" aria-live="polite" aria-atomic="true">
                <span class="score">
                    <span class="visually-hidden">{ t.score_label }{ ": " }</span>
                    <span class="score-value">{ format_real(s.score, 2, lang.numbers()) }</span>
                    <span class="score-max">{ "/100" }</span>
                </span>
                <span class="rating">{ t.rating_label }{ ": " }<strong>{ rating_name(lang, s.rating) }</strong></span>
                <span class="met">
                    if s.applicable == 0 { { t.nothing_applicable } } else { { met_of } }
                </span>
            </div>
            if s.missing > 0 || s.invalid > 0 {
                <div class="summary-notes">
                    if s.missing > 0 { <span>{ t.missing.replace("{n}", &count(s.missing)) }</span> }
                    if s.invalid > 0 { <span class="invalid">{ t.invalid_count.replace("{n}", &count(s.invalid)) }</span> }
                </div>
            }
        </section>
    }
}
