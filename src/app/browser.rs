//! Small browser effects, each a thin wrapper that fails quietly: downloads, the clipboard,
//! the URL fragment, printing, and today's date.

use wasm_bindgen::JsCast;

/// Starts a download of `text` as a file; false when the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    start_download(file_name, mime, text).is_ok()
}

fn start_download(file_name: &str, mime: &str, text: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(drop)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(drop)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let link: web_sys::HtmlElement = document
        .create_element("a")
        .map_err(drop)?
        .dyn_into()
        .map_err(drop)?;
    link.set_attribute("href", &url).map_err(drop)?;
    link.set_attribute("download", file_name).map_err(drop)?;
    link.set_attribute("hidden", "").map_err(drop)?;
    document
        .body()
        .ok_or(())?
        .append_child(&link)
        .map_err(drop)?;
    link.click();
    link.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard (where the browser allows it).
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The page's address without its fragment.
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading, so a reload does not
/// offer the same link again.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&page_address()),
            );
        }
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Today as (year, month, day) in the browser's time zone.
pub fn today() -> (u32, u32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Today as `YYYY-MM-DD`, for file names and exports.
pub fn today_iso() -> String {
    let (y, m, d) = today();
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads a file's bytes; `None` when the browser could not read it.
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
