//! The session kind's entry in the registry (`super::kinds`): sessions are
//! not assigned windows (their state and rules are `super::session`), so
//! their spec gives no window per event and sizes by the gap.

use super::assigner::{Tumbling, WindowAssigner, WindowIds};
use super::kinds::KindSpec;

/// Session windows: per key, closed after `gap_ms` without an event. Their
/// assigner is the gap's tumbling windows, which only size the latency
/// histograms; a session's id is its start and its shortest extent one gap.
pub(crate) static SPEC: KindSpec = KindSpec {
    assigner: |c| std::sync::Arc::new(Tumbling::new(c.gap_ms)),
    windows_of: |_, t| WindowIds {
        first: t,
        step: 0,
        count: 0,
    },
    window_at: |c, id| Tumbling::new(c.gap_ms).window_at(id),
    spacing_field: "window.gap_ms",
    spacing_ms: |c| c.gap_ms,
    windows_per_event: |_| 1,
    fields: &["gap_ms"],
    prepare: |c| {
        if c.gap_ms == 0 {
            c.gap_ms = (c.size_ms / 2).max(10);
        }
    },
};
