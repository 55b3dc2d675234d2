//! The event-time picture built in parts: the pass over the arrivals in view (a
//! quarter of a million at the densest preset, most of the picture's cost) can be
//! split over several calls at the same instant, so that the app spreads it over
//! frames. [`Sources::picture`] is one call over all of them: the same code, so the
//! same picture however it is split.

use std::collections::BTreeMap;

use super::{
    first_window, picture_span_ms, sessions::SessionBands, Band, EventTimePicture, Mark,
    PictureCounts, Sources, WindowStage, MAX_BANDS,
};
use crate::config::WindowKind;
use crate::fate::{windows_of, StreamFate};
use crate::time::TimeMs;

/// A picture being built: how far the pass over the arrivals in view went, and what
/// it gathered. Valid for the instant and the arrivals it was started at only.
#[derive(Debug)]
pub struct PictureBuild {
    t_ms: TimeMs,
    from: TimeMs,
    /// The next arrival to take and the end (exclusive), as indices into the recent arrivals.
    next: usize,
    end: usize,
    arrived: u64,
    stride: u64,
    marks: Vec<Mark>,
    windows: BTreeMap<(TimeMs, TimeMs), bool>,
    late: u64,
    late_fired: u64,
    /// Where the micro-batch log is read (arrivals are taken in arrival order).
    cursor: usize,
    last_window: Option<(TimeMs, bool)>,
    sessions: Option<SessionBands>,
}

impl PictureBuild {
    /// The instant it pictures, in ms.
    pub fn t_ms(&self) -> TimeMs {
        self.t_ms
    }

    /// Arrivals in view not taken yet.
    pub fn remaining(&self) -> usize {
        self.end - self.next
    }

    /// Whether it was started on these `arrivals` (none came or went since).
    pub(crate) fn started_on(&self, now: TimeMs, arrivals: usize) -> bool {
        self.t_ms == now && self.end == arrivals
    }
}

impl Sources<'_> {
    /// A build of the picture at most `max_marks` marks (plus the late ones), nothing taken yet.
    pub(crate) fn start_picture(&self, max_marks: usize) -> PictureBuild {
        let from = self.now - picture_span_ms(self.config);
        let first = self.arrivals.partition_point(|a| a.arrival_time_ms < from);
        let arrived = (self.arrivals.len() - first) as u64;
        PictureBuild {
            t_ms: self.now,
            from,
            next: first,
            end: self.arrivals.len(),
            arrived,
            stride: arrived.div_ceil(max_marks.max(1) as u64).max(1),
            marks: Vec::with_capacity(arrived.min(max_marks as u64) as usize),
            windows: BTreeMap::new(),
            late: 0,
            late_fired: 0,
            cursor: 0,
            last_window: None,
            sessions: (self.config.window.kind == WindowKind::Session)
                .then(|| SessionBands::new(self.config.window.gap_ms)),
        }
    }

    /// Takes up to `count` more arrivals in view into `b`, in arrival order.
    pub(crate) fn continue_picture(&self, b: &mut PictureBuild, count: usize) {
        let upto = b.end.min(b.next.saturating_add(count));
        for a in self.arrivals.range(b.next..upto) {
            let fate = self.stream_fate_in_order(a, &mut b.cursor);
            let (_, end) = first_window(self.config, a.event_time_ms);
            let late_fired = matches!(fate, StreamFate::LateFired { .. });
            b.late += u64::from(fate.is_late());
            b.late_fired += u64::from(late_fired);
            if a.id % b.stride == 0 || fate.is_late() || late_fired {
                b.marks.push(Mark {
                    id: a.id,
                    event_time_ms: a.event_time_ms,
                    arrival_time_ms: a.arrival_time_ms,
                    late: fate.is_late(),
                    late_fired,
                });
            }
            let published = self.published(a, fate);
            if let Some(s) = b.sessions.as_mut().filter(|_| !fate.is_late()) {
                s.add(a.key, a.event_time_ms, published);
            }
            // Consecutive arrivals mostly share a window: skip the tree then.
            if b.last_window != Some((end, published)) {
                b.last_window = Some((end, published));
                for (start, end) in windows_of(&self.config.window, a.event_time_ms) {
                    *b.windows.entry((start, end)).or_insert(false) |= published;
                }
            }
        }
        b.next = upto;
    }

    /// The picture from `b` once every arrival in view is taken (see [`Sources::continue_picture`]).
    pub(crate) fn finish_picture(&self, b: PictureBuild) -> EventTimePicture {
        let mut bands: Vec<Band> = b
            .windows
            .iter()
            .map(|(&(start_ms, end_ms), &published)| Band {
                start_ms,
                end_ms,
                stage: self.stage(end_ms, published),
                key: None,
                merged_at_ms: None,
            })
            .collect();
        let session_keys = b
            .sessions
            .as_ref()
            .map_or_else(Vec::new, |s| s.shown_keys());
        if let Some(s) = &b.sessions {
            bands = s.bands(|end, published| self.stage(end, published));
        }
        let count = |s: WindowStage| bands.iter().filter(|b| b.stage == s).count() as u64;
        let max_event_time = self.max_event_time_line(b.from);
        let counts = PictureCounts {
            t_ms: self.now,
            from_ms: b.from,
            arrived: b.arrived,
            drawn: b.marks.len() as u64,
            stride: b.stride,
            late: b.late,
            late_fired: b.late_fired,
            open: count(WindowStage::Open),
            fired: count(WindowStage::Fired),
            accepting: count(WindowStage::Accepting),
            closed: count(WindowStage::Closed),
            watermark_ms: self.watermark_ms,
            max_event_time_ms: max_event_time.last().map(|&(_, m)| m),
        };
        // Every session is counted; those of the keys shown are drawn.
        bands.retain(|b| b.key.is_none_or(|k| session_keys.contains(&k)));
        EventTimePicture {
            counts,
            marks: b.marks,
            bands: bands[bands.len().saturating_sub(MAX_BANDS)..].to_vec(),
            session_keys,
            // Decoded by the simulation, which holds the scenario.
            session_groups: Vec::new(),
            watermark: self.watermark_steps(b.from),
            max_event_time,
            batch_runs: self.batch_runs_from(b.from),
        }
    }
}
