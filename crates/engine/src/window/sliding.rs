//! Sliding windows (Spark's `window(col, size, slide)`, Flink's HOP): windows of
//! `size` starting every `slide`, so an event is in `size / slide` windows.

use super::assigner::{Window, WindowAssigner, WindowIds};
use crate::time::TimeMs;

/// Sliding windows `[k·slide, k·slide + size)` for every integer `k`, aligned to
/// time 0 as Spark aligns them with `startTime` 0. `size` is a multiple of
/// `slide` (validated), so every event is in exactly `size / slide` windows.
/// A window is identified by its start.
///
/// # Examples
/// ```
/// use bslab_engine::window::{Sliding, Window, WindowAssigner};
/// let ten_every_one = Sliding::new(600_000, 60_000);
/// let ids: Vec<i64> = ten_every_one.windows_of(61_000).collect();
/// assert_eq!(ids.len(), 10);
/// assert_eq!(ids[0], -480_000); // [-8 min, 2 min) is the first to end
/// assert_eq!(ten_every_one.window_at(60_000), Window { start: 60_000, end: 660_000 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sliding {
    size_ms: TimeMs,
    slide_ms: TimeMs,
}

impl Sliding {
    /// Windows of `size_ms` every `slide_ms` (validated: `size_ms` a multiple of `slide_ms`).
    pub fn new(size_ms: TimeMs, slide_ms: TimeMs) -> Self {
        let slide_ms = slide_ms.max(1);
        Self {
            size_ms: size_ms.max(slide_ms),
            slide_ms,
        }
    }

    /// Windows each event is in.
    fn per_event(&self) -> u32 {
        (self.size_ms / self.slide_ms) as u32
    }
}

impl WindowAssigner for Sliding {
    fn assign(&self, t: TimeMs) -> Window {
        self.window_at(self.windows_of(t).first)
    }

    /// The windows starting in `(t − size, t]`, the earliest first.
    #[inline]
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        let last = super::window_start(t, self.slide_ms);
        WindowIds {
            first: last - self.size_ms + self.slide_ms,
            step: self.slide_ms,
            count: self.per_event(),
        }
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
}

/// The sliding kind (`super::kinds`): windows of `size_ms`, `slide_ms` apart.
pub(crate) static SPEC: super::kinds::KindSpec = super::kinds::KindSpec {
    assigner: |c| std::sync::Arc::new(Sliding::new(c.size_ms, c.slide_ms)),
    windows_of: |c, t| Sliding::new(c.size_ms, c.slide_ms).windows_of(t),
    window_at: |c, id| Sliding::new(c.size_ms, c.slide_ms).window_at(id),
    spacing_field: "window.slide_ms",
    spacing_ms: |c| c.slide_ms,
    windows_per_event: super::kinds::per_slide,
    fields: &["size_ms", "slide_ms"],
    prepare: super::kinds::with_slide,
};
