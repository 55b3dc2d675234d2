//! The page's Web Worker: receives an experiment (JSON), builds the Spark bundle
//! (`bslab_spark::bundle_zip`) or one CSV file of the run off the page's thread
//! and posts the file back, or runs a sweep and posts its points one by one
//! (`batch_stream_lab::sweep`). A separate wasm binary, loaded only when someone exports or sweeps, so the
//! page itself stays small and responsive. Protocols: `batch_stream_lab::export`, `batch_stream_lab::sweep`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if batch_stream_lab::sweep::is_request(&data) {
                batch_stream_lab::sweep::serve(&data, &|m| {
                    let _ = reply_to.post_message(m);
                });
            } else {
                let _ = reply_to.post_message(&batch_stream_lab::export::reply(&data));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler: it is terminated by the page.
    on_message.forget();
    // Messages sent before the handler existed would be lost: the page waits for this.
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str(
        batch_stream_lab::worker::READY,
    ));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("spark-export-worker is a Web Worker of the web app: it only runs in a browser");
}
