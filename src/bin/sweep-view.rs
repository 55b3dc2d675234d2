//! The page's lazy module (`batch_stream_lab::lazy_module`): the Sweep view, the
//! print view's handout, the QR code button and the saving of charts as pictures
//! in their own wasm, loaded by the page only once its
//! first picture is drawn (or at the first "PNG"/"SVG"/"Save all" click), so the
//! page's own wasm, fetched and compiled before anything shows, carries neither the
//! view, its charts, the handout, nor the picture composing. The page calls
//! [`sweep_update`] with the experiment and language, [`print_update`] with the
//! handout's experiment, [`qr_update`] with a copied link, and [`picture_save`]
//! with a clicked button. It carries the tables of every language but English for its
//! own views (`batch_stream_lab::i18n::tables`); the page gets them from its own small
//! wasm (`src/bin/locale-tables.rs`).

#[cfg(target_arch = "wasm32")]
mod export {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsValue;

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

    /// Draws the print view's handout in `host` (see
    /// `batch_stream_lab::components::print_sheet::update`).
    #[wasm_bindgen]
    pub fn print_update(
        host: web_sys::Element,
        config_json: &str,
        preset: &str,
        t_ms: f64,
        lang: &str,
    ) {
        batch_stream_lab::components::print_sheet::update(host, config_json, preset, t_ms, lang);
    }

    /// Draws the QR code button of a copied link in `host` (see
    /// `batch_stream_lab::components::qr::update`).
    #[wasm_bindgen]
    pub fn qr_update(host: web_sys::Element, url: &str, lang: &str) {
        batch_stream_lab::components::qr::update(host, url, lang);
    }

    /// Saves the picture of a clicked save `button` (`what`: a
    /// `batch_stream_lab::picture::save::Save` tag) with its messages in `lang`;
    /// `drawn` is what the page drew for it (the event-time picture's), or undefined.
    #[wasm_bindgen]
    pub fn picture_save(button: web_sys::Element, what: &str, lang: &str, drawn: JsValue) {
        use batch_stream_lab::picture::save::{failed, save, Save};
        let lang = batch_stream_lab::i18n::Lang::from_tag(lang);
        match Save::from_tag(what) {
            Some(what) => save(button, what, lang, &drawn),
            None => failed(&button, lang),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    batch_stream_lab::browser::install_panic_hook();
    batch_stream_lab::i18n::tables::install_compiled();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sweep-view is a part of the web app loaded by its page: it only runs in a browser");
}
