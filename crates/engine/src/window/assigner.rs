//! Window assignment: which event-time window `[start, end)` an event belongs
//! to, as a pure function of its event time.
//!
//! Pipelines, the ground truth and the fraud score ask a [`WindowAssigner`]
//! and never compute a window themselves, so a new kind of window is one
//! implementation of this trait (and a choice in the config).

use std::fmt;

use crate::divisor::Divisor;
use crate::time::TimeMs;

/// An event-time window: the events with `start ≤ event_time < end`. Windows
/// are identified by an id in a pipeline's state ([`WindowAssigner::windows_of`]):
/// their start for tumbling and sliding windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Window {
    /// First event time it holds, in ms.
    pub start: TimeMs,
    /// First event time it no longer holds, in ms.
    pub end: TimeMs,
}

/// Assigns each event time to its windows.
///
/// Every event time is in at least one window, and ordering windows by id
/// orders them by end: so the earliest window holding the watermark is the
/// first that is still open and every window with a smaller id is final.
/// Tumbling windows tile event time (one window per event); sliding and
/// cumulative windows overlap, and the pipelines loop over
/// [`WindowAssigner::windows_of`] (`docs/architecture.md`, "A new window kind").
///
/// # Examples
/// ```
/// use bslab_engine::window::{Tumbling, Window, WindowAssigner};
/// let minutes = Tumbling::new(60_000);
/// assert_eq!(minutes.assign(61_000), Window { start: 60_000, end: 120_000 });
/// assert_eq!(minutes.window_at(0).end, 60_000);
/// ```
pub trait WindowAssigner: Send + Sync {
    /// The earliest-ending window holding an event at event time `t`, in ms.
    fn assign(&self, t: TimeMs) -> Window;

    /// The ids of every window holding an event at event time `t`, earliest
    /// end first. One window, identified by its start, unless a kind overrides it.
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        WindowIds::one(self.assign(t).start)
    }

    /// The window whose id is `id` (an id [`WindowAssigner::windows_of`] returned).
    fn window_at(&self, id: TimeMs) -> Window;

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

/// The assigner by its name only: as a supertrait, `Debug` put every kind's
/// derived `Debug` (and with it Rust's float printing) in the page's wasm,
/// which prints none of them.
impl fmt::Debug for dyn WindowAssigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WindowAssigner")
    }
}

/// The ids of the windows of one event: `count` ids from `first`, `step` apart
/// (every built-in kind's windows of an event are evenly spaced).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowIds {
    /// Id of the earliest-ending window.
    pub first: TimeMs,
    /// Distance between two ids, in ms.
    pub step: TimeMs,
    /// Number of windows (at least 1).
    pub count: u32,
}

impl WindowIds {
    /// A single window.
    #[inline]
    pub fn one(id: TimeMs) -> Self {
        Self {
            first: id,
            step: 0,
            count: 1,
        }
    }
}

impl Iterator for WindowIds {
    type Item = TimeMs;

    #[inline]
    fn next(&mut self) -> Option<TimeMs> {
        if self.count == 0 {
            return None;
        }
        let id = self.first;
        self.first += self.step;
        self.count -= 1;
        Some(id)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.count as usize, Some(self.count as usize))
    }
}

/// Tumbling windows `[k·size, (k+1)·size)`, aligned to time 0 as Spark's
/// `window()` aligns them to the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tumbling {
    /// The windows' size, prepared once: every event's window start was a
    /// 64-bit division, tens of cycles, in the ground truth and in each pipeline.
    size: Divisor,
}

impl Tumbling {
    /// Tumbling windows of `size_ms` (validated: at least 10 ms).
    pub fn new(size_ms: TimeMs) -> Self {
        Self {
            size: Divisor::new(size_ms.max(1) as u64),
        }
    }

    /// Start of the window holding `t`: [`super::window_start`], without its division.
    #[inline]
    pub(crate) fn start_of(&self, t: TimeMs) -> TimeMs {
        self.size.floor_multiple(t)
    }

    /// The windows' length, in ms.
    #[inline]
    pub(crate) fn size(&self) -> u64 {
        self.size.get()
    }
}

impl WindowAssigner for Tumbling {
    #[inline]
    fn assign(&self, t: TimeMs) -> Window {
        self.window_at(self.start_of(t))
    }

    #[inline]
    fn window_at(&self, start: TimeMs) -> Window {
        Window {
            start,
            end: start + self.size.get() as TimeMs,
        }
    }

    fn max_length_ms(&self) -> TimeMs {
        self.size.get() as TimeMs
    }

    fn as_tumbling(&self) -> Option<Tumbling> {
        Some(*self)
    }
}

/// The tumbling kind (`super::kinds`): windows of `size_ms`.
pub(crate) static TUMBLING: super::kinds::KindSpec = super::kinds::KindSpec {
    assigner: |c| std::sync::Arc::new(Tumbling::new(c.size_ms)),
    windows_of: |c, t| WindowIds::one(super::window_start(t, c.size_ms.max(1))),
    window_at: |c, id| Tumbling::new(c.size_ms).window_at(id),
    spacing_field: "window.size_ms",
    spacing_ms: |c| c.size_ms,
    windows_per_event: |_| 1,
    fields: &["size_ms"],
    prepare: |_| {},
};
