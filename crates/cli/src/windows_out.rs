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
                let whole = sim.report(detail).to_json().into_bytes();
                assert!(streamed == whole, "{}: {detail:?}", preset.name);
            }
        }
    }

    /// Heap bytes held by this thread: its allocations minus its frees, and
    /// the most it held since [`Held::reset`]. Per thread, so that the other
    /// tests of this binary, running beside it, do not count.
    struct Held;

    thread_local! {
        static NOW: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
        static PEAK: std::cell::Cell<isize> = const { std::cell::Cell::new(0) };
    }

    impl Held {
        fn add(bytes: isize) {
            // `try_with`: a thread being torn down has no counters left.
            let _ = NOW.try_with(|now| {
                now.set(now.get() + bytes);
                let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now.get())));
            });
        }

        /// Starts a measurement: the peak is what is held now.
        fn reset() {
            let now = NOW.with(std::cell::Cell::get);
            PEAK.with(|peak| peak.set(now));
        }

        /// Most bytes held above `base` since the last reset.
        fn peak_above(base: isize) -> isize {
            PEAK.with(std::cell::Cell::get) - base
        }

        fn now() -> isize {
            NOW.with(std::cell::Cell::get)
        }
    }

    struct Counting;

    // SAFETY: every call is passed on to the system allocator unchanged; only
    // thread-local counters are updated beside it.
    unsafe impl std::alloc::GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
            Held::add(layout.size() as isize);
            // SAFETY: the caller's contract is the system allocator's.
            unsafe { std::alloc::System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
            Held::add(-(layout.size() as isize));
            // SAFETY: `ptr` came from `alloc` above with this layout.
            unsafe { std::alloc::System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// Peak heap bytes this thread held above what it held before `work`.
    fn peak_of(work: impl FnOnce()) -> isize {
        let base = Held::now();
        Held::reset();
        work();
        Held::peak_above(base)
    }

    #[test]
    fn writing_every_window_row_holds_no_more_than_a_few_rows() {
        // Thousands of posts for two hours: tens of thousands of window rows.
        let mut config = bslab_engine::presets::by_name("social-viral-post")
            .expect("built-in preset")
            .config;
        config.duration_ms = 2 * 3_600_000;
        let mut sim = Simulation::new(config).expect("valid preset");
        sim.step_until(sim.config().duration_ms).expect("runs");
        let rows = sim.window_rows().count();
        let all_rows = (rows * std::mem::size_of::<WindowRow>()) as isize;
        assert!(rows > 10_000, "the test needs many rows: {rows}");
        let windows = ReportDetail {
            windows: true,
            runs: false,
            samples: false,
        };
        let streamed = peak_of(|| {
            write_report(std::io::sink(), &sim, windows).expect("writes");
        });
        let without = peak_of(|| {
            write_report(std::io::sink(), &sim, ReportDetail::default()).expect("writes");
        });
        let collected = peak_of(|| {
            let report = sim.report(windows);
            std::hint::black_box(report.to_json());
        });
        // The whole report holds every row; the streamed one, what the report
        // without rows holds plus a little (the merge's cursors, one row).
        assert!(
            collected >= all_rows,
            "collecting {rows} rows held {collected} B, less than the rows' {all_rows} B"
        );
        assert!(
            streamed - without < all_rows / 100,
            "streaming {rows} rows held {streamed} B against {without} B without rows \
             (the rows themselves: {all_rows} B)"
        );
    }
}
