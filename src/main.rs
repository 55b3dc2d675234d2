fn main() {
    use batch_stream_lab::{browser, i18n::tables};

    browser::install_panic_hook();
    let render = || {
        yew::Renderer::<batch_stream_lab::App>::new().render();
    };
    // A language other than the reference is drawn once its strings are loaded
    // (src/i18n/tables.rs); if they cannot be, the page opens in English.
    let lang = browser::wanted_lang();
    if tables::ready(lang) {
        render();
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            tables::load(lang).await;
            render();
        });
    }
}
