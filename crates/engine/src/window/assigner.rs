//! Window assignment: which event-time window `[start, end)` an event belongs
//! to, as a pure function of its event time.
//!
//! Pipelines, the ground truth and the fraud score ask a [`WindowAssigner`]
//! and never compute a window themselves, so a new kind of window is one
//! implementation of this trait (and a choice in the config).

use std::fmt;

use crate::time::TimeMs;

/// An event-time window: the events with `start ≤ event_time < end`. Windows
/// are identified by their start in a pipeline's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Window {
    /// First event time it holds, in ms.
    pub start: TimeMs,
    /// First event time it no longer holds, in ms.
    pub end: TimeMs,
}

/// Assigns each event time to one window.
///
/// The windows of an assigner tile event time: they do not overlap and leave
/// no gap, so the window holding the watermark is the first that is still
/// open and every window that starts before it is final. Kinds where an event
/// belongs to several windows (sliding, cumulative) or where windows merge
/// (session) need the pipelines to loop over the windows of an event
/// (`docs/architecture.md`, "A new window kind").
///
/// # Examples
/// ```
/// use bslab_engine::window::{Tumbling, Window, WindowAssigner};
/// let minutes = Tumbling::new(60_000);
/// assert_eq!(minutes.assign(61_000), Window { start: 60_000, end: 120_000 });
/// assert_eq!(minutes.window_at(0).end, 60_000);
/// ```
pub trait WindowAssigner: fmt::Debug + Send + Sync {
    /// The window holding an event at event time `t`, in ms.
    fn assign(&self, t: TimeMs) -> Window;

    /// The window that starts at `start` (a start [`WindowAssigner::assign`] returned).
    fn window_at(&self, start: TimeMs) -> Window;

    /// Length of the longest window, in ms: the width of the event-time
    /// histogram a window keeps to score latency.
    fn max_length_ms(&self) -> TimeMs;

    /// The same windows as plain [`Tumbling`] ones, if they are: the pipelines
    /// then assign them inline, without a call through this trait per event.
    /// Only an assigner whose windows are exactly `Tumbling`'s may say so.
    fn as_tumbling(&self) -> Option<Tumbling> {
        None
    }
}

/// Tumbling windows `[k·size, (k+1)·size)`, aligned to time 0 as Spark's
/// `window()` aligns them to the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tumbling {
    size_ms: TimeMs,
}

impl Tumbling {
    /// Tumbling windows of `size_ms` (validated: at least 10 ms).
    pub fn new(size_ms: TimeMs) -> Self {
        Self {
            size_ms: size_ms.max(1),
        }
    }
}

impl WindowAssigner for Tumbling {
    #[inline]
    fn assign(&self, t: TimeMs) -> Window {
        self.window_at(super::window_start(t, self.size_ms))
    }

    #[inline]
    fn window_at(&self, start: TimeMs) -> Window {
        Window {
            start,
            end: start + self.size_ms,
        }
    }

    fn max_length_ms(&self) -> TimeMs {
        self.size_ms
    }

    fn as_tumbling(&self) -> Option<Tumbling> {
        Some(*self)
    }
}
