//! A `<select>` that always shows the state's value. Browsers stop honouring the
//! `selected` attribute of an option once the user has picked one, so the value is also set
//! on the element after every render, and put back at once after a choice (see `onchange`).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    /// The `data-field` value.
    pub field: AttrValue,
    pub value: AttrValue,
    /// `(value, label)` of each option.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub onchange: Callback<String>,
}

#[component]
pub fn Select(props: &SelectProps) -> Html {
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
    let onchange = {
        let (onchange, shown) = (props.onchange.clone(), props.value.clone());
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            let chosen = select.value();
            // Back to the state's value: a choice the state takes draws the select again
            // with it; one it does not take (or not yet: an example plan still loading)
            // must not stay shown as if it had been.
            select.set_value(&shown);
            onchange.emit(chosen);
        })
    };
    html! {
        <select ref={node} id={props.id.clone()} data-field={props.field.clone()} {onchange}>
            { for props.options.iter().map(|(value, label)| html! {
                <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
            }) }
        </select>
    }
}

/// Options for whole numbers in a range.
pub fn number_options(range: impl Iterator<Item = usize>) -> Vec<(AttrValue, AttrValue)> {
    range
        .map(|n| {
            let text = AttrValue::from(n.to_string());
            (text.clone(), text)
        })
        .collect()
}
