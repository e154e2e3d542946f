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
    html! {
        <div class="banners">
            if props.updated {
                <div class="banner notice" role="status" data-banner="update">
                    <span class="banner-icon" aria-hidden="true">{ "★" }</span>
                    <p>{ t.banner_updated }</p>
                </div>
            }
            if props.synced {
                <div class="banner notice" role="status" data-banner="synced">
                    <span class="banner-icon" aria-hidden="true">{ "⇄" }</span>
                    <p>{ t.banner_synced }</p>
                    <button type="button" class="dismiss" onclick={props.on_action.reform(|_: MouseEvent| Action::DismissSyncNotice)}>{ t.dismiss }</button>
                </div>
            }
            if let Some(conflict) = &props.edit_conflict {
                <div class="banner notice" role="status" data-banner="edit-conflict">
                    <span class="banner-icon" aria-hidden="true">{ "⇄" }</span>
                    <p>{ crate::i18n::edit_conflict_message(props.lang, &props.plan, conflict.unit.as_deref(), conflict.field) }</p>
                    <button type="button" class="dismiss" onclick={props.on_action.reform(|_: MouseEvent| Action::DismissEditConflict)}>{ t.dismiss }</button>
                </div>
            }
            if props.demo {
                <div class="banner demo" role="status" data-banner="demo">
                    <span class="banner-icon" aria-hidden="true">{ "✎" }</span>
                    <p>{ t.demo_banner }</p>
                    <button type="button" class="dismiss" data-action="demo-reset" onclick={props.on_action.reform(|_: MouseEvent| Action::ResetDemo)}>{ t.demo_reset }</button>
                    <button type="button" class="dismiss" data-action="demo-exit" onclick={props.on_action.reform(|_: MouseEvent| Action::ExitDemo)}>{ t.demo_exit }</button>
                </div>
            }
            if props.example_unavailable {
                <div class="banner warning" role="alert" data-banner="example-unavailable">
                    <span class="banner-icon" aria-hidden="true">{ "⚠" }</span>
                    <p>{ t.banner_example_unavailable }</p>
                    <button type="button" class="dismiss" onclick={props.on_action.reform(|_: MouseEvent| Action::DismissExamplesNotice)}>{ t.dismiss }</button>
                </div>
            }
            if let Some((cause, message)) = storage {
                <div class="banner warning" role="alert" data-banner="storage-blocked" data-cause={cause}>
                    <span class="banner-icon" aria-hidden="true">{ "⚠" }</span>
                    <p>{ message }</p>
                </div>
            }
            if let Some((kind, message)) = loaded {
                <div class="banner notice" role="alert" data-banner={kind}>
                    <span class="banner-icon" aria-hidden="true">{ "ℹ" }</span>
                    <p>{ message }</p>
                    <button type="button" class="dismiss" onclick={dismiss}>{ t.dismiss }</button>
                </div>
            }
        </div>
    }
}
