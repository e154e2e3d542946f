//! Data that the split build keeps out of the start-up module (issue 14): an on-demand
//! module (src/app/lazy.rs, `on_demand_data!`) hands it over when loaded. Elsewhere (Trunk's
//! one-module build, the pre-renderer, the tests) it is always here.

/// Declares `$get() -> Option<$ty>`, the data once an on-demand module has called
/// `$install` with it (always `Some($here)` outside the split build, where `$here` is the
/// only mention of the data, so that the split build's start-up module never reaches it).
macro_rules! on_demand_slot {
    ($(#[$doc:meta])* $get:ident, $install:ident: $ty:ty = $here:expr) => {
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        thread_local! {
            static ON_DEMAND_SLOT: std::cell::Cell<Option<$ty>> = const { std::cell::Cell::new(None) };
        }

        $(#[$doc])*
        pub fn $get() -> Option<$ty> {
            #[cfg(all(feature = "split", target_arch = "wasm32"))]
            return ON_DEMAND_SLOT.with(std::cell::Cell::get);
            #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
            Some($here)
        }

        /// Called by the on-demand module once it is loaded.
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        pub fn $install(value: $ty) {
            ON_DEMAND_SLOT.with(|slot| slot.set(Some(value)));
        }
    };
}
pub(crate) use on_demand_slot;
