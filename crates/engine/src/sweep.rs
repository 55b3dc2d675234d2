//! The trade-off frontier: one knob of an experiment swept over a few values,
//! each value run to the end, and for each the four figures a student weighs
//! against each other (freshness, p99 latency, cost, completeness) for batch
//! and streaming.
//!
//! Every value goes through the parameter table and validation like an edit in
//! the app ([`SweepPlan::new`] refuses the whole sweep, with the typed error,
//! before anything runs), and the sweep as a whole is bounded: at most
//! [`MAX_VALUES`] values and [`MAX_TOTAL_WORK`] steps of work in all, by the
//! same resource model that bounds one run. The figures are the run's report
//! fields, copied, never recomputed: a point says what `bslab run` says.
//!
//! ```
//! use bslab_engine::{presets, sweep::SweepPlan};
//! let mut config = presets::by_name("sales-daily-vs-live").expect("built-in preset").config;
//! config.duration_ms = 10 * 60_000;
//! let plan = SweepPlan::new(&config, "streaming.mode.trigger_ms", &[1_000.0, 10_000.0])?;
//! let points: Vec<_> = (0..plan.len()).map(|i| plan.run(i)).collect();
//! assert!(points[0].streaming.freshness_ms_mean < points[1].streaming.freshness_ms_mean);
//! # Ok::<(), bslab_engine::sweep::SweepError>(())
//! ```

use crate::config::ExperimentConfig;
use crate::error::ConfigError;
use crate::params::{FieldId, Kind, Value};
use crate::report::PipelineReport;
use crate::resources::{Resources, MAX_EXPECTED_EVENTS};
use crate::sim::Simulation;
use crate::validate::ValidConfig;

/// The knobs a sweep turns, by their parameter-table paths.
pub const KNOBS: [&str; 6] = [
    "streaming.mode.trigger_ms",
    "streaming.watermark_delay_ms",
    "batch.interval_ms",
    "batch.workers",
    "streaming.mode.workers",
    "workload.rate_eps",
];
/// Fewest values of a sweep (one value is a run, not a frontier).
pub const MIN_VALUES: usize = 2;
/// Most values of a sweep: enough for a curve, few enough to stay interactive.
pub const MAX_VALUES: usize = 30;
/// Most steps of work of the whole sweep (the sum of each run's
/// [`Resources::work`]): the bound of one run, so a sweep takes at most as
/// long as the largest experiment validation accepts.
pub const MAX_TOTAL_WORK: f64 = MAX_EXPECTED_EVENTS;

/// Why a sweep is refused (nothing has run).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SweepError {
    /// Not one of [`KNOBS`].
    #[error("{path}: not a knob a sweep can turn; knobs: {}", KNOBS.join(", "))]
    UnknownKnob {
        /// The path given.
        path: String,
    },
    /// The knob does not exist in this config (a trigger in per-record mode).
    #[error("{path}: does not apply to this experiment (its streaming mode or scenario has no such field)")]
    NotApplicable {
        /// The knob.
        path: String,
    },
    /// Fewer than [`MIN_VALUES`] or more than [`MAX_VALUES`] values.
    #[error("a sweep takes {MIN_VALUES} to {MAX_VALUES} values (got {count})")]
    ValueCount {
        /// Values given.
        count: usize,
    },
    /// A whole-number knob given a fraction (or a number out of every type).
    #[error("{path}: {value} is not a whole number")]
    NotWhole {
        /// The knob.
        path: String,
        /// The value.
        value: f64,
    },
    /// The parameter table (validation) refuses the config at one value.
    #[error("{path} = {value}: {error}")]
    Invalid {
        /// The knob.
        path: String,
        /// The value.
        value: f64,
        /// Every invalid field of the config at that value.
        error: ConfigError,
    },
    /// The runs together would do more work than one experiment may.
    #[error("the sweep would do about {total:.1e} steps of work in all (events, micro-batches, batch runs, samples); at most {max:.0e}: fewer values, a shorter duration or a lower rate")]
    TooMuchWork {
        /// Steps of all the runs (resource model).
        total: f64,
        /// [`MAX_TOTAL_WORK`].
        max: f64,
    },
}

/// The figures of one pipeline at one value: its report's fields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointFigures {
    /// Mean freshness (staleness) over the samples, in ms (`freshness_ms_mean`).
    pub freshness_ms_mean: f64,
    /// 99th percentile of result latency, in ms (`latency_ms.p99`).
    pub latency_p99_ms: u64,
    /// Worker-seconds spent working (`busy_worker_s`).
    pub busy_worker_s: f64,
    /// Worker-seconds provisioned, paid for (`provisioned_worker_s`): the cost.
    pub provisioned_worker_s: f64,
    /// Published window rows equal to the truth (`windows.exact_rows`).
    pub exact_rows: u64,
    /// Window rows of the ground truth (`windows.truth_rows`).
    pub truth_rows: u64,
    /// Events dropped or missed for being late (`dropped_late`).
    pub dropped_late: u64,
}

impl PointFigures {
    fn of(p: &PipelineReport) -> Self {
        Self {
            freshness_ms_mean: p.freshness_ms_mean,
            latency_p99_ms: p.latency_ms.p99,
            busy_worker_s: p.busy_worker_s,
            provisioned_worker_s: p.provisioned_worker_s,
            exact_rows: p.windows.exact_rows,
            truth_rows: p.windows.truth_rows,
            dropped_late: p.dropped_late,
        }
    }

    /// Completeness: the share of the truth's window rows published exactly
    /// (the report's "exact window rows" over its truth rows); `None` without
    /// any window row.
    pub fn completeness(&self) -> Option<f64> {
        (self.truth_rows > 0).then(|| self.exact_rows as f64 / self.truth_rows as f64)
    }
}

/// One value of the knob and both pipelines' figures there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepPoint {
    /// The knob's value, in its unit.
    pub value: f64,
    /// The batch pipeline.
    pub batch: PointFigures,
    /// The streaming pipeline.
    pub streaming: PointFigures,
}

/// A validated sweep: the config at each value, ready to run one by one (a
/// host posts each point as it comes, and can stop between two).
#[derive(Debug, Clone)]
pub struct SweepPlan {
    knob: FieldId,
    runs: Vec<(f64, ValidConfig)>,
}

impl SweepPlan {
    /// Checks the knob, the number of values, every config and the total work.
    pub fn new(config: &ExperimentConfig, path: &str, values: &[f64]) -> Result<Self, SweepError> {
        let knob = knob(path)?;
        if !(MIN_VALUES..=MAX_VALUES).contains(&values.len()) {
            return Err(SweepError::ValueCount {
                count: values.len(),
            });
        }
        if knob.get(config).is_none() {
            return Err(SweepError::NotApplicable { path: path.into() });
        }
        let mut runs = Vec::with_capacity(values.len());
        let mut total = 0.0;
        for &value in values {
            let valid = set_knob(config, knob, value)?;
            total += Resources::of(&valid).work();
            runs.push((value, valid));
        }
        if total > MAX_TOTAL_WORK {
            return Err(SweepError::TooMuchWork {
                total,
                max: MAX_TOTAL_WORK,
            });
        }
        Ok(Self { knob, runs })
    }

    /// The knob's path.
    pub fn path(&self) -> String {
        self.knob.path()
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// Whether there is no value (never, once built).
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The values, in order.
    pub fn values(&self) -> Vec<f64> {
        self.runs.iter().map(|(v, _)| *v).collect()
    }

    /// The value at `i` and the config there (what clicking that point loads).
    pub fn at(&self, i: usize) -> Option<(f64, &ValidConfig)> {
        self.runs.get(i).map(|(v, c)| (*v, c))
    }

    /// Runs value `i` to the end (`i` past the end: the last value).
    pub fn run(&self, i: usize) -> SweepPoint {
        let (value, config) = &self.runs[i.min(self.runs.len() - 1)];
        let report = Simulation::from_valid(config.clone()).run();
        SweepPoint {
            value: *value,
            batch: PointFigures::of(&report.batch),
            streaming: PointFigures::of(&report.streaming),
        }
    }
}

/// The knob at `path`, if it is one of [`KNOBS`].
pub fn knob(path: &str) -> Result<FieldId, SweepError> {
    KNOBS
        .contains(&path)
        .then(|| FieldId::from_path(path))
        .flatten()
        .ok_or_else(|| SweepError::UnknownKnob { path: path.into() })
}

/// `config` with `knob` set to `value`, validated.
fn set_knob(
    config: &ExperimentConfig,
    knob: FieldId,
    value: f64,
) -> Result<ValidConfig, SweepError> {
    let path = knob.path();
    let typed = match knob.param().kind {
        Kind::Int if value.fract() == 0.0 && value.abs() < 9.0e15 => Value::Int(value as i64),
        Kind::Float => Value::Float(value),
        _ => return Err(SweepError::NotWhole { path, value }),
    };
    let invalid = |error| SweepError::Invalid {
        path: path.clone(),
        value,
        error,
    };
    let changed = knob
        .set(config, typed)
        .map_err(|e| invalid(ConfigError::single(e)))?
        .ok_or_else(|| SweepError::NotApplicable { path: path.clone() })?;
    changed.validated().map_err(invalid)
}

/// About `n` valid values around the knob's value in `config`, from a quarter
/// of it to four times it ([`spread`]): the app's default range. A knob at 0
/// (no watermark delay) ranges from 0 to four windows.
pub fn around(config: &ExperimentConfig, path: &str, n: usize) -> Vec<f64> {
    let Some(current) = knob(path).ok().and_then(|k| k.get(config)) else {
        return Vec::new();
    };
    let current = current.as_f64();
    if current > 0.0 {
        spread(config, path, current / 4.0, current * 4.0, n)
    } else {
        spread(config, path, 0.0, 4.0 * config.window.size_ms as f64, n)
    }
}

/// About `n` valid values from `from` to `to`: evenly on a log scale when both
/// are positive (a knob's effect is relative: 1 → 2 workers matters as much as
/// 10 → 20), else evenly; whole numbers for whole-number knobs, whole windows
/// for the batch interval, three significant digits otherwise, within the
/// knob's bounds, increasing, without repeats (so maybe fewer than `n`).
pub fn spread(config: &ExperimentConfig, path: &str, from: f64, to: f64, n: usize) -> Vec<f64> {
    let Ok(id) = knob(path) else {
        return Vec::new();
    };
    let Some(bounds) = id.param().bounds(config) else {
        return Vec::new();
    };
    let (lo, hi) = (from.min(to), from.max(to));
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let n = n.clamp(MIN_VALUES, MAX_VALUES);
    let at = |i: usize| i as f64 / (n - 1) as f64;
    // `fmath`, not `f64::ln`: std's calls the platform's maths library natively,
    // and the page and `bslab sweep` must spread the same values (libm's code in both).
    let raw: Vec<f64> = if lo > 0.0 {
        let (a, b) = (crate::fmath::log(lo), crate::fmath::log(hi));
        (0..n)
            .map(|i| crate::fmath::exp(a + (b - a) * at(i)))
            .collect()
    } else {
        (0..n).map(|i| lo + (hi - lo) * at(i)).collect()
    };
    let step = match (path, id.param().kind) {
        ("batch.interval_ms", _) => config.window.size_ms.max(1) as f64,
        (_, Kind::Int) => 1.0,
        _ => 0.0,
    };
    let mut out: Vec<f64> = Vec::with_capacity(n);
    for x in raw {
        let snapped = if step > 0.0 {
            (x / step).round() * step
        } else if x == 0.0 {
            0.0
        } else {
            // Three significant digits: values a teacher can read aloud.
            let scale = 10f64.powi(2 - crate::fmath::log10(x.abs()).floor() as i32);
            (x * scale).round() / scale
        };
        let v = snapped.min(bounds.max);
        if bounds.contains(v) && out.last().is_none_or(|&last| v > last) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests;
