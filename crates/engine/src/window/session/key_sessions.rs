//! The sessions of one key, the merging state every session window shares
//! (the pipelines' and the ground truth's open sessions, Spark's micro-batch
//! rule, the report's stream view, the event-time picture).
//!
//! The key's latest session is held inline and the earlier ones behind a
//! pointer: a key holds one open session most of the time and most events
//! extend it, so an event reads the key's own 64-byte slot (in a flat table
//! of keys) and no second allocation. The rare paths (an event before the latest session's
//! start, a new session, a merge) run on the sessions as one sorted vector.

use super::{EventTimeSum, Session};
use crate::time::TimeMs;
use crate::window::Agg;

/// The sessions of one key, by start: disjoint and never touching, so their
/// ends are in the same order as their starts. 64 bytes: one cache line in a
/// table of keys aligned to lines.
#[derive(Debug, Clone)]
pub struct KeySessions {
    /// The session that starts last; none if it holds no event (a session
    /// holds at least one).
    latest: Session,
    /// The sessions before the latest, by start: a key rarely holds more
    /// than one open session, so they sit behind one pointer, whose
    /// allocation is kept once made. Boxed on purpose: a vector's header
    /// inline would take the slot past one cache line.
    #[allow(clippy::box_collection)]
    earlier: Option<Box<Vec<Session>>>,
}

const _: () = assert!(std::mem::size_of::<KeySessions>() <= 64);

/// The latest session of a key that holds none.
const NO_SESSION: Session = Session {
    start: 0,
    end: 0,
    agg: Agg {
        count: 0,
        sum_cents: 0,
        max_cents: 0,
    },
    sum_event_ms: EventTimeSum::ZERO,
};

impl Default for KeySessions {
    fn default() -> Self {
        Self {
            latest: NO_SESSION,
            earlier: None,
        }
    }
}

impl PartialEq for KeySessions {
    fn eq(&self, other: &Self) -> bool {
        self.sessions().eq(other.sessions())
    }
}

impl Eq for KeySessions {}

/// What adding an event did to a key's sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inserted {
    /// Existing sessions it joined: 0 opens a session, 1 extends one, 2 or more
    /// merged sessions into one.
    pub joined: usize,
    /// (start, end) of the resulting session if no session started there before.
    pub opened: Option<(TimeMs, TimeMs)>,
}

impl KeySessions {
    /// Adds `new` (one event's session, or a partial aggregate), merging every
    /// session it overlaps or touches.
    /// A session of no event changes nothing.
    pub fn insert(&mut self, new: Session) -> Inserted {
        // Fast path, most events: the event extends the latest session in place.
        if self.extend_latest(&new).is_some() {
            return Inserted {
                joined: 1,
                opened: None,
            };
        }
        if new.agg.count == 0 {
            return Inserted {
                joined: 0,
                opened: None,
            };
        }
        if self.is_empty() {
            self.latest = new;
            return Inserted {
                joined: 0,
                opened: Some((new.start, new.end)),
            };
        }
        self.with_all(|all| insert_sorted(all, new))
    }

    /// If `new` starts within the latest session or touches its end (the
    /// common case: a key's next event), extends that session in place and
    /// returns it; otherwise changes nothing.
    #[inline]
    fn extend_latest(&mut self, new: &Session) -> Option<Session> {
        let s = self.latest_reached_from(new.start)?;
        s.end = s.end.max(new.end);
        s.absorb(new);
        Some(*s)
    }

    /// [`Self::extend_latest`] for one event at `t` of `amount_cents` whose
    /// own session ends at `end`, without building that session: the path
    /// nearly every event of a pipeline's open sessions takes.
    #[inline]
    pub(crate) fn extend_latest_by_event(
        &mut self,
        t: TimeMs,
        end: TimeMs,
        amount_cents: i64,
    ) -> Option<&Session> {
        let s = self.latest_reached_from(t)?;
        s.end = s.end.max(end);
        s.add_event(t, amount_cents);
        Some(s)
    }

    /// The latest session, if something starting at `start` joins it: starts
    /// within it or touches its end. Nothing starts after the latest session,
    /// so it is then the only session reached.
    #[inline]
    fn latest_reached_from(&mut self, start: TimeMs) -> Option<&mut Session> {
        let s = &mut self.latest;
        let reached = s.agg.count != 0 && s.start <= start && Session::touches(s.end, start);
        reached.then_some(s)
    }

    /// Runs `f` on every session as one vector sorted by start, then puts the
    /// last one back inline.
    fn with_all<R>(&mut self, f: impl FnOnce(&mut Vec<Session>) -> R) -> R {
        let mut all = self.earlier.take().unwrap_or_default();
        all.extend(self.latest());
        let r = f(&mut all);
        self.latest = all.pop().unwrap_or(NO_SESSION);
        self.earlier = Some(all);
        r
    }

    /// The latest session, if any.
    fn latest(&self) -> Option<Session> {
        (!self.is_empty()).then_some(self.latest)
    }

    /// The sessions before the latest, by start.
    fn earlier(&self) -> &[Session] {
        self.earlier.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Removes the session starting at `start` if it ends at or before
    /// `watermark` (Spark closes a session whose end ≤ the watermark): `Ok`
    /// with it; `Err` with its end if it is still open; `Err(None)` if there is
    /// no session starting there (it was merged into an earlier one).
    pub(super) fn close_if_ended(
        &mut self,
        start: TimeMs,
        watermark: TimeMs,
    ) -> Result<Session, Option<TimeMs>> {
        match self.get(start) {
            Some(s) if s.end <= watermark => self.remove(start).ok_or(None),
            Some(s) => Err(Some(s.end)),
            None => Err(None),
        }
    }

    /// The sessions that `new` would join (overlap or touch), latest first:
    /// at most two, as a key's sessions are more than a gap apart.
    pub(crate) fn touching(&self, new: &Session) -> Vec<Session> {
        self.sessions()
            .rev()
            .skip_while(|s| s.start > new.end)
            .take_while(|s| Session::touches(s.end, new.start))
            .copied()
            .collect()
    }

    /// Removes and returns the session starting at `start`.
    pub(crate) fn remove(&mut self, start: TimeMs) -> Option<Session> {
        if self.latest().is_some_and(|s| s.start == start) {
            let before = self.earlier.as_deref_mut().and_then(Vec::pop);
            return Some(std::mem::replace(
                &mut self.latest,
                before.unwrap_or(NO_SESSION),
            ));
        }
        let earlier = self.earlier.as_deref_mut()?;
        let i = index_of(earlier, start)?;
        Some(earlier.remove(i))
    }

    /// The session starting at `start`.
    pub(crate) fn get(&self, start: TimeMs) -> Option<&Session> {
        if !self.is_empty() && self.latest.start == start {
            return Some(&self.latest);
        }
        let earlier = self.earlier();
        earlier.get(index_of(earlier, start)?)
    }

    /// Its sessions, by start.
    pub fn sessions(&self) -> impl DoubleEndedIterator<Item = &Session> {
        let latest = (!self.is_empty()).then_some(&self.latest);
        self.earlier().iter().chain(latest)
    }

    /// Its sessions, by start, taken.
    pub fn into_sessions(self) -> impl Iterator<Item = Session> {
        let latest = self.latest();
        self.earlier
            .map_or_else(Vec::new, |b| *b)
            .into_iter()
            .chain(latest)
    }

    /// Number of sessions held.
    pub fn len(&self) -> usize {
        self.earlier().len() + usize::from(!self.is_empty())
    }

    /// Whether it holds no session.
    pub fn is_empty(&self) -> bool {
        self.latest.agg.count == 0
    }
}

/// Index of the first session of `all` starting after `t`.
#[inline]
fn after(all: &[Session], t: TimeMs) -> usize {
    all.partition_point(|s| s.start <= t)
}

/// Index of the session of `all` starting at `start`.
fn index_of(all: &[Session], start: TimeMs) -> Option<usize> {
    all.binary_search_by_key(&start, |s| s.start).ok()
}

/// [`KeySessions::insert`] past its fast path, on every session by start.
fn insert_sorted(all: &mut Vec<Session>, new: Session) -> Inserted {
    let i = after(all, new.start);
    if let Some(s) = i.checked_sub(1).and_then(|i| all.get(i)) {
        if Session::touches(s.end, new.start) {
            // It extends the latest session starting before it, and may reach the next one too.
            let mut s = all.remove(i - 1);
            s.end = s.end.max(new.end);
            s.absorb(&new);
            return Inserted {
                joined: merge(all, s) + 1,
                opened: None,
            };
        }
    }
    let joined = merge(all, new);
    // A session touching `new.start` was taken above, so a merged session
    // that starts there is a new start.
    let opened = index_of(all, new.start).map(|i| (all[i].start, all[i].end));
    Inserted { joined, opened }
}

/// Merges `new` into `all` with every session it overlaps or touches; returns how many.
fn merge(all: &mut Vec<Session>, new: Session) -> usize {
    let mut merged = new;
    let mut joined = 0;
    // The candidates start at or before the merged end; the latest of them
    // is the only one that can still reach back to the merged start.
    while let Some(i) = after(all, merged.end).checked_sub(1) {
        let s = all[i];
        if !Session::touches(s.end, merged.start) {
            break;
        }
        all.remove(i);
        merged.start = merged.start.min(s.start);
        merged.end = merged.end.max(s.end);
        merged.absorb(&s);
        joined += 1;
    }
    let at = all.partition_point(|s| s.start < merged.start);
    all.insert(at, merged);
    joined
}
