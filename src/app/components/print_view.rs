//! The printable report (A4): the unit, the date, every target with figures and status,
//! score, rating, rank estimate, the scoring settings in use, and the signature block.

use yew::prelude::*;

use crate::app::browser;
use crate::app::shared::Shared;
use crate::app::state::{Action, View};
use crate::domain::evaluate::Evaluation;
use crate::domain::number::format_real;
use crate::domain::plan::Plan;
use crate::domain::profile::Profile;
use crate::domain::rank::Standing;
use crate::domain::score::{ScoringMode, ScoringModel, Summary};
use crate::i18n::{
    award_text, bloc_name, figures_text, rank_text, rating_name, status_icon, status_name,
    threshold_short, Lang,
};

#[derive(Properties, PartialEq, Clone)]
pub struct PrintViewProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub profile: Profile,
    /// One per target of the plan, in its order.
    pub evaluations: Vec<Evaluation>,
    pub summary: Summary,
    pub model: ScoringModel,
    pub standing: Option<Standing>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let style = lang.numbers();
    let profile = &props.profile;
    let model = &props.model;
    let s = &props.summary;
    // The print button is at the top and has the focus when the view opens, so it is in
    // sight wherever the page was scrolled (issue 13).
    let print_button = use_node_ref();
    {
        let print_button = print_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = print_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }
    let (year, month, day) = browser::today();
    let date = t.report_date(lang.pick(&props.plan.place), year, month, day);
    let unit = format!(
        "{} ({})",
        profile
            .display_name(&props.plan)
            .unwrap_or(t.unit_not_chosen),
        bloc_name(lang, &props.plan, profile.bloc)
    );
    let mode = match model.mode {
        ScoringMode::Proportional => t.mode_proportional,
        ScoringMode::AllOrNothing => t.mode_all_or_nothing,
    };
    let settings = t.report_model(mode, model.bands, model.award_places.for_bloc(profile.bloc));
    let weights: Vec<String> = props
        .plan
        .targets
        .iter()
        .filter(|target| model.weights.contains_key(&target.id))
        .map(|target| {
            format!(
                "{}: {}",
                lang.pick(&target.label),
                format_real(model.weight(target.id), 2, style)
            )
        })
        .collect();
    let rank = props.standing.map(|standing| {
        format!(
            "{} · {}",
            rank_text(lang, standing.rank, standing.bloc_size),
            award_text(lang, standing.award, standing.places)
        )
    });
    html! {
        <>
            <div class="print-toolbar no-print">
                <button type="button" class="primary" data-action="print-now" ref={print_button} onclick={Callback::from(|_: MouseEvent| browser::print())}>{ t.print_now }</button>
                <button type="button" class="secondary" data-action="print-back" onclick={props.on_action.reform(|_: MouseEvent| Action::SetView(View::Data))}>{ t.print_back }</button>
            </div>
            <article class="print-report" data-print="">
                <header class="report-head">
                    // The issuing body as officers head a document: "UBND XÃ VĨNH BÌNH".
                    <div class="report-unit-name" data-report-issuer="">
                        { t.report_issuer(profile.unit_name(&props.plan).unwrap_or_default()) }
                    </div>
                    <div class="report-nation">
                        <strong>{ t.report_nation }</strong>
                        <div class="motto">{ t.report_motto }</div>
                    </div>
                </header>
                <p class="report-date">{ date }</p>
                <h1 class="report-title">{ t.report_title(lang.pick(&props.plan.name)) }</h1>
                <p class="report-unit">{ t.report_unit(&unit) }</p>
                <table class="report-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_no }</th>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col">{ t.col_figures }</th>
                            <th scope="col">{ t.col_threshold }</th>
                            <th scope="col">{ t.col_result }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.plan.targets.iter().zip(&props.evaluations).enumerate().map(|(index, (target, evaluation))| {
                            // A typed percentage is already in the figures; a share of two counts
                            // is followed by its percentage in brackets, "≈" when that is
                            // rounded (never "58% = 58%": issue 13).
                            let actual = evaluation
                                .counts
                                .filter(|_| evaluation.threshold.is_some())
                                .and(evaluation.shown_actual(style))
                                .map(|p| {
                                    let approx = if p.exact { "" } else { "≈ " };
                                    format!(" ({approx}{}%)", p.text)
                                })
                                .unwrap_or_default();
                            html! {
                                <tr data-print-target={target.id.key().to_string()}>
                                    <td>{ index + 1 }</td>
                                    <td>{ lang.pick(&target.label) }</td>
                                    <td>{ figures_text(lang, target, profile.entry(target.id), evaluation) }{ actual }</td>
                                    <td>{ threshold_short(lang, target.requirement(profile.bloc)) }</td>
                                    <td>{ status_icon(evaluation.status) }{ " " }{ status_name(lang, evaluation.status) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <p class="report-score">
                    { t.report_score(s.score, rating_name(lang, s.rating), s.met, s.applicable) }
                </p>
                if let Some(rank) = rank {
                    <p class="report-rank">{ t.report_rank(&rank) }</p>
                }
                <p class="report-model">{ settings }</p>
                if !weights.is_empty() {
                    <p class="report-model">{ t.report_weights(&weights.join("; ")) }</p>
                }
                <p class="report-note">{ t.report_note }</p>
                <div class="signatures">
                    <div>
                        <strong>{ t.report_preparer }</strong>
                        <div class="sign-hint">{ t.report_sign }</div>
                    </div>
                    <div>
                        <strong>{ t.report_head }</strong>
                        <div class="sign-hint">{ t.report_sign_seal }</div>
                    </div>
                </div>
            </article>
        </>
    }
}
