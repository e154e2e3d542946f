//! No dead page: if the app ever panics, the page is replaced by a plain message with a
//! link that downloads the saved data, built with DOM calls only (the app may be gone).

use crate::i18n::{CRASH_TEXT_EN, VI};
use crate::store::LocalStorage;

/// Installs the hook through Yew, which otherwise replaces any hook with its own.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_crash_page();
    }));
}

fn show_crash_page() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let element = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("crash");
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("data-crash", "").ok()?;
    for (tag, text) in [
        ("h1", VI.crash_title),
        ("p", VI.crash_text),
        ("p", CRASH_TEXT_EN),
    ] {
        let child = element(tag, text)?;
        panel.append_child(&child).ok()?;
    }
    // Every profile inline (issue 14: storage holds a head and one value per profile).
    if let Some(saved) = crate::store::whole_text(&LocalStorage) {
        let link = element("a", VI.crash_download)?;
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            js_sys::encode_uri_component(&saved)
        );
        link.set_attribute("href", &href).ok()?;
        link.set_attribute("download", "cchc-2021-so-lieu-da-luu.json")
            .ok()?;
        link.set_attribute("data-action", "download-saved").ok()?;
        panel.append_child(&link).ok()?;
    }
    let reload = element("a", VI.crash_reload)?;
    reload.set_attribute("href", "./").ok()?;
    panel.append_child(&reload).ok()?;
    body.set_text_content(None);
    body.append_child(&panel).ok()?;
    Some(())
}

/// Panics on purpose, so the end-to-end tests (and anyone curious, from the console) can
/// check that a crash shows the friendly page: `wasmBindings.cchcSimulateCrash()`.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = cchcSimulateCrash)]
pub fn simulate_crash() {
    panic!("simulated crash (checking the crash page)");
}
