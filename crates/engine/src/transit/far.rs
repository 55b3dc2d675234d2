//! Events in transit that arrive beyond the ring's horizon when pushed: the
//! very late fraction, and devices' outages that hold a visitor's or sensor's
//! events until the end of its slot (minutes later).
//!
//! They were one binary heap of 40-byte events. Web traffic keeps about 8 % of
//! its page views there, some 15,000 at a time (600 KB): each pop sifted
//! through fourteen levels, a cache miss at most of them, a tenth of the whole
//! run's time. They now wait in a coarser calendar: one bucket per
//! [`SPAN_MS`] (half the ring), [`BUCKETS`] of them (about 17 minutes ahead),
//! each a vector appended to in push order. A bucket moves into the ring, whole,
//! once the ring's horizon covers all of it; the ring then puts its events in
//! (arrival time, id) order as it does its own. Only events further ahead than
//! the buckets reach (delays of hours or days) wait in a heap.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::event::Event;
use crate::time::TimeMs;

/// Width of one far bucket, in ms: half the ring's horizon, so that the
/// buckets the horizon covers whole reach at least half a horizon ahead.
const SPAN_MS: TimeMs = super::HORIZON_MS as TimeMs / 2;
/// Far buckets (a multiple of 64: one bit each in `occupied`).
const BUCKETS: usize = 512;

/// An event ordered by (arrival time, id), earliest first in a max-heap.
#[derive(Debug, Clone)]
struct ByArrival(Event);

impl PartialEq for ByArrival {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for ByArrival {}
impl PartialOrd for ByArrival {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ByArrival {
    /// Reversed: `BinaryHeap` is a max-heap and we want the earliest arrival first.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.0.arrival_time_ms, other.0.id).cmp(&(self.0.arrival_time_ms, self.0.id))
    }
}

/// Events arriving at or after the ring's horizon when pushed.
#[derive(Debug, Clone)]
pub(super) struct Far {
    /// `buckets[b % BUCKETS]`: the events arriving in `b * SPAN_MS ..
    /// (b + 1) * SPAN_MS`, for bucket numbers `b` from `next` on.
    buckets: Vec<Vec<Event>>,
    /// Bit `i` set when `buckets[i]` holds events.
    occupied: [u64; BUCKETS / 64],
    /// Bucket number of the first bucket not yet handed to the ring: every
    /// event arriving before `next * SPAN_MS` is in the ring.
    next: TimeMs,
    /// Events in the buckets.
    held: usize,
    /// Events beyond the buckets' reach when pushed.
    overflow: BinaryHeap<ByArrival>,
}

impl Default for Far {
    fn default() -> Self {
        Self {
            buckets: vec![Vec::new(); BUCKETS],
            occupied: [0; BUCKETS / 64],
            next: 0,
            held: 0,
            overflow: BinaryHeap::new(),
        }
    }
}

impl Far {
    /// Holds `event` (arriving beyond the ring's horizon) until the ring reaches it.
    pub(super) fn push(&mut self, event: Event) {
        let b = event.arrival_time_ms.div_euclid(SPAN_MS);
        match usize::try_from(b - self.next) {
            Ok(ahead) if ahead < BUCKETS => {
                let i = (b.rem_euclid(BUCKETS as TimeMs)) as usize;
                self.buckets[i].push(event);
                self.occupied[i / 64] |= 1 << (i % 64);
                self.held += 1;
            }
            _ => self.overflow.push(ByArrival(event)),
        }
    }

    /// Hands `put` every event arriving before `reach` that a whole bucket or
    /// the heap holds; returns the instant before which every event held has
    /// been handed on (at most `reach`, and more than `reach - SPAN_MS`).
    pub(super) fn release(&mut self, reach: TimeMs, mut put: impl FnMut(Event)) -> TimeMs {
        let last_whole = reach.div_euclid(SPAN_MS);
        while self.held > 0 && self.next < last_whole {
            let i = self.next.rem_euclid(BUCKETS as TimeMs) as usize;
            if self.occupied[i / 64] & (1 << (i % 64)) != 0 {
                self.occupied[i / 64] &= !(1 << (i % 64));
                self.held -= self.buckets[i].len();
                self.buckets[i].drain(..).for_each(&mut put);
            }
            self.next += 1;
        }
        // No bucket left to hand on: jump, whatever the distance.
        self.next = self.next.max(last_whole);
        while self
            .overflow
            .peek()
            .is_some_and(|e| e.0.arrival_time_ms < reach)
        {
            if let Some(ByArrival(e)) = self.overflow.pop() {
                put(e);
            }
        }
        self.next * SPAN_MS
    }

    /// No event held arrives before this (exact for the heap, the start of
    /// the first occupied bucket otherwise).
    pub(super) fn arrival_bound(&self) -> Option<TimeMs> {
        let bucket = self.first_occupied().map(|b| b * SPAN_MS);
        let heap = self.overflow.peek().map(|e| e.0.arrival_time_ms);
        bucket.into_iter().chain(heap).min()
    }

    /// Arrival time of the next event held.
    pub(super) fn next_arrival(&self) -> Option<TimeMs> {
        let bucket = self.first_occupied().and_then(|b| {
            let i = b.rem_euclid(BUCKETS as TimeMs) as usize;
            self.buckets[i].iter().map(|e| e.arrival_time_ms).min()
        });
        let heap = self.overflow.peek().map(|e| e.0.arrival_time_ms);
        bucket.into_iter().chain(heap).min()
    }

    /// Bucket number of the first bucket holding events, from `next` on: the
    /// first set bit of `occupied` from `next`'s, around the ring of buckets.
    fn first_occupied(&self) -> Option<TimeMs> {
        if self.held == 0 {
            return None;
        }
        let from = self.next.rem_euclid(BUCKETS as TimeMs) as usize;
        let found = super::first_set_from(&self.occupied, from)?;
        Some(self.next + ((found + BUCKETS - from) % BUCKETS) as TimeMs)
    }

    /// Events held.
    pub(super) fn len(&self) -> usize {
        self.held + self.overflow.len()
    }
}
