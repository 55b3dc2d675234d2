//! Cumulative windows (Flink's CUMULATE: "today so far"): from the start of each
//! period of `max_size` (a day, say) a window grows by `step`, so the total of
//! the period so far is published at every step.

use super::assigner::{Window, WindowAssigner, WindowIds};
use crate::time::TimeMs;

/// Windows `[d, d + j·step)` for every period start `d = k·max_size` and
/// `j = 1 … max_size / step` (`max_size` a multiple of `step`, validated). All
/// the windows of a period share its start, so a window is identified by the
/// start of its last step (`end − step`): ids then order windows by end.
///
/// # Examples
/// ```
/// use bslab_engine::window::{Cumulative, Window, WindowAssigner};
/// let hour_by_quarters = Cumulative::new(3_600_000, 900_000);
/// let ids: Vec<i64> = hour_by_quarters.windows_of(1_000_000).collect();
/// assert_eq!(ids, [900_000, 1_800_000, 2_700_000]); // windows ending at 30, 45, 60 min
/// assert_eq!(hour_by_quarters.window_at(900_000), Window { start: 0, end: 1_800_000 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cumulative {
    max_size_ms: TimeMs,
    step_ms: TimeMs,
}

impl Cumulative {
    /// Windows growing by `step_ms` up to `max_size_ms` (validated: a multiple of `step_ms`).
    pub fn new(max_size_ms: TimeMs, step_ms: TimeMs) -> Self {
        let step_ms = step_ms.max(1);
        Self {
            max_size_ms: max_size_ms.max(step_ms),
            step_ms,
        }
    }
}

impl WindowAssigner for Cumulative {
    fn assign(&self, t: TimeMs) -> Window {
        self.window_at(self.windows_of(t).first)
    }

    /// The windows of `t`'s period ending after `t`: from the step holding `t`
    /// to the whole period.
    #[inline]
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        let first = super::window_start(t, self.step_ms);
        let period_end = super::window_start(t, self.max_size_ms) + self.max_size_ms;
        WindowIds {
            first,
            step: self.step_ms,
            count: ((period_end - first) / self.step_ms) as u32,
        }
    }

    #[inline]
    fn window_at(&self, id: TimeMs) -> Window {
        Window {
            start: super::window_start(id, self.max_size_ms),
            end: id + self.step_ms,
        }
    }

    fn max_length_ms(&self) -> TimeMs {
        self.max_size_ms
    }
}

/// The cumulative kind (`super::kinds`): windows of `size_ms`, `slide_ms` apart.
pub(crate) static SPEC: super::kinds::KindSpec = super::kinds::KindSpec {
    assigner: |c| std::sync::Arc::new(Cumulative::new(c.size_ms, c.slide_ms)),
    windows_of: |c, t| Cumulative::new(c.size_ms, c.slide_ms).windows_of(t),
    window_at: |c, id| Cumulative::new(c.size_ms, c.slide_ms).window_at(id),
    spacing_field: "window.slide_ms",
    spacing_ms: |c| c.slide_ms,
    windows_per_event: super::kinds::per_slide,
    fields: &["size_ms", "slide_ms"],
    prepare: super::kinds::with_slide,
};
