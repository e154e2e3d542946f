//! The summary that stays visible: score, rating, targets met, what is still missing, and
//! the unit's rank among its peers.

use yew::prelude::*;

use crate::domain::number::format_real;
use crate::domain::rank::Standing;
use crate::domain::score::Summary;
use crate::i18n::{award_text, margin_text, rank_text, rating_name, Lang};

// Next steps (issue 13)
/// One next step as the summary shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStepItem {
    /// The target's id.
    pub key: AttrValue,
    pub name: AttrValue,
    /// What meeting it would add to the score.
    pub points: f64,
}

/// Takes the user to a target's card and puts the keyboard in its first field (the one in
/// error, if any).
fn go_to_card(key: &str) {
    crate::app::browser::go_to(
        &format!("[data-app] [data-target=\"{key}\"]"),
        &["[aria-invalid=\"true\"]", ".inputs input"],
    )
}

/// A click on any step (keyboard or pointer: a button's click bubbles to the list), by the
/// step's button. One listener for the whole list, not one per step: a keystroke that draws
/// the summary again re-registers every listener of what it draws (keystroke budget,
/// issues 12 and 13).
fn on_step_click(event: MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(button) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("button").ok().flatten())
    else {
        return;
    };
    if let Some(key) = button.get_attribute("data-next-step") {
        go_to_card(&key);
    } else if button.has_attribute("data-next-unit") {
        // Before the unit is chosen, choosing it comes first.
        crate::app::browser::go_to("[data-app] select[data-field=\"unit\"]", &[]);
    } else if button.has_attribute("data-next-send") {
        crate::app::browser::go_to("[data-app] [data-send]", &["button"]);
    }
}

fn next_steps(lang: Lang, steps: &[NextStepItem], send: bool, unit_chosen: bool) -> Html {
    let t = lang.texts();
    if steps.is_empty() && !send {
        return Html::default();
    }
    html! {
        <nav class="next-steps" aria-label={t.next_steps_label} data-next-steps={steps.len().to_string()}>
            <span class="next-label" aria-hidden="true">{ t.next_steps_label }{ ":" }</span>
            <ul class="next-list" onclick={Callback::from(on_step_click)}>
                if !unit_chosen {
                    <li><button type="button" class="next-step unit" data-next-unit="">{ t.unit_placeholder.trim_matches(|c: char| c == '—' || c == ' ') }</button></li>
                }
                if send {
                    <li><button type="button" class="next-step send" data-next-send="">{ t.next_send }</button></li>
                }
                // Unkeyed: when the order of the steps changes with a keystroke, the same
                // items are patched in place rather than moved (moving them all cost more
                // than the rest of the keystroke).
                { for steps.iter().map(|step| html! {
                    <li>
                        <button type="button" class="next-step" data-next-step={step.key.clone()}>
                            <span class="next-name">{ step.name.clone() }</span>
                            if step.points > 0.0 {
                                <span class="next-points">{ t.next_points(step.points) }</span>
                            }
                        </button>
                    </li>
                }) }
            </ul>
        </nav>
    }
}
// End of next steps (issue 13)

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
    /// What to do next (issue 13): the targets not met or not filled in, best gain first,
    /// and whether the result is ready to be sent.
    #[prop_or_default]
    pub next_steps: Vec<NextStepItem>,
    #[prop_or_default]
    pub send: bool,
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
            { next_steps(lang, &props.next_steps, props.send, props.unit_name.is_some()) }
        </section>
    }
}
