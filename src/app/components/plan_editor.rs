//! The plan editor (issue 12): a form over a [`PlanDraft`], with every problem next to its
//! field and counted at the top. Self-contained: it keeps the draft in its own reducer and
//! hands the finished plan to `on_save` / `on_export`. Mount it with `key={plan.id}` so that
//! another starting plan starts a new draft.
//!
//! Problems are placed by path: a field shows the problems of its own path; a problem whose
//! path has no field (`plan.blocs[0].units`, `plan.targets[2]`) shows in the nearest section
//! around it, and whatever is left at the top.

use crate::domain::small_map::SmallSet;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::plan::{BlocId, DefaultUnits, Measure, Plan, Target};
use crate::domain::plan_edit::{
    path, Band, EditProblem, Kind, MeasureText, PasteMode, PlanDraft, PlanEdit, TypedField,
};
use crate::domain::score::ScoringMode;
use crate::i18n::{
    edit_problem_message, line_problem_message, new_plan_words, plan_requirement_text, Lang,
};

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    /// The plan the draft starts from (edited as it is; "copy for the next year" and "empty
    /// plan" are buttons of the editor).
    pub plan: Rc<Plan>,
    pub lang: Lang,
    /// The edited plan, when it has no problem.
    pub on_save: Callback<Plan>,
    /// The edited plan, to write as a plan file (also only when it has no problem: a file
    /// with one would be refused on import).
    pub on_export: Callback<Plan>,
    pub on_close: Callback<()>,
}

#[derive(Clone, PartialEq)]
struct Draft(PlanDraft);

impl Reducible for Draft {
    type Action = PlanEdit;

    fn reduce(self: Rc<Self>, edit: PlanEdit) -> Rc<Self> {
        let mut draft = Rc::unwrap_or_clone(self).0;
        draft.apply(edit);
        Rc::new(Draft(draft))
    }
}

/// The value of the input, select or textarea an event came from.
fn value_of(event: &Event) -> String {
    let element: Element = event.target_unchecked_into();
    js_sys::Reflect::get(&element, &JsValue::from_str("value"))
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// An element id for a path (`plan.blocs[1].id` → `pe-plan-blocs-1--id`).
fn field_id(path: &str) -> String {
    let mut id = String::from("pe-");
    id.extend(path.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        }
    }));
    id
}

/// The path around `path` (`plan.blocs[1].units[3].id` → `plan.blocs[1].units[3]` →
/// `plan.blocs[1].units` → …), if any.
fn parent(path: &str) -> Option<&str> {
    let at = path.rfind(['.', '['])?;
    Some(&path[..at])
}

/// Moves the focus to the field of a problem's path, else to the nearest element around it
/// (a section). The page's fragment is left alone: it carries share links.
fn go_to(path: String) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let mut current = Some(path.as_str());
        while let Some(path) = current {
            let id = field_id(path);
            let found = document
                .get_element_by_id(&id)
                .or_else(|| document.get_element_by_id(&format!("{id}-offered")));
            if let Some(element) = found {
                element.scroll_into_view();
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
                return;
            }
            current = parent(path);
        }
    })
}

/// Whether `path` is `prefix` or inside it.
fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

#[derive(Clone, Copy, PartialEq)]
enum Input {
    Text,
    /// A number with decimals (`inputmode=decimal`).
    Decimal,
    /// A whole number (`inputmode=numeric`).
    Numeric,
    Area,
}

/// Where each problem went: the label the summary gives it.
struct Placed {
    label: String,
}

/// The form's render helpers: they place each problem once, fields before their sections.
struct Form<'a> {
    problems: &'a [EditProblem],
    /// The number of each problem in the editor's whole list (its message's id).
    ids: Vec<usize>,
    messages: Vec<String>,
    placed: RefCell<Vec<Option<Placed>>>,
    dispatch: UseReducerDispatcher<Draft>,
}

impl Form<'_> {
    fn send(&self, edit: impl Fn(String) -> PlanEdit + 'static) -> Callback<Event> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |event: Event| dispatch.dispatch(edit(value_of(&event))))
    }

    fn send_input(&self, edit: impl Fn(String) -> PlanEdit + 'static) -> Callback<InputEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |event: InputEvent| dispatch.dispatch(edit(value_of(&event))))
    }

    fn click(&self, edit: PlanEdit) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(edit.clone()))
    }

    /// The problems not placed yet whose path matches, now placed (and labelled `label`).
    fn claim(&self, matches: impl Fn(&str) -> bool, label: &str) -> Vec<usize> {
        let mut placed = self.placed.borrow_mut();
        let mut claimed = Vec::new();
        for (index, problem) in self.problems.iter().enumerate() {
            if placed[index].is_none() && matches(&problem.path) {
                placed[index] = Some(Placed {
                    label: label.to_string(),
                });
                claimed.push(index);
            }
        }
        claimed
    }

    fn messages_html(&self, claimed: &[usize]) -> Html {
        claimed
            .iter()
            .map(|&index| html! {
                <p class="error" id={format!("pe-problem-{}", self.ids[index])} data-problem={self.problems[index].path.clone()}>
                    <span aria-hidden="true">{ "! " }</span>{ self.messages[index].clone() }
                </p>
            })
            .collect()
    }

    fn described_by(&self, claimed: &[usize], hint: Option<&str>) -> Option<String> {
        let ids: Vec<String> = hint
            .map(str::to_string)
            .into_iter()
            .chain(
                claimed
                    .iter()
                    .map(|&index| format!("pe-problem-{}", self.ids[index])),
            )
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// The problems of a section that none of its fields took (call after building them).
    fn section_problems(&self, prefix: &str, label: &str) -> Html {
        let claimed = self.claim(|p| is_under(p, prefix), label);
        self.messages_html(&claimed)
    }

    /// A labelled field with its problems.
    fn field(
        &self,
        path: &str,
        label: &str,
        context: &str,
        value: String,
        input: Input,
        edit: impl Fn(String) -> PlanEdit + 'static,
    ) -> Html {
        let id = field_id(path);
        let full_label = if context.is_empty() {
            label.to_string()
        } else {
            format!("{context} — {label}")
        };
        let claimed = self.claim(|p| p == path, &full_label);
        let invalid = (!claimed.is_empty()).then_some("true");
        let described = self.described_by(&claimed, None);
        let control = match input {
            Input::Area => html! {
                <textarea id={id.clone()} rows="2" data-plan-field={path.to_string()} value={value}
                    aria-invalid={invalid} aria-describedby={described} oninput={self.send_input(edit)} />
            },
            Input::Text | Input::Decimal | Input::Numeric => {
                let inputmode = match input {
                    Input::Decimal => Some("decimal"),
                    Input::Numeric => Some("numeric"),
                    _ => None,
                };
                html! {
                    <input id={id.clone()} type="text" inputmode={inputmode} autocomplete="off"
                        spellcheck={inputmode.map(|_| "false")} data-plan-field={path.to_string()} value={value}
                        aria-invalid={invalid} aria-describedby={described} oninput={self.send_input(edit)} />
                }
            }
        };
        html! {
            <div class={classes!("field", (!claimed.is_empty()).then_some("has-error"))}>
                <label for={id}>{ label.to_string() }</label>
                { control }
                { self.messages_html(&claimed) }
            </div>
        }
    }

    /// A labelled `<select>` of `(value, label)` options.
    fn select(
        &self,
        path: &str,
        label: &str,
        value: &str,
        options: &[(&str, String)],
        edit: impl Fn(String) -> PlanEdit + 'static,
    ) -> Html {
        let id = field_id(path);
        let claimed = self.claim(|p| p == path, label);
        html! {
            <div class="field">
                <label for={id.clone()}>{ label.to_string() }</label>
                <FieldSelect id={id} path={path.to_string()} value={value.to_string()}
                    options={options.iter().map(|(v, l)| (AttrValue::from(v.to_string()), AttrValue::from(l.clone()))).collect::<Vec<_>>()}
                    described_by={self.described_by(&claimed, None)} onchange={self.send(edit)} />
                { self.messages_html(&claimed) }
            </div>
        }
    }
}

#[derive(Properties, PartialEq)]
struct FieldSelectProps {
    id: AttrValue,
    path: AttrValue,
    value: AttrValue,
    options: Vec<(AttrValue, AttrValue)>,
    described_by: Option<String>,
    onchange: Callback<Event>,
}

/// A `<select>` that always shows the draft's value (browsers stop honouring `selected`
/// once the user has picked an option, so the value is set after every render too).
#[component]
fn FieldSelect(props: &FieldSelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let value = props.value.clone();
        use_effect(move || {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                if select.value() != *value {
                    select.set_value(&value);
                }
            }
        });
    }
    html! {
        <select ref={node} id={props.id.clone()} data-plan-field={props.path.clone()}
            aria-describedby={props.described_by.clone()} onchange={props.onchange.clone()}>
            { for props.options.iter().map(|(value, label)| html! {
                <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
            }) }
        </select>
    }
}

/// What a target's typed fields show (what was typed, else the plan's value).
#[derive(Clone, PartialEq)]
struct TargetTexts {
    id: String,
    weight: String,
    overall: String,
    /// By bloc, in the plan's order.
    thresholds: Vec<String>,
}

#[derive(Properties, PartialEq)]
struct TargetSectionProps {
    lang: Lang,
    index: usize,
    count: usize,
    target: Target,
    /// The plan's blocs: id and name.
    blocs: Rc<Vec<(BlocId, String)>>,
    texts: TargetTexts,
    /// The problems under `plan.targets[index]`, with their number in the whole list and
    /// their message.
    problems: Vec<EditProblem>,
    ids: Vec<usize>,
    messages: Vec<String>,
    dispatch: UseReducerDispatcher<Draft>,
}

/// One target's section: a component of its own, so that a keystroke elsewhere does not
/// render the other targets again (a plan may have 40).
#[component]
fn TargetSection(props: &TargetSectionProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let i = props.index;
    let target = &props.target;
    let texts = &props.texts;
    let form = Form {
        problems: &props.problems,
        ids: props.ids.clone(),
        messages: props.messages.clone(),
        placed: RefCell::new(props.problems.iter().map(|_| None).collect()),
        dispatch: props.dispatch.clone(),
    };
    let kinds = [
        (Kind::Ratio.key(), t.pe_kind_ratio.to_string()),
        (Kind::YesNo.key(), t.pe_kind_yes_no.to_string()),
        (Kind::Increase.key(), t.pe_kind_increase.to_string()),
    ];
    let legend = t.pe_target_legend(i + 1, &target.label.vi);
    let kind = Kind::of(&target.measure);
    let words = MeasureText::of_kind(kind)
        .iter()
        .map(|&which| {
            let label = match which {
                MeasureText::Numerator => t.pe_numerator,
                MeasureText::Denominator => t.pe_denominator,
                MeasureText::OneMore => t.pe_one_more,
                MeasureText::Question => t.pe_question,
                MeasureText::Before => t.pe_before,
                MeasureText::After => t.pe_after,
            };
            let value = which
                .get(&target.measure)
                .map_or(String::new(), |text| text.vi.clone());
            form.field(
                &path::target(i, which.key()),
                label,
                &legend,
                value,
                Input::Text,
                move |v| PlanEdit::SetMeasureText(i, which, v),
            )
        })
        .collect::<Html>();
    let overall = matches!(target.measure, Measure::YesNo { .. }).then(|| {
        form.field(
            &path::target(i, "overall_threshold"),
            t.pe_overall,
            &legend,
            texts.overall.clone(),
            Input::Decimal,
            move |v| PlanEdit::SetOverallThreshold(i, v),
        )
    });
    let head = html! {
        <>
            <div class="pe-row">
                { form.field(&path::target(i, "name"), t.pe_target_label, &legend, target.label.vi.clone(), Input::Text, move |v| PlanEdit::SetLabel(i, v)) }
                { form.field(&path::target(i, "id"), t.pe_target_id, &legend, texts.id.clone(), Input::Text, move |v| PlanEdit::SetTargetId(i, v)) }
            </div>
            { form.field(&path::target(i, "help"), t.pe_target_help, &legend, target.help.vi.clone(), Input::Area, move |v| PlanEdit::SetHelp(i, v)) }
            <div class="pe-row">
                { form.select(&path::target(i, "kind"), t.pe_kind, kind.key(), &kinds, move |v| PlanEdit::SetKind(i, Kind::from_key(&v).unwrap_or(Kind::Ratio))) }
                { form.field(&path::target(i, "weight"), t.pe_weight, &legend, texts.weight.clone(), Input::Numeric, move |v| PlanEdit::SetWeight(i, v)) }
            </div>
            <div class="pe-row">{ words }</div>
            { for overall }
        </>
    };
    let rules = props.blocs.iter().enumerate().map(|(b, (bloc_id, bloc_name))| {
        let applies_path = path::applies(i, bloc_id.key());
        let rule = target.rule(*bloc_id);
        let offered_id = format!("{}-offered", field_id(&applies_path));
        let on_offered = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |event: Event| {
                let offered = event.target_unchecked_into::<HtmlInputElement>().checked();
                dispatch.dispatch(PlanEdit::SetOffered { target: i, bloc: b, offered });
            })
        };
        let context = format!("{legend} — {bloc_name}");
        let threshold = (rule.is_some() && kind == Kind::Ratio).then(|| {
            form.field(&applies_path, t.pe_threshold, &context, texts.thresholds.get(b).cloned().unwrap_or_default(), Input::Decimal, move |text| PlanEdit::SetThreshold { target: i, bloc: b, text })
        });
        let default_units = rule.map(|rule| {
            let value = match &rule.applies_to {
                DefaultUnits::All => "all",
                DefaultUnits::None => "none",
                DefaultUnits::Only(_) => "only",
            };
            let mut options = vec![("all", t.pe_units_all.to_string()), ("none", t.pe_units_none.to_string())];
            let only = match &rule.applies_to {
                DefaultUnits::Only(ids) => Some(ids.clone()),
                _ => None,
            };
            if let Some(ids) = &only {
                options.push(("only", t.pe_units_only(ids.len())));
            }
            form.select(&path::default_units(i, bloc_id.key()), t.pe_default_units, value, &options, move |v| {
                let units = match v.as_str() {
                    "none" => DefaultUnits::None,
                    "only" => DefaultUnits::Only(only.clone().unwrap_or_default()),
                    _ => DefaultUnits::All,
                };
                PlanEdit::SetDefaultUnits { target: i, bloc: b, units }
            })
        });
        // A yes/no or increase target's `applies.<bloc>` problems go to its checkbox.
        let offered_claimed = form.claim(|p| p == applies_path, &context);
        html! {
            <div class="pe-rule" key={b} data-plan-rule={bloc_id.to_string()}>
                <label class="check">
                    <input type="checkbox" id={offered_id} data-plan-field={applies_path.clone()} checked={rule.is_some()}
                        aria-describedby={form.described_by(&offered_claimed, None)} onchange={on_offered} />
                    { t.pe_offered }{ ": " }{ bloc_name.clone() }
                </label>
                { form.messages_html(&offered_claimed) }
                { for threshold }
                { for default_units }
            </div>
        }
    }).collect::<Html>();
    let rules_rest = form.section_problems(&path::target(i, "applies"), &legend);
    let target_path = format!("plan.targets[{i}]");
    let rest = form.section_problems(&target_path, &legend);
    html! {
        <fieldset class="pe-target" id={field_id(&target_path)} tabindex="-1" data-plan-target={target.id.to_string()}>
            <legend>{ legend.clone() }</legend>
            { rest }
            { head }
            <fieldset class="pe-rules">
                <legend>{ t.pe_col_bloc }</legend>
                { rules_rest }
                { rules }
            </fieldset>
            <div class="pe-buttons">
                <button type="button" class="secondary" data-action="move-target-up" disabled={i == 0}
                    onclick={form.click(PlanEdit::MoveTarget { from: i, to: i.saturating_sub(1) })}>{ "↑ " }{ t.pe_move_up }</button>
                <button type="button" class="secondary" data-action="move-target-down" disabled={i + 1 == props.count}
                    onclick={form.click(PlanEdit::MoveTarget { from: i, to: i + 1 })}>{ "↓ " }{ t.pe_move_down }</button>
                <button type="button" class="secondary" data-action="remove-target"
                    onclick={form.click(PlanEdit::RemoveTarget(i))}>{ t.pe_target_remove }</button>
            </div>
        </fieldset>
    }
}

#[component]
pub fn PlanEditor(props: &PlanEditorProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let draft = {
        let plan = props.plan.clone();
        use_reducer(move || Draft(PlanDraft::new((*plan).clone(), new_plan_words(lang))))
    };
    // The blocs whose pasted list goes after their units (by position).
    let append = use_state(SmallSet::<usize>::new);
    // The blocs whose unit table is open: only those are rendered (a province has hundreds
    // of units, and the form renders on every keystroke).
    let open_units = use_state(SmallSet::<usize>::new);
    let preview_bloc = use_state(|| 0_usize);
    let style = lang.numbers();
    let d = &draft.0;
    let plan = d.plan();
    let problems = d.problems();
    let form = Form {
        problems: &problems,
        messages: problems
            .iter()
            .map(|p| edit_problem_message(lang, &p.kind))
            .collect(),
        ids: (0..problems.len()).collect(),
        placed: RefCell::new(problems.iter().map(|_| None).collect()),
        dispatch: draft.dispatcher(),
    };

    // General.
    let general = {
        let fields = html! {
            <>
                { form.field(path::NAME, t.pe_plan_name, "", plan.name.vi.clone(), Input::Text, PlanEdit::SetName) }
                <div class="pe-row">
                    { form.field(path::ID, t.pe_plan_id, "", d.text(TypedField::PlanId, style), Input::Text, PlanEdit::SetPlanId) }
                    { form.field(path::YEAR, t.pe_year, "", d.text(TypedField::Year, style), Input::Numeric, PlanEdit::SetYear) }
                </div>
                { form.field(path::ISSUER, t.pe_issuer, "", plan.issuer.vi.clone(), Input::Text, PlanEdit::SetIssuer) }
                { form.field(path::PLACE, t.pe_place, "", plan.place.vi.clone(), Input::Text, PlanEdit::SetPlace) }
            </>
        };
        html! {
            <fieldset class="pe-section" id={field_id("plan.general")}>
                <legend>{ t.pe_general }</legend>
                { fields }
            </fieldset>
        }
    };

    // Blocs.
    let bloc_count = plan.blocs.len();
    let blocs = plan.blocs.iter().enumerate().map(|(b, bloc)| {
        let legend = t.pe_bloc_legend(b + 1, &bloc.name.vi);
        let units_path = path::bloc(b, "units");
        let paste_mode = if append.contains(&b) { PasteMode::Append } else { PasteMode::Replace };
        let (parsed, line_problems) = d.paste_preview(b, paste_mode);
        let paste_text = d.paste_text(b).to_string();
        let ids = html! {
            <div class="pe-row">
                { form.field(&path::bloc(b, "name"), t.pe_bloc_name, &legend, bloc.name.vi.clone(), Input::Text, move |v| PlanEdit::SetBlocName(b, v)) }
                { form.field(&path::bloc(b, "id"), t.pe_bloc_id, &legend, d.text(TypedField::BlocId(b), style), Input::Text, move |v| PlanEdit::SetBlocId(b, v)) }
                { form.field(&path::bloc(b, "award_places"), t.pe_award_places, &legend, d.text(TypedField::AwardPlaces(b), style), Input::Numeric, move |v| PlanEdit::SetAwardPlaces(b, v)) }
            </div>
        };
        // A table with a problem opens by itself, so the problem shows at its field.
        let units_prefix = format!("plan.blocs[{b}].units[");
        let units_open = open_units.contains(&b)
            || problems.iter().any(|p| p.path.starts_with(&units_prefix));
        let shown_units = if units_open { &bloc.units[..] } else { &[] };
        let unit_rows = shown_units.iter().enumerate().map(|(u, unit)| {
            let id_path = path::unit(b, u, "id");
            let name_path = path::unit(b, u, "name");
            let row_context = format!("{legend} — {}", unit.name);
            let id_claimed = form.claim(|p| p == id_path, &format!("{row_context} — {}", t.pe_unit_id));
            let name_claimed = form.claim(|p| p == name_path, &format!("{row_context} — {}", t.pe_unit_name));
            let row_path = format!("plan.blocs[{b}].units[{u}]");
            let row_claimed = form.claim(|p| is_under(p, &row_path), &row_context);
            let on_id = form.send_input(move |id| PlanEdit::SetUnitId { bloc: b, unit: u, id });
            let on_name = form.send_input(move |name| PlanEdit::SetUnitName { bloc: b, unit: u, name });
            html! {
                <tr key={u}>
                    <td>
                        <input id={field_id(&id_path)} type="text" autocomplete="off" spellcheck="false"
                            aria-label={format!("{} {}", t.pe_unit_id, u + 1)} data-plan-field={id_path.clone()} value={unit.id.clone()}
                            aria-invalid={(!id_claimed.is_empty()).then_some("true")}
                            aria-describedby={form.described_by(&id_claimed, None)} oninput={on_id} />
                        { form.messages_html(&id_claimed) }
                    </td>
                    <td>
                        <input id={field_id(&name_path)} type="text" autocomplete="off"
                            aria-label={format!("{} {}", t.pe_unit_name, u + 1)} data-plan-field={name_path.clone()} value={unit.name.clone()}
                            aria-invalid={(!name_claimed.is_empty()).then_some("true")}
                            aria-describedby={form.described_by(&name_claimed, None)} oninput={on_name} />
                        { form.messages_html(&name_claimed) }
                        { form.messages_html(&row_claimed) }
                    </td>
                    <td>
                        <button type="button" class="secondary pe-small" data-action="remove-unit"
                            aria-label={t.pe_unit_remove(&unit.name)} disabled={bloc.units.len() == 1}
                            onclick={form.click(PlanEdit::RemoveUnit { bloc: b, unit: u })}>{ "✕" }</button>
                    </td>
                </tr>
            }
        }).collect::<Html>();
        let units_claimed = form.claim(|p| p == units_path, &format!("{legend} — {}", t.pe_paste_label));
        let hint_id = format!("{}-hint", field_id(&units_path));
        let on_paste_text = form.send_input(move |text| PlanEdit::SetPasteText(b, text));
        let on_append = {
            let append = append.clone();
            Callback::from(move |event: Event| {
                let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
                let mut next = (*append).clone();
                if checked { next.insert(b); } else { next.remove(&b); }
                append.set(next);
            })
        };
        let can_paste = !parsed.is_empty() && line_problems.is_empty();
        let paste = html! {
            <div class="pe-paste">
                <label for={field_id(&units_path)}>{ t.pe_paste_label }</label>
                <p class="hint" id={hint_id.clone()}>{ t.pe_paste_hint }</p>
                <textarea id={field_id(&units_path)} rows="5" data-plan-field={units_path.clone()} value={paste_text.clone()}
                    aria-invalid={(!units_claimed.is_empty()).then_some("true")}
                    aria-describedby={form.described_by(&units_claimed, Some(&hint_id))} oninput={on_paste_text} />
                { form.messages_html(&units_claimed) }
                if !paste_text.trim().is_empty() {
                    <div class="pe-paste-result" role="status">
                        <p>{ t.pe_paste_count(parsed.len()) }</p>
                        { for line_problems.iter().map(|problem| html! {
                            <p class="error" data-paste-problem={problem.line.to_string()}>
                                <span aria-hidden="true">{ "! " }</span>{ line_problem_message(lang, problem) }
                            </p>
                        }) }
                        if !parsed.is_empty() {
                            <details>
                                <summary>{ t.pe_units_count(parsed.len()) }</summary>
                                <ol class="pe-parsed">
                                    { for parsed.iter().map(|unit| html! { <li><code>{ unit.id.clone() }</code>{ " " }{ unit.name.clone() }</li> }) }
                                </ol>
                            </details>
                        }
                    </div>
                }
                <label class="check">
                    <input type="checkbox" data-field="paste-append" checked={append.contains(&b)} onchange={on_append} />
                    { t.pe_paste_append }
                </label>
                <p class="hint">{ t.pe_paste_replace_note }</p>
                <button type="button" class="secondary" data-action="paste-units" disabled={!can_paste}
                    onclick={form.click(PlanEdit::PasteUnits { bloc: b, mode: paste_mode })}>{ t.pe_paste_apply }</button>
            </div>
        };
        let on_toggle = {
            let open_units = open_units.clone();
            Callback::from(move |event: Event| {
                let element: Element = event.target_unchecked_into();
                let open = js_sys::Reflect::get(&element, &JsValue::from_str("open"))
                    .ok()
                    .and_then(|value| value.as_bool())
                    .unwrap_or(false);
                if open != open_units.contains(&b) {
                    let mut next = (*open_units).clone();
                    if open { next.insert(b); } else { next.remove(&b); }
                    open_units.set(next);
                }
            })
        };
        let units = html! {
            <details class="pe-units" open={units_open} ontoggle={on_toggle}>
                <summary>{ t.pe_units_count(bloc.units.len()) }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label={t.pe_units_count(bloc.units.len())}>
                    <table class="pe-unit-table">
                        <thead><tr><th scope="col">{ t.pe_unit_id }</th><th scope="col">{ t.pe_unit_name }</th><th><span class="visually-hidden">{ t.pe_unit_add }</span></th></tr></thead>
                        <tbody>{ unit_rows }</tbody>
                    </table>
                </div>
                <button type="button" class="secondary" data-action="add-unit" onclick={form.click(PlanEdit::AddUnit(b))}>{ t.pe_unit_add }</button>
            </details>
        };
        let bloc_path = format!("plan.blocs[{b}]");
        let rest = form.section_problems(&bloc_path, &legend);
        html! {
            <fieldset class="pe-bloc" key={b} id={field_id(&bloc_path)} tabindex="-1" data-plan-bloc={bloc.id.to_string()}>
                <legend>{ legend.clone() }</legend>
                { rest }
                { ids }
                { paste }
                { units }
                <div class="pe-buttons">
                    <button type="button" class="secondary" data-action="move-bloc-up" disabled={b == 0}
                        onclick={form.click(PlanEdit::MoveBloc { from: b, to: b.saturating_sub(1) })}>{ "↑ " }{ t.pe_move_up }</button>
                    <button type="button" class="secondary" data-action="move-bloc-down" disabled={b + 1 == bloc_count}
                        onclick={form.click(PlanEdit::MoveBloc { from: b, to: b + 1 })}>{ "↓ " }{ t.pe_move_down }</button>
                    <button type="button" class="secondary" data-action="remove-bloc" disabled={bloc_count == 1}
                        onclick={form.click(PlanEdit::RemoveBloc(b))}>{ t.pe_bloc_remove }</button>
                </div>
            </fieldset>
        }
    }).collect::<Html>();
    let blocs_rest = form.section_problems("plan.blocs", t.pe_blocs);

    // Targets: each its own component; their problems are placed there.
    let bloc_names: Rc<Vec<(BlocId, String)>> = Rc::new(
        plan.blocs
            .iter()
            .map(|b| (b.id, b.name.vi.clone()))
            .collect(),
    );
    let target_count = plan.targets.len();
    let targets = plan
        .targets
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let prefix = format!("plan.targets[{i}]");
            let legend = t.pe_target_legend(i + 1, &target.label.vi);
            let mine = form.claim(|p| is_under(p, &prefix), &legend);
            let texts = TargetTexts {
                id: d.text(TypedField::TargetId(i), style),
                weight: d.text(TypedField::Weight(i), style),
                overall: d.text(TypedField::OverallThreshold(i), style),
                thresholds: (0..plan.blocs.len())
                    .map(|b| d.text(TypedField::Threshold { target: i, bloc: b }, style))
                    .collect(),
            };
            html! {
                <TargetSection key={i} {lang} index={i} count={target_count} target={target.clone()}
                    blocs={bloc_names.clone()} {texts}
                    problems={mine.iter().map(|&k| problems[k].clone()).collect::<Vec<_>>()}
                    ids={mine.clone()}
                    messages={mine.iter().map(|&k| form.messages[k].clone()).collect::<Vec<_>>()}
                    dispatch={draft.dispatcher()} />
            }
        })
        .collect::<Html>();
    let targets_rest = form.section_problems("plan.targets", t.pe_targets);

    // Scoring.
    let scoring = {
        let mode_radio = |mode: ScoringMode, key: &'static str, label: &'static str| {
            let dispatch = draft.dispatcher();
            let onchange =
                Callback::from(move |_: Event| dispatch.dispatch(PlanEdit::SetMode(mode)));
            html! {
                <label class="check">
                    <input type="radio" name="pe-scoring-mode" value={key} data-plan-field={path::MODE}
                        checked={plan.scoring.mode == mode} {onchange} />
                    { label }
                </label>
            }
        };
        let bands = [
            (Band::Good, t.band_good),
            (Band::Fair, t.band_fair),
            (Band::Average, t.band_average),
        ]
        .into_iter()
        .map(|(band, label)| {
            form.field(
                &path::band(band),
                label,
                t.bands_heading,
                d.text(TypedField::Band(band), style),
                Input::Decimal,
                move |v| PlanEdit::SetBand(band, v),
            )
        })
        .collect::<Html>();
        let rest = form.section_problems("plan.scoring", t.pe_scoring);
        html! {
            <fieldset class="pe-section" id={field_id("plan.scoring")} tabindex="-1">
                <legend>{ t.pe_scoring }</legend>
                { rest }
                <fieldset>
                    <legend>{ t.mode_label }</legend>
                    { mode_radio(ScoringMode::Proportional, "proportional", t.mode_proportional) }
                    { mode_radio(ScoringMode::AllOrNothing, "all_or_nothing", t.mode_all_or_nothing) }
                </fieldset>
                <fieldset>
                    <legend>{ t.bands_heading }</legend>
                    <div class="pe-row">{ bands }</div>
                </fieldset>
            </fieldset>
        }
    };

    // Preview: the targets a unit of the chosen bloc is offered, with what each asks.
    let preview = {
        let chosen = (*preview_bloc).min(plan.blocs.len() - 1);
        let bloc = &plan.blocs[chosen];
        let options: Vec<(String, String)> = plan
            .blocs
            .iter()
            .enumerate()
            .map(|(b, bloc)| (b.to_string(), bloc.name.vi.clone()))
            .collect();
        let on_bloc = {
            let preview_bloc = preview_bloc.clone();
            Callback::from(move |event: Event| {
                preview_bloc.set(value_of(&event).parse().unwrap_or(0));
            })
        };
        let offered: Vec<_> = plan.targets_for(bloc.id).collect();
        html! {
            <section class="pe-section pe-preview" aria-labelledby="pe-preview-heading" data-plan-preview={bloc.id.to_string()}>
                <h3 id="pe-preview-heading">{ t.pe_preview }</h3>
                <div class="field">
                    <label for="pe-preview-bloc">{ t.pe_preview_bloc }</label>
                    <FieldSelect id="pe-preview-bloc" path="preview-bloc" value={chosen.to_string()}
                        options={options.into_iter().map(|(v, l)| (AttrValue::from(v), AttrValue::from(l))).collect::<Vec<_>>()}
                        described_by={None::<String>} onchange={on_bloc} />
                </div>
                if offered.is_empty() {
                    <p class="hint">{ t.pe_preview_none }</p>
                } else {
                    <ol class="pe-preview-list">
                        { for offered.iter().map(|target| html! {
                            <li data-preview-target={target.id.to_string()}>
                                <strong>{ target.label.vi.clone() }</strong>
                                { " — " }{ plan_requirement_text(lang, target.requirement(bloc.id)) }
                                if !target.help.is_empty() { <br /><span class="hint">{ target.help.vi.clone() }</span> }
                            </li>
                        }) }
                    </ol>
                }
            </section>
        }
    };

    // Whatever is left (`plan`, a path of no field): at the top.
    let top_rest = form.section_problems("plan", t.pe_heading);
    let placed = form.placed.borrow();
    // Only the count is a live region: the list is not read out again on every keystroke.
    let count = problems.len();
    let summary = html! {
        <div id="pe-summary" class={if count == 0 { "pe-ok" } else { "pe-summary" }} data-plan-problems={count.to_string()}>
            <p role="status" aria-live="polite">
                if count == 0 { { t.pe_no_problems } } else { <strong>{ t.pe_problem_count(count) }</strong> }
            </p>
            if count > 0 {
                <ul>
                    { for problems.iter().enumerate().map(|(index, problem)| {
                        let label = placed[index].as_ref().map_or(String::new(), |p| p.label.clone());
                        html! {
                            <li>
                                <a href={format!("#{}", field_id(&problem.path))} data-problem-link={problem.path.clone()}
                                    onclick={go_to(problem.path.clone())}>
                                    { label }{ ": " }{ form.messages[index].clone() }
                                </a>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    };
    let blocked = !problems.is_empty();
    // The plan is cloned on the click, not on every render.
    let hand_over = |to: &Callback<Plan>| {
        let to = to.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| to.emit(draft.0.plan().clone()))
    };
    let on_save = hand_over(&props.on_save);
    let on_export = hand_over(&props.on_export);
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="plan-editor" data-plan-editor="" aria-labelledby="pe-heading">
            <h2 id="pe-heading">{ t.pe_heading }</h2>
            <p class="hint">{ t.pe_intro }</p>
            <div class="pe-buttons">
                <button type="button" class="secondary" data-action="plan-start-empty" onclick={form.click(PlanEdit::StartEmpty)}>{ t.pe_start_empty }</button>
                <button type="button" class="secondary" data-action="plan-start-copy" aria-describedby="pe-start-hint"
                    onclick={form.click(PlanEdit::CopyForNextYear)}>{ t.pe_start_copy }</button>
            </div>
            <p class="hint" id="pe-start-hint">{ t.pe_start_hint }</p>
            { summary }
            <div id={field_id("plan")} tabindex="-1">{ top_rest }</div>
            { general }
            <section class="pe-section" aria-labelledby="pe-blocs-heading" id={field_id("plan.blocs")} tabindex="-1">
                <h3 id="pe-blocs-heading">{ t.pe_blocs }</h3>
                { blocs_rest }
                { blocs }
                <button type="button" class="secondary" data-action="add-bloc" onclick={form.click(PlanEdit::AddBloc)}>{ t.pe_bloc_add }</button>
            </section>
            <section class="pe-section" aria-labelledby="pe-targets-heading" id={field_id("plan.targets")} tabindex="-1">
                <h3 id="pe-targets-heading">{ t.pe_targets }</h3>
                { targets_rest }
                { targets }
                <button type="button" class="secondary" data-action="add-target" onclick={form.click(PlanEdit::AddTarget)}>{ t.pe_target_add }</button>
            </section>
            { scoring }
            { preview }
            <div class="pe-actions">
                if blocked { <p class="hint" id="pe-blocked">{ t.pe_save_blocked }</p> }
                <button type="button" data-action="save-plan" disabled={blocked}
                    aria-describedby={blocked.then_some("pe-blocked")} onclick={on_save}>{ t.pe_save }</button>
                <button type="button" class="secondary" data-action="export-plan" disabled={blocked}
                    aria-describedby={blocked.then_some("pe-blocked")} onclick={on_export}>{ t.pe_export }</button>
                <button type="button" class="secondary" data-action="close-plan-editor" onclick={on_close}>{ t.pe_close }</button>
            </div>
        </section>
    }
}
