//! Events in transit: generated, not yet arrived.
//!
//! A min-heap keyed by (arrival time, id): ties break by generation order, so
//! the arrival order is a pure function of the seed.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::event::Event;
use crate::time::TimeMs;

#[derive(Debug)]
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

/// Events on their way to the processing system.
#[derive(Debug, Default)]
pub(crate) struct Transit {
    heap: BinaryHeap<ByArrival>,
}

impl Transit {
    pub(crate) fn push(&mut self, event: Event) {
        self.heap.push(ByArrival(event));
    }

    /// The next event to arrive, if it arrives at or before `until`.
    #[inline]
    pub(crate) fn pop_until(&mut self, until: TimeMs) -> Option<Event> {
        if self.heap.peek()?.0.arrival_time_ms <= until {
            self.heap.pop().map(|e| e.0)
        } else {
            None
        }
    }

    /// Arrival time of the next event to arrive.
    pub(crate) fn next_arrival(&self) -> Option<TimeMs> {
        self.heap.peek().map(|e| e.0.arrival_time_ms)
    }

    /// Events in transit.
    pub(crate) fn len(&self) -> u64 {
        self.heap.len() as u64
    }
}
