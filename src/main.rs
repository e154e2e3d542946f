use std::rc::Rc;

use cchc_2021::app::{browser, App, AppProps};

fn main() {
    cchc_2021::app::crash::install_panic_hook();
    // The page may carry a pre-rendered first screen: take it down, keeping what was typed.
    let early = Rc::new(browser::take_prerendered());
    yew::Renderer::<App>::with_props(AppProps {
        early,
        prerendering: false,
    })
    .render();
}
