//! The report as the page shows it: the engine's report at one instant with its
//! fingerprint and the per-window completeness the completeness chart draws.
//! Apart from the runner because it is a view of a report, not of the stepping.

use std::collections::BTreeMap;
use std::rc::Rc;

use bslab_engine::{Report, ReportDetail, Simulation, TimeMs};

/// Per-window completeness: published counts next to the truth, summed over keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowPoint {
    /// Window start, in ms.
    pub start_ms: TimeMs,
    /// Events of the window (truth).
    pub truth: u64,
    /// Events in batch's published rows of the window.
    pub batch: u64,
    /// Events in streaming's published rows of the window.
    pub streaming: u64,
}

/// The report at one instant, with its digest and per-window completeness.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// The report (no detail parts).
    pub report: Report,
    /// Its 16-hex fingerprint.
    pub digest: String,
    /// Completeness per window (windows that have ended).
    pub windows: Rc<Vec<WindowPoint>>,
}

impl ReportView {
    /// The report of `sim` now: digest, totals, per-window completeness.
    pub fn of(sim: &Simulation) -> Self {
        let detail = ReportDetail {
            windows: true,
            ..ReportDetail::default()
        };
        let mut report = sim.report(detail);
        let rows = report.windows.take().unwrap_or_default();
        let digest = report.digest();
        let now = sim.now();
        let mut points: BTreeMap<TimeMs, WindowPoint> = BTreeMap::new();
        for row in rows.iter().filter(|r| r.window_end_ms <= now) {
            let p = points.entry(row.window_start_ms).or_insert(WindowPoint {
                start_ms: row.window_start_ms,
                truth: 0,
                batch: 0,
                streaming: 0,
            });
            p.truth += row.truth.count;
            p.batch += row.batch.map_or(0, |a| a.count);
            p.streaming += row.streaming.map_or(0, |a| a.count);
        }
        Self {
            report,
            digest,
            windows: Rc::new(points.into_values().collect()),
        }
    }
}
