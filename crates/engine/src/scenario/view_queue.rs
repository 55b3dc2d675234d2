//! The next views of the visits under way, in (event time, sequence) order:
//! a calendar of one-second buckets instead of one binary heap. Thousands of
//! visits are under way at 1,000 page views/s; a heap sifts each pop through
//! all of them (a cache miss per level), a bucket holds the second's views
//! only. Views beyond the calendar's horizon (a think time longer than about
//! 17 minutes) wait in a heap until the calendar reaches them.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use crate::time::TimeMs;

/// The next view of a visit: (event time, sequence number, visitor, detail,
/// views of the visit including this one); the sequence number breaks ties in
/// creation order.
pub(super) type NextView = (TimeMs, u64, u32, u8, u32);

/// Width of one bucket, in ms.
const BUCKET_MS: TimeMs = 1_024;
/// Buckets in the calendar: views further ahead wait in `far`.
const HORIZON: usize = 1_024;

/// Pending views, earliest (time, sequence) first.
#[derive(Debug, Clone, Default)]
pub(super) struct ViewQueue {
    /// `buckets[i]`: the views of bucket number `first + i`.
    buckets: VecDeque<Vec<NextView>>,
    /// Bucket number of `buckets[0]`: that of the latest instant seen.
    first: TimeMs,
    /// Index of the earliest non-empty bucket, kept sorted latest first.
    min: Option<usize>,
    /// Views at or beyond bucket `first + HORIZON`.
    far: BinaryHeap<Reverse<NextView>>,
}

impl ViewQueue {
    /// Event time of the earliest view.
    pub(super) fn peek_time(&self) -> Option<TimeMs> {
        match self.min {
            Some(i) => self.buckets[i].last().map(|v| v.0),
            None => self.far.peek().map(|Reverse(v)| v.0),
        }
    }

    /// Takes the earliest view.
    pub(super) fn pop(&mut self) -> Option<NextView> {
        let Some(i) = self.min else {
            let Reverse(v) = self.far.pop()?;
            self.advance(v.0);
            return Some(v);
        };
        let v = self.buckets[i].pop()?;
        if self.buckets[i].is_empty() {
            self.min = None;
            self.find_min(i + 1);
        }
        self.advance(v.0);
        Some(v)
    }

    /// Adds `view`, scheduled at `now` (every view held is at or after `now`).
    pub(super) fn push(&mut self, now: TimeMs, view: NextView) {
        self.advance(now);
        let at = view.0.div_euclid(BUCKET_MS) - self.first;
        match usize::try_from(at) {
            Ok(i) if i < HORIZON => self.insert(i, view),
            _ => self.far.push(Reverse(view)),
        }
    }

    fn insert(&mut self, i: usize, view: NextView) {
        if self.buckets.len() <= i {
            self.buckets.resize_with(i + 1, Vec::new);
        }
        let bucket = &mut self.buckets[i];
        match self.min {
            Some(m) if m == i => {
                let at = bucket.partition_point(|v| (v.0, v.1) > (view.0, view.1));
                bucket.insert(at, view);
            }
            Some(m) if m < i => bucket.push(view),
            // The new earliest bucket: it was empty, so one view is sorted.
            _ => {
                bucket.push(view);
                self.min = Some(i);
            }
        }
    }

    /// Moves the calendar's first bucket to `now`'s (every view held is at or
    /// after `now`, so the buckets dropped are empty) and brings the far views
    /// the horizon now reaches into it.
    fn advance(&mut self, now: TimeMs) {
        let to = now.div_euclid(BUCKET_MS);
        if to <= self.first {
            return;
        }
        let steps = usize::try_from(to - self.first).unwrap_or(usize::MAX);
        let dropped = steps.min(self.buckets.len());
        self.buckets.drain(..dropped);
        self.min = self.min.and_then(|m| m.checked_sub(dropped));
        self.first = to;
        if self.min.is_none() {
            // Every bucket is empty: the far views start the calendar afresh.
            self.buckets.clear();
        }
        while let Some(Reverse(v)) = self.far.peek() {
            let at = v.0.div_euclid(BUCKET_MS) - self.first;
            match usize::try_from(at) {
                Ok(i) if i < HORIZON => {
                    let v = *v;
                    self.far.pop();
                    self.insert(i, v);
                }
                _ => break,
            }
        }
    }

    /// Makes the first non-empty bucket from `from` on the earliest, sorted.
    fn find_min(&mut self, from: usize) {
        let found = (from..self.buckets.len()).find(|&j| !self.buckets[j].is_empty());
        if let Some(j) = found {
            self.buckets[j].sort_unstable_by_key(|v| Reverse((v.0, v.1)));
        }
        self.min = found;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Views come out in (time, sequence) order, as from a heap, with times
    /// within a bucket, across buckets and beyond the horizon.
    #[test]
    fn views_come_out_in_time_then_sequence_order() {
        let mut queue = ViewQueue::default();
        let mut heap = BinaryHeap::new();
        let mut now = 0;
        let mut seq = 0;
        let mut x: u64 = 12_345;
        for step in 0..20_000 {
            // A deterministic mix of short and very long think times.
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let think = match (x >> 33) % 10 {
                0 => 2_000_000 + (x >> 40) as TimeMs % 500_000,
                1..=3 => (x >> 40) as TimeMs % 3,
                _ => (x >> 40) as TimeMs % 90_000,
            };
            seq += 1;
            let view = (now + think, seq, step, 0, 1);
            queue.push(now, view);
            heap.push(Reverse(view));
            if step % 3 != 0 {
                let expected = heap.pop().map(|Reverse(v)| v);
                assert_eq!(queue.peek_time(), expected.map(|v| v.0));
                let got = queue.pop();
                assert_eq!(got, expected);
                now = got.map_or(now, |v| v.0);
            }
        }
        while let Some(Reverse(v)) = heap.pop() {
            assert_eq!(queue.pop(), Some(v));
        }
        assert_eq!((queue.pop(), queue.peek_time()), (None, None));
    }
}
