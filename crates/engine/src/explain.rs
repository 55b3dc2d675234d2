//! "Why this number?": the events behind a published value and the steps that
//! produced it (which micro-batch or batch run read each event, which were
//! late and why), from the recent arrivals and the pipelines' logs.
//!
//! Bounded: the first [`EXPLAIN_LIMIT`] events are listed, the rest counted.
//! An explanation says whether every event it needs was still recorded
//! (`complete`); when it is, the events it counts add up to the number.

use serde::Serialize;

use crate::config::WindowKind;
use crate::event_time::{first_window, Sources};
use crate::fate::{BatchFate, StreamFate};
use crate::output::PublishedRow;
use crate::recent::Arrival;
use crate::time::TimeMs;
use crate::window::Agg;

/// Events listed by an explanation at most (the rest are counted).
pub const EXPLAIN_LIMIT: usize = 20;

/// Which pipeline published the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pipeline {
    /// The scheduled batch pipeline.
    Batch,
    /// The streaming pipeline.
    Streaming,
}

/// One event and what each pipeline did with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventStory {
    /// The event.
    pub arrival: Arrival,
    /// Its window (the first one: tumbling has one): (start, end), in ms.
    pub window: (TimeMs, TimeMs),
    /// In the streaming pipeline.
    pub streaming: StreamFate,
    /// In the batch pipeline.
    pub batch: BatchFate,
}

/// Why a published (window, key) row holds its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowStory {
    /// The pipeline that published it.
    pub pipeline: Pipeline,
    /// Its window: (start, end), in ms.
    pub window: (TimeMs, TimeMs),
    /// Its group key, as the scenario encodes it.
    pub key: u32,
    /// The row as published last.
    pub published: PublishedRow,
    /// Sum of the events it was built from (equals `published.value` when `complete`).
    pub behind: Agg,
    /// The first events it was built from, in arrival order.
    pub events: Vec<EventStory>,
    /// Events behind it not listed.
    pub more: u64,
    /// Events of the row that were late (dropped or missed) and are not in it.
    pub late: u64,
    /// Events of the row read or waiting but not yet in a publication.
    pub pending: u64,
    /// Every event of the window was still recorded (none forgotten).
    pub complete: bool,
}

/// Why a pipeline's dropped-late count is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateStory {
    /// The pipeline.
    pub pipeline: Pipeline,
    /// Late events among the recorded arrivals (the picture's late count).
    pub late: u64,
    /// Of them, those the pipeline has counted in its `dropped_late` (a
    /// micro-batch counts its drops when it ends).
    pub counted: u64,
    /// The first of them, in arrival order.
    pub events: Vec<EventStory>,
    /// Late events not listed.
    pub more: u64,
    /// No arrival was forgotten: `late` is the pipeline's whole count.
    pub complete: bool,
}

impl Sources<'_> {
    /// The story of one arrival.
    pub(crate) fn story(&self, a: &Arrival) -> EventStory {
        EventStory {
            arrival: *a,
            window: first_window(self.config, a.event_time_ms),
            streaming: self.stream_fate(a),
            batch: self.batch_runs.fate(a.event_time_ms, a.arrival_time_ms),
        }
    }

    /// Explains `row`, published by `pipeline` for (window `start`, `key`);
    /// `forgotten` says whether any arrival was forgotten.
    pub(crate) fn explain_row(
        &self,
        pipeline: Pipeline,
        (start, key): (TimeMs, u32),
        row: PublishedRow,
        forgotten: bool,
    ) -> RowStory {
        let window = self.row_window(start, row);
        let mut story = RowStory {
            pipeline,
            window,
            key,
            published: row,
            behind: Agg::default(),
            events: Vec::new(),
            more: 0,
            late: 0,
            pending: 0,
            complete: !forgotten
                || self
                    .arrivals
                    .front()
                    .is_some_and(|a| a.arrival_time_ms <= start),
        };
        let of_row = self
            .arrivals
            .iter()
            .filter(|a| a.key == key && self.in_window(a.event_time_ms, window));
        for a in of_row {
            let s = self.story(a);
            match in_row(pipeline, &s, row.last_ms) {
                Some(true) => {
                    story.behind.add(a.amount_cents);
                    if story.events.len() < EXPLAIN_LIMIT {
                        story.events.push(s);
                    } else {
                        story.more += 1;
                    }
                }
                Some(false) => story.pending += 1,
                None => story.late += 1,
            }
        }
        story
    }

    /// The bounds of the row published for window `start`: a session's are
    /// its first event and its last plus the gap, as published last (it has no
    /// fixed size: they depend on the key's other events).
    fn row_window(&self, start: TimeMs, row: PublishedRow) -> (TimeMs, TimeMs) {
        if self.config.window.kind == WindowKind::Session {
            let end = row
                .session_end_ms
                .unwrap_or(start + self.config.window.gap_ms);
            return (start, end);
        }
        let w = crate::window::window_at(&self.config.window, start);
        (w.start, w.end)
    }

    /// Whether an event at `event_time_ms` belongs to `window`: one of its
    /// windows, or for sessions within the session (its own `[t, t + gap)`
    /// inside it: sessions of a key never overlap, so no other session holds it).
    fn in_window(&self, event_time_ms: TimeMs, (start, end): (TimeMs, TimeMs)) -> bool {
        if self.config.window.kind == WindowKind::Session {
            return start <= event_time_ms && event_time_ms + self.config.window.gap_ms <= end;
        }
        crate::fate::windows_of(&self.config.window, event_time_ms).any(|w| w == (start, end))
    }

    /// Explains `pipeline`'s count of late events; `forgotten` as above.
    pub(crate) fn explain_late(&self, pipeline: Pipeline, forgotten: bool) -> LateStory {
        let mut story = LateStory {
            pipeline,
            late: 0,
            counted: 0,
            events: Vec::new(),
            more: 0,
            complete: !forgotten,
        };
        for a in self.arrivals {
            let s = self.story(a);
            let (late, counted) = match (pipeline, s.streaming) {
                (Pipeline::Streaming, StreamFate::Dropped { counted_ms, .. }) => {
                    (true, counted_ms.is_some())
                }
                // Per record, a drop is counted when the event's service ends.
                (Pipeline::Streaming, StreamFate::Discarded { .. }) => (true, true),
                (Pipeline::Streaming, _) => (false, false),
                // A batch run's misses are counted as they arrive.
                (Pipeline::Batch, _) => {
                    let missed = matches!(s.batch, BatchFate::Missed { .. });
                    (missed, missed)
                }
            };
            story.counted += u64::from(counted);
            if late {
                story.late += 1;
                if story.events.len() < EXPLAIN_LIMIT {
                    story.events.push(s);
                } else {
                    story.more += 1;
                }
            }
        }
        story
    }
}

/// Whether an event is in `pipeline`'s row as published at `published_ms`:
/// Some(true) in it, Some(false) not yet, None never (late).
fn in_row(pipeline: Pipeline, s: &EventStory, published_ms: TimeMs) -> Option<bool> {
    let done = |at: Option<TimeMs>| Some(at.is_some_and(|t| t <= published_ms));
    match pipeline {
        Pipeline::Streaming => match s.streaming {
            StreamFate::Counted { published_ms, .. } | StreamFate::Served { published_ms, .. } => {
                done(published_ms)
            }
            StreamFate::LateFired { done_ms, .. } => done(Some(done_ms)),
            StreamFate::Dropped { .. } | StreamFate::Discarded { .. } => None,
            StreamFate::Waiting | StreamFate::Unknown => Some(false),
        },
        Pipeline::Batch => match s.batch {
            BatchFate::Read { published_ms, .. } => done(published_ms),
            BatchFate::Missed { .. } => None,
            BatchFate::Waiting | BatchFate::Unknown => Some(false),
        },
    }
}
