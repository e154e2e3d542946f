//! Renders the calculator's first screen (a fresh start, in Vietnamese) to HTML at build
//! time. `scripts/post-build.mjs` puts it into `index.html`, so that on a slow connection
//! the unit picker and the inputs are on screen, and take typing, before the wasm has
//! arrived; the app then takes over what was typed (`app::early_input`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<cchc_2021::app::App>::with_props(cchc_2021::app::AppProps {
            prerendering: true,
        })
        .hydratable(false)
        .render(),
    );
    print!("{html}");
}

// Cargo builds every binary for the browser tests too; there it has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
