//! Window assignment as the pipelines' per-event loops use it, resolved once
//! per run of events rather than once per event.
//!
//! [`Geometry`] answers through a `match` on its assigner (tumbling inline,
//! any other kind through [`super::WindowAssigner`]), which a loop pays at
//! every event and window. A loop written once over [`Assign`] and called
//! with [`TumblingGeometry`] when windows are tumbling (every built-in preset)
//! is compiled for that case too: one window per event, no loop, no `match`.

use std::ops::Range;

use super::{Geometry, Tumbling, WindowAssigner, WindowIds};
use crate::divisor::Divisor;
use crate::time::TimeMs;

/// What a per-event loop asks of the windows.
pub(crate) trait Assign {
    /// The ids of the windows holding event time `t`, earliest end first.
    fn windows_of(&self, t: TimeMs) -> WindowIds;

    /// Start of the window `id`.
    fn origin(&self, id: TimeMs) -> TimeMs;

    /// End of the window `id`.
    fn end_of(&self, id: TimeMs) -> TimeMs;

    /// Width of the event-time histogram buckets, prepared for division.
    fn bucket(&self) -> &Divisor;
}

impl Assign for Geometry {
    #[inline]
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        Geometry::windows_of(self, t)
    }

    #[inline]
    fn origin(&self, id: TimeMs) -> TimeMs {
        Geometry::origin(self, id)
    }

    #[inline]
    fn end_of(&self, id: TimeMs) -> TimeMs {
        Geometry::end_of(self, id)
    }

    #[inline]
    fn bucket(&self) -> &Divisor {
        &self.bucket
    }
}

/// A [`Geometry`] whose windows are tumbling ([`Geometry::tumbling`]): a
/// window's id is its start, and an event's one window is found by a
/// division (by multiplications, [`Tumbling::start_of`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TumblingGeometry {
    pub(super) windows: Tumbling,
    pub(super) bucket: Divisor,
}

impl Assign for TumblingGeometry {
    #[inline(always)]
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        WindowIds::one(self.windows.start_of(t))
    }

    #[inline(always)]
    fn origin(&self, id: TimeMs) -> TimeMs {
        id
    }

    #[inline(always)]
    fn end_of(&self, id: TimeMs) -> TimeMs {
        self.windows.window_at(id).end
    }

    #[inline(always)]
    fn bucket(&self) -> &Divisor {
        &self.bucket
    }
}

impl TumblingGeometry {
    /// Splits `items` into its longest runs of consecutive items in one
    /// window: (the window's id, the run's indices), in order. A pipeline
    /// then finds a window's state once per run, not once per event: events
    /// arrive nearly in event-time order, so a run of a thousand arrivals
    /// spans one or two windows. Past the first, an item is tested against
    /// the window's bounds (a subtraction and a comparison), not divided.
    #[inline(always)]
    pub(crate) fn runs<'a, T>(
        &self,
        items: &'a [T],
        time: impl Fn(&T) -> TimeMs + 'a,
    ) -> impl Iterator<Item = (TimeMs, Range<usize>)> + 'a {
        let (windows, size) = (self.windows, self.windows.size());
        let mut at = 0;
        std::iter::from_fn(move || {
            let first = time(items.get(at)?);
            let id = windows.start_of(first);
            // A start past `first` wrapped below `TimeMs::MIN` (no event is
            // that early): compare starts then, as the division would.
            let inside = |t: TimeMs| match id <= first {
                true => t >= id && (t.wrapping_sub(id) as u64) < size,
                false => windows.start_of(t) == id,
            };
            let start = at;
            at += 1;
            while items.get(at).is_some_and(|item| inside(time(item))) {
                at += 1;
            }
            Some((id, start..at))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::{Geometry, Tumbling};
    use crate::time::TimeMs;

    /// The runs are the longest stretches of consecutive times with one
    /// window start, as dividing each time finds it: times out of order,
    /// repeated, on a window's bounds, and far apart (the bounds test and
    /// the fall-back to division for starts that wrap).
    #[test]
    fn runs_are_the_stretches_of_one_window_start() {
        for size in [10, 60_000, 1 << 33] {
            let windows = Tumbling::new(size);
            let geometry = Geometry::new(Arc::new(windows));
            let Some(tumbling) = geometry.tumbling() else {
                panic!("tumbling windows of {size} ms resolve to tumbling");
            };
            let times: Vec<TimeMs> = [
                0,
                0,
                1,
                size - 1,
                size,
                size + 1,
                size - 1,
                3 * size,
                2 * size,
                2 * size + 5,
                -1,
                -size,
                -size - 1,
                TimeMs::MIN,
                TimeMs::MIN + 1,
                TimeMs::MAX,
                TimeMs::MAX - 1,
                7,
            ]
            .to_vec();
            let runs: Vec<_> = tumbling.runs(&times, |&t| t).collect();
            let mut expected: Vec<(TimeMs, std::ops::Range<usize>)> = Vec::new();
            for (i, &t) in times.iter().enumerate() {
                let id = windows.start_of(t);
                match expected.last_mut() {
                    Some((last, run)) if *last == id => run.end = i + 1,
                    _ => expected.push((id, i..i + 1)),
                }
            }
            assert_eq!(runs, expected, "window size {size} ms");
        }
        assert_eq!(
            Geometry::new(Arc::new(Tumbling::new(10)))
                .tumbling()
                .map(|t| t.runs(&[] as &[TimeMs], |&t| t).count()),
            Some(0),
            "no items, no runs"
        );
    }
}
