//! "Sweep" (Varredura): one knob over a range of values, each run to the end in
//! the page's Web Worker ([`crate::worker`]), the points drawn as they arrive
//! ([`panel`], [`chart`]). The engine's [`bslab_engine::sweep`] validates the
//! sweep (on the page, so a refusal is worded at once in the page's language)
//! and runs it (in the worker, so the page stays responsive).
//!
//! Protocol, on top of the worker's: the page posts `{sweep: <JSON of
//! [`Request`]>}`; the worker answers `{sweep_point: <JSON of a SweepPoint>}` for
//! each value in order, then `{sweep_done: true}`, or `{ok: false, error}` if it
//! refuses. Cancel: the page terminates the worker.

pub mod chart;
pub mod panel;
pub mod plan;
pub mod progress;
pub mod text;

use bslab_engine::sweep::{SweepPlan, SweepPoint};
use bslab_engine::ExperimentConfig;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::worker::{get, set, WorkerJob};

/// What the page asks the worker to sweep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The experiment.
    pub config: ExperimentConfig,
    /// The knob's parameter path.
    pub param: String,
    /// Its values.
    pub values: Vec<f64>,
}

/// Whether a message to the worker is a sweep request.
pub fn is_request(message: &JsValue) -> bool {
    get(message, "sweep").is_string()
}

/// The worker's side: plans the sweep and posts each point as soon as it is
/// computed (the page draws it while the next one runs).
pub fn serve(message: &JsValue, post: &dyn Fn(&JsValue)) {
    let text = get(message, "sweep").as_string().unwrap_or_default();
    let plan = serde_json::from_str::<Request>(&text)
        .map_err(|e| e.to_string())
        .and_then(|r| SweepPlan::new(&r.config, &r.param, &r.values).map_err(|e| e.to_string()));
    let reply = js_sys::Object::new();
    match plan {
        Ok(plan) => {
            for i in 0..plan.len() {
                let point = serde_json::to_string(&plan.run(i)).unwrap_or_default();
                let message = js_sys::Object::new();
                set(&message, "sweep_point", &JsValue::from_str(&point));
                post(&message);
            }
            set(&reply, "sweep_done", &JsValue::TRUE);
        }
        Err(error) => {
            set(&reply, "ok", &JsValue::FALSE);
            set(&reply, "error", &JsValue::from_str(&error));
        }
    }
    post(&reply);
}

/// What the worker said.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// The next point.
    Point(SweepPoint),
    /// Every point has come.
    Done,
    /// It failed (its words: the page validated the sweep before, so this is rare).
    Failed(String),
}

fn update_of(data: &JsValue) -> Update {
    if let Some(point) = get(data, "sweep_point").as_string() {
        return serde_json::from_str(&point)
            .map_or_else(|e| Update::Failed(e.to_string()), Update::Point);
    }
    if get(data, "sweep_done").as_bool() == Some(true) {
        return Update::Done;
    }
    Update::Failed(get(data, "error").as_string().unwrap_or_default())
}

/// Starts `request` in a worker; `on_update` hears each point, then the end.
/// Dropping the job cancels it.
pub fn start(request: &Request, on_update: Box<dyn Fn(Update)>) -> Result<WorkerJob, String> {
    let message = js_sys::Object::new();
    let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
    set(&message, "sweep", &JsValue::from_str(&json));
    let on_update = std::rc::Rc::new(on_update);
    let on_error = {
        let on_update = on_update.clone();
        Box::new(move |why: String| on_update(Update::Failed(why)))
    };
    crate::worker::spawn(
        message.into(),
        Box::new(move |data| on_update(update_of(data))),
        on_error,
    )
}
