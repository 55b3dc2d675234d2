//! The report as the page shows it: the engine's report at one instant with its
//! fingerprint and the per-window completeness the completeness chart draws.
//! Apart from the runner because it is a view of a report, not of the stepping.

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
#[derive(Debug, Clone)]
pub struct ReportView {
    /// The report (no detail parts).
    pub report: Report,
    /// Its 16-hex fingerprint.
    pub digest: String,
    /// Completeness per window (windows that have ended).
    pub windows: Rc<Vec<WindowPoint>>,
}

/// Equal digests stand for equal reports (the digest is the report's
/// fingerprint): comparing them, not every field, keeps the report's own
/// equality code out of the page's wasm (the snapshot and the tables' memo
/// compare reports at every frame).
impl PartialEq for ReportView {
    fn eq(&self, other: &Self) -> bool {
        self.digest == other.digest && self.windows == other.windows
    }
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
        let digest = report.totals_digest(); // no detail parts left: its digest()
        let now = sim.now();
        // Ordered by start: a sorted `Vec`, not a map (a `BTreeMap` of its own type
        // costs the page's wasm its own copy of the map's code).
        let mut points: Vec<WindowPoint> = Vec::new();
        for row in rows.iter().filter(|r| r.window_end_ms <= now) {
            let start = row.window_start_ms;
            let i = match points.binary_search_by_key(&start, |p| p.start_ms) {
                Ok(i) => i,
                Err(i) => {
                    let zero = WindowPoint {
                        start_ms: start,
                        truth: 0,
                        batch: 0,
                        streaming: 0,
                    };
                    points.insert(i, zero);
                    i
                }
            };
            let p = &mut points[i];
            p.truth += row.truth.count;
            p.batch += row.batch.map_or(0, |a| a.count);
            p.streaming += row.streaming.map_or(0, |a| a.count);
        }
        Self {
            report,
            digest,
            windows: Rc::new(points),
        }
    }
}
