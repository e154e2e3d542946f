//! A labelled text input for a number, with its error message next to it. Numbers are typed
//! as text (`inputmode`), because `type=number` refuses "65,5" in some browsers.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub id: AttrValue,
    /// The `data-field` value.
    pub field: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    /// "numeric" for counts, "decimal" for percentages.
    pub inputmode: AttrValue,
    pub on_input: Callback<String>,
}

#[component]
pub fn NumberInput(props: &NumberInputProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    html! {
        <div class={classes!("field", "number-field", props.error.is_some().then_some("has-error"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={props.inputmode.clone()}
                autocomplete="off"
                spellcheck="false"
                data-field={props.field.clone()}
                value={props.value.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={props.error.is_some().then(|| error_id.clone())}
                {oninput}
            />
            if let Some(error) = &props.error {
                <p class="error" id={error_id} data-error={props.field.clone()}>
                    <span aria-hidden="true">{ "! " }</span>{ error.clone() }
                </p>
            }
        </div>
    }
}
