//! The stream view's open sessions: per visitor only what its figures read
//! (a session's start, end and page views), with the same merging and
//! closing rule as the pipelines' [`crate::window::OpenSessions`].
//!
//! Why a table of its own: every view reads its visitor's slot, and the
//! pipelines' slot is a cache line (a session's sums of amounts and of event
//! times, which the report's stream view never reads). Here a visitor's only
//! session takes 24 bytes, so the table of every visitor takes under half of
//! the cache lines, and a view that extends its visitor's session (nearly
//! every view) reads and writes those 24 bytes only. A visitor holding two or
//! more open sessions (a late view opened one before its latest) is rare: its
//! sessions move to a [`KeySessions`] of their own, whose merge is the
//! pipelines' own, until it holds one again.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use rustc_hash::FxBuildHasher;

use crate::time::TimeMs;
use crate::window::{Agg, EventTimeSum, KeySessions, Session, SessionSummary};

/// A visitor's only open session: none when it counts no view (then its
/// sessions, if any, are in [`CountedSessions::several`]).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: TimeMs,
    end: TimeMs,
    views: u64,
}

impl Span {
    /// The session, with no amounts and no event times (never read here).
    fn session(self) -> Session {
        Session {
            start: self.start,
            end: self.end,
            agg: Agg {
                count: self.views,
                sum_cents: 0,
                max_cents: 0,
            },
            sum_event_ms: EventTimeSum::ZERO,
        }
    }
}

/// Every visitor's open sessions, counted.
#[derive(Debug, Clone)]
pub(super) struct CountedSessions {
    gap_ms: TimeMs,
    /// Each visitor's only open session, by visitor id (ids are dense).
    one: Vec<Span>,
    /// The sessions of the visitors holding two or more: looked up only off
    /// the common path, never iterated (so its hash order reaches nothing).
    several: HashMap<u32, KeySessions, FxBuildHasher>,
    /// (end, visitor, start) of every open session, the end possibly earlier
    /// than the session's by now (a lazy index, as the pipelines'): closing
    /// pushes such an entry back with the true end.
    by_end: BinaryHeap<Reverse<(TimeMs, u32, TimeMs)>>,
    open: u64,
    views: u64,
    merges: u64,
}

impl CountedSessions {
    /// No session yet, for sessions ending `gap_ms` after their last view.
    pub(super) fn new(gap_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            one: Vec::new(),
            several: HashMap::default(),
            by_end: BinaryHeap::new(),
            open: 0,
            views: 0,
            merges: 0,
        }
    }

    /// Adds a view of `visitor` at `t` unless its own session `[t, t + gap)`
    /// ends at or before `late_wm`; false if so (dropped). Inline for the
    /// common path, the view extending its visitor's only session.
    #[inline(always)]
    pub(super) fn insert_unless_late(&mut self, visitor: u32, t: TimeMs, late_wm: TimeMs) -> bool {
        let end = t.saturating_add(self.gap_ms);
        if end <= late_wm {
            return false;
        }
        self.views += 1;
        if let Some(s) = self.one.get_mut(visitor as usize) {
            if s.views != 0 && s.start <= t && t <= s.end {
                s.end = s.end.max(end);
                s.views += 1;
                return true;
            }
        }
        self.insert_joining(visitor, t);
        true
    }

    /// [`Self::insert_unless_late`] when the view opens a session or reaches
    /// an earlier one: the pipelines' merge, on the visitor's sessions as a
    /// [`KeySessions`]. Out of line, so the common path stays small.
    #[inline(never)]
    fn insert_joining(&mut self, visitor: u32, t: TimeMs) {
        let k = visitor as usize;
        if k >= self.one.len() {
            self.one.resize(k + 1, Span::default());
        }
        let mut sessions = self.several.remove(&visitor).unwrap_or_default();
        let only = std::mem::take(&mut self.one[k]);
        if only.views != 0 {
            sessions.insert(only.session());
        }
        let joining = sessions.insert_joining(Session::of_event(t, self.gap_ms, 0));
        let joined = joining.joined.len() as u64;
        self.by_end
            .push(Reverse((joining.merged.end, visitor, joining.merged.start)));
        self.open = self.open + 1 - joined;
        self.merges += u64::from(joined >= 2);
        self.keep(visitor, sessions);
    }

    /// Puts `visitor`'s sessions back: in its slot if it holds one.
    fn keep(&mut self, visitor: u32, sessions: KeySessions) {
        if sessions.len() > 1 {
            self.several.insert(visitor, sessions);
        } else if let Some(s) = sessions.sessions().next() {
            self.one[visitor as usize] = Span {
                start: s.start,
                end: s.end,
                views: s.agg.count,
            };
        }
    }

    /// Closes every session with `end ≤ cutoff` into `closed`. Inline for
    /// its common answer, none: the stream view asks at every view.
    #[inline(always)]
    pub(super) fn close(&mut self, cutoff: TimeMs, closed: &mut SessionSummary) {
        if matches!(self.by_end.peek(), Some(Reverse((end, _, _))) if *end <= cutoff) {
            self.close_due(cutoff, closed);
        }
    }

    /// [`Self::close`] when an entry of the end index is due.
    fn close_due(&mut self, cutoff: TimeMs, closed: &mut SessionSummary) {
        while let Some(&Reverse((end, visitor, start))) = self.by_end.peek() {
            if end > cutoff {
                break;
            }
            match self.end_of(visitor, start) {
                Some(end) if end <= cutoff => {
                    self.by_end.pop();
                    if let Some(s) = self.remove(visitor, start) {
                        self.open -= 1;
                        self.views -= s.agg.count;
                        closed.add(&s, self.gap_ms);
                    }
                }
                // It grew since this entry: it comes up again at its end
                // (the entry rewritten in place: one sift, not a pop and a push).
                Some(end) => {
                    if let Some(mut top) = self.by_end.peek_mut() {
                        *top = Reverse((end, visitor, start));
                    }
                }
                // Merged into an earlier session, or closed by another entry.
                None => {
                    self.by_end.pop();
                }
            }
        }
    }

    /// The end of `visitor`'s open session starting at `start`.
    fn end_of(&self, visitor: u32, start: TimeMs) -> Option<TimeMs> {
        match self.one.get(visitor as usize) {
            Some(s) if s.views != 0 => (s.start == start).then_some(s.end),
            _ => Some(self.several.get(&visitor)?.get(start)?.end),
        }
    }

    /// Removes `visitor`'s open session starting at `start`.
    fn remove(&mut self, visitor: u32, start: TimeMs) -> Option<Session> {
        let only = self.one.get_mut(visitor as usize)?;
        if only.views != 0 {
            return (only.start == start).then(|| std::mem::take(only).session());
        }
        let mut sessions = self.several.remove(&visitor)?;
        let s = sessions.remove(start);
        self.keep(visitor, sessions);
        s
    }

    /// Open sessions.
    pub(super) fn len(&self) -> u64 {
        self.open
    }

    /// Page views in the open sessions.
    pub(super) fn views(&self) -> u64 {
        self.views
    }

    /// Views that merged two or more sessions into one, so far.
    pub(super) fn merges(&self) -> u64 {
        self.merges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::window::OpenSessions;

    /// The pipelines' open sessions under the stream view's rule: the
    /// reference the counted table must match.
    struct Reference {
        open: OpenSessions,
        closed: SessionSummary,
    }

    impl Reference {
        fn read(&mut self, visitor: u32, t: TimeMs, late_wm: TimeMs, cutoff: TimeMs) -> bool {
            let kept = self
                .open
                .insert_unless_late(visitor, t, 0, late_wm)
                .is_some();
            for (_, s) in self.open.close(cutoff) {
                self.closed.add(&s, 1_000);
            }
            kept
        }
    }

    #[test]
    fn the_counted_sessions_are_the_pipelines_sessions_counted() {
        for seed in 0..20_u64 {
            let mut counted = CountedSessions::new(1_000);
            let mut closed = SessionSummary::default();
            let mut reference = Reference {
                open: OpenSessions::new(1_000),
                closed: SessionSummary::default(),
            };
            let mut x = seed;
            let mut latest: TimeMs = 0;
            for _ in 0..3_000 {
                // splitmix64: a fixed stream per seed.
                x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^= z >> 31;
                let visitor = (z % 3) as u32;
                // Mostly forward in time, one view in eight late by up to 4 gaps.
                let late = ((z >> 40) % 8 == 0) as TimeMs * ((z >> 20) % 4_000) as TimeMs;
                let t = (latest + ((z >> 8) % 700) as TimeMs - late).max(0);
                latest = latest.max(t);
                let (late_wm, cutoff) = (latest - 3_500, latest - 2_500);
                let kept = counted.insert_unless_late(visitor, t, late_wm);
                counted.close(cutoff, &mut closed);
                assert_eq!(
                    kept,
                    reference.read(visitor, t, late_wm, cutoff),
                    "seed {seed}"
                );
                assert_eq!(
                    (counted.len(), counted.views(), counted.merges()),
                    (
                        reference.open.len() as u64,
                        reference.open.events(),
                        reference.open.merges()
                    ),
                    "seed {seed}"
                );
                assert_eq!(closed, reference.closed, "seed {seed}");
            }
            assert!(reference.open.merges() > 0, "seed {seed}: no merge tried");
        }
    }
}
