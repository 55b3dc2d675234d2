//! The value behind a predict-then-reveal question: read from the run's report
//! by a JSON pointer, so a lesson can ask about any number the report holds
//! without code here knowing the report's fields.

use bslab_engine::Report;

use crate::format;
use crate::i18n::{Key, Lang};

/// How a revealed value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Milliseconds, shown as a duration.
    Duration,
    /// A number of events.
    Count,
    /// Cents, shown as money.
    Money,
    /// Worker-seconds.
    WorkerSeconds,
}

impl Unit {
    /// The unit named in a lesson file (`duration`, `count`, `money`, `worker_s`).
    pub fn from_name(name: &str) -> Option<Unit> {
        Some(match name {
            "duration" => Unit::Duration,
            "count" => Unit::Count,
            "money" => Unit::Money,
            "worker_s" => Unit::WorkerSeconds,
            _ => return None,
        })
    }

    /// `value` in this unit, in `lang`.
    pub fn show(self, value: f64, lang: Lang) -> String {
        match self {
            Unit::Duration => format::duration_in(value.round() as i64, lang),
            Unit::Count => format::count(value.max(0.0).round() as u64, lang),
            Unit::Money => format::money(value.round() as i64, lang),
            Unit::WorkerSeconds => lang.fill(
                Key::LessonWorkerSeconds,
                &[("n", format::number(value, 0, lang))],
            ),
        }
    }
}

/// The number at `pointer` in `report`; `None` when the report has no such
/// number at this instant (a field that does not exist, or is still null).
pub fn value(report: &Report, pointer: &str) -> Option<f64> {
    // The report's own JSON (the digest's): no second serde path in the page's wasm.
    let tree = bslab_engine::read_value(&report.totals_json()).ok()?;
    tree.pointer(pointer)?.as_f64().filter(|v| v.is_finite())
}
