fn main() {
    yew::Renderer::<batch_stream_lab::App>::new().render();
}
