//! `bslab run`'s report written as it is serialised, its window rows made one
//! at a time ([`Simulation::window_rows`]): with `--windows`, memory does not
//! grow with the number of rows, and the bytes are those of the whole
//! [`Report`] serialised at once.

use std::cell::RefCell;
use std::io::Write;

use bslab_engine::{BatchRun, MicroBatchInfo, Report, ReportDetail, Sample, Simulation, WindowRow};
use serde::{Serialize, Serializer};

/// Writes the report of `sim` with `detail` as pretty JSON to `out`.
pub fn write_report(
    out: impl Write,
    sim: &Simulation,
    detail: ReportDetail,
) -> serde_json::Result<()> {
    let mut report = sim.report(ReportDetail {
        windows: false,
        ..detail
    });
    // The details are the report's last fields: written after the rest, in the
    // same order, with the rows in their place.
    let details = Details {
        windows: detail
            .windows
            .then(|| Rows(RefCell::new(Some(Box::new(sim.window_rows()))))),
        batch_runs: report.batch_runs.take(),
        micro_batches: report.micro_batches.take(),
        samples: report.samples.take(),
    };
    serde_json::to_writer_pretty(
        out,
        &Streamed {
            report: &report,
            details,
        },
    )
}

#[derive(Serialize)]
struct Streamed<'r, 's> {
    #[serde(flatten)]
    report: &'r Report,
    #[serde(flatten)]
    details: Details<'s>,
}

/// `Report`'s detail fields, in its order.
#[derive(Serialize)]
struct Details<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    windows: Option<Rows<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch_runs: Option<Vec<BatchRun>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    micro_batches: Option<Vec<MicroBatchInfo>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    samples: Option<Vec<Sample>>,
}

/// Rows serialised as they are taken from the iterator (once).
struct Rows<'a>(RefCell<Option<Box<dyn Iterator<Item = WindowRow> + 'a>>>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = self.0.borrow_mut().take();
        serializer.collect_seq(rows.into_iter().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streamed_report_has_the_bytes_of_the_whole_report() {
        for preset in bslab_engine::presets::all() {
            // Shortened where it stays valid (a burst may start later).
            let mut short = preset.config.clone();
            short.duration_ms = short.duration_ms.min(20 * 60_000);
            let config = if short.validate().is_ok() {
                short
            } else {
                preset.config
            };
            let mut sim = Simulation::new(config).expect("valid preset");
            sim.step_until(sim.config().duration_ms).expect("runs");
            for detail in [
                ReportDetail::FULL,
                ReportDetail::default(),
                ReportDetail {
                    windows: true,
                    runs: false,
                    samples: false,
                },
            ] {
                let mut streamed = Vec::new();
                write_report(&mut streamed, &sim, detail).expect("writes");
                let whole = serde_json::to_vec_pretty(&sim.report(detail)).expect("serialises");
                assert!(streamed == whole, "{}: {detail:?}", preset.name);
            }
        }
    }
}
