//! Export, import, share and print: unit files (JSON), spreadsheets (CSV), share links, and
//! the way into the print view.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::plan_review::PlanReview;
use crate::app::browser;
use crate::app::shared::Shared;
use crate::app::state::{Action, Choice, ImportReview, View};
use crate::domain::bloc_table::BlocTable;
use crate::domain::number::format_real;
use crate::domain::profile::Profile;
use crate::domain::rank::AwardVerdict;
use crate::domain::score::ScoringModel;
use std::rc::Rc;

use crate::domain::plan::Plan;
use crate::domain::workspace::Workspace;
use crate::formats::csv::{profile_csv, table_csv, TableRow};
use crate::formats::plan_file::{import_plan_file, is_plan_file, MAX_PLAN_FILE_BYTES};
use crate::formats::share_link::{make_share_fragment, ShareRefusal};
use crate::formats::unit_file::{
    export_unit_file_with_model, import_unit_file, suggested_file_name, ImportError, ImportProblem,
    MAX_UNIT_FILE_BYTES,
};
use crate::formats::validate::check_profile;
use crate::i18n::{
    figures_text, import_error_message, profile_problem_message, share_refusal_message,
    status_name, Lang,
};

#[derive(Properties, PartialEq, Clone)]
pub struct DataViewProps {
    pub lang: Lang,
    pub workspace: Shared<Workspace>,
    pub table: Shared<BlocTable>,
    pub import: Option<ImportReview>,
    pub on_action: Callback<Action>,
}

/// Reads the chosen or dropped files and hands them to the reducer in one action: plan
/// files and unit files alike (told apart by their `format`), the unit files read with the
/// plans of this browser and those that came with them.
pub fn import_files(files: web_sys::FileList, plans: Vec<Rc<Plan>>, on_action: Callback<Action>) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut plan_outcomes = Vec::new();
        let mut unit_files: Vec<(String, Result<Vec<u8>, ImportProblem>)> = Vec::new();
        for file in files {
            let name = file.name();
            let size = file.size() as usize;
            if size > MAX_PLAN_FILE_BYTES.max(MAX_UNIT_FILE_BYTES) {
                // Refused before reading a byte of it.
                let problem = ImportProblem::TooBig {
                    size,
                    limit: MAX_UNIT_FILE_BYTES,
                };
                unit_files.push((name, Err(problem)));
                continue;
            }
            match browser::read_file(&file).await {
                Some(bytes) if is_plan_file(&bytes) => {
                    plan_outcomes.push(import_plan_file(&name, &bytes))
                }
                Some(bytes) => unit_files.push((name, Ok(bytes))),
                None => unit_files.push((name, Err(ImportProblem::Empty))),
            }
        }
        let mut known = plans;
        known.extend(
            plan_outcomes
                .iter()
                .filter_map(|outcome| outcome.as_ref().ok())
                .map(|plan| Rc::new(plan.clone())),
        );
        let plan_of = |id: &str| known.iter().rev().find(|plan| plan.id == id).cloned();
        let mut mismatched = Vec::new();
        let mut exported = Vec::new();
        let units = unit_files
            .into_iter()
            .map(|(name, bytes)| {
                let outcome = match bytes {
                    Ok(bytes) => import_unit_file(&name, &bytes, plan_of),
                    Err(problem) => Err(ImportError {
                        file_name: name.clone(),
                        problem,
                    }),
                };
                let outcome = outcome.map(|imported| {
                    let local = plan_of(&imported.profile.plan).map(|plan| plan.fingerprint());
                    if imported.plan_fingerprint.is_some() && imported.plan_fingerprint != local {
                        mismatched.push(name.clone());
                    }
                    if let Some(date) = imported.exported_at {
                        exported.push((name.clone(), date));
                    }
                    imported.profile
                });
                (name, outcome)
            })
            .collect();
        on_action.emit(Action::ImportFiles {
            plans: plan_outcomes,
            units,
            mismatched,
            exported,
        });
    });
}

fn table_rows(table: &BlocTable) -> Vec<TableRow> {
    table
        .rows
        .iter()
        .map(|row| TableRow {
            rank: row.rank,
            unit_id: row.unit_id.clone(),
            unit_name: row.name.clone(),
            score: row.score,
            source: row.source,
            in_award_zone: row.award.and_then(AwardVerdict::is_in),
        })
        .collect()
}

#[component]
pub fn DataView(props: &DataViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let profile = props.workspace.active_profile().clone();
    let plan = props.workspace.active_plan();
    let model = props.workspace.model_of(&plan);
    let export_problem = use_state(|| None::<String>);
    let share_shown = use_state(|| false);

    let export_json = {
        let (plan, profile, model, export_problem) = (
            plan.clone(),
            profile.clone(),
            model.clone(),
            export_problem.clone(),
        );
        Callback::from(move |_: MouseEvent| match check_profile(&plan, &profile) {
            Err(problem) => export_problem.set(Some(
                t.export_blocked(&profile_problem_message(lang, &problem)),
            )),
            Ok(()) => {
                export_problem.set(None);
                let today = browser::today_iso();
                let _ = browser::download(
                    &suggested_file_name(&plan, &profile, &today),
                    "application/json",
                    &export_unit_file_with_model(&plan, &profile, &today, &model),
                );
            }
        })
    };
    let export_csv = {
        let (plan, profile, model) = (plan.clone(), profile.clone(), model.clone());
        Callback::from(move |_: MouseEvent| {
            let name = suggested_file_name(&plan, &profile, &browser::today_iso())
                .replace(".json", ".csv");
            let _ = browser::download(
                &name,
                "text/csv;charset=utf-8",
                &profile_csv(&plan, &profile, &model, lang),
            );
        })
    };
    let export_table = {
        let rows = table_rows(&props.table);
        let bloc = props.table.bloc;
        Callback::from(move |_: MouseEvent| {
            let name = format!(
                "cchc-2021_bang-xep-hang_{}_{}.csv",
                bloc.key(),
                browser::today_iso()
            );
            let _ = browser::download(&name, "text/csv;charset=utf-8", &table_csv(&rows, lang));
        })
    };
    let on_files = {
        let on_action = props.on_action.clone();
        let workspace = props.workspace.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                import_files(files, workspace.all_plans(), on_action.clone());
            }
            // Choosing the same file again must read it again.
            input.set_value("");
        })
    };
    let on_drop = {
        let on_action = props.on_action.clone();
        let workspace = props.workspace.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(files) = event.data_transfer().and_then(|d| d.files()) {
                import_files(files, workspace.all_plans(), on_action.clone());
            }
        })
    };
    // A link is made only when it will open: the profile passes the check links get, and the
    // link is not longer than a link reader takes (else the unit file is offered).
    let share = (*share_shown).then(|| {
        make_share_fragment(&plan, &profile)
            .map(|fragment| format!("{}#{}", browser::page_address(), fragment))
    });
    let share_url = share.clone().and_then(Result::ok);
    let share_refusal = share.and_then(Result::err);
    let make_link = {
        let share_shown = share_shown.clone();
        Callback::from(move |_: MouseEvent| share_shown.set(true))
    };
    let copy_link = {
        let url = share_url.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = &url {
                browser::copy_to_clipboard(url);
            }
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            input.select();
        }
    });

    html! {
        <section class="data-view" aria-labelledby="data-heading" data-data-view="">
            <h2 id="data-heading">{ t.data_heading }</h2>

            <section class="panel" aria-labelledby="export-heading">
                <h3 id="export-heading">{ t.export_heading }</h3>
                <p class="hint">{ t.export_hint }</p>
                <div class="actions">
                    <button type="button" class="secondary" data-action="export-json" onclick={export_json.clone()}>{ t.export_json }</button>
                    <button type="button" class="secondary" data-action="export-csv" onclick={export_csv}>{ t.export_csv }</button>
                    <button type="button" class="secondary" data-action="export-table-csv" onclick={export_table}>{ t.export_table_csv }</button>
                </div>
                if let Some(problem) = &*export_problem {
                    <p class="error" role="alert" data-error="export">{ problem.clone() }</p>
                }
            </section>

            <section class="panel" aria-labelledby="import-heading">
                <h3 id="import-heading">{ t.import_heading }</h3>
                <div class="drop-zone" data-drop-zone="" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                    <label for="import-files">{ t.import_label }</label>
                    <input id="import-files" type="file" multiple=true accept=".json,application/json" data-field="import" onchange={on_files} />
                    <p class="hint">{ t.import_drop }</p>
                </div>
                if let Some(review) = &props.import {
                    <PlanReview lang={lang} review={review.clone()} on_action={props.on_action.clone()} />
                    { import_review(props, review) }
                }
            </section>

            <section class="panel" aria-labelledby="share-heading">
                <h3 id="share-heading">{ t.share_heading }</h3>
                <p class="hint">{ t.share_hint }</p>
                <button type="button" class="secondary" data-action="share-link" onclick={make_link}>{ t.share_make }</button>
                <div class="share" data-share="" data-share-url={share_url.clone()}>
                    if let Some(url) = share_url {
                        <label for="share-url">{ t.share_label }</label>
                        <input id="share-url" type="text" readonly=true value={url} onfocus={select_all} />
                        <button type="button" class="secondary" data-action="copy-share" onclick={copy_link}>{ t.share_copy }</button>
                    }
                    if let Some(refusal) = &share_refusal {
                        <p
                            class="error"
                            role="alert"
                            data-error="share"
                            data-share-refused={match refusal { ShareRefusal::Invalid(_) => "invalid", ShareRefusal::TooLong { .. } => "too-long" }}
                        >
                            { share_refusal_message(lang, refusal) }
                        </p>
                        if matches!(refusal, ShareRefusal::TooLong { .. }) {
                            <button type="button" class="secondary" data-action="share-file" onclick={export_json}>{ t.share_file }</button>
                        }
                    }
                </div>
            </section>

            <section class="panel" aria-labelledby="print-heading">
                <h3 id="print-heading">{ t.print_heading }</h3>
                <p class="hint">{ t.print_hint }</p>
                <button type="button" class="secondary" data-action="print" onclick={props.on_action.reform(|_: MouseEvent| Action::SetView(View::Print))}>
                    { t.print_open }
                </button>
            </section>
        </section>
    }
}

fn import_review(props: &DataViewProps, review: &ImportReview) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    // Each file with its export date, so a newer file can be told from an older (issue 13).
    let dated = |names: &[String]| {
        names
            .iter()
            .map(|name| match review.exported.get(name) {
                Some(date) => format!("{name} ({})", t.import_date(Some(date))),
                None => name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };

    html! {
        <div class="import-review" data-import-review="" role="status">
            if !review.added.is_empty() {
                <p data-import-added={review.added.len().to_string()}>
                    { t.import_added(review.added.len(), &dated(&review.added)) }
                </p>
            }
            if !review.replaced.is_empty() {
                <p data-import-replaced={review.replaced.len().to_string()}>
                    { t.import_replaced(review.replaced.len(), &dated(&review.replaced)) }
                </p>
            }
            if !review.already_there.is_empty() {
                <p data-import-already-there={review.already_there.len().to_string()}>
                    { t.import_already_there(review.already_there.len(), &dated(&review.already_there)) }
                </p>
            }
            { for review.conflicts.iter().enumerate().map(|(index, conflict)| {
                let existing_record = props.workspace.profiles.iter().find(|r| r.id == conflict.existing_id);
                let existing = existing_record.map(|r| &r.profile);
                let dates = existing_record.map(|r| conflict_dates(lang, r.exported_at.as_deref(), conflict.exported_at.as_deref()));
                let choose = |choice: Choice| props.on_action.reform(move |_: MouseEvent| Action::ResolveConflict(index, choice));
                html! {
                    <div class="conflict" data-conflict={conflict.file_name.clone()}>
                        <p><strong>{ t.import_conflict_heading(&conflict.file_name) }</strong></p>
                        { for dates }
                        if let (Some(existing), Some(plan)) = (existing, props.workspace.plan(&conflict.incoming.plan)) {
                            { side_by_side(lang, &plan, existing, &conflict.incoming, &props.workspace.model_of(&plan)) }
                        }
                        <div class="actions">
                            <button type="button" class="secondary danger" data-action="conflict-replace" onclick={choose(Choice::Replace)}>{ t.import_replace }</button>
                            <button type="button" class="secondary" data-action="conflict-add" onclick={choose(Choice::AddAsNew)}>{ t.import_add_new }</button>
                            <button type="button" class="secondary" data-action="conflict-skip" onclick={choose(Choice::Skip)}>{ t.import_skip }</button>
                        </div>
                    </div>
                }
            }) }
            if !review.errors.is_empty() {
                <div class="import-errors" role="alert">
                    <p><strong>{ t.import_errors_heading(review.errors.len()) }</strong></p>
                    <ul>
                        { for review.errors.iter().map(|error| html! {
                            <li data-import-error={error.file_name.clone()}>{ import_error_message(lang, error) }</li>
                        }) }
                    </ul>
                </div>
            }
            <button type="button" class="secondary small" data-action="import-dismiss" onclick={props.on_action.reform(|_: MouseEvent| Action::DismissImport)}>
                { t.dismiss }
            </button>
        </div>
    }
}

/// The export dates of the data here and of the file, and which is newer (ISO dates
/// compare as text).
fn conflict_dates(lang: Lang, existing: Option<&str>, incoming: Option<&str>) -> Html {
    let t = lang.texts();
    let order = match (existing, incoming) {
        (Some(existing), Some(incoming)) => Some(match incoming.cmp(existing) {
            std::cmp::Ordering::Greater => ("newer", t.import_newer),
            std::cmp::Ordering::Less => ("older", t.import_older),
            std::cmp::Ordering::Equal => ("same", t.import_same_day),
        }),
        _ => None,
    };
    html! {
        <p class="conflict-dates" data-conflict-order={order.map(|(key, _)| key)}>
            <span data-date="existing">{ t.import_existing }{ ": " }{ t.import_date(existing) }</span>
            { " · " }
            <span data-date="incoming">
                { t.import_incoming }{ ": " }{ t.import_date(incoming) }
                if let Some((_, word)) = order { { " (" }<strong>{ word }</strong>{ ")" } }
            </span>
        </p>
    }
}

/// Two profiles of the same unit, target by target.
pub fn side_by_side(
    lang: Lang,
    plan: &Plan,
    left: &Profile,
    right: &Profile,
    model: &ScoringModel,
) -> Html {
    let t = lang.texts();
    let (left_evaluations, right_evaluations) = (
        left.evaluate_all(plan, model),
        right.evaluate_all(plan, model),
    );
    let (left_summary, right_summary) = (left.summary(plan, model), right.summary(plan, model));
    let cell =
        |profile: &Profile, evaluation: &crate::domain::evaluate::Evaluation, index: usize| {
            let target = &plan.targets[index];
            format!(
                "{} · {}",
                figures_text(lang, target, profile.entry(target.id), evaluation),
                status_name(lang, evaluation.status)
            )
        };
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={t.import_existing}>
            <table class="side-by-side">
                <thead>
                    <tr>
                        <th scope="col">{ t.col_target }</th>
                        <th scope="col">{ t.import_existing }</th>
                        <th scope="col">{ t.import_incoming }</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{ t.score_label }</th>
                        <td>{ format_real(left_summary.score, 2, lang.numbers()) }</td>
                        <td>{ format_real(right_summary.score, 2, lang.numbers()) }</td>
                    </tr>
                    { for plan.targets.iter().enumerate().map(|(index, target)| {
                        let (l, r) = (cell(left, &left_evaluations[index].1, index), cell(right, &right_evaluations[index].1, index));
                        html! {
                            <tr class={classes!((l != r).then_some("differs"))}>
                                <th scope="row">{ lang.pick(&target.label) }</th>
                                <td>{ l }</td>
                                <td>{ r }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
