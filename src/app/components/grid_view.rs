//! The district office's grid (issue 13): units × targets, who has not sent figures, each
//! file's export date, files that lack figures; downloadable as one CSV and printable.

use yew::prelude::*;

use crate::app::browser;
use crate::app::shared::Shared;
use crate::domain::evaluate::{Evaluation, Status};
use crate::domain::grid::{grid, CellStatus, GridRow};
use crate::domain::number::format_real;
use crate::domain::plan::{Measure, Plan, Target};
use crate::domain::workspace::Workspace;
use crate::formats::csv::{cell_status_name, grid_csv};
use crate::formats::unit_file::slug;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DistrictGridProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub workspace: Shared<Workspace>,
}

/// A symbol beside (never instead of) the status word, so colour is not the only signal.
fn symbol(status: CellStatus) -> &'static str {
    match status {
        CellStatus::Met => "✓",
        CellStatus::NotMet => "✗",
        CellStatus::Incomplete => "…",
        CellStatus::NotApplicable => "–",
        CellStatus::Missing => "○",
    }
}

/// The cell's figure, short: a ratio's percentage, an increase's two counts.
fn short_value(lang: Lang, target: &Target, evaluation: &Evaluation) -> Option<String> {
    if !matches!(evaluation.status, Status::Met | Status::NotMet) {
        return None;
    }
    match (&target.measure, evaluation.counts) {
        (Measure::Increase { .. }, Some((before, after))) => Some(format!("{before}→{after}")),
        (Measure::Ratio { .. }, _) => evaluation
            .shown_actual(lang.numbers())
            .map(|shown| format!("{}%", shown.text)),
        _ => None,
    }
}

#[component]
pub fn DistrictGrid(props: &DistrictGridProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let workspace = &props.workspace;
    let model = workspace.model_of(plan);
    let rows = grid(
        plan,
        &workspace.profiles,
        &workspace.district_choices,
        &model,
    );

    let download = {
        let (plan, rows) = (plan.clone(), rows.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!(
                "cchc_{}_theo-doi_{}.csv",
                slug(&plan.id, 40),
                browser::today_iso()
            );
            let _ = browser::download(
                &name,
                "text/csv;charset=utf-8",
                &grid_csv(&plan, &rows, lang),
            );
        })
    };
    let not_sent: Vec<Html> = plan
        .blocs
        .iter()
        .filter_map(|bloc| {
            let missing: Vec<&str> = rows
                .iter()
                .filter(|r| r.bloc == bloc.id && !r.submitted())
                .map(|r| r.name.as_str())
                .collect();
            (!missing.is_empty()).then(|| {
                html! {
                    <li data-not-sent={bloc.id.key().to_string()} data-count={missing.len().to_string()}>
                        { t.grid_not_sent(lang.pick(&bloc.name), missing.len(), bloc.units.len(), &missing.join(", ")) }
                    </li>
                }
            })
        })
        .collect();
    let columns = plan.targets.len() + 3;

    html! {
        <section class="grid-section" aria-labelledby="grid-heading" data-grid-section="">
            <h2 id="grid-heading">{ t.grid_heading }</h2>
            <p class="print-only grid-plan">{ lang.pick(&plan.name).to_string() }{ " · " }{ browser::today_iso() }</p>
            if not_sent.is_empty() {
                <p data-not-sent="">{ t.grid_all_sent }</p>
            } else {
                <ul class="grid-not-sent">{ for not_sent }</ul>
            }
            <p class="hint">{ t.grid_intro }</p>
            <div class="actions no-print">
                <button type="button" class="secondary" data-action="grid-csv" onclick={download}>{ t.grid_export_csv }</button>
                <button type="button" class="secondary" data-action="grid-print" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ t.grid_print }</button>
            </div>
            // The legend before the table (aftercare of issue 13): each column's number and
            // its target's name, in sight above the table on screen and on paper.
            <div class="grid-legend" data-grid-legend="">
                <p class="grid-legend-heading" id="grid-legend-heading">{ t.grid_legend_heading }</p>
                <ol class="grid-targets" aria-labelledby="grid-legend-heading">
                    { for plan.targets.iter().map(|target| html! {
                        <li data-grid-legend-target={target.id.key().to_string()}>{ lang.pick(&target.label).to_string() }</li>
                    }) }
                </ol>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t.grid_table}>
                <table class="grid" data-grid="">
                    <thead>
                        <tr>
                            <th scope="col" class="grid-unit">{ t.grid_col_unit }</th>
                            <th scope="col">{ t.grid_col_file }</th>
                            <th scope="col">{ t.grid_col_score }</th>
                            { for plan.targets.iter().enumerate().map(|(index, target)| html! {
                                // The number on screen (the legend names it), the whole name
                                // for a screen reader and on hover.
                                <th scope="col" class="grid-target" data-grid-column={(index + 1).to_string()} title={lang.pick(&target.label).to_string()}>
                                    <span aria-hidden="true">{ index + 1 }</span>
                                    <span class="visually-hidden">{ format!("{}. {}", index + 1, lang.pick(&target.label)) }</span>
                                </th>
                            }) }
                        </tr>
                    </thead>
                    { for plan.blocs.iter().map(|bloc| html! {
                        <tbody data-grid-bloc={bloc.id.key().to_string()}>
                            <tr class="grid-bloc"><th scope="colgroup" colspan={columns.to_string()}>{ lang.pick(&bloc.name).to_string() }</th></tr>
                            { for rows.iter().filter(|r| r.bloc == bloc.id).map(|row| grid_row(lang, plan, row)) }
                        </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}

fn grid_row(lang: Lang, plan: &Plan, row: &GridRow) -> Html {
    let t = lang.texts();
    let lacking = row.lacking();
    let file = match (&row.exported_at, row.submitted()) {
        (_, false) => {
            html! { <span class="grid-missing">{ symbol(CellStatus::Missing) }{ " " }{ t.grid_status_missing }</span> }
        }
        (Some(date), true) => html! { <time datetime={date.clone()}>{ t.file_date(date) }</time> },
        (None, true) => html! { <span class="muted">{ t.grid_typed_here }</span> },
    };
    html! {
        <tr
            data-grid-row={row.key.clone()}
            data-sent={row.submitted().to_string()}
            data-exported-at={row.exported_at.clone()}
            data-lacking={row.submitted().then(|| lacking.to_string())}
            class={classes!((!row.submitted()).then_some("grid-row-missing"))}
        >
            <th scope="row" class="grid-unit">{ row.name.clone() }</th>
            <td class="grid-file">
                { file }
                if row.submitted() && lacking > 0 {
                    <br /><span class="grid-flag" data-flag="lacking">{ "⚠ " }{ t.grid_lacking(lacking) }</span>
                }
            </td>
            <td class="grid-score">{ row.summary.map(|s| format_real(s.score, 2, lang.numbers())).unwrap_or_default() }</td>
            { for plan.targets.iter().zip(&row.cells).map(|(target, (status, evaluation))| {
                let value = evaluation.as_ref().and_then(|e| short_value(lang, target, e));
                html! {
                    <td data-unit={row.key.clone()} data-target={target.id.key().to_string()} data-status={status.key()} class={classes!("grid-cell", format!("grid-{}", status.key()))}>
                        <span aria-hidden="true">{ symbol(*status) }</span>
                        <span class="visually-hidden">{ cell_status_name(lang, *status) }</span>
                        if let Some(value) = value { <span class="grid-value">{ value }</span> }
                    </td>
                }
            }) }
        </tr>
    }
}
