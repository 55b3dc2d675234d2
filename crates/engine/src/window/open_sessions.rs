//! The session windows one pipeline (or the ground truth) holds while they
//! can still grow: every key's [`KeySessions`], plus two indexes, so closing
//! by a watermark or a batch cut-off touches only the sessions it closes.
//!
//! The three pipelines share it: the batch closes what ended before its
//! period's end, micro-batch and per-record streaming what ended at or before
//! their watermark (Spark's `end ≤ watermark`). State is one entry per open
//! session, nothing per event: bounded by the open sessions, at most one per
//! gap per key (validation bounds them as result cells).
//!
//! Most events extend their key's latest session in place. That path touches
//! no index: the end index is lazy (an entry's end may be earlier than its
//! session's by now; closing pushes such an entry back with the true end) and
//! the start index changes only when a session opens, merges or closes. So an
//! event costs one lookup of its key and one of its session, whatever the
//! number of open sessions.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use super::{KeySessions, Session};
use crate::time::TimeMs;

/// A key's sessions on a cache line of their own: most events read this
/// line only.
#[derive(Debug, Clone, Default)]
#[repr(align(64))]
struct Slot(KeySessions);

/// The open sessions of every key.
#[derive(Debug, Clone)]
pub(crate) struct OpenSessions {
    gap_ms: TimeMs,
    /// Every key's open sessions, by key (group keys are dense: `0..key_space`).
    keys: Vec<Slot>,
    /// (end, key, start) of every open session, the end possibly earlier than
    /// the session's now: what a watermark closes first. Entries of sessions
    /// merged into another are dropped when they come up.
    by_end: BinaryHeap<Reverse<(TimeMs, u32, TimeMs)>>,
    /// (start, key) of every open session: the oldest open event time.
    by_start: BTreeSet<(TimeMs, u32)>,
    /// Open sessions.
    open: usize,
    /// Events in the open sessions.
    events: u64,
    /// Events that joined two or more sessions into one, so far.
    merges: u64,
    /// What changed since the pipeline last asked, kept only for a pipeline
    /// that asks ([`Self::logging_changes`]): the others (the ground truth,
    /// the batch) would pay for it at every event and let it grow.
    changes: Option<ChangeLog>,
}

/// Where [`OpenSessions::insert`] put an event: small enough to return in
/// registers, where the session itself (64 bytes) was copied out at every event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    /// Start of the session that now holds it.
    pub(crate) start: TimeMs,
    /// Whether it opened that session (it joined none).
    pub(crate) opened: bool,
}

/// The changes a pipeline republishing sessions reads after its rows.
#[derive(Debug, Clone, Default)]
struct ChangeLog {
    /// (start, key) of sessions merged into another since the last
    /// [`OpenSessions::take_merged_away`]: rows a complete-mode table no longer has.
    merged_away: Vec<(TimeMs, u32)>,
    /// Keys given an event since the last [`OpenSessions::take_changed_keys`],
    /// each once, and a mark per key saying it is listed: a micro-batch counts
    /// the sessions it rewrote per key changed without sorting its rows.
    changed_keys: Vec<u32>,
    listed: Vec<bool>,
}

impl ChangeLog {
    /// Lists `key` unless it is listed already.
    #[inline]
    fn key_changed(&mut self, key: u32) {
        let k = key as usize;
        if k >= self.listed.len() {
            self.listed.resize(k + 1, false);
        }
        if !self.listed[k] {
            self.listed[k] = true;
            self.changed_keys.push(key);
        }
    }
}

impl OpenSessions {
    /// No session yet, for sessions of `gap_ms`.
    pub(crate) fn new(gap_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            keys: Vec::new(),
            by_end: BinaryHeap::new(),
            by_start: BTreeSet::new(),
            open: 0,
            events: 0,
            merges: 0,
            changes: None,
        }
    }

    /// The same, keeping what [`Self::take_merged_away`] and
    /// [`Self::take_changed_keys`] return.
    pub(crate) fn logging_changes(mut self) -> Self {
        self.changes = Some(ChangeLog::default());
        self
    }

    /// Adds one event of `key`, merging the sessions it touches; says where
    /// it went. Inline for its common path, the event extending its key's
    /// latest session (left to `#[inline]`, it was a call per event).
    #[inline(always)]
    pub(crate) fn insert(&mut self, key: u32, t: TimeMs, amount_cents: i64) -> Placed {
        self.insert_ending(key, t, t.saturating_add(self.gap_ms), amount_cents)
    }

    /// [`Self::insert`] unless the event is late: its own session
    /// `[t, t + gap)` ends at or before `late_wm` (Spark's late filter for
    /// session windows; `TimeMs::MIN` keeps every event). None if late.
    #[inline(always)]
    pub(crate) fn insert_unless_late(
        &mut self,
        key: u32,
        t: TimeMs,
        amount_cents: i64,
        late_wm: TimeMs,
    ) -> Option<Placed> {
        let end = t.saturating_add(self.gap_ms);
        (end > late_wm).then(|| self.insert_ending(key, t, end, amount_cents))
    }

    /// [`Self::insert`] of an event whose own session ends at `end`.
    #[inline(always)]
    fn insert_ending(&mut self, key: u32, t: TimeMs, end: TimeMs, amount_cents: i64) -> Placed {
        if let Some(log) = &mut self.changes {
            log.key_changed(key);
        }
        self.events += 1;
        if let Some(Slot(sessions)) = self.keys.get_mut(key as usize) {
            if let Some(extended) = sessions.extend_latest_by_event(t, end, amount_cents) {
                return Placed {
                    start: extended.start,
                    opened: false,
                };
            }
        }
        self.insert_joining(key, Session::of_event(t, self.gap_ms, amount_cents))
    }

    /// [`Self::insert`] when the event opens a session or reaches an earlier
    /// one: the indexes follow. Out of line, so the common path stays small.
    #[inline(never)]
    fn insert_joining(&mut self, key: u32, new: Session) -> Placed {
        let k = key as usize;
        if k >= self.keys.len() {
            self.keys.resize_with(k + 1, Slot::default);
        }
        let joining = self.keys[k].0.insert_joining(new);
        let (joined, merged) = (joining.joined, joining.merged);
        for s in &joined {
            self.by_start.remove(&(s.start, key));
        }
        self.by_end.push(Reverse((merged.end, key, merged.start)));
        self.by_start.insert((merged.start, key));
        self.open = self.open + 1 - joined.len();
        self.merges += u64::from(joined.len() >= 2);
        if let Some(log) = &mut self.changes {
            log.merged_away.extend(
                joined
                    .iter()
                    .filter(|s| s.start != merged.start)
                    .map(|s| (s.start, key)),
            );
        }
        Placed {
            start: merged.start,
            opened: joined.is_empty(),
        }
    }

    /// Removes and returns, by (start, key), every session with `end ≤ cutoff`.
    /// Inline for its common answer, none: the ground truth asks at every event.
    #[inline]
    pub(crate) fn close(&mut self, cutoff: TimeMs) -> Vec<(u32, Session)> {
        match self.by_end.peek() {
            Some(Reverse((end, _, _))) if *end <= cutoff => self.close_due(cutoff),
            _ => Vec::new(),
        }
    }

    /// [`Self::close`] when an entry of the end index is due.
    fn close_due(&mut self, cutoff: TimeMs) -> Vec<(u32, Session)> {
        let mut closed = Vec::new();
        while let Some(&Reverse((end, key, start))) = self.by_end.peek() {
            if end > cutoff {
                break;
            }
            self.by_end.pop();
            let Some(Slot(sessions)) = self.keys.get_mut(key as usize) else {
                continue;
            };
            match sessions.get(start).map(|s| s.end) {
                Some(end) if end <= cutoff => {
                    if let Some(s) = sessions.remove(start) {
                        self.by_start.remove(&(start, key));
                        self.open -= 1;
                        self.events -= s.agg.count;
                        closed.push((key, s));
                    }
                }
                // It grew since this entry: it comes up again at its end.
                Some(end) => self.by_end.push(Reverse((end, key, start))),
                // Merged into an earlier session, or closed by another entry.
                None => {}
            }
        }
        super::session::sort_sessions(&mut closed, true);
        closed
    }

    /// Every open session, by (start, key).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &Session)> + '_ {
        self.by_start
            .iter()
            .filter_map(|&(start, key)| Some((key, self.get(key, start)?)))
    }

    /// The open session of `key` starting at `start`.
    pub(crate) fn get(&self, key: u32, start: TimeMs) -> Option<&Session> {
        self.keys.get(key as usize)?.0.get(start)
    }

    /// Open sessions of `key`.
    pub(crate) fn of_key(&self, key: u32) -> usize {
        self.keys.get(key as usize).map_or(0, |s| s.0.len())
    }

    /// Takes the (start, key) of the sessions merged into another since the
    /// last call (none unless [`Self::logging_changes`]).
    pub(crate) fn take_merged_away(&mut self) -> Vec<(TimeMs, u32)> {
        self.changes
            .as_mut()
            .map_or_else(Vec::new, |log| std::mem::take(&mut log.merged_away))
    }

    /// Takes the keys given an event since the last call, each once, in no
    /// particular order (none unless [`Self::logging_changes`]).
    pub(crate) fn take_changed_keys(&mut self) -> Vec<u32> {
        let Some(log) = &mut self.changes else {
            return Vec::new();
        };
        for &key in &log.changed_keys {
            log.listed[key as usize] = false;
        }
        std::mem::take(&mut log.changed_keys)
    }

    /// Open sessions.
    pub(crate) fn len(&self) -> usize {
        self.open
    }

    /// Events in the open sessions.
    pub(crate) fn events(&self) -> u64 {
        self.events
    }

    /// Events that merged two or more sessions into one, so far.
    pub(crate) fn merges(&self) -> u64 {
        self.merges
    }

    /// Earliest event time held (the start of the oldest open session).
    pub(crate) fn oldest(&self) -> Option<TimeMs> {
        self.by_start.first().map(|&(start, _)| start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_event_merges_two_sessions_and_the_indexes_follow() {
        let mut open = OpenSessions::new(5_000).logging_changes();
        open.insert(0, 0, 1);
        open.insert(0, 10_000, 2);
        open.insert(1, 1_000, 4);
        assert_eq!(open.len(), 3);
        let placed = open.insert(0, 5_000, 8);
        assert_eq!(
            placed,
            Placed {
                start: 0,
                opened: false
            }
        );
        let merged = open.get(0, placed.start).copied();
        assert_eq!(merged.map(|s| (s.end, s.agg.count)), Some((15_000, 3)));
        assert_eq!((open.len(), open.merges(), open.events()), (2, 1, 4));
        assert_eq!(open.take_merged_away(), [(10_000, 0)]);
        // Key 1's [1000, 6000) ends first; key 0's [0, 15000) is still open at 14 999.
        let closed = open.close(14_999);
        assert_eq!(closed.len(), 1);
        assert_eq!((closed[0].0, closed[0].1.agg.sum_cents), (1, 4));
        assert_eq!(open.oldest(), Some(0));
        let last = open.close(15_000);
        assert_eq!(
            (last[0].1.agg.sum_cents, open.len(), open.events()),
            (11, 0, 0)
        );
    }

    #[test]
    fn changes_are_kept_only_when_asked_for() {
        let mut quiet = OpenSessions::new(5_000);
        let mut logged = OpenSessions::new(5_000).logging_changes();
        for open in [&mut quiet, &mut logged] {
            open.insert(0, 0, 1);
            open.insert(0, 10_000, 2);
            open.insert(3, 1_000, 4);
            open.insert(0, 5_000, 8);
        }
        assert!(quiet.take_merged_away().is_empty());
        assert!(quiet.take_changed_keys().is_empty());
        assert_eq!(logged.take_merged_away(), [(10_000, 0)]);
        let mut keys = logged.take_changed_keys();
        keys.sort_unstable();
        assert_eq!(keys, [0, 3]);
        logged.insert(3, 2_000, 1);
        assert_eq!(logged.take_changed_keys(), [3]);
    }
}
