//! Validation of an [`ExperimentConfig`]: every field against its allowed range.
//!
//! The engine runs any config that passes, without panicking, in bounded memory
//! (the limits below are what keeps a browser tab alive). Every problem is
//! reported, each naming its field, value and allowed range, so the UI can show
//! it beside the right input.

mod totals;

use crate::config::*;
use crate::error::{ConfigError, FieldError};
use crate::time::{TimeMs, DAY_MS, HOUR_MS};
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
    fn fail(&mut self, field: &str, value: impl ToString, allowed: &str, problem: &str) {
        self.errors.push(FieldError {
            field: field.to_string(),
            value: value.to_string(),
            allowed: allowed.to_string(),
            problem: problem.to_string(),
        });
    }

    fn int(&mut self, field: &str, value: i64, min: i64, max: i64, unit: &str) {
        if value < min || value > max {
            self.fail(
                field,
                value,
                &format!("{min} to {max} {unit}"),
                "out of range",
            );
        }
    }

    fn float(&mut self, field: &str, value: f64, min: f64, max: f64, unit: &str) -> bool {
        if !value.is_finite() {
            self.fail(
                field,
                value,
                &format!("{min} to {max} {unit}"),
                "not a finite number",
            );
            false
        } else if value < min || value > max {
            self.fail(
                field,
                value,
                &format!("{min} to {max} {unit}"),
                "out of range",
            );
            false
        } else {
            true
        }
    }

    fn positive_float(&mut self, field: &str, value: f64, max: f64, unit: &str) -> bool {
        if self.float(field, value, 0.0, max, unit) && value <= 0.0 {
            self.fail(
                field,
                value,
                &format!("more than 0, at most {max} {unit}"),
                "must be positive",
            );
            return false;
        }
        value.is_finite() && value > 0.0
    }
}

impl ExperimentConfig {
    /// Checks every field; `Err` lists every invalid one.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.check(Totals::Generated)
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
        c.int(
            "duration_ms",
            self.duration_ms,
            1_000,
            MAX_DURATION_MS,
            "ms (1 s to 400 days)",
        );
        c.int("sample_every_ms", self.sample_every_ms, 10, DAY_MS, "ms");
        if self.duration_ms > 0
            && self.sample_every_ms > 0
            && self.duration_ms / self.sample_every_ms > MAX_SAMPLES
        {
            c.fail(
                "sample_every_ms",
                self.sample_every_ms,
                &format!(
                    "at least {} ms (duration_ms / {MAX_SAMPLES})",
                    self.duration_ms / MAX_SAMPLES + 1
                ),
                "too many samples for the duration",
            );
        }
        check_scenario(&mut c, &self.scenario);
        check_workload(&mut c, &self.workload, self.duration_ms);
        check_delay(&mut c, &self.delay);
        c.int("window.size_ms", self.window.size_ms, 10, DAY_MS, "ms");
        check_batch(&mut c, &self.batch, self.window.size_ms);
        check_streaming(&mut c, &self.streaming);
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
}

fn check_scenario(c: &mut Checker, s: &ScenarioConfig) {
    match s {
        ScenarioConfig::Sales {
            categories,
            mean_amount_cents,
        } => {
            c.int(
                "scenario.categories",
                i64::from(*categories),
                1,
                64,
                "categories",
            );
            c.int(
                "scenario.mean_amount_cents",
                *mean_amount_cents,
                1,
                100_000_000,
                "cents",
            );
        }
        ScenarioConfig::Social {
            posts,
            zipf_exponent,
        } => {
            c.int("scenario.posts", i64::from(*posts), 1, 10_000, "posts");
            c.positive_float("scenario.zipf_exponent", *zipf_exponent, 5.0, "");
        }
        ScenarioConfig::Fraud {
            cards,
            mean_amount_cents,
            alert_threshold,
            bursts_per_hour,
            burst_transactions,
            burst_duration_ms,
        } => {
            c.int("scenario.cards", i64::from(*cards), 1, 5_000, "cards");
            c.int(
                "scenario.mean_amount_cents",
                *mean_amount_cents,
                1,
                100_000_000,
                "cents",
            );
            c.int(
                "scenario.alert_threshold",
                i64::from(*alert_threshold),
                1,
                1_000,
                "transactions",
            );
            c.float(
                "scenario.bursts_per_hour",
                *bursts_per_hour,
                0.0,
                1_000.0,
                "bursts/hour",
            );
            c.int(
                "scenario.burst_transactions",
                i64::from(*burst_transactions),
                1,
                1_000,
                "transactions",
            );
            c.int(
                "scenario.burst_duration_ms",
                *burst_duration_ms,
                1,
                DAY_MS,
                "ms",
            );
        }
    }
}

/// Checks the arrival process. A list of more bursts than allowed is refused
/// before any of them is looked at, so the work stays bounded however long it is.
fn check_workload(c: &mut Checker, w: &WorkloadConfig, duration: TimeMs) {
    c.positive_float("workload.rate_eps", w.rate_eps, 1_000_000.0, "events/s");
    if let DailyProfile::Diurnal {
        amplitude,
        peak_hour,
    } = &w.daily_profile
    {
        c.float(
            "workload.daily_profile.amplitude",
            *amplitude,
            0.0,
            0.99,
            "",
        );
        c.float(
            "workload.daily_profile.peak_hour",
            *peak_hour,
            0.0,
            24.0,
            "h",
        );
    }
    if w.bursts.len() > MAX_BURSTS {
        c.fail(
            "workload.bursts",
            w.bursts.len(),
            &format!("0 to {MAX_BURSTS} bursts"),
            "too many bursts",
        );
        return;
    }
    for (i, b) in w.bursts.iter().enumerate() {
        c.int(
            &format!("workload.bursts[{i}].start_ms"),
            b.start_ms,
            0,
            duration.max(0),
            "ms (within the duration)",
        );
        c.int(
            &format!("workload.bursts[{i}].duration_ms"),
            b.duration_ms,
            1,
            duration.max(1),
            "ms",
        );
        c.float(
            &format!("workload.bursts[{i}].multiplier"),
            b.multiplier,
            1.0,
            1_000.0,
            "×",
        );
    }
}

/// Most rate bursts of a workload.
pub const MAX_BURSTS: usize = 32;

fn check_delay(c: &mut Checker, d: &DelayConfig) {
    let max = MAX_DELAY_MS as f64;
    c.float("delay.mean_ms", d.mean_ms, 0.0, max, "ms");
    c.float("delay.jitter_ms", d.jitter_ms, 0.0, max, "ms");
    c.float("delay.late_fraction", d.late_fraction, 0.0, 1.0, "");
    c.float("delay.late_mean_ms", d.late_mean_ms, 0.0, max, "ms");
}

/// Longest ingestion or watermark delay, in ms.
pub const MAX_DELAY_MS: TimeMs = 7 * DAY_MS;

fn check_batch(c: &mut Checker, b: &BatchConfig, window: TimeMs) {
    c.int("batch.interval_ms", b.interval_ms, 1_000, 7 * DAY_MS, "ms");
    if b.interval_ms > 0 && window > 0 && b.interval_ms % window != 0 {
        c.fail(
            "batch.interval_ms",
            b.interval_ms,
            &format!("a multiple of window.size_ms ({window} ms)"),
            "each batch run must cover whole windows",
        );
    }
    c.int("batch.offset_ms", b.offset_ms, 0, 7 * DAY_MS, "ms");
    c.int("batch.startup_ms", b.startup_ms, 0, DAY_MS, "ms");
    c.float(
        "batch.per_event_cost_us",
        b.per_event_cost_us,
        0.0,
        1_000_000.0,
        "µs",
    );
    c.int("batch.workers", i64::from(b.workers), 1, 1_024, "workers");
}

fn check_streaming(c: &mut Checker, s: &StreamingConfig) {
    c.int(
        "streaming.watermark_delay_ms",
        s.watermark_delay_ms,
        0,
        MAX_DELAY_MS,
        "ms",
    );
    match &s.mode {
        StreamingMode::MicroBatch {
            trigger_ms,
            batch_overhead_ms,
            per_event_cost_us,
            workers,
        } => {
            c.int("streaming.mode.trigger_ms", *trigger_ms, 10, HOUR_MS, "ms");
            c.int(
                "streaming.mode.batch_overhead_ms",
                *batch_overhead_ms,
                0,
                HOUR_MS,
                "ms",
            );
            c.float(
                "streaming.mode.per_event_cost_us",
                *per_event_cost_us,
                0.0,
                1_000_000.0,
                "µs",
            );
            c.int(
                "streaming.mode.workers",
                i64::from(*workers),
                1,
                1_024,
                "workers",
            );
        }
        StreamingMode::Continuous {
            workers,
            service_mean_ms,
            ..
        } => {
            c.int(
                "streaming.mode.workers",
                i64::from(*workers),
                1,
                1_024,
                "workers",
            );
            let field = "streaming.mode.service_mean_ms";
            let max = HOUR_MS as f64;
            if (0.0..MIN_SERVICE_MEAN_MS).contains(service_mean_ms) {
                let range = format!("{MIN_SERVICE_MEAN_MS} to {max} ms");
                c.fail(
                    field,
                    service_mean_ms,
                    &range,
                    "too short for the 1 ms clock",
                );
            } else {
                c.float(field, *service_mean_ms, MIN_SERVICE_MEAN_MS, max, "ms");
            }
        }
    }
}
