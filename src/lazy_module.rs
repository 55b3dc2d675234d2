//! The page's lazily loaded module (`src/bin/sweep-view.rs`, its own wasm): code the
//! first screen does not need, so the page's wasm, fetched and compiled before
//! anything shows, does not carry it. It holds the Sweep view ([`crate::sweep::lazy`])
//! the print view's handout ([`crate::components::print_sheet`]) and the saving of
//! charts as pictures ([`crate::picture::lazy`]). The page asks
//! `window.bslabLoadSweep()` for it (index.html fetches its script and wasm; the
//! single file decodes the ones it carries) once, at the first call. Each language's
//! strings wasm (`src/bin/locale-<code>.rs`) is loaded the same way, by
//! `window.bslabLoadStrings(code)` (`crate::i18n::tables`).

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

thread_local! {
    /// The lazy module's loading (a promise of its exports), started once.
    static MODULE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// The lazy module's loading (a promise of its exports), started at the first call;
/// `None` if the page has no loader (a build without the module).
pub fn load() -> Option<js_sys::Promise> {
    MODULE.with_borrow_mut(|module| {
        if module.is_none() {
            *module = call_loader("bslabLoadSweep", &js_sys::Array::new());
        }
        module.clone()
    })
}

/// Calls the page's function `window[loader]` with `args`: the promise of a module's
/// exports (each loader fetches its module once however often asked); `None` if
/// there is no such loader.
pub fn call_loader(loader: &str, args: &js_sys::Array) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let load = js_sys::Reflect::get(&window, &JsValue::from_str(loader)).ok()?;
    load.dyn_ref::<js_sys::Function>()?
        .apply(&JsValue::NULL, args)
        .ok()?
        .dyn_into()
        .ok()
}

/// Calls the export `name` of `module` ([`load`]'s promise) with `args`, once it is
/// loaded; an error if the module does not load or has no such export.
pub async fn call(
    module: js_sys::Promise,
    name: &str,
    args: &js_sys::Array,
) -> Result<JsValue, JsValue> {
    let exports = wasm_bindgen_futures::JsFuture::from(module).await?;
    let export: js_sys::Function =
        js_sys::Reflect::get(&exports, &JsValue::from_str(name))?.dyn_into()?;
    export.apply(&JsValue::NULL, args)
}

/// Calls the export `name` with the page's element `host_id` and `args` (a view
/// of the module drawn in that element), loading the module the first time; a
/// failure is written to the console, the rest of the page goes on.
pub fn show_in(host_id: &'static str, name: &'static str, args: Vec<JsValue>) {
    let Some(module) = load() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let shown = async {
            let host = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(host_id))
                .ok_or_else(|| JsValue::from_str(host_id))?;
            let array = js_sys::Array::of1(&host);
            for arg in &args {
                array.push(arg);
            }
            call(module, name, &array).await
        };
        if let Err(e) = shown.await {
            console_error(&format!("{name}: the lazy module did not load: {e:?}"));
        }
    });
}
