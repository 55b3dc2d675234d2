//! Whole-experiment bounds (events, events in flight, result cells): what keeps
//! any valid config within a browser tab's memory. Only meaningful once every
//! field is in range.

use super::{Checker, MAX_EXPECTED_EVENTS, MAX_IN_FLIGHT_EVENTS, MAX_RESULT_CELLS};
use crate::config::{ExperimentConfig, ScenarioConfig};
use crate::time::TimeMs;

/// Which whole-experiment bounds apply (only meaningful once every field is in range).
#[derive(Clone, Copy)]
pub(super) enum Totals {
    /// The events are generated from the workload over the duration.
    Generated,
    /// Given events, with event times before `events_until_ms`.
    Replayed { events_until_ms: TimeMs },
}

/// Expected events of the whole run.
pub(super) fn check_events(c: &mut Checker, cfg: &ExperimentConfig, peak: f64) {
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
}

/// (window, key) cells of the results over event times `0..span_ms`.
pub(super) fn check_cells(c: &mut Checker, cfg: &ExperimentConfig, span_ms: TimeMs) {
    let windows = (span_ms as f64 / cfg.window.size_ms as f64).ceil();
    let cells = windows * f64::from(crate::scenario::key_space(&cfg.scenario));
    if cells > MAX_RESULT_CELLS {
        c.fail(
            "window.size_ms",
            cfg.window.size_ms,
            &format!(
                "at least {} ms for this duration and number of keys",
                (span_ms as f64 * f64::from(crate::scenario::key_space(&cfg.scenario))
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
pub(super) fn check_in_flight(c: &mut Checker, cfg: &ExperimentConfig, peak: f64) {
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
