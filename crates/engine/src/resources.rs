//! The resource model: what an experiment costs, as a formula of its config,
//! so validation can refuse before running anything that would not fit.
//!
//! ```text
//! memory ≤ held events × 64 B + held cells × 384 B + kept log entries × 64 B + samples × 256 B
//! work   ≤ events + micro-batches + batch runs + samples   (loop steps; idle time costs nothing)
//! events × windows per event ≤ 2·10⁹; complete mode: micro-batches × result cells ≤ 2·10⁹
//! ```
//! Every cap below keeps its term of the memory formula within the engine's
//! share of a 512 MB browser tab (`docs/reliability.md` has the figures,
//! measured in Chromium).

mod held;

use crate::config::{ExperimentConfig, OutputMode, StreamingMode};
use crate::error::{FieldError, Problem};
use crate::params::Unit;
use crate::runlog::MAX_LOGGED_RUNS;

/// Most events one experiment may generate (expected value): bounds run time.
pub const MAX_EXPECTED_EVENTS: f64 = 2.0e9;
/// Most (window, group key) cells one experiment may hold at once: window state
/// and results are dense per window (every key of a window that has an event).
/// Where settled rows are folded away ([`crate::settled`]) that is the cells of
/// the windows not yet settled (`held.rs`); elsewhere every cell of the run.
pub const MAX_RESULT_CELLS: f64 = 5.0e5;
/// Most events held at once (in transit, or arrived and not yet processed by
/// the streaming pipeline, which keeps each one). Batch keeps aggregates only.
pub const MAX_IN_FLIGHT_EVENTS: f64 = 2.0e6;
/// Most events of an export built in memory (`bslab_spark::bundle`, the app's
/// download): about 240 bytes per event in its two formats. `bslab export`
/// writes its files part by part and takes whatever validation accepts.
pub const MAX_EXPORT_EVENTS: f64 = 1.0e6;
/// Most (window, key) cells all micro-batches of a complete-mode run may scan
/// together (each scans the whole state): bounds its time.
pub const MAX_SCANNED_CELLS: f64 = 2.0e9;
const MB: f64 = 1024.0 * 1024.0;
/// Log entries left for the runs after the end of the duration (the export's drain).
const DRAIN_MARGIN: usize = 1_000;
/// Bytes per event held at once (the event in transit or a row waiting, with
/// the slack of growable buffers).
const BYTES_PER_HELD_EVENT: f64 = 64.0;
/// Bytes per (window, key) cell: truth, both pipelines' results and state
/// (measured: 351 MB peak for 950,000 cells).
const BYTES_PER_CELL: f64 = 384.0;
/// Most memory one experiment may need by the formula: the engine's share of a
/// 512 MB browser tab (Chromium's renderer with the app measured ~190 MB before
/// any run, and wasm memory grows by doubling buffers).
pub const MAX_MEMORY_BYTES: f64 = 320.0 * 1024.0 * 1024.0;
/// Bytes per log entry and per metric sample.
const BYTES_PER_LOG_ENTRY: f64 = 64.0;
const BYTES_PER_SAMPLE: f64 = 256.0;

/// What one experiment costs at most, from its config alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resources {
    /// Expected events generated: base rate × peak multiplier × duration, plus
    /// fraud bursts.
    pub events: f64,
    /// Events held at once: in transit (Little's law: peak rate × mean delay)
    /// plus what arrives beyond the streaming capacity over the run.
    pub held_events: f64,
    /// Windows each event is in (1 for tumbling windows): state updates per event.
    pub windows_per_event: f64,
    /// (window, key) cells: windows in the run × group keys.
    pub result_cells: f64,
    /// (window, key) cells held at once: `result_cells`, or fewer where
    /// settled rows are folded away (`held.rs` derives the bound).
    pub held_cells: f64,
    /// Cells each micro-batch scans: the whole state in complete mode, else 0.
    pub scanned_cells: f64,
    /// Micro-batches at most: one per trigger interval (0 in continuous mode).
    pub micro_batches: f64,
    /// Batch runs: one per interval.
    pub batch_runs: f64,
    /// Metric samples: one per sampling interval.
    pub samples: f64,
    /// How settled rows are folded away, if they are.
    folding: Option<held::Folding>,
}

impl Resources {
    /// The model of a valid `config` (validation calls it once every field is
    /// in range; its work grows with the number of bursts, which validation caps first).
    pub fn of(config: &ExperimentConfig) -> Self {
        let peak = crate::workload::peak_multiplier(&config.workload);
        let duration = config.duration_ms as f64;
        let seconds = duration / 1_000.0;
        let mut events = config.workload.rate_eps * peak * seconds;
        let scenario = crate::scenario::kind(&config.scenario);
        if let Some(b) = scenario.bursts() {
            events += b.per_hour * seconds / 3_600.0 * f64::from(b.transactions);
        }
        let d = &config.delay;
        let outages_ms = scenario.outages().map_or(0.0, |o| o.mean_hold_ms());
        let mean_delay_ms = d.mean_ms + d.late_fraction * d.late_mean_ms + outages_ms;
        let capacity = config
            .streaming
            .mode
            .capacity_eps()
            .unwrap_or(f64::INFINITY);
        let backlog =
            crate::workload::overload_events(&config.workload, config.duration_ms, capacity);
        // Distinct windows: one ends every spacing, plus those still open at the end.
        let per_event = config.window.windows_per_event() as f64;
        let windows =
            (duration / config.window.spacing_ms().max(1) as f64).ceil() + per_event - 1.0;
        let keys = f64::from(crate::scenario::key_space(&config.scenario));
        let per = |interval: i64| (duration / interval.max(1) as f64).floor() + 1.0;
        // Complete mode scans the whole state each micro-batch.
        let scanned_cells = match config.streaming.output_mode {
            OutputMode::Complete => windows * keys,
            OutputMode::Append | OutputMode::Update => 0.0,
        };
        let folding = held::Folding::of(config, mean_delay_ms, backlog);
        let size = config.window.size_ms as f64;
        let spacing = config.window.spacing_ms() as f64;
        let result_cells = windows * keys;
        Self {
            events,
            windows_per_event: per_event,
            scanned_cells,
            held_events: config.workload.rate_eps * peak * mean_delay_ms / 1_000.0 + backlog,
            result_cells,
            held_cells: folding.map_or(result_cells, |f| f.cells(size, spacing).min(result_cells)),
            micro_batches: match config.streaming.mode {
                StreamingMode::MicroBatch { trigger_ms, .. } => per(trigger_ms),
                StreamingMode::Continuous { .. } => 0.0,
            },
            batch_runs: per(config.batch.interval_ms),
            samples: per(config.sample_every_ms),
            folding,
        }
    }

    /// Peak memory of the run, in bytes (upper bound of the engine's own data).
    pub fn memory_bytes(&self) -> f64 {
        let logged = self.micro_batches.min(MAX_LOGGED_RUNS as f64)
            + self.batch_runs.min(MAX_LOGGED_RUNS as f64);
        self.held_events * BYTES_PER_HELD_EVENT
            + self.held_cells * BYTES_PER_CELL
            + logged * BYTES_PER_LOG_ENTRY
            + self.samples * BYTES_PER_SAMPLE
    }

    /// Steps of work: every event, micro-batch, batch run and sample at most once.
    pub fn work(&self) -> f64 {
        self.events
            + self.micro_batches.min(2.0 * self.events + 1.0)
            + self.batch_runs
            + self.samples
    }

    /// The whole-experiment limits of validation, each naming the field to change.
    pub(crate) fn problems(&self, config: &ExperimentConfig) -> Vec<FieldError> {
        let mut problems = Vec::new();
        let rate = |problem| FieldError {
            field: "workload.rate_eps".into(),
            value: config.workload.rate_eps,
            unit: Unit::EventsPerSecond,
            problem,
        };
        // Results grow with the number of windows: one per spacing.
        // Sessions: open sessions and session rows, at most one per gap per key.
        let (field, spacing) = (config.window.spacing_field(), config.window.spacing_ms());
        let window = |problem| FieldError {
            field: field.into(),
            value: spacing as f64,
            unit: Unit::Ms,
            problem,
        };
        // Each window of an event is a state update: bound them as events.
        let updates = self.events * self.windows_per_event;
        if updates > MAX_EXPECTED_EVENTS {
            problems.push(rate(Problem::TooManyEvents {
                max: MAX_EXPECTED_EVENTS,
                expected: updates,
            }));
        }
        if self.micro_batches * self.scanned_cells > MAX_SCANNED_CELLS {
            let trigger = match config.streaming.mode {
                StreamingMode::MicroBatch { trigger_ms, .. } => trigger_ms as f64,
                StreamingMode::Continuous { .. } => 0.0,
            };
            problems.push(FieldError {
                field: "streaming.mode.trigger_ms".into(),
                value: trigger,
                unit: Unit::Ms,
                problem: Problem::CompleteTooLarge {
                    min: (config.duration_ms as f64 * self.scanned_cells / MAX_SCANNED_CELLS)
                        .ceil(),
                },
            });
        }
        if self.held_events > MAX_IN_FLIGHT_EVENTS {
            problems.push(rate(Problem::TooManyHeld {
                max: MAX_IN_FLIGHT_EVENTS,
                expected: self.held_events,
            }));
        }
        if self.held_cells > MAX_RESULT_CELLS {
            let keys = f64::from(crate::scenario::key_space(&config.scenario));
            let whole_run = (config.duration_ms as f64 * keys / MAX_RESULT_CELLS).ceil();
            // Where rows are folded, a smaller spacing may do: the windows held at once.
            let folded = self
                .folding
                .and_then(|f| f.min_spacing(config, MAX_RESULT_CELLS));
            problems.push(window(Problem::TooManyResults {
                min: folded.map_or(whole_run, |m| m.min(whole_run)),
            }));
        }
        if problems.is_empty() && self.memory_bytes() > MAX_MEMORY_BYTES {
            let problem = Problem::TooMuchMemory {
                max_mb: MAX_MEMORY_BYTES / MB,
                need_mb: self.memory_bytes() / MB,
            };
            // Blame the larger of the two terms that can grow.
            let cells = self.held_cells * BYTES_PER_CELL;
            problems.push(if cells > self.held_events * BYTES_PER_HELD_EVENT {
                window(problem)
            } else {
                rate(problem)
            });
        }
        problems
    }

    /// Refuses a config whose run logs could outgrow what the engine keeps
    /// ([`MAX_LOGGED_RUNS`]): for `bslab run --runs` and the Spark export,
    /// which need every entry.
    pub fn check_full_log(&self, config: &ExperimentConfig) -> Result<(), FieldError> {
        // The export runs on until everything is processed: a few more batches.
        let most = MAX_LOGGED_RUNS - DRAIN_MARGIN;
        let too_many = |field: &str, value: i64| FieldError {
            field: field.into(),
            value: value as f64,
            unit: Unit::Ms,
            problem: Problem::TooManyToList {
                min: (config.duration_ms / most as i64 + 1) as f64,
            },
        };
        if self.micro_batches > most as f64 {
            let trigger = match config.streaming.mode {
                StreamingMode::MicroBatch { trigger_ms, .. } => trigger_ms,
                StreamingMode::Continuous { .. } => 0,
            };
            return Err(too_many("streaming.mode.trigger_ms", trigger));
        }
        if self.batch_runs > most as f64 {
            return Err(too_many("batch.interval_ms", config.batch.interval_ms));
        }
        Ok(())
    }

    /// Refuses a config too large to export in memory: more than
    /// [`MAX_EXPORT_EVENTS`] events, or a log too long to list.
    pub fn check_export(&self, config: &ExperimentConfig) -> Result<(), FieldError> {
        if self.events > MAX_EXPORT_EVENTS {
            return Err(FieldError {
                field: "workload.rate_eps".into(),
                value: config.workload.rate_eps,
                unit: Unit::EventsPerSecond,
                problem: Problem::TooManyToExport {
                    max: MAX_EXPORT_EVENTS,
                    expected: self.events,
                },
            });
        }
        self.check_full_log(config)
    }
}
