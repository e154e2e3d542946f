//! The district as a whole: every profile's figures summed and checked against the targets.

use yew::prelude::*;

use super::grid_view::DistrictGrid;
use super::select::Select;
use crate::app::shared::Shared;
use crate::app::state::{Action, Edit};
use crate::domain::builtin;
use crate::domain::district::{
    district, district_selection, DuplicateUnit, EstimateMethod, Scope, Total,
};
use crate::domain::number::{format_count, format_percent, show_quotient, NumberStyle};
use crate::domain::plan::{BlocId, Measure, Plan};
use crate::domain::workspace::Workspace;
use crate::i18n::{status_icon, status_name, Lang};

#[derive(Properties, PartialEq, Clone)]
pub struct DistrictViewProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub workspace: Shared<Workspace>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn DistrictView(props: &DistrictViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let selection = district_selection(
        plan,
        &props.workspace.profiles,
        &props.workspace.district_choices,
    );
    let profiles = selection.counted;
    let model = props.workspace.model_of(plan);
    let rows = district(plan, &profiles, &model);
    let in_bloc = |bloc: BlocId| {
        profiles
            .iter()
            .filter(|p| p.bloc == bloc && p.unit_id != crate::domain::plan::OTHER_UNIT_ID)
            .count()
    };
    let parts: Vec<(usize, usize, &str)> = plan
        .blocs
        .iter()
        .map(|bloc| (in_bloc(bloc.id), bloc.units.len(), lang.pick(&bloc.name)))
        .collect();
    let coverage = t.coverage(&parts);
    let whole = if plan.id == builtin::PLAN_ID {
        t.scope_district
    } else {
        t.scope_whole_plan
    };
    // The grid (every unit × every target, below the table; the larger part of the view) is
    // drawn in a task of its own once the table is on screen (issue 14).
    let grid_drawn = crate::app::hooks::use_after_first_paint();
    html! {
        <section class="district" aria-labelledby="district-heading" data-district="">
            <h2 id="district-heading">{ if plan.id == builtin::PLAN_ID { t.district_heading } else { t.overall_heading } }</h2>
            <p class="hint">{ t.district_intro }</p>
            <p data-coverage="">{ coverage }</p>
            if !selection.duplicates.is_empty() {
                <div class="district-duplicates" role="status" data-district-duplicates={selection.duplicates.len().to_string()}>
                    <p>{ t.district_duplicates(selection.duplicates.len()) }</p>
                    { for selection.duplicates.iter().enumerate().map(|(index, duplicate)| duplicate_choice(props, index, duplicate)) }
                </div>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label={t.district_table}>
                <table class="district-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col">{ t.col_units_met }</th>
                            { for plan.blocs.iter().map(|bloc| html! { <th scope="col">{ lang.pick(&bloc.name).to_string() }</th> }) }
                            <th scope="col">{ whole }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let cell = |scope: Scope| match row.totals.iter().find(|total| total.scope == scope) {
                                Some(total) => total_cell(lang, &row.target.measure, total),
                                None => html! { <td class="muted">{ "—" }</td> },
                            };
                            html! {
                                <tr data-district-target={row.target.id.key().to_string()} data-status={row.status().key()}>
                                    <th scope="row">{ lang.pick(&row.target.label) }</th>
                                    <td class="units-met-cell">{ t.units_met(row.units_met, row.units_applicable) }</td>
                                    { for plan.blocs.iter().map(|bloc| cell(Scope::Bloc(bloc.id))) }
                                    { cell(Scope::District) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if grid_drawn {
                <DistrictGrid lang={lang} plan={props.plan.clone()} workspace={props.workspace.clone()} />
            }
        </section>
    }
}

/// The choice of the profile that counts for a unit that has several.
fn duplicate_choice(props: &DistrictViewProps, index: usize, duplicate: &DuplicateUnit) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let workspace = &props.workspace;
    let records: Vec<_> = duplicate
        .profile_ids
        .iter()
        .filter_map(|id| workspace.profiles.iter().find(|r| &r.id == id))
        .collect();
    let unit = records
        .first()
        .and_then(|r| r.profile.unit_name(&props.plan))
        .unwrap_or_default();
    let options: Vec<(AttrValue, AttrValue)> = records
        .iter()
        .enumerate()
        .map(|(place, record)| {
            let name = record
                .profile
                .display_name(&props.plan)
                .unwrap_or(t.profile_unnamed);
            let score = record
                .profile
                .summary(&props.plan, &workspace.model_of(&props.plan))
                .score;
            let text = t.district_choice_option(place + 1, name, score);
            (AttrValue::from(record.id.clone()), AttrValue::from(text))
        })
        .collect();
    let key = duplicate.key.clone();
    let on_choose = props
        .on_action
        .reform(move |id: String| Action::Edit(Edit::ChooseDistrictProfile(key.clone(), id)));
    let id = format!("district-choice-{index}");
    html! {
        <div class="field" data-district-duplicate={duplicate.key.clone()}>
            <label for={id.clone()}>
                { t.district_choice_label(unit, records.len()) }
            </label>
            <Select id={id} field="district-choice" value={duplicate.counted.clone()} {options} onchange={on_choose} />
        </div>
    }
}

fn total_cell(lang: Lang, measure: &Measure, total: &Total) -> Html {
    let t = lang.texts();
    let style = lang.numbers();
    let status = total.evaluation.status;
    let scope = match total.scope {
        Scope::Bloc(bloc) => bloc.key().to_string(),
        Scope::District => "district".to_string(),
    };
    if status == crate::domain::evaluate::Status::NotApplicable {
        // No unit here that the target applies to.
        return html! {
            <td data-scope={scope} data-status={status.key()} data-units-included="0" data-units-expected="0" class="muted">
                { status_name(lang, status) }
            </td>
        };
    }
    let complete = status != crate::domain::evaluate::Status::Incomplete;
    // Which units the figure includes: the count always, the names on demand (issue 13).
    let units = html! {
        <details class="district-units">
            <summary>{ t.district_included(total.included.len(), total.expected()) }</summary>
            if !total.included.is_empty() {
                <p>{ t.district_included_names(&total.included.join(", ")) }</p>
            }
            if !total.lacking.is_empty() {
                <p>{ t.district_lacking_names(&total.lacking.join(", ")) }</p>
            }
        </details>
    };
    let threshold = total
        .evaluation
        .threshold
        .map(|p| format!("(≥ {}%)", format_percent(p, style)))
        .unwrap_or_default();
    let estimate = total.estimate.map(|estimate| {
        let shown = show_quotient(estimate.num, estimate.den, 2, None, style);
        let attribute =
            show_quotient(estimate.num, estimate.den, 2, None, NumberStyle::English).text;
        let text = t.district_estimate(
            &shown.text,
            estimate.units,
            estimate.method == EstimateMethod::Mean,
        );
        html! { <><br /><span class="estimate" data-estimate={attribute}>{ text }</span></> }
    });
    let included = total.included.len().to_string();
    let expected = total.expected().to_string();
    if total.units == 0 && estimate.is_none() {
        return html! {
            <td data-scope={scope} data-status={status.key()} data-units-included={included} data-units-expected={expected} class="muted">
                { t.total_none }<br />
                { units }
            </td>
        };
    }
    let counts = |first: u64, second: u64| match measure {
        Measure::Increase { .. } => format!(
            "{} → {}",
            format_count(first, style),
            format_count(second, style)
        ),
        _ => format!(
            "{}/{}",
            format_count(first, style),
            format_count(second, style)
        ),
    };
    // A sum that leaves units out is shown as counts only: its percentage is the estimate.
    let figures = match (complete, total.units > 0) {
        (true, _) => {
            let percent = match measure {
                Measure::Increase { .. } => String::new(),
                _ => total
                    .evaluation
                    .shown_actual(style)
                    .map(|p| format!(" {} {}%", p.relation(), p.text))
                    .unwrap_or_default(),
            };
            format!("{}{percent} {threshold}", counts(total.first, total.second))
        }
        (false, true) => format!("{} {threshold}", counts(total.first, total.second)),
        (false, false) => threshold,
    };
    html! {
        <td data-scope={scope} data-status={status.key()} data-units-included={included} data-units-expected={expected} class={classes!(format!("cell-{}", status.key()))}>
            <span class="figures">{ figures.trim().to_string() }</span><br />
            <span class={classes!("badge", format!("badge-{}", status.key()))}>
                <span aria-hidden="true">{ status_icon(status) }</span>{ " " }{ status_name(lang, status) }
            </span>
            { for estimate }
            if total.percent_only > 0 { <br /><small>{ t.percent_only(total.percent_only) }</small> }
            { units }
        </td>
    }
}
