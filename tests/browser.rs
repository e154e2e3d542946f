//! Browser tests (wasm-bindgen-test in headless Chromium): the local-storage facade against
//! the real `localStorage`, including blocked and full storage, and the main component.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use cchc_2021::app::App;
use cchc_2021::formats::envelope::{decode, Workspace};
use cchc_2021::store::{
    self, KeyValueStore, LoadNotice, LocalStorage, StorageError, BACKUP_PREFIX, DATA_KEY,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Runs a snippet of JavaScript: the only way to simulate browser faults from a test.
fn js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

fn break_set_item() {
    js("window.__setItem = Storage.prototype.setItem; \
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
}

fn restore_set_item() {
    js("if (window.__setItem) { Storage.prototype.setItem = window.__setItem; delete window.__setItem; }");
}

fn block_storage() {
    js("Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });");
}

fn unblock_storage() {
    js("delete window.localStorage;");
}

#[wasm_bindgen_test]
fn facade_round_trips_through_local_storage() {
    storage().clear().unwrap();
    assert_eq!(LocalStorage.get("k"), Ok(None));
    LocalStorage.set("k", "giá trị").unwrap();
    assert_eq!(LocalStorage.get("k"), Ok(Some("giá trị".into())));
    assert_eq!(storage().get_item("k").unwrap(), Some("giá trị".into()));
}

#[wasm_bindgen_test]
fn full_storage_is_an_error_not_a_panic() {
    storage().clear().unwrap();
    break_set_item();
    let result = LocalStorage.set("k", "v");
    restore_set_item();
    assert_eq!(result, Err(StorageError::Full));
    assert_eq!(LocalStorage.get("k"), Ok(None));
}

#[wasm_bindgen_test]
fn blocked_storage_is_an_error_not_a_panic() {
    block_storage();
    let read = LocalStorage.get("k");
    let write = LocalStorage.set("k", "v");
    let loaded = store::load(&LocalStorage, 1);
    unblock_storage();
    assert_eq!(read, Err(StorageError::Unavailable));
    assert_eq!(write, Err(StorageError::Unavailable));
    assert_eq!(loaded.notice, Some(LoadNotice::StorageUnavailable));
    assert!(!loaded.may_save);
}

#[wasm_bindgen_test]
fn corrupted_saved_data_is_kept_aside_in_local_storage() {
    storage().clear().unwrap();
    storage().set_item(DATA_KEY, "{\"not json").unwrap();
    let loaded = store::load(&LocalStorage, 42);
    let key = format!("{BACKUP_PREFIX}42");
    assert_eq!(
        loaded.notice,
        Some(LoadNotice::Unreadable {
            backup_key: Some(key.clone())
        })
    );
    assert_eq!(
        storage().get_item(&key).unwrap(),
        Some("{\"not json".into())
    );
}

// ---- the main component -------------------------------------------------------------

async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(5)).await;
}

/// Waits until `condition` holds, re-checking after each render tick; fails after 2 s.
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..400 {
        if condition() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for: {what}");
}

fn mount() -> Element {
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn fire(element: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(text);
    fire(&input, "input");
}

fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).dyn_into().unwrap();
    select.set_value(value);
    fire(&select, "change");
}

fn attr(root: &Element, selector: &str, name: &str) -> String {
    find(root, selector).get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_updates_status_summary_and_saved_data() {
    storage().clear().unwrap();
    let root = mount();
    until("the app renders", || {
        root.query_selector("[data-summary]").unwrap().is_some()
    })
    .await;
    assert_eq!(
        root.query_selector_all("[data-target]").unwrap().length(),
        13
    );

    choose(&root, "select[data-field=bloc]", "agency");
    until("the agency units are offered", || {
        root.query_selector("select[data-field=unit] option[value=noi-vu]")
            .unwrap()
            .is_some()
    })
    .await;
    choose(&root, "select[data-field=unit]", "noi-vu");
    until("the agency bloc applies 10 targets", || {
        attr(&root, "[data-summary]", "data-applicable") == "10"
    })
    .await;

    let card = "[data-target=online_work_files]";
    type_into(&root, &format!("{card} input[data-field=numerator]"), "13");
    type_into(
        &root,
        &format!("{card} input[data-field=denominator]"),
        "20",
    );
    until("13 of 20 meets 65%", || {
        attr(&root, card, "data-status") == "met"
    })
    .await;
    assert_eq!(attr(&root, "[data-summary]", "data-score"), "10.00");
    assert_eq!(attr(&root, "[data-summary]", "data-met"), "1");

    type_into(&root, &format!("{card} input[data-field=numerator]"), "12");
    until("12 of 20 does not", || {
        attr(&root, card, "data-status") == "not-met"
    })
    .await;
    assert_eq!(attr(&root, "[data-summary]", "data-score"), "9.23");

    type_into(&root, &format!("{card} input[data-field=numerator]"), "abc");
    until("garbage is invalid", || {
        attr(&root, card, "data-status") == "invalid"
    })
    .await;
    let message = find(&root, &format!("{card} [data-error=numerator]"))
        .text_content()
        .unwrap();
    assert!(message.contains("Không phải là số"), "{message}");

    // What was typed, garbage included, is what was saved (read whole: the profiles are
    // values of their own beside the head, saved data version 3).
    until("the typed text is saved", || {
        store::whole_text(&LocalStorage).is_some_and(|s| s.contains("\"abc\""))
    })
    .await;
    let saved: Workspace = decode(&store::whole_text(&LocalStorage).unwrap()).unwrap();
    assert_eq!(saved.active_profile().unit_id, "noi-vu");
    let entry = saved
        .active_profile()
        .entry(cchc_2021::domain::builtin::ONLINE_WORK_FILES);
    assert_eq!(
        (entry.numerator.as_str(), entry.denominator.as_str()),
        ("abc", "20")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn full_storage_shows_the_banner_and_keeps_working() {
    storage().clear().unwrap();
    let root = mount();
    until("the app renders", || {
        root.query_selector("[data-summary]").unwrap().is_some()
    })
    .await;
    break_set_item();
    type_into(
        &root,
        "[data-target=recruitment] input[data-field=numerator]",
        "3",
    );
    type_into(
        &root,
        "[data-target=recruitment] input[data-field=denominator]",
        "3",
    );
    until("the storage banner shows", || {
        root.query_selector("[data-banner=storage-blocked]")
            .unwrap()
            .is_some()
    })
    .await;
    restore_set_item();
    assert_eq!(
        attr(&root, "[data-target=recruitment]", "data-status"),
        "met"
    );
    assert_eq!(
        attr(&root, "[data-banner=storage-blocked]", "data-cause"),
        "full"
    );
    root.remove();
}
