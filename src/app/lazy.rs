//! On-demand views (issue 14): the rarely used views live in wasm modules of their own,
//! downloaded the first time one is opened, so that the start-up module is smaller.
//!
//! Each wrapper below is a component with the view's own props, used in place of the view
//! (src/app/mod.rs imports it under the view's name). With the `split` feature on wasm
//! (scripts/build.sh), it calls the view's split point, a loader that `wasm-split-cli` turns
//! into a download of the view's module; until it is here a short status is shown, and the
//! drawing function it returns is kept for the page's life, so later openings draw at once.
//! Without the feature (Trunk's one-module build, the native pre-renderer and tests) the
//! wrapper draws the view directly.
//!
//! So that opening a view only has to render it, the app prefetches every module after its
//! first result is shown (`use_prefetch`): 5 s after the page's load (its start-up stays
//! free of the modules' long tasks), in idle time, one module at a time, once the
//! service worker (if any) has precached them, it fetches, compiles and instantiates each
//! and keeps its drawing function; nothing hidden is rendered. The end is marked on <html>
//! with `data-views-prefetched` ("" every module loaded, "failed" if one could not be).

use yew::prelude::*;

use super::components::data_view::{DataView as DataViewInner, DataViewProps};
use super::components::district_view::{DistrictView as DistrictViewInner, DistrictViewProps};
use super::components::link_preview::{LinkPreview as LinkPreviewInner, LinkPreviewProps};
use super::components::plans_view::{PlansView as PlansViewInner, PlansViewProps};
use super::components::print_view::{PrintView as PrintViewInner, PrintViewProps};
use super::components::ranking_view::{RankingView as RankingViewInner, RankingViewProps};
use super::components::settings_view::{SettingsView as SettingsViewInner, SettingsViewProps};

#[cfg(all(feature = "split", target_arch = "wasm32"))]
mod split {
    use std::cell::Cell;
    use std::future::Future;
    use std::pin::Pin;
    use std::thread::LocalKey;

    use yew::prelude::*;

    use crate::domain::language::Lang;

    /// How a view is drawn, once its module is here.
    pub type Draw<P> = fn(&P) -> Html;
    /// Where a view's drawing function is kept once loaded (one per view, for the page's life).
    pub type Slot<P> = LocalKey<Cell<Option<Draw<P>>>>;
    /// A view's split point: downloads its module (or fails, e.g. offline before the
    /// service worker has it), then gives the drawing function.
    pub type Load<P> = fn() -> Pin<
        Box<dyn Future<Output = Result<Draw<P>, wasm_split_helpers::SplitLoaderError>>>,
    >;

    /// Loads a view's module unless it is here, and keeps its drawing function. Marks the
    /// moment it is loaded (`cchc:view-loaded:<module>`), which the benchmark reads.
    pub async fn fill<P: 'static>(
        slot: &'static Slot<P>,
        load: Load<P>,
        module: &str,
    ) -> Result<(), wasm_split_helpers::SplitLoaderError> {
        if slot.with(Cell::get).is_none() {
            let draw = load().await?;
            if slot.with(Cell::get).is_none() {
                super::prefetch::mark(&format!("cchc:view-loaded:{module}"));
                slot.with(|s| s.set(Some(draw)));
            }
        }
        Ok(())
    }

    /// The view drawn by its module, or a status while the module downloads or if it failed.
    /// A failed download is not remembered: opening the view again tries again.
    #[hook]
    pub fn use_on_demand<P: 'static>(
        props: &P,
        lang: Lang,
        slot: &'static Slot<P>,
        load: Load<P>,
        module: &'static str,
    ) -> Html {
        let failed = use_state_eq(|| false);
        let redraw = use_force_update();
        {
            let failed = failed.clone();
            use_effect_with((), move |_| {
                if slot.with(Cell::get).is_none() {
                    wasm_bindgen_futures::spawn_local(async move {
                        match fill(slot, load, module).await {
                            Ok(()) => redraw.force_update(),
                            Err(_) => failed.set(true),
                        }
                    });
                }
            });
        }
        let t = lang.texts();
        match slot.with(Cell::get) {
            Some(draw) => draw(props),
            None if *failed => html! {
                <p class="view-loading" role="alert" data-loading="failed">{ t.view_load_failed }</p>
            },
            None => html! {
                <p class="view-loading" role="status" data-loading="">{ t.view_loading }</p>
            },
        }
    }
}

/// A wrapper component named `$name` with the props `$props`, drawing `$view` from the split
/// module `$module`; with the split, also `$module::prefetch`, which loads the module ahead.
macro_rules! on_demand {
    ($(#[$doc:meta])* $name:ident($props:ident) = $view:ident in $module:ident) => {
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        mod $module {
            use super::*;

            thread_local! {
                pub static DRAW: std::cell::Cell<Option<split::Draw<$props>>> =
                    const { std::cell::Cell::new(None) };
            }

            // The split point: everything only this function reaches goes to `$module`.
            #[allow(improper_ctypes_definitions)]
            #[wasm_split_helpers::wasm_split($module, fallible)]
            fn $module() -> Result<split::Draw<$props>, wasm_split_helpers::SplitLoaderError> {
                Ok(|props: &$props| html! { <$view ..props.clone() /> })
            }

            pub fn load() -> std::pin::Pin<Box<dyn std::future::Future<
                Output = Result<split::Draw<$props>, wasm_split_helpers::SplitLoaderError>,
            >>> {
                Box::pin($module())
            }

            /// Loads the module ahead of the first opening (the idle prefetch).
            pub fn prefetch() -> std::pin::Pin<Box<dyn std::future::Future<
                Output = Result<(), wasm_split_helpers::SplitLoaderError>,
            >>> {
                Box::pin(split::fill(&DRAW, load, stringify!($module)))
            }
        }

        $(#[$doc])*
        #[component]
        pub fn $name(props: &$props) -> Html {
            #[cfg(all(feature = "split", target_arch = "wasm32"))]
            {
                split::use_on_demand(props, props.lang, &$module::DRAW, $module::load, stringify!($module))
            }
            #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
            html! { <$view ..props.clone() /> }
        }
    };
}

on_demand!(
    /// The plans view, with the plan editor and the plan review.
    PlansView(PlansViewProps) = PlansViewInner in plans_view
);
on_demand!(
    /// The data view: import and export.
    DataView(DataViewProps) = DataViewInner in data_view
);
on_demand!(
    /// The ranking view.
    RankingView(RankingViewProps) = RankingViewInner in ranking_view
);
on_demand!(
    /// The settings view.
    SettingsView(SettingsViewProps) = SettingsViewInner in settings_view
);
on_demand!(
    /// The print view.
    PrintView(PrintViewProps) = PrintViewInner in print_view
);
on_demand!(
    /// The district view.
    DistrictView(DistrictViewProps) = DistrictViewInner in district_view
);

/// A split module `$module` that holds data (`$value`, reached only from its split point) and
/// hands it to `$install` when loaded; `$module::prefetch` loads it unless `$get` has it.
macro_rules! on_demand_data {
    ($(#[$doc:meta])* $module:ident: $ty:ty = $value:expr, $get:path, $install:path) => {
        $(#[$doc])*
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        mod $module {
            use std::future::Future;
            use std::pin::Pin;

            use wasm_split_helpers::SplitLoaderError;

            // The split point: everything only this function reaches goes to `$module`.
            #[allow(improper_ctypes_definitions)]
            #[wasm_split_helpers::wasm_split($module, fallible)]
            fn $module() -> Result<$ty, SplitLoaderError> {
                Ok($value)
            }

            /// Loads the module unless the data is here.
            pub fn prefetch() -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>> {
                Box::pin(async {
                    if $get().is_none() {
                        let value = $module().await?;
                        super::prefetch::mark(concat!("cchc:view-loaded:", stringify!($module)));
                        $install(value);
                    }
                    Ok(())
                })
            }
        }
    };
}

on_demand_data!(
    /// The English texts and their messages (`crate::i18n::english`).
    english: &'static crate::i18n::Texts = &crate::i18n::EN,
    crate::i18n::english,
    crate::i18n::install_english
);
on_demand_data!(
    /// The example plans' files (`crate::formats::examples::files`).
    examples: &'static [(&'static str, &'static str)] = crate::formats::examples::FILES,
    crate::formats::examples::files,
    crate::formats::examples::install
);
on_demand_data!(
    /// The readers of links (`crate::app::links::readers`).
    links: &'static crate::app::links::LinkReaders = &crate::app::links::READERS,
    crate::app::links::readers,
    crate::app::links::install
);

/// An example plan chosen before its file was here (`AppState::example_wanted`): loads the
/// examples' module, then chooses the example again (or says it could not be loaded).
#[hook]
pub fn use_examples(wanted: Option<String>, on_action: Callback<super::state::Action>) {
    use_effect_with(wanted, move |wanted| {
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        if let Some(id) = wanted.clone() {
            use super::state::{Action, Edit};
            wasm_bindgen_futures::spawn_local(async move {
                on_action.emit(match examples::prefetch().await {
                    Ok(()) => Action::Edit(Edit::ChoosePlan(id)),
                    Err(_) => Action::ExamplesUnavailable,
                });
            });
        }
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        let _ = (wanted, on_action);
    });
}

/// Draws the caller again once the example plans' files are here, loading them if needed
/// (the plans view, which reads them to show, edit, export or share an example).
#[hook]
pub fn use_example_files() {
    let redraw = use_force_update();
    use_effect_with((), move |_| {
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        if crate::formats::examples::files().is_none() {
            wasm_bindgen_futures::spawn_local(async move {
                if examples::prefetch().await.is_ok() {
                    redraw.force_update();
                }
            });
        }
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        let _ = redraw;
    });
}

/// Loads the English texts when English is chosen and they are not here yet, then draws the
/// page again (it shows the Vietnamese texts meanwhile). A failed download is tried again at
/// the next choice of English.
#[hook]
pub fn use_english(lang: crate::domain::language::Lang) {
    let redraw = use_force_update();
    use_effect_with(lang, move |lang| {
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        if *lang == crate::domain::language::Lang::En && crate::i18n::english().is_none() {
            wasm_bindgen_futures::spawn_local(async move {
                if english::prefetch().await.is_ok() {
                    redraw.force_update();
                }
            });
        }
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        let _ = (lang, redraw);
    });
}

on_demand!(
    /// The preview of a profile opened from a share link (issue 14: with the links' module).
    LinkPreview(LinkPreviewProps) = LinkPreviewInner in link_preview
);

/// Loads what reading a link needs (the readers and the preview), for a page opened with
/// one; `false` if it could not be loaded (the link is left in the address, for a reload).
pub async fn load_links() -> bool {
    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    {
        links::prefetch().await.is_ok() && link_preview::prefetch().await.is_ok()
    }
    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    true
}

/// Prefetches the on-demand views' modules once the first result is shown (see the module
/// comment). Called once, by the app.
#[hook]
pub fn use_prefetch() {
    use_effect_with((), |_| {
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(prefetch::run());
    });
}

#[cfg(target_arch = "wasm32")]
mod prefetch {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// The attribute on <html> that says the prefetch is over (README "Contract for scripts").
    const DONE: &str = "data-views-prefetched";
    /// How long an idle moment is waited for at most: a page that is never idle still
    /// prefetches, in a low-priority task.
    const IDLE_TIMEOUT_MS: i32 = 2_000;
    /// How long after the page's load the prefetch waits before it starts: the quiet window
    /// by which a page counts as interactive (TTI, Lighthouse), so that compiling and
    /// instantiating the modules (a long task each on a slow phone) never delays it; until
    /// then a view opened loads its own module (issue 14).
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    const QUIET_MS: i32 = 5_000;
    /// How long the service worker is waited for at most (one that never gets ready must
    /// not stop the prefetch).
    const WORKER_TIMEOUT_MS: i32 = 10_000;

    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = requestIdleCallback, catch)]
        fn request_idle_callback(callback: &Function, options: &JsValue) -> Result<u32, JsValue>;
    }

    /// The prefetch, most used view first. Each module in its own idle moment, so that a
    /// keystroke never waits behind more than one module's instantiation.
    pub async fn run() {
        #[cfg(feature = "split")]
        let failed = {
            loaded().await;
            let _ = JsFuture::from(sleep(QUIET_MS)).await;
            idle().await;
            worker_ready().await;
            let mut failed = false;
            for prefetch in [
                super::ranking_view::prefetch,
                super::district_view::prefetch,
                super::data_view::prefetch,
                super::settings_view::prefetch,
                super::examples::prefetch,
                super::plans_view::prefetch,
                super::print_view::prefetch,
                super::links::prefetch,
                super::link_preview::prefetch,
                // Last: most pages stay in Vietnamese.
                super::english::prefetch,
            ] {
                idle().await;
                failed |= prefetch().await.is_err();
            }
            failed
        };
        // The one-module build has every view already.
        #[cfg(not(feature = "split"))]
        let failed = false;
        mark("cchc:views-prefetched");
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute(DONE, if failed { "failed" } else { "" });
        }
    }

    /// A performance mark (for the benchmark's breakdown of a view's opening).
    pub fn mark(name: &str) {
        let performance =
            Reflect::get(&js_sys::global(), &"performance".into()).unwrap_or_default();
        if let Ok(mark) = Reflect::get(&performance, &"mark".into()) {
            if let Some(mark) = mark.dyn_ref::<Function>() {
                let _ = mark.call1(&performance, &name.into());
            }
        }
    }

    /// Resolves after `ms` milliseconds.
    fn sleep(ms: i32) -> Promise {
        Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        })
    }

    /// Resolves once the window's `load` event has fired.
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    async fn loaded() {
        let load = Promise::new(&mut |resolve, _| {
            let window = web_sys::window();
            let loading = window
                .as_ref()
                .and_then(|w| w.document())
                .is_some_and(|d| d.ready_state() != "complete");
            let waiting = loading
                && window
                    .is_some_and(|w| w.add_event_listener_with_callback("load", &resolve).is_ok());
            if !waiting {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        });
        let _ = JsFuture::from(load).await;
    }

    /// The browser's next idle moment (or a low-priority timeout where there is no
    /// `requestIdleCallback`, as in older Safari).
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    async fn idle() {
        let idle = Promise::new(&mut |resolve, _| {
            let options = js_sys::Object::new();
            let _ = Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
            if request_idle_callback(&resolve, &options).is_err() {
                if let Some(window) = web_sys::window() {
                    let _ =
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200);
                }
            }
        });
        let _ = JsFuture::from(idle).await;
    }

    /// Whether a service worker controls the page.
    fn controlled(container: &JsValue) -> bool {
        Reflect::get(container, &"controller".into())
            .map(|c| !c.is_null() && !c.is_undefined())
            .unwrap_or(false)
    }

    /// Waits until the service worker (if the page has one) has precached the build and
    /// controls the page, so that the page's fetches of the modules come from its cache and
    /// the modules cross the network once; at most WORKER_TIMEOUT_MS.
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    async fn worker_ready() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let container =
            Reflect::get(&window.navigator(), &"serviceWorker".into()).unwrap_or_default();
        if container.is_undefined() || container.is_null() || controlled(&container) {
            return;
        }
        let Some(ready) = Reflect::get(&container, &"ready".into())
            .ok()
            .and_then(|r| r.dyn_into::<Promise>().ok())
        else {
            return;
        };
        // Ready (installed: every file precached), then controlling this page (its
        // activation claims the open pages); listened for from now, not to miss it.
        let target: web_sys::EventTarget = container.clone().unchecked_into();
        let claimed = Promise::new(&mut |resolve, _| {
            let _ = target.add_event_listener_with_callback("controllerchange", &resolve);
        });
        let deadline = sleep(WORKER_TIMEOUT_MS);
        let _ = JsFuture::from(Promise::race(&js_sys::Array::of2(&ready, &deadline))).await;
        if !controlled(&container) {
            let _ = JsFuture::from(Promise::race(&js_sys::Array::of2(&claimed, &deadline))).await;
        }
    }
}
