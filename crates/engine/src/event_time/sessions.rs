//! Session windows on the event-time picture: the sessions the streaming
//! pipeline builds from the events in view (every event it did not drop as
//! late, in arrival order, as it reads them), each key's merged the way
//! Spark's `session_window` merges them (an event's `[t, t + gap)` joins every
//! session it overlaps or touches: the pipelines' own rule, a [`KeySessions`]
//! per key), with the event time of the last event that joined two sessions
//! into one.
//!
//! Every session is counted; the bands drawn are those of the
//! [`SHOWN_KEYS`] keys with the most events in view (ties: the smaller key),
//! one column each: thousands of visitors' sessions side by side are unreadable.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::{Band, WindowStage};
use crate::time::TimeMs;
use crate::window::{KeySessions, Session};

/// Keys whose sessions are drawn, at most.
pub const SHOWN_KEYS: usize = 6;

/// What the picture marks on one session, beside its bounds.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    /// One of its events was published (complete mode shows it fired then).
    published: bool,
    /// Event time of the last event that joined two sessions into this one.
    merged_at_ms: Option<TimeMs>,
}

/// One key's events in view, its sessions (merged by the pipelines' rule,
/// [`KeySessions`]) and their marks, by session start.
#[derive(Debug, Default)]
struct KeyBands {
    events: u64,
    sessions: KeySessions,
    marks: HashMap<TimeMs, Marks, FxBuildHasher>,
}

/// The sessions of the events in view, per key. Fx hashing, as the pipelines'
/// session state: std's SipHash would be one more hasher in every wasm
/// holding the engine (nothing iterates these maps in an order that reaches a
/// result: bands and keys are sorted).
#[derive(Debug, Default)]
pub(super) struct SessionBands {
    gap_ms: TimeMs,
    by_key: HashMap<u32, KeyBands, FxBuildHasher>,
}

impl SessionBands {
    pub(super) fn new(gap_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            by_key: HashMap::default(),
        }
    }

    /// Adds an event of `key` at `t` that the pipeline took (`published`: its
    /// row was published with it), merging the sessions it reaches; the
    /// session holding it keeps the marks of those it joined.
    pub(super) fn add(&mut self, key: u32, t: TimeMs, published: bool) {
        let k = self.by_key.entry(key).or_default();
        k.events += 1;
        let joining = k
            .sessions
            .insert_joining(Session::of_event(t, self.gap_ms, 0));
        let mut marks = Marks {
            published,
            merged_at_ms: None,
        };
        for s in &joining.joined {
            let old = k.marks.remove(&s.start).unwrap_or_default();
            marks.published |= old.published;
            marks.merged_at_ms = marks.merged_at_ms.max(old.merged_at_ms);
        }
        if joining.joined.len() >= 2 {
            marks.merged_at_ms = Some(t);
        }
        k.marks.insert(joining.merged.start, marks);
    }

    /// The keys drawn, in column order: the most events first (ties: the smaller key).
    pub(super) fn shown_keys(&self) -> Vec<u32> {
        let counts = self.by_key.iter().map(|(&k, b)| (b.events, k));
        crate::rank::most_first(counts).take(SHOWN_KEYS).collect()
    }

    /// Every session as a band, by (start, end, key), its stage from `stage`
    /// (end, published).
    pub(super) fn bands(&self, stage: impl Fn(TimeMs, bool) -> WindowStage) -> Vec<Band> {
        // Sorted as (start, end, key) tuples, then made bands: the engine sorts
        // (i64, u64, u32) tuples already, and sorting the bands by a key closure
        // would be another copy of the sort in every wasm. Ends are event times
        // plus a gap, never negative, so as u64 they keep their order.
        let mut order: Vec<(TimeMs, u64, u32)> = self
            .by_key
            .iter()
            .flat_map(|(&key, b)| {
                b.sessions
                    .sessions()
                    .map(move |s| (s.start, s.end as u64, key))
            })
            .collect();
        order.sort_unstable();
        order
            .into_iter()
            .map(|(start, end, key)| {
                let marks = self.by_key.get(&key).and_then(|b| b.marks.get(&start));
                let marks = marks.copied().unwrap_or_default();
                let end = end as TimeMs;
                Band {
                    start_ms: start,
                    end_ms: end,
                    stage: stage(end, marks.published),
                    key: Some(key),
                    merged_at_ms: marks.merged_at_ms,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_in_the_gap_joins_two_sessions_and_marks_the_merge() {
        let mut s = SessionBands::new(10);
        for t in [0, 5, 30] {
            s.add(1, t, true);
        }
        s.add(2, 100, false);
        let open = |_, _| WindowStage::Open;
        assert_eq!(s.bands(open).len(), 3, "key 1: [0, 15) and [30, 40); key 2");
        // 18's [18, 28) touches neither; 20's [20, 30) touches [30, 40) and [18, 28).
        s.add(1, 18, false);
        s.add(1, 20, false);
        let bands = s.bands(open);
        let key1: Vec<&Band> = bands.iter().filter(|b| b.key == Some(1)).collect();
        assert_eq!(key1.len(), 2, "{bands:?}");
        assert_eq!((key1[1].start_ms, key1[1].end_ms), (18, 40));
        assert_eq!(key1[1].merged_at_ms, Some(20));
        assert_eq!(key1[0].merged_at_ms, None);
        // Touching is joining: [40, 50) starts where [18, 40) ends.
        s.add(1, 40, false);
        let bands = s.bands(open);
        assert_eq!(bands.iter().filter(|b| b.key == Some(1)).count(), 2);
        assert_eq!(s.shown_keys(), vec![1, 2], "most events first");
    }
}
