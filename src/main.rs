fn main() {
    yew::Renderer::<cchc_2021::app::App>::new().render();
}
