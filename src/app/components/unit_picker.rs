//! Picking the bloc and the unit, or typing the name of another unit.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::select::Select;
use crate::app::early_input::Control;
use crate::app::state::{Action, Edit, Refused};
use crate::domain::units::{Bloc, OTHER_UNIT_ID};
use crate::i18n::{bloc_name, too_long_message, Lang};

#[derive(Properties, PartialEq)]
pub struct UnitPickerProps {
    pub lang: Lang,
    pub bloc: Bloc,
    pub unit_id: String,
    pub other_name: String,
    /// A name typed and refused for its length.
    pub refused: Option<Refused>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn UnitPicker(props: &UnitPickerProps) -> Html {
    let t = props.lang.texts();
    let on_bloc = props.on_action.reform(|value: String| {
        Action::Edit(Edit::SetBloc(Bloc::from_id(&value).unwrap_or_default()))
    });
    let on_unit = props
        .on_action
        .reform(|unit| Action::Edit(Edit::SetUnit(unit)));
    let bloc_options: Vec<(AttrValue, AttrValue)> = Bloc::ALL
        .into_iter()
        .map(|bloc| (bloc.id().into(), bloc_name(props.lang, bloc).into()))
        .collect();
    let unit_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once(("".into(), t.unit_placeholder.into()))
            .chain(
                props
                    .bloc
                    .units()
                    .iter()
                    .map(|unit| (unit.id.into(), unit.name.into())),
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
                <label for="bloc">{ t.bloc_label }</label>
                <Select id="bloc" field={Control::Bloc.key()} value={props.bloc.id()} options={bloc_options} onchange={on_bloc} />
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
