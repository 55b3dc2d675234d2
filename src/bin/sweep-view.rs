//! The page's lazy module (`batch_stream_lab::lazy_module`): the Sweep view, the
//! print view's handout, the QR code button and the saving of charts as pictures
//! in their own wasm, loaded by the page only once its
//! first picture is drawn (or at the first "PNG"/"SVG"/"Save all" click), so the
//! page's own wasm, fetched and compiled before anything shows, carries neither the
//! view, its charts, the handout, nor the picture composing. The page calls
//! [`sweep_update`] with the experiment and language, [`print_update`] with the
//! handout's experiment, [`qr_update`] with a copied link, and [`picture_save`]
//! with a clicked button. It does not carry the strings of any language:
//! each export draws once the language's table is loaded from its small wasm
//! (`src/bin/locale-<code>.rs`, usually loaded by the page already).

#[cfg(target_arch = "wasm32")]
mod export {
    use batch_stream_lab::i18n::Lang;
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
        let config_json = config_json.to_string();
        when_ready(lang, move |lang| {
            batch_stream_lab::sweep::host::update(host, &config_json, lang, on_open);
        });
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
        let (config_json, preset) = (config_json.to_string(), preset.to_string());
        when_ready(lang, move |lang| {
            batch_stream_lab::components::print_sheet::update(
                host,
                &config_json,
                &preset,
                t_ms,
                lang,
            );
        });
    }

    /// Draws the QR code button of a copied link in `host` (see
    /// `batch_stream_lab::components::qr::update`).
    #[wasm_bindgen]
    pub fn qr_update(host: web_sys::Element, url: &str, lang: &str) {
        let url = url.to_string();
        when_ready(lang, move |lang| {
            batch_stream_lab::components::qr::update(host, &url, lang);
        });
    }

    /// Saves the picture of a clicked save `button` (`what`: a
    /// `batch_stream_lab::picture::save::Save` tag) with its messages in `lang`;
    /// `drawn` is what the page drew for it (the event-time picture's), or undefined.
    #[wasm_bindgen]
    pub fn picture_save(button: web_sys::Element, what: &str, lang: &str, drawn: JsValue) {
        use batch_stream_lab::picture::save::{failed, save, Save};
        let what = Save::from_tag(what);
        when_ready(lang, move |lang| {
            let lang = Lang::from_tag(lang);
            match what {
                Some(what) => save(button, what, lang, &drawn),
                None => failed(&button, lang),
            }
        });
    }

    /// Runs `f` with the tag of the language `lang` names once its strings are loaded:
    /// the module does not carry them (`batch_stream_lab::i18n::tables::when_ready`).
    fn when_ready(lang: &str, f: impl FnOnce(&str) + 'static) {
        batch_stream_lab::i18n::tables::when_ready(Lang::from_tag(lang), f);
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
