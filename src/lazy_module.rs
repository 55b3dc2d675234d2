//! The page's lazily loaded module (`src/bin/sweep-view.rs`, its own wasm): code the
//! first screen does not need, so the page's wasm, fetched and compiled before
//! anything shows, does not carry it. It holds the Sweep view ([`crate::sweep::lazy`])
//! and the saving of charts as pictures ([`crate::picture::lazy`]). The page asks
//! `window.bslabLoadSweep()` for it (index.html fetches its script and wasm; the
//! single file decodes the ones it carries) once, at the first call.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The module's loading (a promise of its exports), started once.
    static MODULE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// The module's loading (a promise of its exports), started at the first call;
/// `None` if the page has no loader (a build without the module).
pub fn load() -> Option<js_sys::Promise> {
    MODULE.with_borrow_mut(|module| {
        if module.is_none() {
            let window = web_sys::window()?;
            let load = js_sys::Reflect::get(&window, &JsValue::from_str("bslabLoadSweep")).ok()?;
            let promise = load
                .dyn_ref::<js_sys::Function>()?
                .call0(&JsValue::NULL)
                .ok()?;
            *module = promise.dyn_into().ok();
        }
        module.clone()
    })
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
