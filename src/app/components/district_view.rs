//! The district as a whole: every profile's figures summed and checked against the targets.

use yew::prelude::*;

use crate::app::shared::Shared;
use crate::domain::district::{district, district_profiles, Scope, Total};
use crate::domain::number::{format_count, format_percent};
use crate::domain::targets::Measure;
use crate::domain::units::Bloc;
use crate::domain::workspace::Workspace;
use crate::i18n::{status_icon, status_name, Lang};

#[derive(Properties, PartialEq)]
pub struct DistrictViewProps {
    pub lang: Lang,
    pub workspace: Shared<Workspace>,
}

#[component]
pub fn DistrictView(props: &DistrictViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let count = |n: usize| format_count(n as u64, lang.numbers());
    let profiles = district_profiles(props.workspace.profiles.iter().map(|r| &*r.profile));
    let rows = district(&profiles, &props.workspace.model);
    let in_bloc = |bloc: Bloc| {
        profiles
            .iter()
            .filter(|p| p.bloc == bloc && p.unit_id != crate::domain::units::OTHER_UNIT_ID)
            .count()
    };
    let coverage = t
        .coverage
        .replace("{communes}", &count(in_bloc(Bloc::Commune)))
        .replace("{agencies}", &count(in_bloc(Bloc::Agency)));
    html! {
        <section class="district" aria-labelledby="district-heading" data-district="">
            <h2 id="district-heading">{ t.district_heading }</h2>
            <p class="hint">{ t.district_intro }</p>
            <p data-coverage="">{ coverage }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t.district_table}>
                <table class="district-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col">{ t.col_units_met }</th>
                            <th scope="col">{ t.scope_communes }</th>
                            <th scope="col">{ t.scope_agencies }</th>
                            <th scope="col">{ t.scope_district }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let cell = |scope: Scope| match row.totals.iter().find(|total| total.scope == scope) {
                                Some(total) => total_cell(lang, row.target.measure, total),
                                None => html! { <td class="muted">{ "—" }</td> },
                            };
                            html! {
                                <tr data-district-target={row.target.key}>
                                    <th scope="row">{ lang.pick(row.target.label) }</th>
                                    <td>{ t.units_met.replace("{met}", &count(row.units_met)).replace("{applicable}", &count(row.units_applicable)) }</td>
                                    { cell(Scope::Bloc(Bloc::Commune)) }
                                    { cell(Scope::Bloc(Bloc::Agency)) }
                                    { cell(Scope::District) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn total_cell(lang: Lang, measure: Measure, total: &Total) -> Html {
    let t = lang.texts();
    let style = lang.numbers();
    let status = total.evaluation.status;
    let scope = match total.scope {
        Scope::Bloc(bloc) => bloc.id(),
        Scope::District => "district",
    };
    if total.units == 0 {
        return html! {
            <td data-scope={scope} data-status={status.key()} class="muted">
                { t.total_none }
                if total.percent_only > 0 { <br /><small>{ t.percent_only.replace("{n}", &total.percent_only.to_string()) }</small> }
            </td>
        };
    }
    let figures = match measure {
        Measure::Increase { .. } => format!(
            "{} → {}",
            format_count(total.first, style),
            format_count(total.second, style)
        ),
        _ => {
            let percent = total
                .evaluation
                .shown_actual(style)
                .map(|p| format!(" {} {}%", p.relation(), p.text))
                .unwrap_or_default();
            format!(
                "{}/{}{}",
                format_count(total.first, style),
                format_count(total.second, style),
                percent
            )
        }
    };
    let threshold = total
        .evaluation
        .threshold
        .map(|p| format!(" (≥ {}%)", format_percent(p, style)))
        .unwrap_or_default();
    html! {
        <td data-scope={scope} data-status={status.key()} class={classes!(format!("cell-{}", status.key()))}>
            <span class="figures">{ figures }{ threshold }</span><br />
            <span class={classes!("badge", format!("badge-{}", status.key()))}>
                <span aria-hidden="true">{ status_icon(status) }</span>{ " " }{ status_name(lang, status) }
            </span>
            if total.percent_only > 0 { <br /><small>{ t.percent_only.replace("{n}", &total.percent_only.to_string()) }</small> }
        </td>
    }
}
