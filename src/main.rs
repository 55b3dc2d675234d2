fn main() {
    batch_stream_lab::browser::install_panic_hook();
    yew::Renderer::<batch_stream_lab::App>::new().render();
}
