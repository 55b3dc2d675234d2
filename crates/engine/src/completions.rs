//! Which completion published each event in per-record (continuous) mode.
//!
//! A micro-batch's fate follows from the batch log (see [`crate::fate`]); per
//! record there is no batch: each event is served by a worker and either added
//! to its window or dropped at that instant, against the watermark of that
//! instant. The per-record pipeline records each completion here while the
//! simulation records its arrivals ([`crate::recent`]), under the same limits,
//! so the picture and "why this number?" can tell each event's fate.

use std::collections::{BTreeMap, VecDeque};

use crate::fate::StreamFate;
use crate::output::PublishedRow;
use crate::recent::{Arrival, RecentLimits};
use crate::time::TimeMs;

/// One served event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Completion {
    /// The event's id.
    pub(crate) id: u64,
    /// When it arrived, in ms (with `id`, where to find it among the arrivals).
    pub(crate) arrival_ms: TimeMs,
    /// When its service ended, in ms.
    pub(crate) done_ms: TimeMs,
    /// The watermark its window's end was compared with then, in ms.
    pub(crate) watermark_ms: TimeMs,
    /// Dropped: its window had ended at or before `watermark_ms`.
    pub(crate) dropped: bool,
    /// Taken only by windows that had fired, within the allowed lateness.
    pub(crate) late_fired: bool,
}

/// The recent completions, in completion order, bounded like the arrivals.
#[derive(Debug, Clone)]
pub(crate) struct Completions {
    limits: RecentLimits,
    kept: VecDeque<Completion>,
}

impl Completions {
    pub(crate) fn new(limits: RecentLimits) -> Self {
        Self {
            limits,
            kept: VecDeque::new(),
        }
    }

    /// Records one completion (in completion order), forgetting those that
    /// arrived before the kept span or over the cap: a kept arrival completes
    /// after it arrived, so its completion is never forgotten before it.
    pub(crate) fn record(&mut self, c: Completion) {
        let horizon = c.done_ms.saturating_sub(self.limits.span_ms);
        while self.kept.len() >= self.limits.max_events
            || self.kept.front().is_some_and(|f| f.arrival_ms < horizon)
        {
            self.kept.pop_front();
        }
        self.kept.push_back(c);
    }

    /// The kept completions by (arrival, id): the arrivals' order, to look up.
    pub(crate) fn by_arrival(&self) -> Vec<Completion> {
        // Keys and indices, sorted by the same sort as the latency ranking's.
        let mut keys: Vec<(TimeMs, u64, u32)> = (self.kept.iter().zip(0_u32..))
            .map(|(c, i)| (c.arrival_ms, c.id, i))
            .collect();
        keys.sort_unstable();
        keys.iter().map(|k| self.kept[k.2 as usize]).collect()
    }
}

/// The completions to look arrivals up in, with what tells when append mode published.
pub(crate) struct Served<'a> {
    /// The kept completions by (arrival, id).
    pub(crate) by_arrival: Vec<Completion>,
    /// The streaming pipeline's published rows (append mode: a row's first publication).
    pub(crate) rows: &'a BTreeMap<(TimeMs, u32), PublishedRow>,
    /// Append mode: a row is published once, when its window closes.
    pub(crate) append: bool,
}

impl Served<'_> {
    /// The per-record fate of arrival `a`, of the window starting at `window_start`.
    pub(crate) fn fate(&self, a: &Arrival, window_start: TimeMs) -> StreamFate {
        let at = (a.arrival_time_ms, a.id);
        let i = self
            .by_arrival
            .partition_point(|c| (c.arrival_ms, c.id) < at);
        match self.by_arrival.get(i).filter(|c| c.id == a.id) {
            // Queued or in service.
            None => StreamFate::Waiting,
            Some(c) if c.dropped => StreamFate::Discarded {
                done_ms: c.done_ms,
                watermark_ms: c.watermark_ms,
            },
            Some(c) if c.late_fired => StreamFate::LateFired {
                done_ms: c.done_ms,
                watermark_ms: c.watermark_ms,
            },
            Some(c) => StreamFate::Served {
                done_ms: c.done_ms,
                published_ms: if self.append {
                    self.rows.get(&(window_start, a.key)).map(|r| r.first_ms)
                } else {
                    Some(c.done_ms)
                },
            },
        }
    }
}
