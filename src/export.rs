//! "Export for Spark": the experiment as a `.zip` (`bslab_spark::bundle_zip`: the
//! events, the PySpark jobs and the expected results), downloaded by the browser.
//!
//! The zip is built in a Web Worker (`src/bin/spark-export-worker.rs`, loaded on
//! each export only), so the page stays responsive and its own wasm does not carry
//! the exporter. Protocol: the worker posts [`READY`] once it listens; the page then
//! posts the config as JSON; the worker answers `{ok: true, name, bytes}` or
//! `{ok: false, error}` ([`reply`]).

use std::cell::RefCell;
use std::rc::Rc;

use bslab_engine::resources::Resources;
use bslab_engine::{ExperimentConfig, StreamingMode};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{Key, Lang};

/// Most events the browser exports, as the resource model counts them
/// ([`Resources::events`]): the worker holds the zip in memory (packed as each
/// file is made), so it takes what `bslab_spark::bundle_zip` takes; `bslab
/// export` writes part by part and takes whatever validation accepts.
pub const MAX_EVENTS: f64 = bslab_engine::resources::MAX_EXPORT_EVENTS;

/// What the worker posts once it is listening.
pub const READY: &str = "ready";

/// The worker's loader script (trunk names worker files after the binary, unhashed);
/// the single HTML file has its own ([`crate::standalone::worker_url`]).
pub const WORKER_URL: &str = "./spark-export-worker_loader.js";

/// Why the browser will not export `config`, in `lang` (`None`: it will).
pub fn refusal(config: &ExperimentConfig, lang: Lang) -> Option<String> {
    if matches!(config.streaming.mode, StreamingMode::Continuous { .. }) {
        return Some(lang.t(Key::ExportNeedsMicroBatch).to_string());
    }
    // The resource model's bound (peak rate × duration), as validation counts them.
    let n = Resources::of(config).events;
    (n > MAX_EVENTS).then(|| {
        lang.fill(
            Key::ExportTooLarge,
            &[
                ("events", crate::format::count(n.round() as u64, lang)),
                ("max", crate::format::count(MAX_EVENTS as u64, lang)),
            ],
        )
    })
}

/// The zip of `config` and its file name (what the worker computes).
pub fn zip(config: &ExperimentConfig) -> Result<(String, Vec<u8>), String> {
    let name = format!("{}.zip", bslab_spark::bundle_name(config));
    bslab_spark::bundle_zip(config)
        .map(|bytes| (name, bytes))
        .map_err(|e| e.to_string())
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// The worker's answer to a config JSON.
pub fn reply(json: &str) -> JsValue {
    let object = js_sys::Object::new();
    let result = ExperimentConfig::from_json(json)
        .map_err(|e| e.to_string())
        .and_then(|config| zip(&config));
    match result {
        Ok((name, bytes)) => {
            set(&object, "ok", &JsValue::TRUE);
            set(&object, "name", &JsValue::from_str(&name));
            set(
                &object,
                "bytes",
                &js_sys::Uint8Array::from(bytes.as_slice()),
            );
        }
        Err(error) => {
            set(&object, "ok", &JsValue::FALSE);
            set(&object, "error", &JsValue::from_str(&error));
        }
    }
    object.into()
}

/// What an export ended with: the file (name, bytes) or why not.
pub type Outcome = Result<(String, Vec<u8>), String>;

/// A running export: its worker and handlers. Dropping it stops the worker.
pub struct ExportJob {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for ExportJob {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn outcome_of(data: &JsValue) -> Outcome {
    let get = |key: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    if get("ok").as_bool() == Some(true) {
        let bytes = get("bytes")
            .dyn_into::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        Ok((get("name").as_string().unwrap_or_default(), bytes))
    } else {
        Err(get("error").as_string().unwrap_or_default())
    }
}

/// Starts exporting `config` in a worker; `done` is called once with the outcome.
pub fn start(
    config: &ExperimentConfig,
    done: impl Fn(Outcome) + 'static,
) -> Result<ExportJob, String> {
    let json = serde_json::to_string(config).map_err(|e| e.to_string())?;
    let url = crate::standalone::worker_url().unwrap_or_else(|| WORKER_URL.to_string());
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("{e:?}"))?;
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = Rc::clone(&done);
        move |outcome: Outcome| {
            if let Some(f) = done.borrow_mut().take() {
                f(outcome);
            }
        }
    };
    let on_message = {
        let (finish, worker) = (finish.clone(), worker.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if e.data().as_string().as_deref() == Some(READY) {
                if let Err(e) = worker.post_message(&JsValue::from_str(&json)) {
                    finish(Err(format!("{e:?}")));
                }
            } else {
                finish(outcome_of(&e.data()));
            }
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let message = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map_or_else(|| "the export worker failed".to_string(), |e| e.message());
        finish(Err(message));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(ExportJob {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_but_the_largest_and_continuous_mode_are_exportable() {
        for p in bslab_engine::presets::all() {
            let refused = refusal(&p.config, Lang::En);
            let expect_refusal = matches!(
                p.name,
                "batch-late-but-cheap" | "queue-mm1" | "streaming-falls-behind"
            );
            assert_eq!(refused.is_some(), expect_refusal, "{}: {refused:?}", p.name);
        }
    }

    #[test]
    fn a_small_experiment_exports_as_a_zip() {
        let mut c = bslab_engine::presets::all()[0].config.clone();
        c.duration_ms = 2 * 60_000;
        let (name, bytes) = zip(&c).expect("exportable");
        assert!(name.ends_with(".zip"), "{name}");
        assert_eq!(&bytes[..2], b"PK");
    }
}
