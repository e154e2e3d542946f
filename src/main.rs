fn main() {
    cchc_2021::app::crash::install_panic_hook();
    yew::Renderer::<cchc_2021::app::App>::new().render();
}
