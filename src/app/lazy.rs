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

use yew::prelude::*;

use super::components::data_view::{DataView as DataViewInner, DataViewProps};
use super::components::district_view::{DistrictView as DistrictViewInner, DistrictViewProps};
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

    /// The view drawn by its module, or a status while the module downloads or if it failed.
    /// A failed download is not remembered: opening the view again tries again.
    #[hook]
    pub fn use_on_demand<P: 'static>(
        props: &P,
        lang: Lang,
        slot: &'static Slot<P>,
        load: Load<P>,
    ) -> Html {
        let failed = use_state_eq(|| false);
        let redraw = use_force_update();
        {
            let failed = failed.clone();
            use_effect_with((), move |_| {
                if slot.with(Cell::get).is_none() {
                    wasm_bindgen_futures::spawn_local(async move {
                        match load().await {
                            Ok(draw) => {
                                slot.with(|s| s.set(Some(draw)));
                                redraw.force_update();
                            }
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
/// module `$module`.
macro_rules! on_demand {
    ($(#[$doc:meta])* $name:ident($props:ident) = $view:ident in $module:ident) => {
        $(#[$doc])*
        #[component]
        pub fn $name(props: &$props) -> Html {
            #[cfg(all(feature = "split", target_arch = "wasm32"))]
            {
                thread_local! {
                    static DRAW: std::cell::Cell<Option<split::Draw<$props>>> =
                        const { std::cell::Cell::new(None) };
                }
                // The split point: everything only this function reaches goes to `$module`.
                #[allow(improper_ctypes_definitions)]
                #[wasm_split_helpers::wasm_split($module, fallible)]
                fn $module() -> Result<split::Draw<$props>, wasm_split_helpers::SplitLoaderError> {
                    Ok(|props: &$props| html! { <$view ..props.clone() /> })
                }
                split::use_on_demand(props, props.lang, &DRAW, || Box::pin($module()))
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
