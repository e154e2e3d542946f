//! Messages about storage: blocked or full storage, and saved data that could not be read.

use yew::prelude::*;

use crate::app::state::{Action, EditConflict};
use crate::i18n::Lang;
use crate::store::{LoadNotice, StorageError};

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub lang: Lang,
    /// The plan on screen, which names the fields of its targets.
    pub plan: crate::app::shared::Shared<crate::domain::plan::Plan>,
    pub load_notice: Option<LoadNotice>,
    pub save_error: Option<StorageError>,
    pub demo: bool,
    /// Another tab changed the data.
    pub synced: bool,
    /// Another tab's later edit replaced one of this tab's.
    pub edit_conflict: Option<EditConflict>,
    /// A new version of the app is in use.
    pub updated: bool,
    /// An example plan could not be loaded (issue 14).
    #[prop_or_default]
    pub example_unavailable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Banners(props: &BannersProps) -> Html {
    let t = props.lang.texts();
    let dismiss = props
        .on_action
        .reform(|_: MouseEvent| Action::DismissLoadNotice);
    let storage = match (&props.load_notice, props.save_error) {
        (_, Some(StorageError::Full)) => Some(("full", t.banner_storage_full)),
        (Some(LoadNotice::StorageUnavailable), _) | (_, Some(StorageError::Unavailable)) => {
            Some(("blocked", t.banner_storage_blocked))
        }
        _ => None,
    };
    let loaded = match &props.load_notice {
        Some(LoadNotice::Unreadable {
            backup_key: Some(key),
        }) => Some(("saved-data-unreadable", t.banner_unreadable(key))),
        Some(LoadNotice::Unreadable { backup_key: None }) => Some((
            "saved-data-unreadable",
            t.banner_unreadable_left.to_string(),
        )),
        Some(LoadNotice::Newer { version, .. }) => {
            Some(("saved-data-newer", t.banner_newer_left(*version)))
        }
        // Saved data in parts (issue 14): some profiles' bodies did not read.
        Some(LoadNotice::ProfilesUnreadable {
            count,
            pages,
            backup_keys,
        }) => Some((
            "saved-data-unreadable",
            t.banner_profiles_unreadable(*count, *pages, backup_keys.first().map(String::as_str)),
        )),
        _ => None,
    };
    let on = |action: Action| props.on_action.reform(move |_: MouseEvent| action.clone());
    let dismiss_with = |action: Action| dismiss_button(None, t.dismiss, on(action));
    html! {
        <div class="banners">
            if props.updated {
                { banner("update", None, Tone::Notice, "★", html! { t.banner_updated }, Html::default()) }
            }
            if props.synced {
                { banner("synced", None, Tone::Notice, "⇄", html! { t.banner_synced }, dismiss_with(Action::DismissSyncNotice)) }
            }
            if let Some(conflict) = &props.edit_conflict {
                { banner(
                    "edit-conflict",
                    None,
                    Tone::Notice,
                    "⇄",
                    html! { crate::i18n::edit_conflict_message(props.lang, &props.plan, conflict.unit.as_deref(), conflict.field) },
                    dismiss_with(Action::DismissEditConflict),
                ) }
            }
            if props.demo {
                { banner("demo", None, Tone::Demo, "✎", html! { t.demo_banner }, html! { <>
                    { dismiss_button(Some("demo-reset"), t.demo_reset, on(Action::ResetDemo)) }
                    { dismiss_button(Some("demo-exit"), t.demo_exit, on(Action::ExitDemo)) }
                </> }) }
            }
            if props.example_unavailable {
                { banner("example-unavailable", None, Tone::Warning, "⚠", html! { t.banner_example_unavailable }, dismiss_with(Action::DismissExamplesNotice)) }
            }
            if let Some((cause, message)) = storage {
                { banner("storage-blocked", Some(cause), Tone::Warning, "⚠", html! { message }, Html::default()) }
            }
            if let Some((kind, message)) = loaded {
                { banner(kind, None, Tone::Loaded, "ℹ", html! { message }, dismiss_button(None, t.dismiss, dismiss)) }
            }
        </div>
    }
}

/// How a banner looks and how a screen reader hears it.
#[derive(Clone, Copy)]
enum Tone {
    /// Polite news: `role=status`.
    Notice,
    /// The demo's banner, with its own colour.
    Demo,
    /// Something is wrong: `role=alert`.
    Warning,
    /// Saved data partly or wholly unreadable: looks like news, announced as an alert.
    Loaded,
}

/// One banner: icon, message and its buttons; `data-banner` names it for scripts and tests.
fn banner(
    kind: &'static str,
    cause: Option<&'static str>,
    tone: Tone,
    icon: &'static str,
    message: Html,
    buttons: Html,
) -> Html {
    let (class, role) = match tone {
        Tone::Notice => ("banner notice", "status"),
        Tone::Demo => ("banner demo", "status"),
        Tone::Warning => ("banner warning", "alert"),
        Tone::Loaded => ("banner notice", "alert"),
    };
    html! {
        <div class={class} role={role} data-banner={kind} data-cause={cause}>
            <span class="banner-icon" aria-hidden="true">{ icon }</span>
            <p>{ message }</p>
            { buttons }
        </div>
    }
}

fn dismiss_button(
    action: Option<&'static str>,
    label: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class="dismiss" data-action={action} {onclick}>{ label }</button>
    }
}
