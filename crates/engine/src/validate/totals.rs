//! Which whole-experiment bounds apply: a generated run's are the resource
//! model's (`crate::resources`); a replay's events exist already, so only the
//! results over the windows they span are bounded here. Only meaningful once
//! every field is in range.

use super::{Checker, MAX_RESULT_CELLS};
use crate::config::ExperimentConfig;
use crate::error::Problem;
use crate::params::Unit;
use crate::time::TimeMs;

/// Which whole-experiment bounds apply (only meaningful once every field is in range).
#[derive(Clone, Copy)]
pub(super) enum Totals {
    /// The events are generated from the workload over the duration.
    Generated,
    /// Given events, with event times before `events_until_ms`.
    Replayed { events_until_ms: TimeMs },
}

/// (window, key) cells of the results over event times `0..span_ms`.
pub(super) fn check_cells(c: &mut Checker, cfg: &ExperimentConfig, span_ms: TimeMs) {
    let spacing = cfg.window.spacing_ms().max(1);
    let windows =
        (span_ms as f64 / spacing as f64).ceil() + (cfg.window.windows_per_event() - 1) as f64;
    let cells = windows * f64::from(crate::scenario::key_space(&cfg.scenario));
    if cells > MAX_RESULT_CELLS {
        let keys = f64::from(crate::scenario::key_space(&cfg.scenario));
        let field = cfg.window.spacing_field();
        c.fail(
            field,
            spacing as f64,
            Unit::Ms,
            Problem::TooManyResults {
                min: (span_ms as f64 * keys / MAX_RESULT_CELLS).ceil(),
            },
        );
    }
}
