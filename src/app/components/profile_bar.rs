//! The profiles kept in this browser: switch, create, rename, duplicate, delete with undo.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::select::Select;
use crate::app::early_input::Control;
use crate::app::state::{Action, Edit, Refused};
use crate::domain::letter_case::lower;
use crate::domain::workspace::Workspace;
use crate::i18n::{too_long_message, Lang};

/// `(profile id, name)` of every profile, for the picker.
pub fn profile_options(workspace: &Workspace, lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    let t = lang.texts();
    let plans = workspace.all_plans();
    workspace
        .profiles
        .iter()
        .map(|record| {
            let plan = plans.iter().find(|p| p.id == record.profile.plan);
            let name = plan
                .and_then(|plan| record.profile.display_name(plan))
                .unwrap_or(t.profile_unnamed);
            (record.id.clone().into(), name.to_string().into())
        })
        .collect()
}

/// The picker lists at most this many profiles besides the one on screen; a search field
/// finds the others (issue 14: 10 000 options take seconds to draw on a slow phone).
pub const PICKER_LIMIT: usize = 200;

/// The options the picker lists: all of them up to [`PICKER_LIMIT`]; beyond, the active
/// profile and the first [`PICKER_LIMIT`] whose name contains `query` (any case), in the
/// list's order.
pub fn picker_options(
    options: &[(AttrValue, AttrValue)],
    active: &str,
    query: &str,
) -> Vec<(AttrValue, AttrValue)> {
    if options.len() <= PICKER_LIMIT {
        return options.to_vec();
    }
    let query = lower(query.trim());
    let mut matches = 0;
    options
        .iter()
        .filter(|(id, name)| {
            if *id == active {
                return true;
            }
            let hit = matches < PICKER_LIMIT && (query.is_empty() || lower(name).contains(&query));
            matches += usize::from(hit);
            hit
        })
        .cloned()
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ProfileBarProps {
    pub lang: Lang,
    /// From [`profile_options`], computed once per change of the workspace.
    pub options: std::rc::Rc<Vec<(AttrValue, AttrValue)>>,
    pub active: String,
    /// The active profile's own name ("" when it uses the unit's name).
    pub label: String,
    /// A name typed and refused for its length.
    pub refused: Option<Refused>,
    /// The names of the profiles deleted since the undo offer appeared (empty: no offer).
    pub undo: Vec<String>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ProfileBar(props: &ProfileBarProps) -> Html {
    let t = props.lang.texts();
    let on_switch = props
        .on_action
        .reform(|id| Action::Edit(Edit::SwitchProfile(id)));
    let query = use_state(String::new);
    let total = props.options.len();
    let options = picker_options(&props.options, &props.active, &query);
    let shown = options.len();
    let on_search = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            query.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_rename = props.on_action.reform(|event: InputEvent| {
        Action::Edit(Edit::SetLabel(
            event.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    // The profile on screen when the button was drawn. The second click of a double click
    // (`detail` 2) is not a second delete: by then the next profile may be on screen.
    let delete = {
        let id = props.active.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |event: MouseEvent| {
            if event.detail() <= 1 {
                on_action.emit(Action::DeleteProfile(id.clone()));
            }
        })
    };
    let undo_message = match props.undo.as_slice() {
        [] => None,
        [name] => Some(t.profile_deleted(name)),
        names => Some(t.profiles_deleted(names.len())),
    };
    html! {
        <section class="profile-bar" aria-label={t.profile_label}>
            <div class="field">
                <label for="profile">{ t.profile_label }</label>
                <Select id="profile" field={Control::Profile.key()} value={props.active.clone()} {options} onchange={on_switch} />
            </div>
            if total > PICKER_LIMIT {
                <div class="field">
                    <label for="profile-search">{ t.profile_search_label }</label>
                    <input id="profile-search" type="text" enterkeyhint="search" data-field="profile-search" value={(*query).clone()} aria-describedby="profile-search-note" oninput={on_search} />
                    <p class="hint" id="profile-search-note" data-profiles-shown={shown.to_string()}>{ t.profile_search_shown(shown, total) }</p>
                </div>
            }
            <div class="field">
                <label for="profile-name">{ t.profile_name_label }</label>
                <input
                    id="profile-name"
                    type="text"
                    data-field={Control::ProfileName.key()}
                    value={props.label.clone()}
                    aria-invalid={props.refused.is_some().then_some("true")}
                    aria-describedby={props.refused.is_some().then_some("profile-name-error")}
                    oninput={on_rename}
                />
                if let Some(refused) = &props.refused {
                    <p class="error" id="profile-name-error" data-error="profile-name">{ too_long_message(props.lang, refused.limit) }</p>
                }
            </div>
            <div class="profile-actions">
                <button type="button" class="secondary" data-action="profile-new" onclick={props.on_action.reform(|_: MouseEvent| Action::Edit(Edit::NewProfile))}>
                    { t.profile_new }
                </button>
                <button type="button" class="secondary" data-action="profile-duplicate" onclick={props.on_action.reform(|_: MouseEvent| Action::Edit(Edit::DuplicateProfile))}>
                    { t.profile_duplicate }
                </button>
                <button type="button" class="secondary danger" data-action="profile-delete" onclick={delete}>
                    { t.profile_delete }
                </button>
            </div>
            if let Some(message) = undo_message {
                <div class="toast" role="status" data-undo={props.undo.len().to_string()}>
                    <span>{ message }</span>
                    <button type="button" data-action="undo-delete" onclick={props.on_action.reform(|_: MouseEvent| Action::UndoDelete)}>{ t.undo }</button>
                    <button type="button" class="dismiss" aria-label={t.dismiss} onclick={props.on_action.reform(|_: MouseEvent| Action::DismissUndo)}>{ "×" }</button>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(n: usize) -> Vec<(AttrValue, AttrValue)> {
        (1..=n)
            .map(|i| (format!("p{i}").into(), format!("Xã Số {i}").into()))
            .collect()
    }

    #[test]
    fn a_long_list_shows_the_active_profile_and_a_bounded_set_found_by_name() {
        let few = options(PICKER_LIMIT);
        assert_eq!(picker_options(&few, "p1", "zzz"), few);
        let many = options(10_000);
        let shown = picker_options(&many, "p9999", "");
        assert_eq!(shown.len(), PICKER_LIMIT + 1);
        assert_eq!(shown.last().unwrap().0, "p9999");
        let found = picker_options(&many, "p1", "SỐ 5000");
        let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["p1", "p5000"]);
        let found = picker_options(&many, "p1", "số 12");
        assert!(found.len() <= PICKER_LIMIT + 1);
        assert!(found.iter().skip(1).all(|(_, name)| name.contains("Số 12")));
    }
}
