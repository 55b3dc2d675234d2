//! One worker's FIFO queue: the Lindley recursion, with nothing keyed.
//!
//! ```text
//! arrival ─► done = max(arrival, previous done) + service ─► back of `queue`
//!                                     front of `queue` (next to complete) ─► completion
//! ```
//! With one worker an event starts when it arrives or when the previous one
//! is done, whichever is later, so completion instants never decrease in
//! arrival order: the queue is already in completion order, and an event is
//! written once at the back and taken once from the front. Completions are
//! taken in (completion, id) order, like [`super::Fifo`]'s; only events
//! completing in the same millisecond can differ from arrival order (delays
//! reorder ids), and an arriving one is moved in front of those with a larger
//! id. (Through [`super::Fifo`] each event also went through the keyed
//! completions and the workers' heap, and its ring was read back by arrival number.)

use super::ring::Ring;
use super::running_min::RunningMin;
use super::{Arrival, InService, Queue};
use crate::pressure::WaitUnion;
use crate::time::TimeMs;

/// The one-worker queue: events waiting or in service, in completion order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lindley {
    /// When the worker is next free, in ms.
    free_at: f64,
    /// Events in the system, the next to complete first: positions number
    /// every event queued, in completion order.
    queue: Ring<InService>,
    /// Minimum of the queued events' event times, by position.
    min: RunningMin,
    /// Time during which some event waited for the worker (backpressure).
    waits: WaitUnion,
}

impl Queue for Lindley {
    fn with_workers(_: u32) -> Self {
        Self::default()
    }

    /// Serves `a` after every event before it, for `service_ms`.
    #[inline]
    fn arrive(&mut self, a: &Arrival, service_ms: f64) -> bool {
        let start = self.free_at.max(a.arrival_ms as f64);
        self.free_at = start + service_ms;
        self.waits.add(a.arrival_ms as f64, start);
        let e = InService::new(a, start, service_ms);
        let ties = (self.queue.back()).is_some_and(|b| b.done_ms == e.done_ms && b.id > e.id);
        self.queue.push_back(e);
        if ties {
            self.reorder();
        } else {
            self.min.push(self.queue.end() - 1, e.event_time_ms);
        }
        true
    }

    /// When the next event completes (`TimeMs::MAX` if none is in the system).
    #[inline]
    fn next_done(&self) -> TimeMs {
        self.queue.front().map_or(TimeMs::MAX, |e| e.done_ms)
    }

    /// The next event to complete, if it completes by `now`.
    #[inline]
    fn pop_done_by(&mut self, now: TimeMs) -> Option<&InService> {
        if self.next_done() > now {
            return None;
        }
        self.min.leave(self.queue.first());
        self.queue.pop_front()
    }

    fn len(&self) -> usize {
        self.queue.len()
    }

    fn oldest_event_time(&self) -> Option<TimeMs> {
        self.min.min()
    }

    fn waited_ms(&self, now: TimeMs) -> f64 {
        self.waits.at(now)
    }
}

impl Lindley {
    /// Moves the last event in front of those completing in the same
    /// millisecond with a larger id (rare: a service shorter than the time
    /// to the next arrival's, and a delay that reordered ids).
    #[cold]
    #[inline(never)]
    fn reorder(&mut self) {
        let mut from = self.queue.end() - 1;
        while from > self.queue.first() && {
            let (before, e) = (self.queue.get(from - 1), self.queue.get(from));
            before.done_ms == e.done_ms && before.id > e.id
        } {
            self.queue.swap(from - 1, from);
            from -= 1;
        }
        // Positions `from..` changed: their minima are rebuilt (those before
        // `from` that a moved event had displaced are still displaced by it).
        self.min.truncate(from);
        for n in from..self.queue.end() {
            self.min.push(n, self.queue.get(n).event_time_ms);
        }
    }
}
