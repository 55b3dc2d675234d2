//! The next views of the visits under way, earliest first, and in the order
//! they were pushed among views of the same millisecond: a calendar of
//! one-second buckets instead of one binary heap. Thousands of visits are under
//! way at 1,000 page views/s; a heap sifts each pop through all of them (a
//! cache miss per level), a bucket holds the second's views only. Views beyond
//! the calendar's horizon (a think time longer than about 17 minutes) wait in a
//! heap until the calendar reaches them.
//!
//! The calendar is a ring of [`HORIZON`] buckets: bucket number `b` (event
//! times `b × BUCKET_MS` on) is slot `b mod HORIZON`, so a push finds its bucket
//! with a mask and no bookkeeping (the buckets before the first are empty, and
//! each slot keeps its memory for the bucket `HORIZON` after it).
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
//! sort's log n.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

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
/// Buckets in the calendar, a power of two (a bucket's slot is its number's
/// low bits): views further ahead wait in `far`.
const HORIZON: usize = 1_024;

/// Pending views, earliest first (first pushed first within a millisecond).
#[derive(Debug, Clone)]
pub(super) struct ViewQueue {
    /// `buckets[b mod HORIZON]`: the views of bucket number `b`, for `first ≤
    /// b < first + HORIZON` (every other slot is empty), those of each
    /// millisecond in push order, or sorted latest first (last pushed first
    /// within a millisecond) if it is the earliest non-empty one.
    buckets: Box<[Vec<Held>; HORIZON]>,
    /// Bucket number of the latest view taken: none is held before it.
    first: TimeMs,
    /// One past the latest bucket number a view was put in: the search for
    /// the earliest bucket stops there.
    end: TimeMs,
    /// Number of the earliest non-empty bucket.
    min: Option<TimeMs>,
    /// Views at or beyond bucket `first + HORIZON`, by (time, push number).
    far: BinaryHeap<Reverse<(TimeMs, u64, View)>>,
    /// Views pushed to `far` so far: its tie-break.
    far_pushed: u64,
    /// Where a bucket is sorted into (then swapped with it).
    scratch: Vec<Held>,
    /// Event time of the earliest view: the generator peeks twice per event.
    next_time: Option<TimeMs>,
}

impl Default for ViewQueue {
    fn default() -> Self {
        Self {
            buckets: Box::new(std::array::from_fn(|_| Vec::new())),
            first: 0,
            end: 0,
            min: None,
            far: BinaryHeap::new(),
            far_pushed: 0,
            scratch: Vec::new(),
            next_time: None,
        }
    }
}

impl ViewQueue {
    /// Event time of the earliest view.
    pub(super) fn peek_time(&self) -> Option<TimeMs> {
        self.next_time
    }

    /// [`ViewQueue::peek_time`] found from the buckets and `far`.
    fn find_next_time(&self) -> Option<TimeMs> {
        match self.min {
            Some(b) => self.slot(b).last().map(|h| time_of(b, h)),
            None => self.far.peek().map(|Reverse(v)| v.0),
        }
    }

    /// Takes the earliest view, with its event time.
    pub(super) fn pop(&mut self) -> Option<(TimeMs, View)> {
        let Some(b) = self.min else {
            let Reverse((t, _, view)) = self.far.pop()?;
            self.advance(t.div_euclid(BUCKET_MS));
            self.next_time = self.find_next_time();
            return Some((t, view));
        };
        let bucket = self.slot_mut(b);
        let held = bucket.pop()?;
        let next = bucket.last().map(|h| time_of(b, h));
        if next.is_none() {
            self.find_min(b + 1);
        }
        self.advance(b);
        // The views `advance` brings in are beyond this bucket: a view left
        // in it is still the earliest.
        self.next_time = next.or_else(|| self.find_next_time());
        let view = View {
            visitor: held.visitor,
            detail: held.detail,
            views: held.views,
        };
        Some((time_of(b, &held), view))
    }

    /// Adds `view` at event time `at`, at or after that of every view taken.
    #[inline]
    pub(super) fn push(&mut self, at: TimeMs, view: View) {
        if self.next_time.is_none_or(|t| at < t) {
            self.next_time = Some(at);
        }
        let b = at.div_euclid(BUCKET_MS);
        if self.reaches(b) {
            self.insert(b, at, view);
        } else {
            self.far_pushed += 1;
            self.far.push(Reverse((at, self.far_pushed, view)));
        }
    }

    /// Whether bucket number `b` (not before the first) is within the horizon.
    fn reaches(&self, b: TimeMs) -> bool {
        usize::try_from(b - self.first).is_ok_and(|i| i < HORIZON)
    }

    /// The slot of bucket number `b`.
    fn slot(&self, b: TimeMs) -> &Vec<Held> {
        &self.buckets[slot_of(b)]
    }

    /// The slot of bucket number `b`, to change.
    fn slot_mut(&mut self, b: TimeMs) -> &mut Vec<Held> {
        &mut self.buckets[slot_of(b)]
    }

    /// Puts `view` at `at` into bucket `b`, within the horizon. Inline: a
    /// bucket after the earliest, as almost every push is, takes it at its end.
    #[inline]
    fn insert(&mut self, b: TimeMs, at: TimeMs, view: View) {
        let held = Held {
            visitor: view.visitor,
            offset: at.rem_euclid(BUCKET_MS) as u16,
            detail: view.detail,
            views: view.views,
        };
        self.end = self.end.max(b + 1);
        match self.min {
            Some(m) if m < b => self.slot_mut(b).push(held),
            earliest => self.insert_earliest(b, held, earliest),
        }
    }

    /// [`ViewQueue::insert`] into the earliest bucket `min`, or into an
    /// earlier one (then the new earliest).
    #[inline(never)]
    fn insert_earliest(&mut self, b: TimeMs, held: Held, min: Option<TimeMs>) {
        if min == Some(b) {
            // Sorted latest first: after the later views, before those of its
            // millisecond (pushed before it, so taken before it).
            let bucket = self.slot_mut(b);
            let at = bucket.partition_point(|h| h.offset > held.offset);
            bucket.insert(at, held);
            return;
        }
        // The new earliest bucket: it was empty, so one view is sorted. The
        // one it replaces, sorted latest first, is reversed: its views of each
        // millisecond are then in push order again, before any pushed to it later.
        if let Some(m) = min {
            self.slot_mut(m).reverse();
        }
        self.slot_mut(b).push(held);
        self.min = Some(b);
    }

    /// Moves the calendar's first bucket to number `to` (every view held is in
    /// it or after it). Asked at every pop, and almost always still in the same
    /// bucket: that test is inline, the move out of line.
    #[inline]
    fn advance(&mut self, to: TimeMs) {
        if to > self.first {
            self.advance_to(to);
        }
    }

    /// [`ViewQueue::advance`] to bucket number `to`, after the first: the
    /// buckets passed are empty, and the far views the horizon now reaches
    /// move into theirs (the slots of empty buckets).
    #[inline(never)]
    fn advance_to(&mut self, to: TimeMs) {
        self.first = to;
        while let Some(&Reverse((at, _, view))) = self.far.peek() {
            let b = at.div_euclid(BUCKET_MS);
            if !self.reaches(b) {
                break;
            }
            self.far.pop();
            self.insert(b, at, view);
        }
    }

    /// Makes the first non-empty bucket from number `from` on the earliest, sorted.
    fn find_min(&mut self, from: TimeMs) {
        self.min = (from..self.end).find(|&b| !self.slot(b).is_empty());
        if let Some(b) = self.min {
            self.sort_bucket(b);
        }
    }

    /// Sorts bucket `b`, each millisecond's views in push order, latest first
    /// and, within a millisecond, last pushed first (so that popping from the end takes the
    /// earliest, first pushed first).
    fn sort_bucket(&mut self, b: TimeMs) {
        const SLOTS: usize = BUCKET_MS as usize;
        let bucket = &mut self.buckets[slot_of(b)];
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

/// The slot of bucket number `b` in the ring: its low bits (the mask keeps the
/// index below [`HORIZON`], so it needs no bounds check).
fn slot_of(b: TimeMs) -> usize {
    (b & (HORIZON as TimeMs - 1)) as usize
}

/// Event time of `held`, in bucket number `b`.
fn time_of(b: TimeMs, held: &Held) -> TimeMs {
    b * BUCKET_MS + TimeMs::from(held.offset)
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
            queue.push(now + think, view);
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
