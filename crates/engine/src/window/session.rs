//! Session windows, with Spark's `session_window(ts, gap)` semantics: per key, a
//! session is `[first event, last event + gap)`; an event whose own `[t, t + gap)`
//! overlaps or touches a session extends it, and one event can join two
//! sessions into one (a late page view that fills the gap between two visits).
//!
//! Sessions do not tile event time, so they are not a [`super::WindowAssigner`]:
//! their bounds depend on the other events of the key. This module holds the
//! merging state ([`KeySessions`]), the complete sessions a batch sees
//! ([`sessionize`]) and the micro-batch rule Spark applies to them
//! ([`MicroBatchSessions`]; measured in `docs/spark-semantics.md`, cases H and H2).
//! State is one entry per open session and nothing per event, so it is
//! bounded by the open sessions, which the watermark closes.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use rustc_hash::FxBuildHasher;

use super::Agg;
use crate::time::TimeMs;

/// One session of one key: the events with `start ≤ t` and `t + gap ≤ end`,
/// with no gap longer than `gap` between two of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// Event time of its first event, in ms.
    pub start: TimeMs,
    /// Event time of its last event plus the gap, in ms (exclusive).
    pub end: TimeMs,
    /// Its events (count) and the sum of their amounts.
    pub agg: Agg,
    /// Sum of its events' event times, in ms: the exact mean result latency
    /// of its events when it is published.
    pub sum_event_ms: EventTimeSum,
}

/// An exact sum of event times in ms, 128 bits wide as two 64-bit halves:
/// an `i128` field would align [`Session`] to 16 bytes and pad it from 56 to
/// 64, and a key's slot of open sessions past one cache line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventTimeSum {
    low: u64,
    high: i64,
}

impl EventTimeSum {
    /// The empty sum.
    pub const ZERO: Self = Self { low: 0, high: 0 };

    /// The sum of one event time.
    pub fn of(t: TimeMs) -> Self {
        Self::from(i128::from(t))
    }

    /// Its value.
    pub fn get(self) -> i128 {
        (i128::from(self.high) << 64) | i128::from(self.low)
    }

    /// Adds `other` (two's complement, as `i128` addition).
    fn add(&mut self, other: Self) {
        let (low, carry) = self.low.overflowing_add(other.low);
        self.low = low;
        self.high = self
            .high
            .wrapping_add(other.high)
            .wrapping_add(i64::from(carry));
    }
}

impl From<i128> for EventTimeSum {
    fn from(x: i128) -> Self {
        Self {
            low: x as u64,
            high: (x >> 64) as i64,
        }
    }
}

impl Session {
    /// The session of one event at `t`: `[t, t + gap)`.
    pub fn of_event(t: TimeMs, gap_ms: TimeMs, amount_cents: i64) -> Self {
        let mut agg = Agg::default();
        agg.add(amount_cents);
        Self {
            start: t,
            end: t.saturating_add(gap_ms),
            agg,
            sum_event_ms: EventTimeSum::of(t),
        }
    }

    /// Length from its first event to its last, in ms (0 for a single event).
    pub fn length_ms(&self, gap_ms: TimeMs) -> TimeMs {
        self.end - gap_ms - self.start
    }

    /// Whether a session that starts at `next_start` belongs to one ending at
    /// `end`: Spark merges sessions that overlap **or touch**.
    #[inline]
    fn touches(end: TimeMs, next_start: TimeMs) -> bool {
        next_start <= end
    }

    /// Adds one event at `t` of `amount_cents` (the caller sets the bounds).
    #[inline]
    fn add_event(&mut self, t: TimeMs, amount_cents: i64) {
        self.agg.add(amount_cents);
        self.sum_event_ms.add(EventTimeSum::of(t));
    }

    /// Adds `other`'s events (the caller sets the bounds).
    fn absorb(&mut self, other: &Session) {
        self.agg.count += other.agg.count;
        self.agg.sum_cents += other.agg.sum_cents;
        self.agg.max_cents = self.agg.max_cents.max(other.agg.max_cents);
        self.sum_event_ms.add(other.sum_event_ms);
    }
}

/// One event as sessions see it: (group key, event time in ms, amount in cents).
pub type SessionRow = (u32, TimeMs, i64);

/// The complete sessions of a set of events, by (start, key): what a batch that
/// sees every event computes. Merging is associative, so the order of `rows`
/// does not matter.
pub fn sessionize(rows: &[SessionRow], gap_ms: TimeMs) -> BTreeMap<(TimeMs, u32), Session> {
    let mut keys: BTreeMap<u32, KeySessions> = BTreeMap::new();
    for &(key, t, amount) in rows {
        keys.entry(key)
            .or_default()
            .insert(Session::of_event(t, gap_ms, amount));
    }
    keys.into_iter()
        .flat_map(|(key, s)| s.into_sessions().map(move |s| ((s.start, key), s)))
        .collect()
}

/// What one micro-batch of session windows did (Spark's progress for it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionBatch {
    /// Watermark this batch used to close sessions (Spark's `eventTime.watermark`).
    pub watermark_ms: TimeMs,
    /// Input rows dropped as late (Spark's `numRowsDroppedByWatermark` for sessions).
    pub dropped_rows: u64,
    /// Rows that joined two or more sessions into one.
    pub merging_rows: u64,
    /// Sessions closed and emitted in append mode: (key, session), by key then start.
    pub emitted: Vec<(u32, Session)>,
}

/// Session windows under Spark's micro-batch rule, append mode (update mode is
/// refused for session windows: SPARK-36463):
///
/// ```text
/// late filter per input row: drop if t + gap ≤ watermark of the previous batch
/// merge the rest into the key's sessions (overlap or touch)
/// emit and remove sessions with end ≤ this batch's watermark
/// watermark for the next batch = max(wm, max event time of the batch − delay)
/// ```
#[derive(Debug, Clone)]
pub struct MicroBatchSessions {
    gap_ms: TimeMs,
    delay_ms: TimeMs,
    /// Sessions per key: a hash map, as one event looks up one key among many
    /// (visitors); nothing iterates it in an order that reaches a result. Fx
    /// hashing: one multiply per small integer key, where SipHash cost the web
    /// view a few percent of a whole simulation.
    keys: HashMap<u32, KeySessions, FxBuildHasher>,
    /// (end, key, start) of every open session, the end possibly earlier than
    /// the session's by now: closing pops what the watermark passed and pushes
    /// back a session that has grown, so a batch touches only the sessions it
    /// may close, not every key. Entries of sessions merged into an earlier one
    /// are dropped when popped: at most one per session, not one per event.
    ends: BinaryHeap<Reverse<(TimeMs, u32, TimeMs)>>,
    watermark_ms: TimeMs,
    previous_batch_wm: TimeMs,
    open: usize,
}

impl MicroBatchSessions {
    /// Empty state for sessions of `gap_ms` and a watermark `delay_ms` behind
    /// the latest event time; the watermark starts at 0, as Spark's.
    pub fn new(gap_ms: TimeMs, delay_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            delay_ms,
            keys: HashMap::default(),
            ends: BinaryHeap::new(),
            watermark_ms: 0,
            previous_batch_wm: 0,
            open: 0,
        }
    }

    /// Runs one micro-batch over `rows` (possibly none: a no-data batch).
    pub fn run_batch(&mut self, rows: &[SessionRow]) -> SessionBatch {
        let wm_evict = self.watermark_ms;
        let wm_late = self.previous_batch_wm;
        let mut batch = SessionBatch {
            watermark_ms: wm_evict,
            ..SessionBatch::default()
        };
        for &(key, t, amount) in rows {
            let own = Session::of_event(t, self.gap_ms, amount);
            if own.end <= wm_late {
                batch.dropped_rows += 1;
                continue;
            }
            let inserted = self.keys.entry(key).or_default().insert(own);
            if let Some((start, end)) = inserted.opened {
                self.ends.push(Reverse((end, key, start)));
            }
            self.open = self.open + 1 - inserted.joined;
            batch.merging_rows += u64::from(inserted.joined >= 2);
        }
        self.close(wm_evict, &mut batch.emitted);
        if let Some(max) = rows.iter().map(|r| r.1).max() {
            self.watermark_ms = self.watermark_ms.max(max - self.delay_ms);
        }
        self.previous_batch_wm = wm_evict;
        batch
    }

    /// Moves the sessions that end at or before `watermark` to `emitted`, by key then start.
    fn close(&mut self, watermark: TimeMs, emitted: &mut Vec<(u32, Session)>) {
        let first = emitted.len();
        while let Some(&Reverse((end, key, start))) = self.ends.peek() {
            if end > watermark {
                break;
            }
            self.ends.pop();
            let Some(sessions) = self.keys.get_mut(&key) else {
                continue;
            };
            match sessions.close_if_ended(start, watermark) {
                Ok(session) => {
                    emitted.push((key, session));
                    self.open -= 1;
                    if sessions.is_empty() {
                        self.keys.remove(&key);
                    }
                }
                Err(Some(later_end)) => self.ends.push(Reverse((later_end, key, start))),
                Err(None) => {}
            }
        }
        by_key_then_start(&mut emitted[first..]);
    }

    /// Whether a no-data batch would close something new: the watermark moved
    /// since the last batch (Spark then runs one).
    pub fn needs_batch(&self) -> bool {
        self.watermark_ms > self.previous_batch_wm
    }

    /// Sessions held in state (open: not yet closed by the watermark).
    pub fn open_sessions(&self) -> usize {
        self.open
    }

    /// The open sessions, by key then start (what the state store holds).
    pub fn open(&self) -> Vec<(u32, Session)> {
        let mut open: Vec<(u32, Session)> = self
            .keys
            .iter()
            .flat_map(|(&k, s)| s.sessions().map(move |s| (k, *s)))
            .collect();
        by_key_then_start(&mut open);
        open
    }

    /// Its current watermark, in ms.
    pub fn watermark_ms(&self) -> TimeMs {
        self.watermark_ms
    }
}

/// Sorts sessions by key, then start. One function for both callers.
fn by_key_then_start(sessions: &mut [(u32, Session)]) {
    sort_sessions(sessions, false);
}

/// Sorts sessions by (start, key) if `start_first`, else by (key, start). One
/// sort for every session list of the engine (these, Spark's closed sessions):
/// each `sort_unstable_by_key` closure is its own copy of the sort in every wasm.
pub(crate) fn sort_sessions(sessions: &mut [(u32, Session)], start_first: bool) {
    sessions.sort_unstable_by_key(|(key, s)| {
        let key = TimeMs::from(*key);
        if start_first {
            (s.start, key)
        } else {
            (key, s.start)
        }
    });
}

mod joining;
mod key_sessions;

pub use key_sessions::{Inserted, KeySessions};

#[cfg(test)]
mod wide_sum_tests;

#[cfg(test)]
mod tests;
