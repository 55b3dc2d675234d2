//! The window geometry a simulation resolves once: the assigner (tumbling
//! inline, any other kind through its trait, or none for session windows)
//! and the width of the event-time histogram buckets.

use std::sync::Arc;

use super::{counts_once, OpenSessions, Tumbling, Window, WindowAssigner, WindowIds, TIME_BUCKETS};
use crate::config::{WindowConfig, WindowKind};
use crate::divisor::Divisor;
use crate::time::TimeMs;

/// The window assigner, and the width of the event-time histogram buckets
/// that follows from its longest window.
#[derive(Debug, Clone)]
pub(crate) struct Geometry {
    windows: Assignment,
    /// Width of the event-time histogram buckets, prepared once for the
    /// per-event bucket index, which was a 64-bit division in each pipeline.
    pub(crate) bucket: Divisor,
    /// Session windows' gap, in ms, when the config asks for sessions: each
    /// pipeline then keeps [`OpenSessions`] instead of windows.
    session_gap_ms: Option<TimeMs>,
}

/// A window assigner resolved once, when a simulation is built: tumbling
/// windows (every built-in config) are assigned inline on the per-event path;
/// any other kind is asked through its trait.
#[derive(Debug, Clone)]
enum Assignment {
    Tumbling(Tumbling),
    Other(Arc<dyn WindowAssigner>),
    /// Session windows: no event is assigned a window (the pipelines keep
    /// [`OpenSessions`]); a row's id is its session's start, and the gap's
    /// tumbling window gives its shortest extent.
    Sessions(Tumbling),
}

impl Assignment {
    #[inline]
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        match self {
            Self::Tumbling(w) => WindowIds::one(w.start_of(t)),
            Self::Other(w) => w.windows_of(t),
            Self::Sessions(_) => WindowIds {
                first: t,
                step: 0,
                count: 0,
            },
        }
    }

    #[inline]
    fn window_at(&self, start: TimeMs) -> Window {
        match self {
            Self::Tumbling(w) | Self::Sessions(w) => w.window_at(start),
            Self::Other(w) => w.window_at(start),
        }
    }
}

impl Geometry {
    /// Width of the event-time histogram buckets, in ms.
    #[inline]
    pub(crate) fn bucket_ms(&self) -> TimeMs {
        self.bucket.get() as TimeMs
    }

    pub(crate) fn new(windows: Arc<dyn WindowAssigner>) -> Self {
        let longest = windows.max_length_ms();
        let bucket_ms = ((longest + TIME_BUCKETS - 1) / TIME_BUCKETS).max(1);
        Self {
            windows: windows
                .as_tumbling()
                .map_or(Assignment::Other(windows), Assignment::Tumbling),
            bucket: Divisor::new(bucket_ms as u64),
            session_gap_ms: None,
        }
    }

    /// The same geometry, with session windows if `config` asks for them.
    pub(crate) fn with_sessions(mut self, config: &WindowConfig) -> Self {
        if config.kind == WindowKind::Session {
            self.session_gap_ms = Some(config.gap_ms);
            self.windows = Assignment::Sessions(Tumbling::new(config.gap_ms));
        }
        self
    }

    /// Empty session state if the config asks for session windows.
    pub(crate) fn open_sessions(&self) -> Option<OpenSessions> {
        self.session_gap_ms.map(OpenSessions::new)
    }

    /// Whether windows overlap (sliding, cumulative): an event is then in
    /// several windows, and a per-key total over every window would count it
    /// several times.
    pub(crate) fn overlaps(&self) -> bool {
        matches!(self.windows, Assignment::Other(_))
    }

    /// Whether window `id` is one of the windows that tile event time (each
    /// event in exactly one of them): those a dashboard sums, so a key's total
    /// counts each event once whatever the window kind. See [`counts_once`].
    #[inline]
    pub(crate) fn counts_once(&self, id: TimeMs) -> bool {
        match &self.windows {
            Assignment::Tumbling(_) | Assignment::Sessions(_) => true,
            Assignment::Other(w) => counts_once(w.window_at(id), w.max_length_ms()),
        }
    }

    /// The ids of the windows holding event time `t`, earliest end first.
    #[inline]
    pub(crate) fn windows_of(&self, t: TimeMs) -> WindowIds {
        self.windows.windows_of(t)
    }

    /// The start of `t`'s one window when windows tile event time (tumbling),
    /// computed inline: a pipeline's per-event fast path, skipping the loop
    /// over [`Geometry::windows_of`] that sliding windows need.
    #[inline]
    pub(crate) fn tumbling_start(&self, t: TimeMs) -> Option<TimeMs> {
        match &self.windows {
            Assignment::Tumbling(w) => Some(w.start_of(t)),
            _ => None,
        }
    }

    /// The same geometry for a per-event loop ([`super::Assign`]), when its
    /// windows are tumbling.
    #[inline]
    pub(crate) fn tumbling(&self) -> Option<super::TumblingGeometry> {
        match &self.windows {
            Assignment::Tumbling(w) => Some(super::TumblingGeometry {
                windows: *w,
                bucket: self.bucket,
            }),
            _ => None,
        }
    }

    /// The window whose id is `id`.
    #[inline]
    pub(crate) fn window_at(&self, id: TimeMs) -> Window {
        self.windows.window_at(id)
    }

    /// Start of the window `id` (its id, except for cumulative windows).
    #[inline]
    pub(crate) fn origin(&self, id: TimeMs) -> TimeMs {
        self.windows.window_at(id).start
    }

    /// End of the window `id`.
    #[inline]
    pub(crate) fn end_of(&self, id: TimeMs) -> TimeMs {
        self.windows.window_at(id).end
    }

    /// Id of the first window still open at `watermark` (its end is after it):
    /// ids order windows by end, so every window with a smaller id is final.
    #[inline]
    pub(crate) fn first_open(&self, watermark: TimeMs) -> TimeMs {
        self.windows.windows_of(watermark).first
    }
}
