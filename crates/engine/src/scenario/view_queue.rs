//! The next views of the visits under way, earliest first, and in the order
//! they were pushed among views of the same millisecond: a calendar of
//! one-second buckets instead of one binary heap. Thousands of visits are under
//! way at 1,000 page views/s; a heap sifts each pop through all of them (a
//! cache miss per level), a bucket holds the second's views only. Views beyond
//! the calendar's horizon (a think time longer than about 17 minutes) wait in a
//! heap until the calendar reaches them.
//!
//! A bucket holds a view in 8 bytes (its millisecond within the bucket, the
//! visitor, the page, the views so far): each view is written once and read
//! about a minute of simulated time later, long after it left the cache, so
//! the calendar's size is what its cache misses scale with. Within a bucket
//! the views of one millisecond stay in the order they were pushed (the views
//! a far one joins were all pushed after it: a bucket takes its far views when
//! the horizon first reaches it, before any push can), so the
//! first-pushed-first order among them needs no sequence number: the bucket
//! is sorted when it becomes the earliest, by counting its views per
//! millisecond, a stable placement in two passes instead of a comparison
//! sort's log n. Emptied buckets keep their memory for the buckets after them.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use crate::time::TimeMs;

/// The next view of a visit under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct View {
    /// Who views (the event's `entity`).
    pub(super) visitor: u32,
    /// The page and referrer (the event's `detail`).
    pub(super) detail: u8,
    /// Views of the visit including this one.
    pub(super) views: u8,
}

/// A view in a bucket.
#[derive(Debug, Clone, Copy)]
struct Held {
    visitor: u32,
    /// Its event time's millisecond within the bucket.
    offset: u16,
    detail: u8,
    views: u8,
}

/// Width of one bucket, in ms (a [`Held::offset`] is below it).
const BUCKET_MS: TimeMs = 1_024;
/// Buckets in the calendar: views further ahead wait in `far`.
const HORIZON: usize = 1_024;

/// Pending views, earliest first (first pushed first within a millisecond).
#[derive(Debug, Clone, Default)]
pub(super) struct ViewQueue {
    /// `buckets[i]`: the views of bucket number `first + i`, those of each
    /// millisecond in push order, or sorted latest first (last pushed first
    /// within a millisecond) if it is the earliest non-empty one.
    buckets: VecDeque<Vec<Held>>,
    /// Bucket number of `buckets[0]`: that of the latest instant seen.
    first: TimeMs,
    /// Index of the earliest non-empty bucket.
    min: Option<usize>,
    /// Views at or beyond bucket `first + HORIZON`, by (time, push number).
    far: BinaryHeap<Reverse<(TimeMs, u64, View)>>,
    /// Views pushed to `far` so far: its tie-break.
    far_pushed: u64,
    /// Empty buckets with their memory, for the calendar's next buckets.
    spare: Vec<Vec<Held>>,
    /// Where a bucket is sorted into (then swapped with it).
    scratch: Vec<Held>,
    /// Event time of the earliest view: the generator peeks twice per event.
    next_time: Option<TimeMs>,
}

impl ViewQueue {
    /// Event time of the earliest view.
    pub(super) fn peek_time(&self) -> Option<TimeMs> {
        self.next_time
    }

    /// [`ViewQueue::peek_time`] found from the buckets and `far`.
    fn find_next_time(&self) -> Option<TimeMs> {
        match self.min {
            Some(i) => self.buckets[i].last().map(|h| self.time_of(i, h)),
            None => self.far.peek().map(|Reverse(v)| v.0),
        }
    }

    /// Takes the earliest view, with its event time.
    pub(super) fn pop(&mut self) -> Option<(TimeMs, View)> {
        let Some(i) = self.min else {
            let Reverse((t, _, view)) = self.far.pop()?;
            self.advance(t);
            self.next_time = self.find_next_time();
            return Some((t, view));
        };
        let held = self.buckets[i].pop()?;
        let t = self.time_of(i, &held);
        if self.buckets[i].is_empty() {
            self.min = None;
            self.find_min(i + 1);
        }
        self.advance(t);
        self.next_time = self.find_next_time();
        let view = View {
            visitor: held.visitor,
            detail: held.detail,
            views: held.views,
        };
        Some((t, view))
    }

    /// Adds `view` at event time `at`, pushed at `now` (every view held is at
    /// or after `now`, `at` too).
    pub(super) fn push(&mut self, now: TimeMs, at: TimeMs, view: View) {
        self.advance(now);
        self.next_time = Some(self.next_time.map_or(at, |t| t.min(at)));
        match self.bucket_of(at) {
            Some(i) => self.insert(i, at, view),
            None => {
                self.far_pushed += 1;
                self.far.push(Reverse((at, self.far_pushed, view)));
            }
        }
    }

    /// Index of the calendar's bucket holding `at`, if within the horizon.
    fn bucket_of(&self, at: TimeMs) -> Option<usize> {
        usize::try_from(at.div_euclid(BUCKET_MS) - self.first)
            .ok()
            .filter(|&i| i < HORIZON)
    }

    /// Event time of `held`, in bucket `i`.
    fn time_of(&self, i: usize, held: &Held) -> TimeMs {
        (self.first + i as TimeMs) * BUCKET_MS + TimeMs::from(held.offset)
    }

    fn insert(&mut self, i: usize, at: TimeMs, view: View) {
        while self.buckets.len() <= i {
            let bucket = self.spare.pop().unwrap_or_default();
            self.buckets.push_back(bucket);
        }
        let held = Held {
            visitor: view.visitor,
            offset: at.rem_euclid(BUCKET_MS) as u16,
            detail: view.detail,
            views: view.views,
        };
        match self.min {
            // Sorted latest first: after the later views, before those of its
            // millisecond (pushed before it, so taken before it).
            Some(m) if m == i => {
                let bucket = &mut self.buckets[i];
                let at = bucket.partition_point(|h| h.offset > held.offset);
                bucket.insert(at, held);
            }
            Some(m) if m < i => self.buckets[i].push(held),
            // The new earliest bucket: it was empty, so one view is sorted.
            // The one it replaces, sorted latest first, is reversed: its
            // views of each millisecond are then in push order again, before
            // any pushed to it later.
            earlier => {
                if let Some(m) = earlier {
                    self.buckets[m].reverse();
                }
                self.buckets[i].push(held);
                self.min = Some(i);
            }
        }
    }

    /// Moves the calendar's first bucket to `now`'s (every view held is at or
    /// after `now`, so the buckets dropped are empty) and brings the far views
    /// the horizon now reaches into it. Asked at every push and pop, and
    /// almost always still in the same bucket: that test is inline, the move
    /// out of line (its call saved six registers for nothing, 5 % of a run).
    #[inline]
    fn advance(&mut self, now: TimeMs) {
        let to = now.div_euclid(BUCKET_MS);
        if to > self.first {
            self.advance_to(to);
        }
    }

    /// [`ViewQueue::advance`] to bucket number `to`, after the first.
    #[inline(never)]
    fn advance_to(&mut self, to: TimeMs) {
        let steps = usize::try_from(to - self.first).unwrap_or(usize::MAX);
        let dropped = steps.min(self.buckets.len());
        self.min = self.min.and_then(|m| m.checked_sub(dropped));
        // Every bucket is empty when none is the earliest: the far views then
        // start the calendar afresh.
        let kept = if self.min.is_none() {
            0
        } else {
            self.buckets.len() - dropped
        };
        while self.buckets.len() > kept {
            if let Some(bucket) = self.buckets.pop_front() {
                self.spare.push(bucket);
            }
        }
        self.first = to;
        while let Some(&Reverse((at, _, view))) = self.far.peek() {
            let Some(i) = self.bucket_of(at) else { break };
            self.far.pop();
            self.insert(i, at, view);
        }
    }

    /// Makes the first non-empty bucket from `from` on the earliest, sorted.
    fn find_min(&mut self, from: usize) {
        let found = (from..self.buckets.len()).find(|&j| !self.buckets[j].is_empty());
        if let Some(j) = found {
            self.sort_bucket(j);
        }
        self.min = found;
    }

    /// Sorts bucket `j`, each millisecond's views in push order, latest first
    /// and, within a millisecond, last pushed first (so that popping from the end takes the
    /// earliest, first pushed first).
    fn sort_bucket(&mut self, j: usize) {
        const SLOTS: usize = BUCKET_MS as usize;
        let bucket = &mut self.buckets[j];
        // Counting pays a pass over the slots: small buckets sort by insertion (stable,
        // as the order within a millisecond must be; not `sort_by_key`, whose stable
        // sort compiled for this one caller was 3 KB of the page's wasm).
        if bucket.len() < 64 {
            bucket.reverse();
            for i in 1..bucket.len() {
                let mut j = i;
                while j > 0 && bucket[j - 1].offset < bucket[j].offset {
                    bucket.swap(j - 1, j);
                    j -= 1;
                }
            }
            return;
        }
        // `starts[k + 1]` counts the views `k` slots before the bucket's last millisecond.
        let mut starts = [0u32; SLOTS + 1];
        for h in bucket.iter() {
            starts[SLOTS - usize::from(h.offset)] += 1;
        }
        for k in 1..=SLOTS {
            starts[k] += starts[k - 1];
        }
        self.scratch.clear();
        self.scratch.resize(
            bucket.len(),
            Held {
                visitor: 0,
                offset: 0,
                detail: 0,
                views: 0,
            },
        );
        for h in bucket.iter().rev() {
            let k = SLOTS - 1 - usize::from(h.offset);
            self.scratch[starts[k] as usize] = *h;
            starts[k] += 1;
        }
        std::mem::swap(bucket, &mut self.scratch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Views come out in (time, push order) order, as from a heap keyed by
    /// (time, sequence number), with times within a bucket, across buckets
    /// and beyond the horizon, and many views per millisecond.
    #[test]
    fn views_come_out_in_time_then_push_order() {
        let mut queue = ViewQueue::default();
        let mut heap = BinaryHeap::new();
        let mut now = 0;
        let mut x: u64 = 12_345;
        for step in 0..40_000u32 {
            // A deterministic mix of short and very long think times.
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let think = match (x >> 33) % 10 {
                0 => 2_000_000 + (x >> 40) as TimeMs % 500_000,
                1..=3 => (x >> 40) as TimeMs % 3,
                _ => (x >> 40) as TimeMs % 90_000,
            };
            let view = View {
                visitor: step,
                detail: (step % 30) as u8,
                views: (step % 200) as u8,
            };
            queue.push(now, now + think, view);
            heap.push(Reverse((now + think, step, view)));
            if step % 3 != 0 {
                let expected = heap.pop().map(|Reverse((t, _, v))| (t, v));
                assert_eq!(queue.peek_time(), expected.map(|v| v.0));
                let got = queue.pop();
                assert_eq!(got, expected, "step {step}");
                now = got.map_or(now, |v| v.0);
            }
        }
        while let Some(Reverse((t, _, v))) = heap.pop() {
            assert_eq!(queue.pop(), Some((t, v)));
        }
        assert_eq!((queue.pop(), queue.peek_time()), (None, None));
    }

    /// A view takes 8 bytes in the calendar.
    #[test]
    fn a_held_view_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Held>(), 8);
    }
}
