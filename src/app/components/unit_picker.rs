//! Picking the bloc and the unit, or typing the name of another unit.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::state::Action;
use crate::domain::units::{Bloc, OTHER_UNIT_ID};
use crate::i18n::{bloc_name, Lang};

#[derive(Properties, PartialEq)]
pub struct UnitPickerProps {
    pub lang: Lang,
    pub bloc: Bloc,
    pub unit_id: String,
    pub other_name: String,
    pub on_action: Callback<Action>,
}

fn select_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn UnitPicker(props: &UnitPickerProps) -> Html {
    let t = props.lang.texts();
    let on_bloc = props.on_action.reform(|event: Event| {
        Action::SetBloc(Bloc::from_id(&select_value(&event)).unwrap_or_default())
    });
    let on_unit = props
        .on_action
        .reform(|event: Event| Action::SetUnit(select_value(&event)));
    let on_name = props.on_action.reform(|event: InputEvent| {
        Action::SetOtherName(event.target_unchecked_into::<HtmlInputElement>().value())
    });
    let unit_option = |id: &'static str, name: &'static str| {
        html! { <option value={id} selected={props.unit_id == id}>{ name }</option> }
    };
    html! {
        <section class="unit-picker" aria-label={t.unit_section}>
            <div class="field">
                <label for="bloc">{ t.bloc_label }</label>
                <select id="bloc" data-field="bloc" onchange={on_bloc}>
                    { for Bloc::ALL.into_iter().map(|bloc| html! {
                        <option value={bloc.id()} selected={props.bloc == bloc}>{ bloc_name(props.lang, bloc) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="unit">{ t.unit_label }</label>
                <select id="unit" data-field="unit" onchange={on_unit}>
                    <option value="" selected={props.unit_id.is_empty()}>{ t.unit_placeholder }</option>
                    { for props.bloc.units().iter().map(|unit| unit_option(unit.id, unit.name)) }
                    { unit_option(OTHER_UNIT_ID, t.unit_other) }
                </select>
            </div>
            if props.unit_id == OTHER_UNIT_ID {
                <div class="field">
                    <label for="unit-name">{ t.unit_name_label }</label>
                    <input
                        id="unit-name"
                        type="text"
                        data-field="unit-name"
                        maxlength="150"
                        autocomplete="organization"
                        placeholder={t.unit_name_placeholder}
                        value={props.other_name.clone()}
                        oninput={on_name}
                    />
                </div>
            }
        </section>
    }
}
