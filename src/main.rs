fn main() {
    use batch_stream_lab::{browser, i18n::tables};

    browser::install_panic_hook();
    // The page is drawn once its language's strings are loaded (src/i18n/tables.rs:
    // the page's wasm carries no language's); if they cannot be, in English
    // (`browser::initial_lang`).
    tables::when_ready(browser::wanted_lang(), |_| {
        yew::Renderer::<batch_stream_lab::App>::new().render();
    });
}
