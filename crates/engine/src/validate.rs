//! Validation of an [`ExperimentConfig`]: every field against its allowed range.
//!
//! The engine runs any config that passes, without panicking, in bounded memory
//! (the limits below are what keeps a browser tab alive). Every problem is
//! reported, each naming its field, value and allowed range, so the UI can show
//! it beside the right input.

mod flink_rules;
mod totals;

use crate::config::{ExperimentConfig, OutputMode, WindowKind};
use crate::error::{ConfigError, FieldError, Problem};
use crate::params::{FieldId, Unit};
use crate::time::{TimeMs, DAY_MS};
use totals::{check_cells, Totals};

pub use crate::resources::{MAX_EXPECTED_EVENTS, MAX_IN_FLIGHT_EVENTS, MAX_RESULT_CELLS};
/// Shortest mean service time of per-record processing, in ms. The simulated
/// clock ticks in whole ms and a completion is published at the next tick, which
/// adds less than 1 ms to each event's time in system; from 100 ms of service on,
/// that is under 1 % of the mean time in system (at least the service time), so
/// the latency shown can be checked against queueing theory
/// (`tests/clock_bias.rs` measures the bias on both sides of this limit).
pub const MIN_SERVICE_MEAN_MS: f64 = 100.0;
/// Most metric samples one experiment may produce.
pub const MAX_SAMPLES: i64 = 100_000;

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn fail(&mut self, field: impl Into<String>, value: f64, unit: Unit, problem: Problem) {
        self.errors.push(FieldError {
            field: field.into(),
            value,
            unit,
            problem,
        });
    }

    /// One field of the table against its bounds.
    fn field(&mut self, config: &ExperimentConfig, id: FieldId) {
        let p = id.param();
        let (Some(b), Some(value)) = (p.bounds(config), id.get(config)) else {
            return;
        };
        let x = value.as_f64();
        if b.contains(x) {
            return;
        }
        let problem = if p.path == SERVICE_MEAN && (0.0..b.min).contains(&x) {
            Problem::TooShortForClock {
                min: b.min,
                max: b.max,
            }
        } else if b.min_excluded {
            Problem::NotPositive { max: b.max }
        } else {
            Problem::OutOfRange {
                min: b.min,
                max: b.max,
            }
        };
        self.fail(id.path(), x, p.unit, problem);
    }
}

/// The one field whose lower bound is the clock's, not the model's.
const SERVICE_MEAN: &str = "streaming.mode.service_mean_ms";

/// A configuration that passed [`ExperimentConfig::validate`]: the proof a
/// host carries from the one validation of an edit to
/// [`crate::Simulation::from_valid`], so nothing validates it again.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidConfig(ExperimentConfig);

impl ValidConfig {
    /// The configuration.
    pub fn into_config(self) -> ExperimentConfig {
        self.0
    }
}

/// The default config, which is valid (`params` tests check it).
impl Default for ValidConfig {
    fn default() -> Self {
        ValidConfig(ExperimentConfig::default())
    }
}

impl std::ops::Deref for ValidConfig {
    type Target = ExperimentConfig;

    fn deref(&self) -> &ExperimentConfig {
        &self.0
    }
}

impl ExperimentConfig {
    /// Checks every field; `Err` lists every invalid one.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.check(Totals::Generated)
    }

    /// The config with the proof that it is valid, or every invalid field.
    pub fn validated(self) -> Result<ValidConfig, ConfigError> {
        self.validate()?;
        Ok(ValidConfig(self))
    }

    /// Checks a config that replays given `events`
    /// ([`crate::Simulation::with_events`]): every field as [`Self::validate`]
    /// does, but the whole-experiment bounds are the events' own. They exist
    /// already, so the expected number of events and of events in flight
    /// (estimated from the workload, which a replay does not use) are not
    /// checked; results are bounded by the windows the events span, not by the
    /// duration, which may run on past them (the Spark export's drain).
    pub(crate) fn validate_replay(&self, events: &[crate::Event]) -> Result<(), ConfigError> {
        let events_until_ms = events
            .iter()
            .map(|e| e.event_time_ms.saturating_add(1))
            .max()
            .unwrap_or(0);
        self.validate_replay_until(events_until_ms)
    }

    /// [`Self::validate_replay`] of events whose event times are before `events_until_ms`.
    pub(crate) fn validate_replay_until(&self, events_until_ms: TimeMs) -> Result<(), ConfigError> {
        self.check(Totals::Replayed { events_until_ms })
    }

    fn check(&self, totals: Totals) -> Result<(), ConfigError> {
        let mut c = Checker { errors: Vec::new() };
        let bursts = self.workload.bursts.len();
        let too_many_bursts = bursts > MAX_BURSTS;
        if too_many_bursts {
            // Refused before any burst is looked at, so the work stays bounded
            // however long the list is.
            let max = MAX_BURSTS as f64;
            c.fail(
                "workload.bursts",
                bursts as f64,
                Unit::Bursts,
                Problem::TooManyBursts { max },
            );
        }
        for id in crate::params::applying(self, !too_many_bursts) {
            c.field(self, id);
        }
        self.check_rules(&mut c);
        if c.errors.is_empty() {
            match totals {
                // Whole-experiment bounds of the resource model.
                Totals::Generated => c
                    .errors
                    .extend(crate::resources::Resources::of(self).problems(self)),
                // A replay's events exist already: only its results are bounded.
                Totals::Replayed { events_until_ms } => check_cells(&mut c, self, events_until_ms),
            }
        }
        if c.errors.is_empty() {
            Ok(())
        } else {
            Err(ConfigError { fields: c.errors })
        }
    }

    /// The rules between fields.
    fn check_rules(&self, c: &mut Checker) {
        flink_rules::check_flink_rules(c, self);
        if self.duration_ms > 0
            && self.sample_every_ms > 0
            && self.duration_ms / self.sample_every_ms > MAX_SAMPLES
        {
            let min = (self.duration_ms / MAX_SAMPLES + 1) as f64;
            let value = self.sample_every_ms as f64;
            c.fail(
                "sample_every_ms",
                value,
                Unit::Ms,
                Problem::TooManySamples { min },
            );
        }
        let (size, slide) = (self.window.size_ms, self.window.slide_ms);
        if self.window.kind != WindowKind::Tumbling && slide > 0 && size % slide != 0 {
            let problem = Problem::NotWholeSlides {
                slide: slide as f64,
            };
            c.fail("window.size_ms", size as f64, Unit::Ms, problem);
        }
        if self.window.kind == WindowKind::Session {
            self.check_sessions(c);
            return;
        }
        let (interval, window) = (self.batch.interval_ms, self.window.spacing_ms());
        if interval > 0 && window > 0 && interval % window != 0 {
            let problem = Problem::NotWholeWindows {
                window: window as f64,
            };
            c.fail("batch.interval_ms", interval as f64, Unit::Ms, problem);
        }
    }
}

impl ExperimentConfig {
    /// Session windows: Spark (≥ 3.2) refuses the update output mode for them
    /// (SPARK-36463), so the simulator does too. Batch runs need not cover
    /// whole sessions: a run publishes the sessions that ended before its period's end.
    fn check_sessions(&self, c: &mut Checker) {
        if self.streaming.output_mode == OutputMode::Update {
            let value = OutputMode::Update as usize as f64;
            c.fail(
                "streaming.output_mode",
                value,
                Unit::None,
                Problem::SessionUpdate,
            );
        }
    }
}

/// Most rate bursts of a workload.
pub const MAX_BURSTS: usize = 32;

/// Longest ingestion or watermark delay, in ms.
pub const MAX_DELAY_MS: TimeMs = 7 * DAY_MS;
