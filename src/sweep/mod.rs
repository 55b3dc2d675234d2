//! "Sweep" (Varredura): one knob over a range of values, each run to the end in
//! the page's Web Worker ([`crate::worker`]), the points drawn as they arrive
//! ([`panel`], [`chart`]). The engine's [`bslab_engine::sweep`] validates the
//! sweep (on the page, so a refusal is worded at once in the page's language)
//! and runs it (in the worker, so the page stays responsive).
//!
//! Protocol, on top of the worker's: the page posts `{sweep: <JSON of
//! [`Request`]>}`; the worker answers `{sweep_point: <Float64Array>}` for each
//! value in order ([`point_numbers`]: numbers, not text, so every figure arrives
//! bit for bit as the engine computed it), then `{sweep_done: true}`, or
//! `{ok: false, error}` if it refuses. Cancel: the page terminates the worker.

pub mod chart;
pub mod host;
pub mod lazy;
pub mod panel;
pub mod plan;
pub mod progress;
pub mod range;
pub mod text;

use bslab_engine::sweep::{PointFigures, SweepPlan, SweepPoint};
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

/// How long the worker rests after posting a point before it runs the next:
/// two frames at 60 Hz. A run takes a whole core; on a two-core laptop the page
/// draws the point it has just been sent on the other one, and its render is
/// only the start of that frame (style, layout, then the compositor's and the
/// rasteriser's threads). Without the rest the next run competes with all of
/// them and a point's frame could take 50–150 ms; with it, 20 points cost
/// 0.7 s more of a sweep that takes seconds (docs/performance.md, "The sweep's
/// cost").
pub const REST_MS: i32 = 34;

/// The worker's side: plans the sweep and posts each point as soon as it is
/// computed, then waits for `rest` (the page draws the point meanwhile) before
/// the next run.
pub async fn serve<R: std::future::Future<Output = ()>>(
    message: &JsValue,
    post: &dyn Fn(&JsValue),
    rest: impl Fn() -> R,
) {
    let text = get(message, "sweep").as_string().unwrap_or_default();
    let plan = serde_json::from_str::<Request>(&text)
        .map_err(|e| e.to_string())
        .and_then(|r| SweepPlan::new(&r.config, &r.param, &r.values).map_err(|e| e.to_string()));
    let reply = js_sys::Object::new();
    match plan {
        Ok(plan) => {
            for i in 0..plan.len() {
                let numbers = point_numbers(&plan.run(i));
                let message = js_sys::Object::new();
                let array = js_sys::Float64Array::from(numbers.as_slice());
                set(&message, "sweep_point", &array);
                post(&message);
                if i + 1 < plan.len() {
                    rest().await;
                }
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

/// Numbers per point in a message: the value, then each pipeline's figures.
const NUMBERS: usize = 1 + 2 * FIGURES;
const FIGURES: usize = 7;

/// A point as numbers (counts are far below 2⁵³, so exact as `f64`).
pub fn point_numbers(p: &SweepPoint) -> Vec<f64> {
    let figures = |f: &PointFigures| {
        [
            f.freshness_ms_mean,
            f.latency_p99_ms as f64,
            f.busy_worker_s,
            f.provisioned_worker_s,
            f.exact_rows as f64,
            f.truth_rows as f64,
            f.dropped_late as f64,
        ]
    };
    let mut out = vec![p.value];
    out.extend(figures(&p.batch));
    out.extend(figures(&p.streaming));
    out
}

/// The point of [`point_numbers`] (`None`: not one).
pub fn point_of(n: &[f64]) -> Option<SweepPoint> {
    if n.len() != NUMBERS {
        return None;
    }
    let figures = |f: &[f64]| PointFigures {
        freshness_ms_mean: f[0],
        latency_p99_ms: f[1] as u64,
        busy_worker_s: f[2],
        provisioned_worker_s: f[3],
        exact_rows: f[4] as u64,
        truth_rows: f[5] as u64,
        dropped_late: f[6] as u64,
    };
    Some(SweepPoint {
        value: n[0],
        batch: figures(&n[1..=FIGURES]),
        streaming: figures(&n[1 + FIGURES..]),
    })
}

fn update_of(data: &JsValue) -> Update {
    let point = get(data, "sweep_point");
    if point.is_object() {
        let numbers = js_sys::Float64Array::new(&point).to_vec();
        return point_of(&numbers)
            .map_or_else(|| Update::Failed("not a sweep point".into()), Update::Point);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_crosses_to_the_page_bit_for_bit() {
        let mut c = bslab_engine::presets::all()[0].config.clone();
        c.duration_ms = 20 * 60_000;
        let plan =
            SweepPlan::new(&c, "streaming.mode.trigger_ms", &[1_250.0, 7_919.0]).expect("valid");
        for i in 0..plan.len() {
            let point = plan.run(i);
            assert_eq!(point_of(&point_numbers(&point)), Some(point));
        }
        assert_eq!(point_of(&[1.0, 2.0]), None);
    }
}
