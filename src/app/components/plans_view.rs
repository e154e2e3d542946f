//! The plans in this browser: the built-in 2021 plan, the plans added from files or links,
//! and the examples; for each, what it holds, and the ways to use it, edit a copy of it,
//! write it as a plan file or send it as a link. The plan editor opens here.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::data_view::import_files;
use super::plan_editor::PlanEditor;
use super::plan_review::PlanReview;
use crate::app::browser;
use crate::app::shared::Shared;
use crate::app::state::{Action, Edit, ImportReview};
use crate::domain::builtin;
use crate::domain::plan::Plan;
use crate::domain::workspace::Workspace;
use crate::formats::examples::{example_plan, EXAMPLES};
use crate::formats::plan_file::export_plan_file;
use crate::formats::plan_link::make_plan_fragment;
use crate::i18n::Lang;

#[derive(Properties, PartialEq, Clone)]
pub struct PlansViewProps {
    pub lang: Lang,
    pub workspace: Shared<Workspace>,
    /// The plan on screen.
    pub plan: Shared<Plan>,
    pub import: Option<ImportReview>,
    pub on_action: Callback<Action>,
}

/// The file name a plan is written to: its id.
fn file_name(plan: &Plan) -> String {
    format!("{}.json", plan.id)
}

fn download(plan: &Plan) {
    let _ = browser::download(
        &file_name(plan),
        "application/json",
        &export_plan_file(plan),
    );
}

/// A plan listed: what it is and what can be done with it.
#[derive(Clone)]
enum Listed {
    /// In this browser (the built-in plan, or one added).
    Here(Rc<Plan>),
    /// An example not added yet: its id and name.
    Example(&'static str, &'static str),
}

#[component]
pub fn PlansView(props: &PlansViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    // The plan being edited (the editor replaces the list while open).
    let editing = use_state(|| None::<Rc<Plan>>);
    // The plan whose link is shown, and the link (None: too long for a link).
    let link = use_state(|| None::<(String, Option<String>)>);
    // The plan whose removal is being asked about, and the name of the last plan removed.
    let removing = use_state(|| None::<String>);
    let removed = use_state(|| None::<String>);
    // The examples' files come in a module of their own (issue 14).
    crate::app::lazy::use_example_files();

    if let Some(start) = (*editing).clone() {
        let close = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(None))
        };
        let on_save = {
            let (editing, on_action) = (editing.clone(), props.on_action.clone());
            Callback::from(move |plan: Plan| {
                on_action.emit(Action::SavePlan(plan));
                editing.set(None);
            })
        };
        return html! {
            <section class="plans" data-plans="">
                <PlanEditor key={start.id.clone()} plan={start.clone()} lang={lang} on_save={on_save} on_export={Callback::from(|plan: Plan| download(&plan))} on_close={close} />
            </section>
        };
    }

    let mut listed: Vec<Listed> = props
        .workspace
        .all_plans()
        .into_iter()
        .map(Listed::Here)
        .collect();
    for (id, name) in EXAMPLES {
        if props.workspace.plan(id).is_none() {
            listed.push(Listed::Example(id, name));
        }
    }
    let on_files = {
        let (on_action, workspace) = (props.on_action.clone(), props.workspace.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                import_files(files, workspace.all_plans(), on_action.clone());
            }
            input.set_value("");
        })
    };
    let new_plan = {
        let editing = editing.clone();
        let year = props.plan.year;
        Callback::from(move |_: MouseEvent| {
            let words = crate::i18n::new_plan_words(lang);
            editing.set(Some(Rc::new(crate::domain::plan_edit::empty_plan(
                year, &words,
            ))))
        })
    };
    let item = |entry: &Listed| -> Html {
        let (id, plan) = match entry {
            Listed::Here(plan) => (plan.id.clone(), Some(plan.clone())),
            Listed::Example(id, _) => (id.to_string(), None),
        };
        let current = id == props.plan.id;
        let use_plan = {
            let id = id.clone();
            props
                .on_action
                .reform(move |_: MouseEvent| Action::Edit(Edit::ChoosePlan(id.clone())))
        };
        // The plan to edit, export or share: read on demand for an example.
        let resolve = {
            let (id, plan) = (id.clone(), plan.clone());
            move || plan.clone().or_else(|| example_plan(&id).map(Rc::new))
        };
        let edit = {
            let (editing, resolve) = (editing.clone(), resolve.clone());
            let builtin_or_example = plan
                .as_ref()
                .is_none_or(|p| p.id == builtin::PLAN_ID || p.example);
            Callback::from(move |_: MouseEvent| {
                if let Some(plan) = resolve() {
                    // The built-in plan and the examples are never changed in place: the
                    // editor starts from a copy for the next year.
                    let start = if builtin_or_example {
                        crate::domain::plan_edit::next_year_copy(&plan)
                    } else {
                        Plan::clone(&plan)
                    };
                    editing.set(Some(Rc::new(start)));
                }
            })
        };
        let export = {
            let resolve = resolve.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(plan) = resolve() {
                    download(&plan);
                }
            })
        };
        let share = {
            let (link, resolve, id) = (link.clone(), resolve.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(plan) = resolve() {
                    let url = make_plan_fragment(&plan)
                        .map(|fragment| format!("{}#{}", browser::page_address(), fragment));
                    link.set(Some((id.clone(), url)));
                }
            })
        };
        let (name, year, issuer, example, counts, fingerprint) = match (&plan, entry) {
            (Some(plan), _) => (
                lang.pick(&plan.name).to_string(),
                plan.year,
                lang.pick(&plan.issuer).to_string(),
                plan.example,
                Some((
                    plan.blocs.len(),
                    plan.blocs.iter().map(|b| b.units.len()).sum::<usize>(),
                    plan.targets.len(),
                )),
                Some(plan.fingerprint()),
            ),
            (None, Listed::Example(_, name)) => {
                (name.to_string(), 0, String::new(), true, None, None)
            }
            (None, Listed::Here(_)) => unreachable!("a plan here is always read"),
        };
        // Removing: only a plan added to this browser (an example goes back to the list of
        // examples); asked first, and refused while profiles with figures belong to it.
        let removable = plan.as_ref().is_some_and(|p| p.id != builtin::PLAN_ID);
        let ask_remove = {
            let (removing, id) = (removing.clone(), id.clone());
            Callback::from(move |_: MouseEvent| removing.set(Some(id.clone())))
        };
        let cancel_remove = {
            let removing = removing.clone();
            Callback::from(move |_: MouseEvent| removing.set(None))
        };
        let confirm_remove = {
            let (removing, removed, on_action, id) = (
                removing.clone(),
                removed.clone(),
                props.on_action.clone(),
                id.clone(),
            );
            let name = plan.as_ref().map(|p| lang.pick(&p.name).to_string());
            Callback::from(move |_: MouseEvent| {
                on_action.emit(Action::Edit(Edit::RemovePlan(id.clone())));
                removing.set(None);
                removed.set(name.clone());
            })
        };
        let asking = removable && removing.as_deref() == Some(id.as_str());
        let in_use = props.workspace.profiles_using(&id);
        let shown_link = (*link).clone().filter(|(for_id, _)| *for_id == id);
        let heading_id = format!("plan-{id}");
        html! {
            <li class={classes!("plan-card", current.then_some("current"))} data-plan-id={id.clone()} aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>
                    { name.clone() }
                    if example { { " " }<span class="badge" data-example="">{ t.plan_example_badge }</span> }
                    if current { { " " }<span class="badge current-badge">{ t.plan_on_screen }</span> }
                </h3>
                <p class="plan-facts">
                    if year > 0 { { t.plan_year(year) }{ " · " } }
                    if !issuer.is_empty() { { issuer }{ " · " } }
                    if let Some((blocs, units, targets)) = counts { { t.plan_counts(blocs, units, targets) }{ " · " } }
                    { t.plan_id_label }{ ": " }<code>{ id.clone() }</code>
                    if let Some(fingerprint) = fingerprint { { " · " }{ t.plan_fingerprint_label }{ ": " }<code>{ fingerprint }</code> }
                </p>
                <div class="actions">
                    if !current {
                        <button type="button" class="primary" data-action="use-plan" onclick={use_plan}>{ t.plan_use }</button>
                    }
                    <button type="button" class="secondary" data-action="edit-plan" onclick={edit}>
                        { if plan.as_ref().is_some_and(|p| p.id != builtin::PLAN_ID && !p.example) { t.plan_edit } else { t.plan_edit_copy } }
                    </button>
                    <button type="button" class="secondary" data-action="export-plan" onclick={export}>{ t.plan_export }</button>
                    <button type="button" class="secondary" data-action="share-plan" onclick={share}>{ t.plan_share }</button>
                    if removable && !asking {
                        <button type="button" class="secondary" data-action="remove-plan" onclick={ask_remove}>{ t.plan_remove }</button>
                    }
                </div>
                if asking {
                    <div class="panel remove-plan" role="alert" data-remove-plan={id.clone()}>
                        if in_use > 0 {
                            <p data-plan-in-use={in_use.to_string()}>{ t.plan_in_use(&name, in_use) }</p>
                            <button type="button" class="secondary" data-action="cancel-remove-plan" onclick={cancel_remove}>{ t.plan_remove_cancel }</button>
                        } else {
                            <p>{ t.plan_remove_question(&name) }</p>
                            <div class="actions">
                                <button type="button" class="secondary danger" data-action="confirm-remove-plan" onclick={confirm_remove}>{ t.plan_remove_confirm }</button>
                                <button type="button" class="secondary" data-action="cancel-remove-plan" onclick={cancel_remove}>{ t.plan_remove_cancel }</button>
                            </div>
                        }
                    </div>
                }
                if let Some((_, url)) = shown_link {
                    <div class="share" data-plan-link={url.clone()}>
                        if let Some(url) = url {
                            <label for={format!("plan-link-{id}")}>{ t.plan_link_label }</label>
                            <input id={format!("plan-link-{id}")} type="text" readonly=true value={url.clone()} />
                            <button type="button" class="secondary" data-action="copy-plan-link" onclick={Callback::from(move |_: MouseEvent| browser::copy_to_clipboard(&url))}>{ t.share_copy }</button>
                        } else {
                            <p class="error" role="alert" data-error="plan-link">{ t.plan_link_too_long }</p>
                        }
                    </div>
                }
            </li>
        }
    };
    html! {
        <section class="plans" aria-labelledby="plans-heading" data-plans="">
            <h2 id="plans-heading">{ t.plans_heading }</h2>
            <p class="hint">{ t.plans_intro }</p>
            <p role="status" class="plan-removed" data-plan-removed={removed.as_ref().map(|_| "true")}>
                { for removed.as_ref().map(|name| t.plan_removed(name)) }
            </p>
            if let Some(review) = &props.import {
                <PlanReview lang={lang} review={review.clone()} on_action={props.on_action.clone()} />
            }
            <div class="panel plans-add">
                <div class="field">
                    <label for="plan-files">{ t.plans_open_file }</label>
                    <input id="plan-files" type="file" multiple=true accept=".json,application/json" data-field="import-plan" onchange={on_files} />
                </div>
                <button type="button" class="secondary" data-action="new-plan" onclick={new_plan}>{ t.plan_new }</button>
            </div>
            <ul class="plan-list">
                { for listed.iter().map(item) }
            </ul>
        </section>
    }
}
