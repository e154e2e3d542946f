//! Training mode: the scoring model's settings, "back to defaults", and the demonstration
//! sandbox.

use yew::prelude::*;

use super::select::{number_options, Select};
use crate::app::shared::Shared;
use crate::app::state::{Action, Edit};
use crate::domain::plan::Plan;
use crate::domain::score::{ApplicabilityOverride, RatingBands, ScoringMode, ScoringModel, Weight};
use crate::i18n::Lang;

#[derive(Properties, PartialEq, Clone)]
pub struct SettingsViewProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub model: ScoringModel,
    pub demo: bool,
    pub on_action: Callback<Action>,
}

/// A `<select>` of whole numbers.
fn number_select(
    id: String,
    field: &'static str,
    range: impl Iterator<Item = usize>,
    current: f64,
    onchange: Callback<String>,
) -> Html {
    // Values that are not whole (a hand-edited weight) show as the nearest option.
    let value = (current.round().max(0.0) as usize).to_string();
    html! { <Select id={id} field={field} value={value} options={number_options(range)} {onchange} /> }
}

/// The value of a [`number_select`] option, always a whole number (the options are made by
/// `number_options`). Read as an integer, so the wasm build carries no float parser.
fn whole_number(text: &str, fallback: f64) -> f64 {
    text.parse::<u32>().map_or(fallback, f64::from)
}

#[component]
pub fn SettingsView(props: &SettingsViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let model = &props.model;
    let mode_radio = |mode: ScoringMode, key: &'static str, label: &'static str| {
        let onchange = props
            .on_action
            .reform(move |_: Event| Action::Edit(Edit::SetScoringMode(mode)));
        html! {
            <label class="check">
                <input type="radio" name="scoring-mode" value={key} data-field="scoring-mode" checked={model.mode == mode} {onchange} />
                { label }
            </label>
        }
    };
    let band =
        |id: &'static str, label: &'static str, value: f64, set: fn(&mut RatingBands, f64)| {
            let bands = model.bands;
            let onchange = props.on_action.reform(move |text: String| {
                let mut next = bands;
                set(&mut next, whole_number(&text, 0.0));
                Action::Edit(Edit::SetBands(next))
            });
            html! {
                <div class="field">
                    <label for={id}>{ label }</label>
                    { number_select(id.to_string(), id, (0..=100).step_by(5), value, onchange) }
                </div>
            }
        };
    let bands_ordered =
        model.bands.good > model.bands.fair && model.bands.fair > model.bands.average;
    // The weights table (two lists of choices per target, below the fold on a phone: most
    // of the view's elements) is drawn in a task of its own once the rest is on screen, so
    // that opening the view draws what is in sight first (issue 14).
    let weights_drawn = crate::app::hooks::use_after_first_paint();
    html! {
        <section class="settings" aria-labelledby="settings-heading" data-settings="">
            <h2 id="settings-heading">{ t.settings_heading }</h2>
            <p class="hint">{ t.settings_intro }</p>
            if !model.is_default(&props.plan) {
                <p class="mark-line"><span class="mark" data-model="custom">{ t.model_custom_mark }</span></p>
            }
            <fieldset>
                <legend>{ t.mode_label }</legend>
                { mode_radio(ScoringMode::Proportional, "proportional", t.mode_proportional) }
                { mode_radio(ScoringMode::AllOrNothing, "all_or_nothing", t.mode_all_or_nothing) }
            </fieldset>
            <fieldset>
                <legend>{ t.bands_heading }</legend>
                <div class="bands">
                    { band("band-good", t.band_good, model.bands.good, |b, v| b.good = v) }
                    { band("band-fair", t.band_fair, model.bands.fair, |b, v| b.fair = v) }
                    { band("band-average", t.band_average, model.bands.average, |b, v| b.average = v) }
                </div>
                if !bands_ordered { <p class="error" data-error="bands">{ t.band_order_error }</p> }
            </fieldset>
            <fieldset>
                <legend>{ t.award_places_heading }</legend>
                <div class="bands">
                    { for props.plan.blocs.iter().map(|bloc_of_plan| {
                        let bloc = bloc_of_plan.id;
                        let id = format!("award-places-{}", bloc.key());
                        let onchange = props.on_action.reform(move |text: String| {
                            Action::Edit(Edit::SetAwardPlaces(bloc, text.parse().unwrap_or(1)))
                        });
                        html! {
                            <div class="field">
                                <label for={id.clone()}>{ lang.pick(&bloc_of_plan.name).to_string() }</label>
                                { number_select(id, "award-places", 1..=bloc_of_plan.units.len(), model.award_places.for_bloc(bloc) as f64, onchange) }
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t.weights_heading }</legend>
                <div class="table-wrap" tabindex="0" role="region" aria-label={t.weights_heading}>
                    <table class="weights-table">
                        <thead>
                            <tr><th scope="col">{ t.col_target }</th><th scope="col">{ t.weight_label }</th><th scope="col">{ t.applicability_label }</th></tr>
                        </thead>
                        <tbody>
                            { for props.plan.targets.iter().filter(|_| weights_drawn).map(|target| {
                                let id = target.id;
                                let weight_id = format!("weight-{}", target.id.key());
                                let applies_id = format!("applies-{}", target.id.key());
                                let on_weight = props.on_action.reform(move |text: String| {
                                    // The options are 0–10: anything else is the default.
                                    let weight = text.parse::<u8>().ok().and_then(Weight::new);
                                    Action::Edit(Edit::SetWeight(id, weight.unwrap_or(Weight::DEFAULT)))
                                });
                                let on_applies = props.on_action.reform(move |text: String| {
                                    Action::Edit(Edit::SetApplicability(id, match text.as_str() {
                                        "all" => Some(ApplicabilityOverride::AllUnits),
                                        "none" => Some(ApplicabilityOverride::NoUnit),
                                        _ => None,
                                    }))
                                });
                                let applies = model.applicability.get(&id).copied();
                                html! {
                                    <tr data-setting-target={target.id.key().to_string()}>
                                        <th scope="row" id={format!("setting-{}", target.id.key())}>{ lang.pick(&target.label) }</th>
                                        <td>
                                            <label for={weight_id.clone()} class="visually-hidden">{ t.weight_label }{ ": " }{ lang.pick(&target.label) }</label>
                                            { number_select(weight_id, "weight", 0..=usize::from(Weight::MAX), model.weight(id), on_weight) }
                                        </td>
                                        <td>
                                            <label for={applies_id.clone()} class="visually-hidden">{ t.applicability_label }{ ": " }{ lang.pick(&target.label) }</label>
                                            <Select
                                                id={applies_id}
                                                field="applicability"
                                                value={match applies {
                                                    None => "default",
                                                    Some(ApplicabilityOverride::AllUnits) => "all",
                                                    Some(ApplicabilityOverride::NoUnit) => "none",
                                                }}
                                                options={vec![
                                                    ("default".into(), t.applicability_default.into()),
                                                    ("all".into(), t.applicability_all.into()),
                                                    ("none".into(), t.applicability_none.into()),
                                                ]}
                                                onchange={on_applies}
                                            />
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            </fieldset>
            <p>
                <button type="button" class="secondary" data-action="reset-model" disabled={model.is_default(&props.plan)}
                    onclick={props.on_action.reform(|_: MouseEvent| Action::Edit(Edit::ResetModel))}>
                    { t.reset_model }
                </button>
            </p>
            <section class="demo-panel" aria-labelledby="demo-heading">
                <h3 id="demo-heading">{ t.demo_heading }</h3>
                <p>{ t.demo_intro }</p>
                if props.demo {
                    <button type="button" class="secondary" data-action="demo-reset" onclick={props.on_action.reform(|_: MouseEvent| Action::ResetDemo)}>{ t.demo_reset }</button>
                    { " " }
                    <button type="button" class="secondary" data-action="demo-exit" onclick={props.on_action.reform(|_: MouseEvent| Action::ExitDemo)}>{ t.demo_exit }</button>
                } else {
                    <button type="button" class="secondary" data-action="demo-start" onclick={props.on_action.reform(|_: MouseEvent| {
                        // The demonstration opens on its bloc's ranking: take the trainer
                        // there, once it is drawn (issue 13).
                        gloo_timers::callback::Timeout::new(0, || crate::app::browser::reveal_heading("ranking-heading")).forget();
                        Action::StartDemo
                    })}>{ t.demo_start }</button>
                }
            </section>
        </section>
    }
}
