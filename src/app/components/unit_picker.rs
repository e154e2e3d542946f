//! Picking the bloc and the unit, or typing the name of another unit.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::select::Select;
use crate::app::early_input::Control;
use crate::app::state::{Action, Edit, Refused};
use std::rc::Rc;

use crate::app::shared::Shared;
use crate::domain::plan::{BlocId, Plan, OTHER_UNIT_ID};
use crate::formats::examples::EXAMPLES;
use crate::i18n::{too_long_message, Lang};

#[derive(Properties, PartialEq)]
pub struct UnitPickerProps {
    pub lang: Lang,
    /// Every plan in this browser (the built-in one first), and the one on screen.
    pub plans: Shared<Vec<Rc<Plan>>>,
    pub plan: Shared<Plan>,
    pub bloc: BlocId,
    pub unit_id: String,
    pub other_name: String,
    /// A name typed and refused for its length.
    pub refused: Option<Refused>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn UnitPicker(props: &UnitPickerProps) -> Html {
    let t = props.lang.texts();
    let plan = &props.plan;
    let first_bloc = plan.first_bloc();
    let on_bloc = props.on_action.reform(move |value: String| {
        Action::Edit(Edit::SetBloc(BlocId::new(&value).unwrap_or(first_bloc)))
    });
    let on_plan = props
        .on_action
        .reform(|plan_id| Action::Edit(Edit::ChoosePlan(plan_id)));
    let label = |name: &str, example: bool| -> AttrValue {
        if example {
            format!("{name} ({})", t.plan_example).into()
        } else {
            name.to_string().into()
        }
    };
    let mut plan_options: Vec<(AttrValue, AttrValue)> = props
        .plans
        .iter()
        .map(|p| {
            (
                p.id.clone().into(),
                label(props.lang.pick(&p.name), p.example),
            )
        })
        .collect();
    // The examples not added yet: chosen, one is added.
    for (id, name) in EXAMPLES {
        if !props.plans.iter().any(|p| p.id == *id) {
            plan_options.push(((*id).into(), label(name, true)));
        }
    }
    let on_unit = props
        .on_action
        .reform(|unit| Action::Edit(Edit::SetUnit(unit)));
    let bloc_options: Vec<(AttrValue, AttrValue)> = plan
        .blocs
        .iter()
        .map(|bloc| {
            (
                bloc.id.key().to_string().into(),
                props.lang.pick(&bloc.name).to_string().into(),
            )
        })
        .collect();
    let unit_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once(("".into(), t.unit_placeholder.into()))
            .chain(
                plan.bloc(props.bloc)
                    .map_or(&[][..], |bloc| &bloc.units[..])
                    .iter()
                    .map(|unit| (unit.id.clone().into(), unit.name.clone().into())),
            )
            .chain(std::iter::once((OTHER_UNIT_ID.into(), t.unit_other.into())))
            .collect();
    let on_name = props.on_action.reform(|event: InputEvent| {
        Action::Edit(Edit::SetOtherName(
            event.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    html! {
        <section class="unit-picker" aria-label={t.unit_section}>
            <div class="field">
                <label for="plan">{ t.plan_label }</label>
                <Select id="plan" field={Control::Plan.key()} value={plan.id.clone()} options={plan_options} onchange={on_plan} />
            </div>
            <div class="field">
                <label for="bloc">{ t.bloc_label }</label>
                <Select id="bloc" field={Control::Bloc.key()} value={props.bloc.key().to_string()} options={bloc_options} onchange={on_bloc} />
            </div>
            <div class="field">
                <label for="unit">{ t.unit_label }</label>
                <Select id="unit" field={Control::Unit.key()} value={props.unit_id.clone()} options={unit_options} onchange={on_unit} />
            </div>
            if props.unit_id == OTHER_UNIT_ID {
                <div class="field">
                    <label for="unit-name">{ t.unit_name_label }</label>
                    <input
                        id="unit-name"
                        type="text"
                        data-field={Control::UnitName.key()}
                        autocomplete="organization"
                        placeholder={t.unit_name_placeholder}
                        value={props.other_name.clone()}
                        aria-invalid={props.refused.is_some().then_some("true")}
                        aria-describedby={props.refused.is_some().then_some("unit-name-error")}
                        oninput={on_name}
                    />
                    if let Some(refused) = &props.refused {
                        <p class="error" id="unit-name-error" data-error="unit-name">{ too_long_message(props.lang, refused.limit) }</p>
                    }
                </div>
            }
        </section>
    }
}
