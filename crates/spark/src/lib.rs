//! # Batch × Stream Lab — Spark bridge
//!
//! Exports an experiment so that real Apache Spark can run it and get the same
//! numbers as the simulator: the generated **events** (CSV and JSON Lines, one
//! file per micro-batch, in arrival order), the **batch pipeline** as a PySpark
//! DataFrame job (`batch_job.py`), the **streaming pipeline** as Structured
//! Streaming over those files (`streaming_job.py`), the simulator's own results
//! (`expected.json`), the simulator's Spark-shaped progress log
//! (`expected_progress.json`, what `query.recentProgress` should say), a checker
//! of Spark's output against them (`check.py`) and a bilingual `README.md`.
//!
//! Pure: no file system, clock or browser. The `bslab export` CLI writes a
//! [`Bundle`] to a directory (and sets the files' modification times); the web
//! app offers the same bytes as one `.zip` download ([`bundle_zip`], feature `zip`).
//!
//! ## Glossary (as in the engine and `docs/spark.md`)
//!
//! - **Micro-batch file**: the events that arrived between two micro-batch
//!   starts of the simulated streaming pipeline; Spark's file source with
//!   `maxFilesPerTrigger=1` reads exactly one per batch, so batch ids line up.
//!   A micro-batch that read nothing (a no-data batch) gets an empty file.
//! - **Drain**: the export simulates the experiment past its duration until every
//!   event has arrived and both pipelines are idle, so that the files hold every
//!   generated event and `expected.json` is final.
//! - **Watermark**, **late rows**, **output mode**: Spark's meanings, as measured
//!   in `docs/spark-semantics.md`.
//!
//! ## Example
//! ```
//! use bslab_engine::presets;
//! let mut config = presets::by_name("late-data-watermark").expect("preset").config;
//! config.duration_ms = 2 * 60_000;
//! let bundle = bslab_spark::bundle(&config)?;
//! assert!(bundle.file("streaming_job.py").is_some());
//! let csv_rows: usize = bundle
//!     .event_files(bslab_spark::EventFormat::Csv)
//!     .map(|f| f.bytes.iter().filter(|&&b| b == b'\n').count() - 1)
//!     .sum();
//! assert_eq!(csv_rows as u64, bundle.summary.events);
//! # Ok::<(), bslab_spark::ExportError>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bundle_writer;
mod columns;
mod drain;
mod expected;
mod params;
mod partition;
mod readme;
mod window_params;
#[cfg(feature = "zip")]
mod zipfile;

use bslab_engine::{ConfigError, ExperimentConfig, SimError, StreamingMode, TimeMs};

pub use bundle_writer::Export;
pub use columns::EventFormat;
pub use window_params::{spark_supports, NO_SPARK_CUMULATIVE};
#[cfg(feature = "zip")]
pub use zipfile::{bundle_zip, zip_bundle, zip_export};

/// Version of the bundle layout and of `expected.json` (bumped on any incompatible change).
pub const BUNDLE_FORMAT: u32 = 1;

/// The PySpark streaming job template (parameters go in its `PARAMS` header).
const STREAMING_JOB: &str = include_str!("../templates/streaming_job.py");
/// The PySpark batch job template.
const BATCH_JOB: &str = include_str!("../templates/batch_job.py");
/// The checker of Spark's output against `expected.json` (plain Python).
const CHECK: &str = include_str!("../templates/check.py");
/// What both job templates share (the parameters' header, the event schema, the window
/// column), written once: each exported job gets a copy, so it runs as one file.
const JOB_COMMON: &str = include_str!("../templates/job_common.py");
/// The line of each job template replaced by `JOB_COMMON`.
const COMMON_PLACEHOLDER: &str = "# __BSLAB_COMMON__\n";
/// The line of `JOB_COMMON` replaced by the experiment's parameters (JSON).
const PARAMS_PLACEHOLDER: &str = "__BSLAB_PARAMS__";

/// One file of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    /// Path inside the bundle, `/`-separated (e.g. `events/csv/part-00003.csv`).
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
    /// For event files: the micro-batch whose input it is (its position in the
    /// replay order). Writers must give event files strictly increasing
    /// modification times in this order: Spark's file source reads by mtime.
    pub micro_batch: Option<u64>,
}

/// What a bundle holds, in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// `sales`, `social` or `fraud`.
    pub scenario: &'static str,
    /// The experiment's seed.
    pub seed: u64,
    /// Events exported (every generated event).
    pub events: u64,
    /// Micro-batch files per format (= micro-batches of the simulated streaming pipeline).
    pub micro_batches: u64,
    /// Simulated time at the end of the drain, in ms.
    pub simulated_until_ms: TimeMs,
}

/// An exported experiment: every file, in a fixed order, with deterministic bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The files: `README.md`, `config.json`, `batch_job.py`, `streaming_job.py`,
    /// `check.py`, `expected.json`, `expected_progress.json`, then `events/csv/part-*.csv` and `events/jsonl/part-*.jsonl`
    /// in micro-batch order.
    pub files: Vec<BundleFile>,
    /// Counts.
    pub summary: Summary,
}

impl Bundle {
    /// The file at `path`, if any.
    pub fn file(&self, path: &str) -> Option<&BundleFile> {
        self.files.iter().find(|f| f.path == path)
    }

    /// The event files of one format, in micro-batch order.
    pub fn event_files(&self, format: EventFormat) -> impl Iterator<Item = &BundleFile> {
        let prefix = format!("events/{}/", format.dir());
        self.files
            .iter()
            .filter(move |f| f.micro_batch.is_some() && f.path.starts_with(&prefix))
    }

    /// Total size of all files, in bytes.
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes.len() as u64).sum()
    }
}

/// Why an experiment cannot be exported. None is fatal: fix the config and retry.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The configuration is invalid.
    #[error("invalid configuration: {0}")]
    Config(#[from] ConfigError),
    /// The simulation refused the configuration or the events.
    #[error(transparent)]
    Sim(#[from] SimError),
    /// Spark Structured Streaming has no per-record mode for aggregations.
    #[error(
        "the streaming pipeline is in continuous (per-record) mode: Spark Structured Streaming \
         runs aggregations in micro-batches only; set streaming.mode to micro_batch to export"
    )]
    NotMicroBatch,
    /// The drain could not bring the experiment to rest within the engine's limits.
    #[error("could not simulate until every event had arrived and been processed: {0}")]
    Drain(String),
    /// A sink of [`Export::write`] failed (its message names the file).
    #[error("{0}")]
    Write(String),
    /// Writing the zip archive failed.
    #[error("zip: {0}")]
    Zip(String),
}

/// Micro-batch parameters of a config, or [`ExportError::NotMicroBatch`].
fn micro_batch(config: &ExperimentConfig) -> Result<(TimeMs, TimeMs), ExportError> {
    match config.streaming.mode {
        StreamingMode::MicroBatch {
            trigger_ms,
            batch_overhead_ms,
            ..
        } => Ok((trigger_ms, batch_overhead_ms)),
        StreamingMode::Continuous { .. } => Err(ExportError::NotMicroBatch),
    }
}

/// Exports `config`: generates its events, simulates it to rest (see the
/// crate docs: *drain*), and returns every file of the bundle, in memory: for
/// the app's download, so at most [`bslab_engine::resources::MAX_EXPORT_EVENTS`]
/// events. [`Export`] writes any accepted experiment file by file.
///
/// Deterministic: the same config gives the same bytes, natively and in wasm.
pub fn bundle(config: &ExperimentConfig) -> Result<Bundle, ExportError> {
    check_in_memory(config)?;
    let export = Export::prepare(config)?;
    let mut files = Vec::new();
    export.write(|file| {
        files.push(file);
        Ok(())
    })?;
    Ok(Bundle {
        files,
        summary: export.summary(),
    })
}

/// Refuses what is too large for an export held in memory (the whole bundle,
/// or the whole zip), the config's own errors first.
fn check_in_memory(config: &ExperimentConfig) -> Result<(), ExportError> {
    config.validate()?;
    micro_batch(config)?;
    bslab_engine::resources::Resources::of(config)
        .check_export(config)
        .map_err(ConfigError::single)?;
    Ok(())
}

/// A name for the bundle (directory or `.zip` without the extension):
/// `bslab-<scenario>-seed<seed>`, e.g. `bslab-sales-seed42`.
pub fn bundle_name(config: &ExperimentConfig) -> String {
    let scenario = bslab_engine::scenario::Scenario::new(&config.scenario).name();
    format!("bslab-{scenario}-seed{}", config.seed)
}

/// Every micro-batch's `StreamingQueryProgress` as the simulator computes it: a
/// JSON array with one object per line, like Spark's `recentProgress` printed.
pub(crate) fn progress_json(log: &[bslab_engine::MicroBatchInfo]) -> String {
    let lines: Vec<String> = bslab_engine::progress::progress_of(log)
        .iter()
        .map(bslab_engine::QueryProgress::to_json)
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

/// The job template with its shared block written in and the parameter line replaced by the
/// parameters' JSON.
fn with_params(template: &str, params: &serde_json::Value) -> String {
    let json = serde_json::to_string_pretty(params).unwrap_or_default();
    // The JSON sits in a raw triple-quoted Python string: it must not close it.
    debug_assert!(!json.contains("\"\"\""));
    template
        .replacen(COMMON_PLACEHOLDER, JOB_COMMON, 1)
        .replacen(PARAMS_PLACEHOLDER, &json, 1)
}
