//! Browser events the app listens to: another tab changing the saved data, a new
//! deployment taking over (announced by the service-worker registration in the loader),
//! and the pre-rendered first screen to take over.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::formats::envelope;
use crate::formats::plan_link::is_plan_fragment;
use crate::formats::share_link::LinkError;
use crate::names::{UPDATED_EVENT, UPDATED_FLAG};
use crate::store::{self, LocalStorage, SaveOutcome, SaveSchedule, DATA_KEY};

use super::browser;
use super::state::{Action, AppState};

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
                // The head carries the ids of the bodies, which were written before it.
                match event
                    .new_value()
                    .map(|text| store::read_saved(&LocalStorage, &text))
                {
                    Some(Ok((data, stamp))) => on_action.emit(Action::ChangedElsewhere {
                        data: std::rc::Rc::new(data),
                        stamp,
                    }),
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
        // Issue 14: the readers of links come in a module of their own (app::links).
        let take = move |readers: &crate::app::links::LinkReaders, fragment: String| {
            if is_plan_fragment(&fragment) {
                on_action.emit(Action::OpenPlanLink(fragment));
                browser::clear_fragment();
                return;
            }
            match (readers.decode_share)(&fragment) {
                // Some other fragment: not ours to touch.
                Err(LinkError::Empty | LinkError::NotAShareLink) => {}
                // Read again by the reducer, which knows the plans.
                _ => {
                    on_action.emit(Action::OpenLink(fragment));
                    browser::clear_fragment();
                }
            }
        };
        let check = move || {
            let fragment = browser::fragment();
            if fragment.is_empty() {
                return;
            }
            match crate::app::links::readers() {
                Some(readers) => take(readers, fragment),
                None => {
                    let take = take.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if super::lazy::load_links().await {
                            if let Some(readers) = crate::app::links::readers() {
                                take(readers, fragment);
                            }
                        }
                    });
                }
            }
        };
        check();
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "hashchange", move |_| check()));
        move || drop(listener)
    });
}

/// Saves the tab's latest state (read when the save runs, so that the data and the base it
/// derives from always go together), and tells the reducer what storage holds now.
fn save_latest(state: &UseReducerHandle<AppState>) {
    if !state.may_save {
        return;
    }
    let snapshot = state.snapshot();
    let dispatcher = state.dispatcher();
    let outcome = store::save_synced(&LocalStorage, &snapshot, js_sys::Date::now() as u64);
    match outcome {
        Ok(SaveOutcome::Unchanged) => {}
        Ok(SaveOutcome::Newer(version)) => dispatcher.dispatch(Action::StoredNewer(version)),
        Ok(SaveOutcome::Saved { stored, wrote }) => {
            if wrote {
                dispatcher.dispatch(Action::Saved(Ok(())));
            }
            dispatcher.dispatch(Action::Synced(stored));
        }
        Err(error) => dispatcher.dispatch(Action::Saved(Err(error))),
    }
}

/// What the autosave keeps between renders: the latest state (a handle only sees the state
/// of the render it came from), the schedule and the timer.
#[derive(Default)]
struct Autosave {
    latest: Option<UseReducerHandle<AppState>>,
    schedule: SaveSchedule,
    timer: Option<gloo_timers::callback::Timeout>,
}

impl Autosave {
    fn save_now(cell: &std::rc::Rc<std::cell::RefCell<Autosave>>) {
        let latest = {
            let mut autosave = cell.borrow_mut();
            if !autosave.schedule.pending() {
                return;
            }
            // The timer, if it is still to fire, then finds nothing pending.
            autosave.schedule.saved();
            autosave.latest.clone()
        };
        if let Some(state) = latest {
            save_latest(&state);
        }
    }
}

/// Autosaves the real data (never the demonstration sandbox), unless that would overwrite
/// saved data that could not be kept aside: when typing pauses, at the latest a short while
/// after a change (see `store::SaveSchedule`), and at once when the page is hidden or left
/// (`visibilitychange`, `pagehide`), so that closing the tab or switching away never loses
/// an edit. Typing never waits for the storage.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let autosave = use_mut_ref(Autosave::default);
    {
        let autosave = autosave.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                let on_hide = {
                    let autosave = autosave.clone();
                    move |_: &web_sys::Event| Autosave::save_now(&autosave)
                };
                let on_visibility = {
                    let autosave = autosave.clone();
                    move |_: &web_sys::Event| {
                        let hidden = web_sys::window()
                            .and_then(|w| w.document())
                            .is_some_and(|d| d.hidden());
                        if hidden {
                            Autosave::save_now(&autosave);
                        }
                    }
                };
                let document = window.document();
                (
                    EventListener::new(&window, "pagehide", on_hide),
                    document.map(|d| EventListener::new(&d, "visibilitychange", on_visibility)),
                )
            });
            move || drop(listeners)
        });
    }
    autosave.borrow_mut().latest = Some(state.clone());
    let may_save = state.may_save;
    use_effect_with(state.data_revision, move |_| {
        if may_save {
            let delay = autosave.borrow_mut().schedule.changed(js_sys::Date::now());
            let timer = {
                let autosave = autosave.clone();
                gloo_timers::callback::Timeout::new(delay as u32, move || {
                    Autosave::save_now(&autosave)
                })
            };
            // Dropping the previous timer cancels it: the save moves to the new time.
            autosave.borrow_mut().timer = Some(timer);
        }
    });
}

// The width of an element (aftercare of issue 13) ----------------------------------------

/// The width in CSS pixels of the content box of the element `node` refers to, once it is
/// on the page (`attached`), and again whenever it changes (a window resized, a phone
/// turned, presentation mode); `None` until then. Read from the resize observer's entries,
/// which give the box's size even while `content-visibility: auto` skips laying out what is
/// inside it (the targets chart, below the fold).
#[hook]
pub fn use_content_width(node: NodeRef, attached: bool) -> Option<u32> {
    let width = use_state_eq(|| None::<u32>);
    {
        let width = width.clone();
        use_effect_with((node, attached), move |(node, _)| {
            let observer = node.cast::<web_sys::Element>().and_then(|element| {
                let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
                    move |entries: js_sys::Array| {
                        let measured = entries
                            .get(0)
                            .dyn_into::<web_sys::ResizeObserverEntry>()
                            .ok()
                            .map(|entry| entry.content_rect().width())
                            .filter(|w| *w >= 1.0);
                        width.set(measured.map(|w| w as u32));
                    },
                );
                let observer =
                    web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
                // Reports the box's size at once, then each change of it.
                observer.observe(&element);
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}

// Drawing what is in sight first (issue 14, on-demand views).
/// False on a component's first render, true from the task after its first frame has been
/// painted: a view draws what is in sight at once and what lies below after.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            super::browser::after_next_paint(move || painted.set(true));
        });
    }
    *painted
}
