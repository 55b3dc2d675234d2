//! The c-worker FIFO queue of continuous mode, kept as small as the model allows.
//!
//! ```text
//! arrival ─► start = max(arrival, earliest next-free time) ─► done = start + service
//!            ring (arrival order) ── the first few also keyed in `serving` (by completion)
//! ```
//! FIFO with c workers needs only the c next-free times, not which worker is
//! which. Start times never decrease in arrival order (each start is at least
//! the previous earliest free time), so every event not yet keyed completes
//! after any event that completes before the first unkeyed one's start: only
//! those few (about c) are keyed ([`due`]: a wheel of millisecond slots), the
//! rest wait unkeyed, in O(1) per event. The completion order is the same as
//! one heap over every event: (completion, id). Each event is written once, into a ring indexed by its
//! arrival number ([`ring`]: a mask, no wrap-around test), and
//! read once when it completes; the keys are (completion, id, arrival
//! number). One that completes before an earlier arrival is marked served
//! and leaves the ring once every earlier one has. (Before, each event was
//! moved from a deque to a slab and copied out: about 250 instructions per
//! event.) One worker completes in arrival order and needs none of this
//! ([`lindley`]). Both are a [`Queue`], the pipeline generic over it: the
//! queue is picked once, where the pipeline is built.

mod due;
mod lindley;
mod ring;
mod running_min;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt::Debug;

use due::Due;
pub(crate) use lindley::Lindley;
use ring::Ring;
use running_min::RunningMin;

use crate::fmath::{ceil_to_i64, round_whole};
use crate::pressure::WaitUnion;
use crate::time::TimeMs;

/// An event in the system; (completion instant, id) orders completions.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct InService {
    pub(crate) done_ms: TimeMs,
    pub(crate) id: u64,
    pub(crate) event_time_ms: TimeMs,
    pub(crate) key: u32,
    /// Completed, waiting in the ring for earlier arrivals to complete (in
    /// the padding after `key`: an entry stays 72 bytes).
    served: bool,
    pub(crate) amount_cents: i64,
    /// Its service time, in whole µs (counted as busy time when it
    /// completes): a whole `f64`, so neither writing nor reading it converts.
    pub(crate) service_us: f64,
    /// When it arrived, in ms.
    pub(crate) arrival_ms: TimeMs,
    /// How long it waited for a worker, in whole µs (an `f64`, as `service_us`).
    pub(crate) wait_us: f64,
    /// Its service start, in ms: whole keys compare with it as with its
    /// ceiling (k < s exactly when k < ⌈s⌉), without rounding it.
    start_ms: f64,
}

/// The queue: events waiting or in service, and when each worker is next free.
#[derive(Debug, Clone)]
pub(crate) struct Fifo {
    /// The c next-free times, in ms as f64 bits (non-negative f64 bits sort like the values).
    free_at: BinaryHeap<Reverse<u64>>,
    /// The events in the system and those served before an earlier arrival,
    /// by arrival number.
    ring: Ring<InService>,
    /// Arrival number of the first event not keyed in `serving`.
    next: u64,
    /// Events that may complete next, as (completion, id, arrival number)
    /// keys. Invariant: every unkeyed event starts (so completes) after the
    /// first of them completes.
    serving: Due,
    /// Minimum of the unkeyed events' event times, by arrival number.
    queued_min: RunningMin,
    /// Time during which some event waited for a worker (backpressure).
    waits: WaitUnion,
}

/// What per-record mode asks of its queue of events waiting or in service:
/// one worker's ([`Lindley`]) or the c workers' ([`Fifo`]). The pipeline is
/// generic over it, so no call pays a match on the queue's kind (one added
/// about 26 instructions per event at 125 workers).
pub(crate) trait Queue: Clone + Debug + 'static {
    /// A queue with `workers` workers, all free at time 0.
    fn with_workers(workers: u32) -> Self;

    /// Gives `a` to the first worker free, for `service_ms`; false without
    /// workers (validation refuses 0 workers).
    fn arrive(&mut self, a: &Arrival, service_ms: f64) -> bool;

    /// When the next event completes (`TimeMs::MAX` if none is in the system).
    fn next_done(&self) -> TimeMs;

    /// The next event to complete, if it completes by `now`: borrowed where
    /// it waited (until the next arrival), not copied (72 bytes, about 15
    /// instructions per event each way).
    fn pop_done_by(&mut self, now: TimeMs) -> Option<&InService>;

    /// Events in the system (queued or in service).
    fn len(&self) -> usize;

    /// Earliest event time of the events in the system.
    fn oldest_event_time(&self) -> Option<TimeMs>;

    /// Time during which some event waited for a worker, up to `now`, in ms.
    fn waited_ms(&self, now: TimeMs) -> f64;
}

/// An arriving event, before the queue gives it a start.
pub(crate) struct Arrival {
    pub(crate) id: u64,
    pub(crate) event_time_ms: TimeMs,
    pub(crate) arrival_ms: TimeMs,
    pub(crate) key: u32,
    pub(crate) amount_cents: i64,
}

impl InService {
    /// `a` served from `start` for `service_ms` (both in ms): its completion
    /// instant and microsecond figures, as every queue computes them.
    #[inline(always)]
    fn new(a: &Arrival, start: f64, service_ms: f64) -> Self {
        Self {
            done_ms: ceil_to_i64(start + service_ms),
            id: a.id,
            event_time_ms: a.event_time_ms,
            key: a.key,
            served: false,
            amount_cents: a.amount_cents,
            service_us: round_whole(service_ms * 1_000.0),
            arrival_ms: a.arrival_ms,
            // With many workers almost every arrival finds one free (all but
            // 0.9 % in `bench_workload sales-continuous`, 125 workers): no
            // wait, no rounding (the same +0.0 it gives).
            wait_us: if start > a.arrival_ms as f64 {
                round_whole((start - a.arrival_ms as f64) * 1_000.0)
            } else {
                0.0
            },
            start_ms: start,
        }
    }
}

impl Queue for Fifo {
    fn with_workers(workers: u32) -> Self {
        Self {
            free_at: (0..workers).map(|_| Reverse(0.0_f64.to_bits())).collect(),
            ring: Ring::default(),
            next: 0,
            serving: Due::new(workers),
            queued_min: RunningMin::default(),
            waits: WaitUnion::default(),
        }
    }

    #[inline]
    fn arrive(&mut self, a: &Arrival, service_ms: f64) -> bool {
        let Some(mut earliest) = self.free_at.peek_mut() else {
            return false;
        };
        let start = f64::from_bits(earliest.0).max(a.arrival_ms as f64);
        *earliest = Reverse((start + service_ms).to_bits());
        drop(earliest);
        self.waits.add(a.arrival_ms as f64, start);
        self.queued_min.push(self.ring.end(), a.event_time_ms);
        self.ring.push_back(InService::new(a, start, service_ms));
        self.refill();
        true
    }

    #[inline]
    fn next_done(&self) -> TimeMs {
        self.serving.next_done()
    }

    #[inline]
    fn pop_done_by(&mut self, now: TimeMs) -> Option<&InService> {
        if self.next_done() > now {
            return None;
        }
        let (_, _, n) = self.serving.pop()?;
        if n == self.ring.first() {
            self.ring.skip_front();
            // Keyed events only: `next` bounds the served ones.
            while self.ring.first() < self.next && self.ring.get(self.ring.first()).served {
                self.ring.skip_front();
            }
        } else {
            self.ring.get_mut(n).served = true;
        }
        self.refill();
        Some(self.ring.get(n))
    }

    fn len(&self) -> usize {
        self.serving.len() + (self.ring.end() - self.next) as usize
    }

    fn oldest_event_time(&self) -> Option<TimeMs> {
        let serving = self
            .serving
            .arrivals()
            .map(|n| self.ring.get(n).event_time_ms)
            .min();
        match (serving, self.queued_min.min()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn waited_ms(&self, now: TimeMs) -> f64 {
        self.waits.at(now)
    }
}

impl Fifo {
    /// Restores the invariant: keys unkeyed events that could complete no
    /// later than the first keyed one. Always inlined: run at every arrival
    /// and completion, out of line its call and register saves cost as much
    /// as its usual work (a comparison that returns).
    #[inline(always)]
    fn refill(&mut self) {
        while self.next < self.ring.end() {
            let e = self.ring.get(self.next);
            if (self.serving.next_done() as f64) < e.start_ms {
                return;
            }
            self.serving.push((e.done_ms, e.id, self.next));
            self.queued_min.leave(self.next);
            self.next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Against the plain model (one heap of every event by (completion, id), a
    /// scan for the oldest): same completions in the same order, same oldest
    /// event time after every step, for 1 to 7 workers and bursty arrivals
    /// (many completing in the same millisecond), one worker both through
    /// [`Lindley`] and through the keyed queue.
    #[test]
    fn matches_one_heap_over_every_event() {
        matches_one_heap(1, Lindley::with_workers(1));
        for workers in [1, 2, 3, 7] {
            matches_one_heap(workers, Fifo::with_workers(workers));
        }
    }

    fn matches_one_heap(workers: u32, mut fifo: impl Queue) {
        let mut rng = ChaCha8Rng::seed_from_u64(u64::from(workers));
        let mut model: Vec<(TimeMs, u64, TimeMs)> = Vec::new();
        let mut free = vec![0.0_f64; workers as usize];
        let mut now: TimeMs = 0;
        for id in 0..5_000_u64 {
            now += rng.random_range(0..3);
            let event_time_ms = now - rng.random_range(0..500);
            let service_ms = rng.random_range(0.0..4.0 * f64::from(workers));
            let a = Arrival {
                id: id * 7 % 5_003,
                event_time_ms,
                arrival_ms: now,
                key: 0,
                amount_cents: 0,
            };
            assert!(fifo.arrive(&a, service_ms));
            let (w, _) =
                free.iter()
                    .enumerate()
                    .fold((0, f64::MAX), |m, (i, &f)| if f < m.1 { (i, f) } else { m });
            let done = free[w].max(now as f64) + service_ms;
            free[w] = done;
            model.push((done.ceil() as TimeMs, a.id, event_time_ms));
            model.sort_unstable_by_key(|m| Reverse((m.0, m.1)));
            while let Some(e) = fifo.pop_done_by(now) {
                let expected = model.pop().map(|m| (m.0, m.1));
                assert_eq!(Some((e.done_ms, e.id)), expected, "{workers} workers");
            }
            assert!(model.last().is_none_or(|m| m.0 > now));
            assert_eq!(fifo.len(), model.len());
            assert_eq!(fifo.oldest_event_time(), model.iter().map(|m| m.2).min());
            assert_eq!(fifo.next_done(), model.last().map_or(TimeMs::MAX, |m| m.0));
        }
    }
}
