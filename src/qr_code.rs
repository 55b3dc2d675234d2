//! The QR code of a share link, drawn by the `qrcode-generator` npm package
//! (Kazuhiko Arase's, MIT): copied next to the page at build time
//! (`index.html`) and loaded with a `<script>` tag on the first use only, so it
//! costs the page nothing until a teacher asks for a code.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The script's file name beside the page.
const SCRIPT: &str = "qrcode.js";

#[wasm_bindgen]
extern "C" {
    /// A QR code under construction (the package's object).
    type QrCode;

    /// `qrcode(typeNumber, errorCorrectionLevel)`: 0 chooses the smallest size.
    #[wasm_bindgen(catch, js_name = qrcode)]
    fn qrcode_new(type_number: u32, level: &str) -> Result<QrCode, JsValue>;

    #[wasm_bindgen(method, js_name = addData)]
    fn add_data(this: &QrCode, data: &str, mode: &str);

    #[wasm_bindgen(method, catch)]
    fn make(this: &QrCode) -> Result<(), JsValue>;

    #[wasm_bindgen(method, js_name = createSvgTag)]
    fn create_svg_tag(this: &QrCode, cell_size: u32, margin: u32) -> String;
}

/// Whether the library is loaded (`window.qrcode` exists).
fn loaded() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("qrcode")).ok())
        .is_some_and(|f| f.is_function())
}

/// Calls `done(true)` once the library is there (at once if it is), `done(false)`
/// if its script cannot be loaded.
pub fn load(done: impl Fn(bool) + 'static) {
    if loaded() {
        done(true);
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        done(false);
        return;
    };
    let Some(script) = document
        .create_element("script")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlScriptElement>().ok())
    else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(done);
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move || done(loaded()))
    };
    let failed = Closure::once_into_js(move || done(false));
    script.set_onload(Some(ok.unchecked_ref()));
    script.set_onerror(Some(failed.unchecked_ref()));
    script.set_src(SCRIPT);
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

/// The QR code of `text` as an SVG document (error correction M: readable from
/// the back of a room), or `None` if the library is not loaded or the text is
/// too long for a QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = qrcode_new(0, "M").ok()?;
    code.add_data(text, "Byte");
    code.make().ok()?;
    Some(code.create_svg_tag(8, 4))
}
