//! The Sweep view as its own wasm, loaded by the page only once its first picture
//! is drawn (`batch_stream_lab::sweep::lazy`), so the page's own wasm, fetched and
//! compiled before anything shows, carries neither the view nor its charts. The
//! page calls the one export, [`sweep_update`], with the experiment and language.

#[cfg(target_arch = "wasm32")]
mod export {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Shows the view in `host` (see `batch_stream_lab::sweep::host::update`).
    #[wasm_bindgen]
    pub fn sweep_update(
        host: web_sys::Element,
        config_json: &str,
        lang: &str,
        on_open: js_sys::Function,
    ) {
        batch_stream_lab::sweep::host::update(host, config_json, lang, on_open);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    batch_stream_lab::browser::install_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sweep-view is a part of the web app loaded by its page: it only runs in a browser");
}
