//! Browser events the app listens to: another tab changing the saved data, a new
//! deployment taking over (announced by the service-worker registration in the loader),
//! and the pre-rendered first screen to take over.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::formats::envelope;
use crate::formats::plan_link::is_plan_fragment;
use crate::formats::share_link::{decode_share_fragment, LinkError};
use crate::names::{UPDATED_EVENT, UPDATED_FLAG};
use crate::store::DATA_KEY;

use super::browser;
use super::state::Action;

/// Takes over the pre-rendered first screen once the app is on the page (see
/// `early_input`). All in one task, so that no keystroke falls between the two screens: the
/// first screen goes and the app's own element shows in its place, what was typed there
/// shows in the live controls and goes to the reducer, and the keyboard moves to the live
/// control it was on.
#[hook]
pub fn use_first_screen(on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        let early = browser::take_prerendered();
        browser::reveal_app_root();
        for change in &early.changes {
            browser::show_in_live_control(change);
        }
        if let Some(caret) = &early.caret {
            browser::restore_caret(caret);
        }
        // The reducer takes each action at once; the render that shows them comes later.
        for action in early.actions() {
            on_action.emit(action);
        }
    });
}

/// Keeps this tab in step with others: when another tab saves, what it changed is merged
/// into this tab's data (the reducer ignores versions its data includes already); data of a newer
/// version of the app stops this tab's saving.
#[hook]
pub fn use_other_tabs(on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(DATA_KEY) {
                    return;
                }
                match event
                    .new_value()
                    .map(|text| envelope::decode_stamped(&text))
                {
                    Some(Ok((data, stamp))) => {
                        on_action.emit(Action::ChangedElsewhere { data, stamp })
                    }
                    Some(Err(envelope::DecodeError::NewerVersion(version))) => {
                        on_action.emit(Action::StoredNewer(version))
                    }
                    _ => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// True once a new version of the app has replaced the one that was cached.
#[hook]
pub fn use_update_notice() -> bool {
    let updated = use_state(|| false);
    {
        let updated = updated.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let flagged = window
                .as_ref()
                .and_then(|w| js_sys::Reflect::get(w, &UPDATED_FLAG.into()).ok())
                .is_some_and(|v| v.is_truthy());
            if flagged {
                updated.set(true);
            }
            let listener = window.map(|window| {
                EventListener::new(&window, UPDATED_EVENT, move |_| updated.set(true))
            });
            move || drop(listener)
        });
    }
    *updated
}

/// Offers the profile carried by a share link, when the page is opened with one or one is
/// pasted into the address bar; the fragment is then removed so a reload does not offer it
/// again.
#[hook]
pub fn use_share_links(on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        let check = move || {
            let fragment = browser::fragment();
            if fragment.is_empty() {
                return;
            }
            if is_plan_fragment(&fragment) {
                on_action.emit(Action::OpenPlanLink(fragment));
                browser::clear_fragment();
                return;
            }
            match decode_share_fragment(&fragment) {
                // Some other fragment: not ours to touch.
                Err(LinkError::Empty | LinkError::NotAShareLink) => {}
                // Read again by the reducer, which knows the plans.
                _ => {
                    on_action.emit(Action::OpenLink(fragment));
                    browser::clear_fragment();
                }
            }
        };
        check();
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "hashchange", move |_| check()));
        move || drop(listener)
    });
}
