//! Validation of an [`ExperimentConfig`]: every field against its allowed range.
//!
//! The engine runs any config that passes, without panicking, in bounded memory
//! (the limits below are what keeps a browser tab alive). Every problem is
//! reported, each naming its field, value and allowed range, so the UI can show
//! it beside the right input.

use crate::config::*;
use crate::error::{ConfigError, FieldError};
use crate::time::{TimeMs, DAY_MS, HOUR_MS};

/// Most events one experiment may generate (expected value): bounds run time and memory.
pub const MAX_EXPECTED_EVENTS: f64 = 2.0e9;
/// Most (window, group key) cells one experiment may produce: bounds result memory.
pub const MAX_RESULT_CELLS: f64 = 5.0e6;
/// Most events held at once (in transit, or arrived and not yet processed by the
/// streaming pipeline, which keeps each one): bounds memory to a few hundred MB,
/// which a browser tab survives. Batch keeps aggregates only.
pub const MAX_IN_FLIGHT_EVENTS: f64 = 1.0e7;
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
        let peak = check_workload(&mut c, &self.workload, self.duration_ms);
        check_delay(&mut c, &self.delay);
        c.int("window.size_ms", self.window.size_ms, 10, DAY_MS, "ms");
        check_batch(&mut c, &self.batch, self.window.size_ms);
        check_streaming(&mut c, &self.streaming);
        if c.errors.is_empty() {
            check_totals(&mut c, self, peak);
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

/// Returns the peak rate multiplier (profile × overlapping bursts), 1 when invalid.
fn check_workload(c: &mut Checker, w: &WorkloadConfig, duration: TimeMs) -> f64 {
    c.positive_float("workload.rate_eps", w.rate_eps, 1_000_000.0, "events/s");
    let mut peak = 1.0;
    if let DailyProfile::Diurnal {
        amplitude,
        peak_hour,
    } = &w.daily_profile
    {
        if c.float(
            "workload.daily_profile.amplitude",
            *amplitude,
            0.0,
            0.99,
            "",
        ) {
            peak = 1.0 + amplitude;
        }
        c.float(
            "workload.daily_profile.peak_hour",
            *peak_hour,
            0.0,
            24.0,
            "h",
        );
    }
    if w.bursts.len() > 32 {
        c.fail(
            "workload.bursts",
            w.bursts.len(),
            "0 to 32 bursts",
            "too many bursts",
        );
    }
    let errors_before = c.errors.len();
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
    if c.errors.len() == errors_before {
        crate::workload::peak_multiplier(w)
    } else {
        peak
    }
}

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

/// Whole-experiment bounds: only meaningful once every field is in range.
fn check_totals(c: &mut Checker, cfg: &ExperimentConfig, peak: f64) {
    let seconds = cfg.duration_ms as f64 / 1_000.0;
    let mut expected = cfg.workload.rate_eps * peak * seconds;
    if let ScenarioConfig::Fraud {
        bursts_per_hour,
        burst_transactions,
        ..
    } = &cfg.scenario
    {
        expected += bursts_per_hour * seconds / 3_600.0 * f64::from(*burst_transactions);
    }
    if expected > MAX_EXPECTED_EVENTS {
        c.fail(
            "workload.rate_eps",
            cfg.workload.rate_eps,
            &format!(
                "at most {MAX_EXPECTED_EVENTS:e} events in the whole run (rate × peak × duration)"
            ),
            "too many events for one experiment",
        );
    }
    check_in_flight(c, cfg, peak);
    let windows = (cfg.duration_ms as f64 / cfg.window.size_ms as f64).ceil();
    let cells = windows * f64::from(crate::scenario::key_space(&cfg.scenario));
    if cells > MAX_RESULT_CELLS {
        c.fail(
            "window.size_ms",
            cfg.window.size_ms,
            &format!(
                "at least {} ms for this duration and number of keys",
                (cfg.duration_ms as f64 * f64::from(crate::scenario::key_space(&cfg.scenario))
                    / MAX_RESULT_CELLS)
                    .ceil()
            ),
            "too many (window, key) results",
        );
    }
}

/// Events held at once: the expected number in transit (Little's law: peak rate ×
/// mean delay) plus what arrives beyond the streaming capacity over the run (an
/// upper bound of its backlog).
fn check_in_flight(c: &mut Checker, cfg: &ExperimentConfig, peak: f64) {
    let d = &cfg.delay;
    let mean_delay_s = (d.mean_ms + d.late_fraction * d.late_mean_ms) / 1_000.0;
    let in_transit = cfg.workload.rate_eps * peak * mean_delay_s;
    let capacity = cfg.streaming.mode.capacity_eps().unwrap_or(f64::INFINITY);
    let backlog = crate::workload::overload_events(&cfg.workload, cfg.duration_ms, capacity);
    if in_transit + backlog > MAX_IN_FLIGHT_EVENTS {
        c.fail(
            "workload.rate_eps",
            cfg.workload.rate_eps,
            &format!(
                "at most {MAX_IN_FLIGHT_EVENTS:e} events held at once; this config would hold about {:.1e} \
                 ({in_transit:.1e} in transit, {backlog:.1e} piling up beyond the streaming capacity of {capacity:.0} events/s)",
                in_transit + backlog
            ),
            "too many events held at once: lower the rate, the delays or the duration, or give streaming more capacity",
        );
    }
}
