//! The page's side of its Web Worker (`src/bin/spark-export-worker.rs`): start
//! it, hand it one request once it listens, hear its answers. The Spark export
//! ([`crate::export`]) and the sweep ([`crate::sweep`]) both run there, so the
//! page's own wasm carries neither the exporter nor the sweep's loop.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What the worker posts once it is listening.
pub const READY: &str = "ready";

/// The worker's loader script (trunk names worker files after the binary, unhashed);
/// the single HTML file has its own ([`crate::standalone::worker_url`]).
pub const WORKER_URL: &str = "./spark-export-worker_loader.js";

/// A running worker and its handlers. Dropping it stops the worker (a
/// sweep's cancel, a second export replacing the first).
pub struct WorkerJob {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for WorkerJob {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Sets `key` of a JS object (the messages are plain objects).
pub fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// Reads `key` of a JS object (`undefined` if absent).
pub fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Starts the worker and posts `request` once it is ready; every later
/// message goes to `on_message`, a failure (the worker's or posting's) to
/// `on_error`. Boxed callbacks: generic, this would be compiled once per caller.
pub fn spawn(
    request: JsValue,
    on_message: Box<dyn Fn(&JsValue)>,
    on_error: Box<dyn Fn(String)>,
) -> Result<WorkerJob, String> {
    let url = crate::standalone::worker_url().unwrap_or_else(|| WORKER_URL.to_string());
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("{e:?}"))?;
    let on_error = std::rc::Rc::new(on_error);
    let handle_message = {
        let (worker, on_error) = (worker.clone(), on_error.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if e.data().as_string().as_deref() == Some(READY) {
                if let Err(e) = worker.post_message(&request) {
                    on_error(format!("{e:?}"));
                }
            } else {
                on_message(&e.data());
            }
        })
    };
    let handle_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let message = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map_or_else(|| "the worker failed".to_string(), |e| e.message());
        on_error(message);
    });
    worker.set_onmessage(Some(handle_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(handle_error.as_ref().unchecked_ref()));
    Ok(WorkerJob {
        worker,
        _on_message: handle_message,
        _on_error: handle_error,
    })
}
