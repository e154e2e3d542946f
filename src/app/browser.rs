//! Small browser effects, each a thin wrapper that fails quietly: downloads, the clipboard,
//! the URL fragment, printing, today's date, and taking over the pre-rendered first screen.

use wasm_bindgen::JsCast;

use super::early_input::{Caret, ChangedControl, EarlyInput};

/// Brings the heading with this id into view and gives it the focus (it has
/// `tabindex="-1"`): where a button takes the user to another part of the page (issue 13).
/// A view loaded on demand (`app::lazy`) draws its heading only once its module is there:
/// until then, looked for again every 50 ms, for at most 10 s.
pub fn reveal_heading(id: &str) {
    reveal_when_drawn(id.to_string(), 200);
}

fn reveal_when_drawn(id: String, tries: u32) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&id));
    let Some(element) = element else {
        if tries > 0 {
            gloo_timers::callback::Timeout::new(50, move || reveal_when_drawn(id, tries - 1))
                .forget();
        }
        return;
    };
    element.scroll_into_view();
    if let Ok(heading) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
}

/// Starts a download of `text` as a file; false when the browser refused. Either way the
/// page says so ([`Notice`]).
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let started = start_download(file_name, mime, text).is_ok();
    notify(if started {
        Notice::Downloaded(file_name.to_string())
    } else {
        Notice::DownloadFailed
    });
    started
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

/// Copies text to the clipboard (where the browser allows it), and says whether it did.
pub fn copy_to_clipboard(text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        notify(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Notice::Copied,
            Err(_) => Notice::CopyFailed,
        });
    });
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
        notify(Notice::Printed);
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

/// A new element at the end of the body for the app to render into. Not the body itself:
/// Yew empties the element it mounts in, and the pre-rendered first screen must stay until
/// the app has taken it over (`hooks::use_first_screen`). Hidden until then, so that the two
/// are never on screen together.
pub fn app_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_attribute("data-app-root", "").ok()?;
    root.set_attribute("hidden", "").ok()?;
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Shows the app's element (see [`app_root`]).
pub fn reveal_app_root() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-app-root]").ok().flatten())
    {
        let _ = root.remove_attribute("hidden");
    }
}

/// Takes the pre-rendered first screen out of the page, with what the user changed on it
/// and where the caret was (see `early_input`). Nothing when the page has none, as under
/// `trunk serve` before the post-build step or in tests.
pub fn take_prerendered() -> EarlyInput {
    let mut early = EarlyInput::default();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return early;
    };
    let Ok(Some(screen)) = document.query_selector("[data-prerendered]") else {
        return early;
    };
    let active = document.active_element();
    if let Ok(controls) = screen.query_selector_all("input[data-field], select[data-field]") {
        for index in 0..controls.length() {
            let Some(element) = controls
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let field = element.get_attribute("data-field").unwrap_or_default();
            let target = element
                .closest("[data-target]")
                .ok()
                .flatten()
                .and_then(|card| card.get_attribute("data-target"));
            if active.as_ref() == Some(&element) {
                let selection = element
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .and_then(|input| {
                        Some((input.selection_start().ok()??, input.selection_end().ok()??))
                    });
                early.caret = Some(Caret {
                    target: target.clone(),
                    field: field.clone(),
                    selection,
                });
            }
            if let Some(value) = changed_value(&element) {
                early.changes.push(ChangedControl {
                    target,
                    field,
                    value,
                });
            }
        }
    }
    // Taps on the tabs and the language button, remembered by the loader.
    early.view = screen.get_attribute("data-tapped-view");
    early.language = screen.get_attribute("data-tapped-language");
    screen.remove();
    early
}

/// The control's value when it differs from the one the page was built with.
fn changed_value(element: &web_sys::Element) -> Option<String> {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        return if input.type_() == "checkbox" {
            (input.checked() != input.default_checked()).then(|| input.checked().to_string())
        } else {
            (input.value() != input.default_value()).then(|| input.value())
        };
    }
    let select = element.dyn_ref::<web_sys::HtmlSelectElement>()?;
    // The option the page was built with: the one marked `selected`, else the first.
    let built = select
        .query_selector("option[selected]")
        .ok()
        .flatten()
        .or_else(|| select.query_selector("option").ok().flatten())
        .and_then(|option| option.get_attribute("value"))
        .unwrap_or_default();
    let value = select.value();
    (value != built).then_some(value)
}

/// The live control with this `data-field`, in the card with this `data-target` if any.
fn live_control(target: Option<&str>, field: &str) -> Option<web_sys::HtmlElement> {
    let plain = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    if !plain(field) || !target.is_none_or(plain) {
        return None;
    }
    let selector = match target {
        Some(target) => format!("[data-app] [data-target=\"{target}\"] [data-field=\"{field}\"]"),
        None => format!("[data-app] [data-field=\"{field}\"]"),
    };
    web_sys::window()?
        .document()?
        .query_selector(&selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// Shows a value taken from the pre-rendered screen in the live control at once, before the
/// app's next render: a keystroke that comes first then adds to it instead of replacing it.
pub fn show_in_live_control(change: &ChangedControl) {
    let Some(element) = live_control(change.target.as_deref(), &change.field) else {
        return;
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.type_() == "checkbox" {
            input.set_checked(change.value == "true");
        } else {
            input.set_value(&change.value);
        }
    } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(&change.value);
    }
}

/// Puts the keyboard back on the live control that matches the one in use on the
/// pre-rendered screen.
pub fn restore_caret(caret: &Caret) {
    let Some(element) = live_control(caret.target.as_deref(), &caret.field) else {
        return;
    };
    let _ = element.focus();
    if let (Some(input), Some((start, end))) = (
        element.dyn_ref::<web_sys::HtmlInputElement>(),
        caret.selection,
    ) {
        let _ = input.set_selection_range(start, end);
    }
}

// Feedback and sharing (issue 13)

/// What a browser effect did, for the page to say (the `[data-toast]` live region): every
/// download, copy and print says so, wherever its button is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file (its name) went to the browser's downloads.
    Downloaded(String),
    DownloadFailed,
    Copied,
    CopyFailed,
    /// The print dialog was opened.
    Printed,
    /// The share sheet handed the link or the file to another app.
    Shared,
    ShareFailed,
}

impl Notice {
    /// The `data-toast` value: what kind of thing happened.
    pub fn key(&self) -> &'static str {
        match self {
            Notice::Downloaded(_) => "downloaded",
            Notice::Copied => "copied",
            Notice::Printed => "printed",
            Notice::Shared => "shared",
            Notice::DownloadFailed | Notice::CopyFailed | Notice::ShareFailed => "failed",
        }
    }
}

thread_local! {
    static LISTENER: std::cell::RefCell<Option<yew::Callback<Notice>>> = const { std::cell::RefCell::new(None) };
}

/// Sets (or, with `None`, removes) the one listener of the notices: the toast.
pub fn listen_to_notices(listener: Option<yew::Callback<Notice>>) {
    LISTENER.with(|cell| *cell.borrow_mut() = listener);
}

fn notify(notice: Notice) {
    let listener = LISTENER.with(|cell| cell.borrow().clone());
    if let Some(listener) = listener {
        listener.emit(notice);
    }
}

fn navigator_object() -> Option<wasm_bindgen::JsValue> {
    web_sys::window().map(|w| w.navigator().into())
}

/// Whether the browser has a share sheet (`navigator.share`: phones, some desktops).
pub fn can_share() -> bool {
    navigator_object()
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"share".into()).ok())
        .is_some_and(|share| share.is_function())
}

/// A file of `text` for the share sheet, when the browser can share files.
fn shareable_file(file_name: &str, mime: &str, text: &str) -> Option<js_sys::Object> {
    let navigator = navigator_object()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"File".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &mime.into()).ok()?;
    let file = js_sys::Reflect::construct(
        &constructor,
        &js_sys::Array::of3(
            &js_sys::Array::of1(&text.into()),
            &file_name.into(),
            &options,
        ),
    )
    .ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    let can_share: js_sys::Function = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()?
        .dyn_into()
        .ok()?;
    can_share
        .call1(&navigator, &data)
        .ok()?
        .as_bool()
        .unwrap_or(false)
        .then_some(data)
}

/// What to hand to the share sheet.
pub enum ShareContent<'a> {
    /// A link (the share link of the profile).
    Link { title: &'a str, url: &'a str },
    /// A file (when no link can be made).
    File {
        title: &'a str,
        file_name: &'a str,
        mime: &'a str,
        text: &'a str,
    },
}

/// Opens the browser's share sheet; says what came of it (nothing when the user closed the
/// sheet). False when the browser cannot share this content.
pub fn share(content: ShareContent) -> bool {
    let Some(navigator) = navigator_object() else {
        return false;
    };
    let data = match content {
        ShareContent::Link { title, url } => {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
            data
        }
        ShareContent::File {
            title,
            file_name,
            mime,
            text,
        } => match shareable_file(file_name, mime, text) {
            Some(data) => {
                let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
                data
            }
            None => return false,
        },
    };
    let Some(share) = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Ok(promise) = share.call1(&navigator, &data) else {
        notify(Notice::ShareFailed);
        return true;
    };
    let promise: js_sys::Promise = promise.unchecked_into();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => notify(Notice::Shared),
            // Closing the share sheet is no failure.
            Err(error) if error_name(&error) == "AbortError" => {}
            Err(_) => notify(Notice::ShareFailed),
        }
    });
    true
}

fn error_name(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// Takes the user (and the keyboard) to an element: opens the folds around it, scrolls it
/// into view under the sticky summary, and focuses the first element inside it that
/// matches one of `focus`, tried in turn (or the element itself).
pub fn go_to(selector: &str, focus: &[&str]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(element)) = document.query_selector(selector) else {
        return;
    };
    let mut fold = element.closest("details:not([open])").ok().flatten();
    while let Some(details) = fold {
        let _ = details.set_attribute("open", "");
        fold = details.closest("details:not([open])").ok().flatten();
    }
    element.scroll_into_view_with_bool(true);
    let target = focus
        .iter()
        .find_map(|focus| element.query_selector(focus).ok().flatten())
        .unwrap_or(element)
        .dyn_into::<web_sys::HtmlElement>();
    if let Ok(target) = target {
        let _ = target.focus();
    }
}
// End of feedback and sharing (issue 13)

// Drawing what is in sight first (issue 14, on-demand views).
/// Runs `then` in a task of its own after the next frame has been painted (a timeout set
/// from an animation-frame callback), so that what was drawn before is on screen first.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, then).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
