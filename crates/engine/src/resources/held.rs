//! The (window, key) result cells held at once where settled rows are folded
//! away ([`crate::settled`]): the resource model's bound for those runs, in
//! place of the whole run's cells.
//!
//! Rows are folded only where [`crate::settled::folds`] says so (tumbling,
//! sliding and cumulative windows, with micro-batch streaming in append or
//! update mode); elsewhere every row is kept, so the whole run's cells stay
//! their bound.
//!
//! The bound, from how folding works. A fold runs at each sample once the
//! party holding the most rows holds `next_try` of them; it drops the rows of
//! windows before both the settled id and the newest `KEEP_ROWS / 2` rows (and
//! the rest of their oldest window: under `keys` more), then waits for
//! `KEEP_ROWS / 2` more rows, or `KEEP_ROWS`. So a party holds at most
//! `KEEP_ROWS + keys` rows, or the rows of the unsettled windows plus
//! `KEEP_ROWS / 2`, plus the rows made during one sample interval. The
//! unsettled windows are those from the slowest party's settled id up to now:
//! the window holding the instant `lag` before now, and every later one. Their
//! sum bounds the cells held:
//!
//! ```text
//! held ≤ KEEP_ROWS + keys + keys × (⌈(lag + size + sample interval) / spacing⌉ + 2)
//! lag  = max(batch: interval + offset + start-up + one run's work,
//!            streaming: watermark delay + mean transit delay + trigger + one micro-batch)
//! ```
//!
//! A pipeline that falls behind (streaming over its capacity, a batch run
//! longer than its interval) has a lag that grows with the run: there the
//! whole run's cells stay the bound.

use crate::config::{ExperimentConfig, StreamingMode, WindowKind};
use crate::settled::KEEP_ROWS;

/// Where rows are folded, what the bound depends on besides the window spacing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Folding {
    /// Slowest party's lag behind now, in ms, plus the sample interval.
    horizon_ms: f64,
    /// Group keys: rows per window at most.
    keys: f64,
}

impl Folding {
    /// How `config`'s rows are folded, or `None` where every row is kept
    /// (or a pipeline falls behind). `mean_delay_ms`: mean transit delay;
    /// `backlog`: events arriving beyond the streaming capacity.
    pub(super) fn of(config: &ExperimentConfig, mean_delay_ms: f64, backlog: f64) -> Option<Self> {
        let StreamingMode::MicroBatch {
            trigger_ms,
            batch_overhead_ms,
            per_event_cost_us,
            workers,
        } = config.streaming.mode
        else {
            return None;
        };
        if !crate::settled::folds(config) || backlog > 0.0 {
            return None;
        }
        let rate = config.workload.rate_eps * crate::workload::peak_multiplier(&config.workload);
        // A micro-batch takes o / (1 − ρ) at a steady load ρ < 1 (its events
        // arrived during the one before), or the trigger if longer.
        let load = rate * per_event_cost_us / 1.0e6 / f64::from(workers);
        if load >= 1.0 {
            return None;
        }
        let micro_batch = (trigger_ms as f64).max(batch_overhead_ms as f64 / (1.0 - load));
        let streaming = config.streaming.watermark_delay_ms as f64
            + mean_delay_ms
            + trigger_ms as f64
            + micro_batch;
        let b = &config.batch;
        let run = b.startup_ms as f64
            + rate * b.interval_ms as f64 / 1_000.0 * b.per_event_cost_us
                / 1_000.0
                / f64::from(b.workers);
        if run > b.interval_ms as f64 {
            return None;
        }
        let batch = (b.interval_ms + b.offset_ms) as f64 + run;
        Some(Self {
            horizon_ms: batch.max(streaming) + config.sample_every_ms as f64,
            keys: f64::from(crate::scenario::key_space(&config.scenario)),
        })
    }

    /// Cells held at once with windows `spacing_ms` apart (`size_ms` long).
    pub(super) fn cells(&self, size_ms: f64, spacing_ms: f64) -> f64 {
        let windows = ((self.horizon_ms + size_ms) / spacing_ms.max(1.0)).ceil() + 2.0;
        KEEP_ROWS as f64 + self.keys * (1.0 + windows)
    }

    /// Smallest spacing keeping the cells held within `max` for `config`'s
    /// window kind (tumbling: the size is the spacing), if any.
    pub(super) fn min_spacing(&self, config: &ExperimentConfig, max: f64) -> Option<f64> {
        // `ceil(x) ≤ w − 3` holds when `x ≤ w − 4`; tumbling windows' own
        // size adds one more window (`(lag + s) / s = lag / s + 1`).
        let w = ((max - KEEP_ROWS as f64) / self.keys).floor();
        let (span, room) = match config.window.kind {
            WindowKind::Tumbling => (self.horizon_ms, w - 5.0),
            _ => (self.horizon_ms + config.window.size_ms as f64, w - 4.0),
        };
        (room > 0.0).then(|| (span / room).ceil())
    }
}
