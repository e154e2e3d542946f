//! "How this score was computed": the formula with the unit's own numbers, line by line,
//! for a trainer to explain.

use yew::prelude::*;

use crate::app::shared::Shared;
use crate::domain::evaluate::{Evaluation, Status};
use crate::domain::number::{format_percent, format_real, show_real};
use crate::domain::plan::Plan;
use crate::domain::score::{Breakdown, ScoringMode, ScoringModel, Summary};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    /// One per target of the plan, in its order.
    pub evaluations: Vec<Evaluation>,
    pub model: ScoringModel,
    pub summary: Summary,
}

#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    // Closed, the explanation is only its heading: its table (a row per target, 40 for a
    // big plan) is not built on every keystroke. The `open` attribute stays the browser's
    // (the click sets it); the toggle only tells this component to draw the rest.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(
                event
                    .target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    if !*open {
        return html! {
            <details class="explain" data-explain="" {ontoggle}>
                <summary>{ t.explain_heading }</summary>
            </details>
        };
    }
    let style = lang.numbers();
    let number = |x: f64| format_real(x, 3, style);
    let model = &props.model;
    let plan = &props.plan;
    let breakdown = Breakdown::new(
        plan.targets
            .iter()
            .zip(&props.evaluations)
            .map(|(t, e)| (t.id, e)),
        model,
    );
    let left_out = props.evaluations.len() - breakdown.targets.len();
    let rows: Vec<Html> = breakdown
        .targets
        .iter()
        .filter_map(|line| {
            let (target, evaluation) = (plan.target(line.id)?, line.evaluation);
            let how = match (
                evaluation.status,
                model.mode,
                evaluation.shown_actual(style),
                evaluation.threshold,
                evaluation.shown_attainment(style),
            ) {
                (Status::Met, ..) => t.attain_met.to_string(),
                (
                    Status::NotMet,
                    ScoringMode::Proportional,
                    Some(actual),
                    Some(threshold),
                    Some(quotient),
                ) => {
                    // True at the precision shown: a rounded share is marked "≈", and the
                    // quotient comes from the exact figures ("=" only when it is exact).
                    let approx = if actual.exact { "" } else { "≈" };
                    format!(
                        "{approx}{}% ÷ {}% {} {}",
                        actual.text,
                        format_percent(threshold, style),
                        quotient.relation(),
                        quotient.text
                    )
                }
                (Status::NotMet, ..) => t.attain_not_met.to_string(),
                (Status::Invalid, ..) => t.attain_invalid.to_string(),
                _ => t.attain_missing.to_string(),
            };
            Some(html! {
                <tr data-explain-target={target.id.key().to_string()}>
                    <th scope="row">{ lang.pick(&target.label) }</th>
                    <td>{ number(line.weight) }</td>
                    <td>{ how }</td>
                    <td>{ number(line.points) }</td>
                </tr>
            })
        })
        .collect();
    // Each "=" of the formula is true at the precision shown, else it is "≈": the sums when
    // they have at most three decimals, the score when 100 × sum ÷ weights has at most two.
    let earned_shown = show_real(breakdown.earned, 3, style);
    let total_shown = show_real(breakdown.possible, 3, style);
    let sums_exact = earned_shown.exact && total_shown.exact;
    let score_exact = sums_exact
        && breakdown.possible > 0.0
        && show_real(breakdown.exact_score(), 2, style).exact;
    let relation = |exact: bool| if exact { "=" } else { "≈" };
    let formula = t.explain_formula(
        relation(sums_exact),
        &earned_shown.text,
        &total_shown.text,
        relation(score_exact),
        props.summary.score,
    );
    let bands = model.bands;
    html! {
        <details class="explain" data-explain="" {ontoggle}>
            <summary>{ t.explain_heading }</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t.explain_heading}>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col">{ t.col_weight }</th>
                            <th scope="col">{ t.col_attainment }</th>
                            <th scope="col">{ t.col_points }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="formula" data-formula="">{ formula }</p>
            if left_out > 0 { <p>{ t.explain_na(left_out) }</p> }
            <p>{ t.explain_rating(bands) }</p>
        </details>
    }
}
