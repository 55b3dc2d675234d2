//! Session windows on the event-time picture: the sessions the streaming
//! pipeline builds from the events in view (every event it did not drop as
//! late, in arrival order, as it reads them), each key's merged the way
//! Spark's `session_window` merges them (an event's `[t, t + gap)` joins every
//! session it overlaps or touches), with the event time of the last event that
//! joined two sessions into one.
//!
//! Every session is counted; the bands drawn are those of the
//! [`SHOWN_KEYS`] keys with the most events in view (ties: the smaller key),
//! one column each: thousands of visitors' sessions side by side are unreadable.

use std::collections::{BTreeMap, HashMap};

use super::{Band, WindowStage};
use crate::time::TimeMs;

/// Keys whose sessions are drawn, at most.
pub const SHOWN_KEYS: usize = 6;

/// One session as the picture follows it.
#[derive(Debug, Clone, Copy)]
struct Followed {
    end: TimeMs,
    /// One of its events was published (complete mode shows it fired then).
    published: bool,
    /// Event time of the last event that joined two sessions into this one.
    merged_at_ms: Option<TimeMs>,
}

/// The sessions of the events in view, per key.
#[derive(Debug, Default)]
pub(super) struct SessionBands {
    gap_ms: TimeMs,
    by_key: HashMap<u32, (u64, BTreeMap<TimeMs, Followed>)>,
}

impl SessionBands {
    pub(super) fn new(gap_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            by_key: HashMap::new(),
        }
    }

    /// Adds an event of `key` at `t` that the pipeline took (`published`: its
    /// row was published with it), merging the sessions it reaches.
    pub(super) fn add(&mut self, key: u32, t: TimeMs, published: bool) {
        let (events, sessions) = self.by_key.entry(key).or_default();
        *events += 1;
        let mut new = (
            t,
            Followed {
                end: t.saturating_add(self.gap_ms),
                published,
                merged_at_ms: None,
            },
        );
        let mut joined = 0;
        // Sessions never touch, so those it reaches are the latest ones
        // starting by its end, back to the first that ends before it.
        while let Some((&start, s)) = sessions.range(..=new.1.end).next_back() {
            if s.end < new.0 {
                break;
            }
            let s = *s;
            sessions.remove(&start);
            joined += 1;
            new.0 = new.0.min(start);
            new.1.end = new.1.end.max(s.end);
            new.1.published |= s.published;
            new.1.merged_at_ms = new.1.merged_at_ms.max(s.merged_at_ms);
        }
        if joined >= 2 {
            new.1.merged_at_ms = Some(t);
        }
        sessions.insert(new.0, new.1);
    }

    /// The keys drawn, in column order: the most events first (ties: the smaller key).
    pub(super) fn shown_keys(&self) -> Vec<u32> {
        let mut keys: Vec<(u64, u32)> = self.by_key.iter().map(|(&k, (n, _))| (*n, k)).collect();
        keys.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        keys.into_iter().take(SHOWN_KEYS).map(|(_, k)| k).collect()
    }

    /// Every session as a band, by (start, end, key), its stage from `stage`
    /// (end, published).
    pub(super) fn bands(&self, stage: impl Fn(TimeMs, bool) -> WindowStage) -> Vec<Band> {
        let mut bands: Vec<Band> = self
            .by_key
            .iter()
            .flat_map(|(&key, (_, sessions))| {
                sessions
                    .iter()
                    .map(move |(&start_ms, s)| (key, start_ms, *s))
            })
            .map(|(key, start_ms, s)| Band {
                start_ms,
                end_ms: s.end,
                stage: stage(s.end, s.published),
                key: Some(key),
                merged_at_ms: s.merged_at_ms,
            })
            .collect();
        bands.sort_unstable_by_key(|b| (b.start_ms, b.end_ms, b.key));
        bands
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
