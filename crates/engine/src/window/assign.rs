//! Window assignment as the pipelines' per-event loops use it, resolved once
//! per run of events rather than once per event.
//!
//! [`Geometry`] answers through a `match` on its assigner (tumbling inline,
//! any other kind through [`super::WindowAssigner`]), which a loop pays at
//! every event and window. A loop written once over [`Assign`] and called
//! with [`TumblingGeometry`] when windows are tumbling (every built-in preset)
//! is compiled for that case too: one window per event, no loop, no `match`.

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
