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
                let scope = reply_to.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let post = |m: &wasm_bindgen::JsValue| {
                        let _ = scope.post_message(m);
                    };
                    let rest = || pause(&scope, batch_stream_lab::sweep::REST_MS);
                    batch_stream_lab::sweep::serve(&data, &post, rest).await;
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

/// Resolves after `ms` milliseconds of the worker's timer, leaving its core to
/// the page meanwhile (a failed timer resolves at once: the sweep goes on).
#[cfg(target_arch = "wasm32")]
async fn pause(scope: &web_sys::DedicatedWorkerGlobalScope, ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if scope
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("spark-export-worker is a Web Worker of the web app: it only runs in a browser");
}
