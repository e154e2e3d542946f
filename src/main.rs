use cchc_2021::app::{browser, App};

fn main() {
    cchc_2021::app::crash::install_panic_hook();
    match browser::app_root() {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
