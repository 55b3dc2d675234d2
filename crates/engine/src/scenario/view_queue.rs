//! The next views of the visits under way, in (event time, sequence) order:
//! a calendar of one-second buckets instead of one binary heap. Thousands of
//! visits are under way at 1,000 page views/s; a heap sifts each pop through
//! all of them (a cache miss per level), a bucket holds the second's views
//! only. Views beyond the calendar's horizon (a think time longer than about
//! 17 minutes) wait in a heap until the calendar reaches them.
//!
//! A bucket is sorted once, when it becomes the earliest, by counting its
//! views per millisecond: views are pushed in sequence order, so a stable
//! placement by time alone gives the (time, sequence) order, in two passes
//! instead of a comparison sort's log n. Emptied buckets keep their memory for
//! the buckets after them.

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
    /// Empty buckets with their memory, for the calendar's next buckets.
    spare: Vec<Vec<NextView>>,
    /// Where a bucket is sorted into (then swapped with it).
    scratch: Vec<NextView>,
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
        while self.buckets.len() <= i {
            let bucket = self.spare.pop().unwrap_or_default();
            self.buckets.push_back(bucket);
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
            self.sort_bucket(j);
        }
        self.min = found;
    }

    /// Sorts bucket `j` latest (time, sequence) first. Its views were pushed in
    /// sequence order, so placing them by their millisecond alone, stably and
    /// latest first from the last pushed, gives that order; a view brought
    /// from `far` may break the sequence order, so the result is checked and
    /// a comparison sort (never needed at ordinary think times) repairs it.
    fn sort_bucket(&mut self, j: usize) {
        const SLOTS: usize = BUCKET_MS as usize;
        let base = (self.first + j as TimeMs) * BUCKET_MS;
        let bucket = &mut self.buckets[j];
        let latest_first = |a: &NextView, b: &NextView| (a.0, a.1) > (b.0, b.1);
        // Counting pays a pass over the slots: small buckets sort by comparison.
        let counted = bucket.len() >= 64 && {
            // `starts[k + 1]` counts the views `k` slots before the bucket's last millisecond.
            let mut starts = [0u32; SLOTS + 1];
            let slot = |v: &NextView| (v.0 - base).try_into().ok().filter(|&o: &usize| o < SLOTS);
            let fits = bucket.iter().all(|v| match slot(v) {
                Some(o) => {
                    starts[SLOTS - o] += 1;
                    true
                }
                None => false,
            });
            if fits {
                for k in 1..=SLOTS {
                    starts[k] += starts[k - 1];
                }
                self.scratch.clear();
                self.scratch.resize(bucket.len(), (0, 0, 0, 0, 0));
                for v in bucket.iter().rev() {
                    let k = SLOTS - 1 - slot(v).unwrap_or(0);
                    self.scratch[starts[k] as usize] = *v;
                    starts[k] += 1;
                }
                std::mem::swap(bucket, &mut self.scratch);
            }
            fits && bucket.is_sorted_by(latest_first)
        };
        if !counted {
            bucket.sort_unstable_by_key(|v| Reverse((v.0, v.1)));
        }
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
