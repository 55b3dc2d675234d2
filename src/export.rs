//! "Export for Spark": the experiment as a `.zip` (`bslab_spark::bundle_zip`: the
//! events, the PySpark jobs and the expected results), downloaded by the browser.
//!
//! The zip is built in a Web Worker (`src/bin/spark-export-worker.rs`, loaded on
//! each export only), so the page stays responsive and its own wasm does not carry
//! the exporter. The same worker writes the CSV files of a run ([`Job::Csv`]): it
//! re-simulates the experiment to the instant on screen (same config, same
//! results), which keeps the CSV writer out of the page's wasm too.
//! Protocol: the worker posts [`crate::worker::READY`] once it listens; the page then posts
//! `{config: <JSON>, csv?: <file name>, t_ms?: <instant>}`; the worker answers
//! `{ok: true, name, bytes}` or `{ok: false, error}` ([`reply`]).

use std::cell::RefCell;
use std::rc::Rc;

use bslab_engine::resources::Resources;
use bslab_engine::{csv, ExperimentConfig, Simulation, StreamingMode};
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{Key, Lang};
use crate::worker::{get, set};

/// Most events the browser exports, as the resource model counts them
/// ([`Resources::events`]): the worker holds the zip in memory (packed as each
/// file is made), so it takes what `bslab_spark::bundle_zip` takes; `bslab
/// export` writes part by part and takes whatever validation accepts.
pub const MAX_EVENTS: f64 = bslab_engine::resources::MAX_EXPORT_EVENTS;

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

/// What the export status adds after the file name: a plain note when Spark
/// cannot run the config's windows (cumulative), else nothing.
pub fn spark_note(config: &ExperimentConfig, lang: Lang) -> String {
    if bslab_spark::spark_supports(&config.window) {
        String::new()
    } else {
        format!(" {}", lang.t(Key::ExportNoSparkCumulative))
    }
}

/// The zip of `config` and its file name (what the worker computes).
pub fn zip(config: &ExperimentConfig) -> Result<(String, Vec<u8>), String> {
    let name = format!("{}.zip", bslab_spark::bundle_name(config));
    bslab_spark::bundle_zip(config)
        .map(|bytes| (name, bytes))
        .map_err(|e| e.to_string())
}

/// What the worker is asked to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// The Spark bundle of the whole experiment ([`zip`]).
    Spark,
    /// One CSV file of the run at a simulated instant ([`csv_file`]).
    Csv {
        /// The file's name (`latency.csv`, …, as in `bslab_engine::csv`).
        name: &'static str,
        /// The instant, in ms of simulated time.
        t_ms: i64,
    },
}

/// The CSV file `name` of `config`'s run at `t_ms` (what the worker computes), saved as
/// `bslab-<name>`: the run re-simulated to that instant, as `bslab run --csv` writes it.
pub fn csv_file(
    config: ExperimentConfig,
    name: &str,
    t_ms: i64,
) -> Result<(String, Vec<u8>), String> {
    let mut sim = Simulation::new(config).map_err(|e| e.to_string())?;
    sim.step_until(t_ms.max(0)).map_err(|e| e.to_string())?;
    csv::of_run(&sim)
        .into_iter()
        .find(|f| f.name == name)
        .map(|f| (format!("bslab-{name}"), f.text.into_bytes()))
        .ok_or_else(|| format!("no CSV file named {name}"))
}

/// The worker's answer to a request (`{config, csv?, t_ms?}`, see the module docs).
pub fn reply(request: &JsValue) -> JsValue {
    let object = js_sys::Object::new();
    let json = get(request, "config").as_string().unwrap_or_default();
    let csv = get(request, "csv").as_string();
    let t_ms = get(request, "t_ms").as_f64().unwrap_or(0.0) as i64;
    let result = ExperimentConfig::from_json(&json)
        .map_err(|e| e.to_string())
        .and_then(|config| match csv {
            Some(name) => csv_file(config, &name, t_ms),
            None => zip(&config),
        });
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

/// A running export (its worker). Dropping it stops the worker.
pub type ExportJob = crate::worker::WorkerJob;

fn outcome_of(data: &JsValue) -> Outcome {
    if get(data, "ok").as_bool() == Some(true) {
        let bytes = get(data, "bytes")
            .dyn_into::<js_sys::Uint8Array>()
            .map(|a| a.to_vec())
            .unwrap_or_default();
        Ok((get(data, "name").as_string().unwrap_or_default(), bytes))
    } else {
        Err(get(data, "error").as_string().unwrap_or_default())
    }
}

/// Starts `job` for `config` in a worker; `done` is called once with the outcome.
/// `done` is boxed: generic, this function would be compiled once per caller.
pub fn start(
    config: &ExperimentConfig,
    job: Job,
    done: Box<dyn Fn(Outcome)>,
) -> Result<ExportJob, String> {
    let request = js_sys::Object::new();
    let json = serde_json::to_string(config).map_err(|e| e.to_string())?;
    set(&request, "config", &JsValue::from_str(&json));
    if let Job::Csv { name, t_ms } = job {
        set(&request, "csv", &JsValue::from_str(name));
        set(&request, "t_ms", &JsValue::from_f64(t_ms as f64));
    }
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = move |outcome: Outcome| {
        if let Some(f) = done.borrow_mut().take() {
            f(outcome);
        }
    };
    let finish = Rc::new(finish);
    let on_error = {
        let finish = Rc::clone(&finish);
        Box::new(move |why: String| finish(Err(why)))
    };
    crate::worker::spawn(
        request.into(),
        Box::new(move |data| finish(outcome_of(data))),
        on_error,
    )
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
                "batch-late-but-cheap"
                    | "queue-mm1"
                    | "streaming-falls-behind"
                    | "late-data-spark-vs-flink"
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

    #[test]
    fn a_csv_file_from_the_worker_is_the_run_stepped_on_the_page() {
        // The page steps in chunks of wall-clock budget; the worker re-simulates in one go.
        // The Spark vs Flink preset has the late-data side output's file too.
        let flink = bslab_engine::presets::by_name("late-data-spark-vs-flink").expect("preset");
        for preset in [bslab_engine::presets::all()[0].config.clone(), flink.config] {
            let t_ms = 7 * 60_000 + 123;
            let mut page = Simulation::new(preset.clone()).expect("a valid preset");
            for t in (0..t_ms).step_by(9_973).chain([t_ms]) {
                page.step_until(t).expect("forward");
            }
            let files = csv::of_run(&page);
            assert_eq!(
                files.iter().any(|f| f.name == csv::SIDE_OUTPUT_CSV),
                csv::has_side_output(&preset),
                "the side output's file exactly when the page offers it"
            );
            for file in files {
                let (saved, bytes) = csv_file(preset.clone(), file.name, t_ms).expect("a CSV file");
                assert_eq!(saved, format!("bslab-{}", file.name));
                assert_eq!(
                    String::from_utf8(bytes).expect("UTF-8"),
                    file.text,
                    "{}",
                    file.name
                );
            }
            assert!(csv_file(preset, "nope.csv", t_ms).is_err());
        }
    }
}
