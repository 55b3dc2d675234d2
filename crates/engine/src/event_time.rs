//! The event-time picture every streaming course draws on the board: each
//! event placed by when it arrived (x, processing time) and when it happened
//! (y, event time), the max-event-time and watermark lines, each window a band
//! that goes open → fired → closed, and the late events marked and counted.
//!
//! Built from the recent arrivals and the pipelines' logs (see [`crate::fate`]);
//! the app draws it, `bslab run --event-time` prints its counts, so both show
//! the same numbers for the same config and instant. Bounded: at most
//! [`MAX_MARKS`] marks (beyond that 1 event in `stride`, by id, plus every
//! late event), [`MAX_BANDS`] window bands and [`LINE_POINTS`] points per line.

use serde::Serialize;

use crate::completions::Served;
use crate::config::{ExperimentConfig, OutputMode, StreamingMode};
use crate::fate::{windows_of, BatchRuns, MicroBatches, StreamFate};
use crate::recent::Arrival;
use crate::time::{TimeMs, SECOND_MS};

mod build;
mod sessions;
pub use build::PictureBuild;
pub use sessions::SHOWN_KEYS;

/// Most event marks drawn: beyond it the picture thins deterministically.
pub const MAX_MARKS: usize = 100_000;
/// Most window bands listed (the counts cover every window).
pub const MAX_BANDS: usize = 2_000;
/// Points of the max-event-time and watermark lines at most.
pub const LINE_POINTS: usize = 1_000;

/// The processing time the picture shows, in ms: several windows, the
/// watermark delay and a few triggers, so a window can be seen opening,
/// firing and closing.
pub fn picture_span_ms(config: &ExperimentConfig) -> TimeMs {
    // Sessions: a gap is what closes one.
    let window = match config.window.kind {
        crate::config::WindowKind::Session => config.window.gap_ms,
        _ => config.window.size_ms,
    };
    let trigger = match config.streaming.mode {
        StreamingMode::MicroBatch { trigger_ms, .. } => trigger_ms,
        StreamingMode::Continuous { .. } => 0,
    };
    (4 * window)
        .max(2 * (config.streaming.watermark_delay_ms + window))
        .max(10 * trigger)
        .max(10 * SECOND_MS)
}

/// Where a window is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowStage {
    /// Collecting events; nothing published yet.
    Open,
    /// Published at least once and still updatable (update mode).
    Fired,
    /// Per record, Flink's allowed lateness: fired (the watermark passed its
    /// end) and still accepting late events, each a late firing, until the
    /// watermark passes its end plus the allowed lateness.
    Accepting,
    /// The watermark passed its end: its result is final, its state evicted.
    Closed,
}

/// One event on the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The event's id (to ask [`crate::Simulation::explain_event`] about it).
    pub id: u64,
    /// When it happened, in ms (y).
    pub event_time_ms: TimeMs,
    /// When it arrived, in ms (x).
    pub arrival_time_ms: TimeMs,
    /// Dropped by the streaming pipeline as late.
    pub late: bool,
    /// Per record, Flink's allowed lateness: taken by a window that had fired (a late firing).
    pub late_fired: bool,
}

/// One window as a band of event time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Band {
    /// Window start, in ms.
    pub start_ms: TimeMs,
    /// Window end (exclusive), in ms.
    pub end_ms: TimeMs,
    /// Where it is in its life.
    pub stage: WindowStage,
    /// Session windows: the key whose session it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<u32>,
    /// Session windows: the event time of the last event that joined two of
    /// the key's sessions into this one (a merge).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_at_ms: Option<TimeMs>,
}

/// The picture's numbers: what `bslab run --event-time` prints and the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PictureCounts {
    /// The instant, in ms.
    pub t_ms: TimeMs,
    /// Left edge of the picture (processing time), in ms.
    pub from_ms: TimeMs,
    /// Events arrived in `[from_ms, t_ms]`.
    pub arrived: u64,
    /// Events drawn (all of them up to [`MAX_MARKS`]).
    pub drawn: u64,
    /// 1 event in `stride` is drawn (by id), plus every late one.
    pub stride: u64,
    /// Of the arrived, those the streaming pipeline dropped as late (all drawn).
    pub late: u64,
    /// Of the arrived, those a fired window took late (Flink's allowed
    /// lateness, per record; all drawn).
    pub late_fired: u64,
    /// Windows open, fired and closed among those the arrived events belong to.
    pub open: u64,
    /// See `open`.
    pub fired: u64,
    /// Fired and still accepting late events (Flink's allowed lateness); see `open`.
    pub accepting: u64,
    /// See `open`.
    pub closed: u64,
    /// The streaming pipeline's watermark at `t_ms`, in ms.
    pub watermark_ms: TimeMs,
    /// The newest event time arrived so far, in ms.
    pub max_event_time_ms: Option<TimeMs>,
}

/// Everything the page draws.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventTimePicture {
    /// The numbers beside the picture.
    pub counts: PictureCounts,
    /// The events drawn, in arrival order.
    pub marks: Vec<Mark>,
    /// Window bands, oldest first (at most [`MAX_BANDS`], the newest).
    /// Session windows: the sessions of `session_keys` only.
    pub bands: Vec<Band>,
    /// Session windows: the keys whose sessions are drawn, one column each in
    /// this order (the most events in view first, at most [`SHOWN_KEYS`]).
    pub session_keys: Vec<u32>,
    /// `session_keys` decoded for people, in the same order.
    pub session_groups: Vec<crate::scenario::GroupKey>,
    /// Watermark steps: (from processing time, watermark), in ms.
    pub watermark: Vec<(TimeMs, TimeMs)>,
    /// Max event time seen: (processing time, max event time), in ms.
    pub max_event_time: Vec<(TimeMs, TimeMs)>,
    /// Batch pipeline runs in the picture: (start, end), in ms.
    pub batch_runs: Vec<(TimeMs, TimeMs)>,
}

/// What the picture is drawn from.
pub(crate) struct Sources<'a> {
    pub(crate) config: &'a ExperimentConfig,
    pub(crate) now: TimeMs,
    pub(crate) arrivals: &'a std::collections::VecDeque<Arrival>,
    /// None in per-record mode.
    pub(crate) micro_batches: Option<MicroBatches<'a>>,
    /// Per-record mode's completions (None in micro-batch mode).
    pub(crate) served: Option<Served<'a>>,
    pub(crate) batch_runs: BatchRuns<'a>,
    pub(crate) watermark_ms: TimeMs,
}

impl Sources<'_> {
    /// The streaming fate of one arrival (its first window's: tumbling has one).
    pub(crate) fn stream_fate(&self, a: &Arrival) -> StreamFate {
        self.stream_fate_in_order(a, &mut 0)
    }

    /// As [`Sources::stream_fate`], for arrivals taken in arrival order
    /// (`cursor` from 0: one pass over the micro-batch log).
    fn stream_fate_in_order(&self, a: &Arrival, cursor: &mut usize) -> StreamFate {
        let (start, end) = first_window(self.config, a.event_time_ms);
        match (&self.served, self.micro_batches) {
            (Some(s), _) => s.fate(a, start),
            (None, Some(b)) => b.fate_in_order(cursor, a.arrival_time_ms, end),
            (None, None) => StreamFate::Unknown,
        }
    }

    /// Builds the picture, at most `max_marks` marks (plus the late ones), in one call
    /// (see [`build`] for a build in parts).
    pub(crate) fn picture(&self, max_marks: usize) -> EventTimePicture {
        let mut b = self.start_picture(max_marks);
        self.continue_picture(&mut b, usize::MAX);
        self.finish_picture(b)
    }

    /// Whether the event's row has been published with it (update mode shows
    /// a window as fired then).
    fn published(&self, a: &Arrival, fate: StreamFate) -> bool {
        match fate {
            StreamFate::Counted { published_ms, .. } | StreamFate::Served { published_ms, .. } => {
                published_ms.is_some()
            }
            // Per record: each event is published as soon as it is served.
            StreamFate::Unknown => a.arrival_time_ms < self.now,
            StreamFate::LateFired { .. } => true,
            StreamFate::Waiting | StreamFate::Dropped { .. } | StreamFate::Discarded { .. } => {
                false
            }
        }
    }

    fn stage(&self, end_ms: TimeMs, published: bool) -> WindowStage {
        let final_watermark = self
            .micro_batches
            .map_or(self.watermark_ms, |b| b.final_watermark());
        // Flink's allowed lateness (per record only): a fired window keeps
        // its state and takes late events until the watermark passes this.
        let lateness = match self.micro_batches {
            None => self.config.streaming.flink.allowed_lateness_ms,
            Some(_) => 0,
        };
        if end_ms.saturating_add(lateness) <= final_watermark {
            WindowStage::Closed
        } else if end_ms <= final_watermark {
            WindowStage::Accepting
        } else if published && self.config.streaming.output_mode != OutputMode::Append {
            WindowStage::Fired
        } else {
            WindowStage::Open
        }
    }

    /// The watermark as steps: each micro-batch's from its start (per record:
    /// the current one, flat).
    fn watermark_steps(&self, from: TimeMs) -> Vec<(TimeMs, TimeMs)> {
        let Some(b) = self.micro_batches else {
            return vec![(from, self.watermark_ms), (self.now, self.watermark_ms)];
        };
        let first = b
            .finished
            .partition_point(|x| x.start_ms < from)
            .saturating_sub(1);
        let steps: Vec<(TimeMs, TimeMs)> = b
            .finished
            .range(first..)
            .chain(b.running)
            .map(|x| (x.start_ms.max(from), x.watermark_ms))
            .collect();
        let every = steps.len().div_ceil(LINE_POINTS).max(1);
        steps.into_iter().step_by(every).collect()
    }

    /// The newest event time arrived, at [`LINE_POINTS`] instants across the picture.
    fn max_event_time_line(&self, from: TimeMs) -> Vec<(TimeMs, TimeMs)> {
        let span = (self.now - from).max(1);
        let mut line = Vec::with_capacity(LINE_POINTS);
        let mut max: Option<TimeMs> = None;
        let mut arrivals = self.arrivals.iter().peekable();
        for i in 0..=LINE_POINTS as i64 {
            let at = from + span * i / LINE_POINTS as i64;
            while let Some(a) = arrivals.next_if(|a| a.arrival_time_ms <= at) {
                max = Some(max.map_or(a.event_time_ms, |m| m.max(a.event_time_ms)));
            }
            if let Some(m) = max {
                line.push((at, m));
            }
        }
        line
    }

    fn batch_runs_from(&self, from: TimeMs) -> Vec<(TimeMs, TimeMs)> {
        let r = self.batch_runs;
        let first = r.finished.partition_point(|x| x.end_ms < from);
        r.finished
            .range(first..)
            .chain(r.running)
            .map(|x| (x.start_ms, x.end_ms))
            .collect()
    }
}

/// The first window of an event (tumbling: its only one).
pub(crate) fn first_window(config: &ExperimentConfig, event_time_ms: TimeMs) -> (TimeMs, TimeMs) {
    if config.window.kind == crate::config::WindowKind::Session {
        // The event's own session [t, t + gap): what the late rule judges.
        return (event_time_ms, event_time_ms + config.window.gap_ms);
    }
    windows_of(&config.window, event_time_ms)
        .next()
        .unwrap_or((event_time_ms, event_time_ms))
}
