//! Presentation mode (issue 13): for a trainer's projector, large type and the chosen view
//! the full width of the screen. It belongs to this tab only (never in the saved data), and
//! is kept in the tab's session storage so that a reload keeps it; Escape or the same
//! button leaves it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::store::{recall_present, remember_present, SessionStorage};

/// Whether presentation mode is on, and the button's click that turns it on or off.
#[hook]
pub fn use_present() -> (bool, Callback<MouseEvent>) {
    // No browser when the first screen is rendered at build time.
    let present = use_state(|| cfg!(target_arch = "wasm32") && recall_present(&SessionStorage));
    {
        let present = present.clone();
        use_effect_with(*present, move |on| {
            if cfg!(target_arch = "wasm32") {
                remember_present(&SessionStorage, *on);
            }
            if *on {
                // The room sees the summary and the view, not the page's header: scrolled to
                // once the page is drawn in large type.
                if let Some(summary) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("[data-summary]").ok().flatten())
                {
                    summary.scroll_into_view();
                }
            }
            // Escape leaves it, wherever the focus is; listened for only while it is on.
            let listener = on.then(|| {
                web_sys::window()
                    .and_then(|w| w.document())
                    .map(|document| {
                        gloo_events::EventListener::new(&document, "keydown", move |event| {
                            let escape = event
                                .dyn_ref::<KeyboardEvent>()
                                .is_some_and(|e| e.key() == "Escape");
                            if escape {
                                present.set(false);
                            }
                        })
                    })
            });
            move || drop(listener)
        });
    }
    let toggle = {
        let present = present.clone();
        Callback::from(move |_: MouseEvent| present.set(!*present))
    };
    (*present, toggle)
}
