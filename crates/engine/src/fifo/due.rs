//! The queue's keyed completions, taken in (completion, id) order: a wheel of
//! one-millisecond slots over the next [`SLOTS`] ms, and a heap for the rest.
//!
//! ```text
//! base            base + SLOTS
//!  │ slot = done mod SLOTS │   later completions ─► `far` (a heap)
//!  ▼  (ids, largest first) ▼
//! ```
//! Completions are taken in non-decreasing order, and nearly every service
//! ends within a second of its start: in a slot, a key costs a push and a
//! pop, and finding the next completion a scan of an occupancy bit map,
//! where a heap of the hundred keys in service at 1,000 events/s took seven
//! levels of comparisons and moves per pop (the largest cost of per-record
//! mode). Keys outside the wheel's span go to `far`; the next completion is
//! the lesser of both, so the order is the heap's whatever the services.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::time::TimeMs;

/// Fewest workers for which the wheel is used: with a few keys in service a
/// heap is two or three levels deep, cheaper than the wheel's slot and bit
/// map (one worker at 8 events/s: 5 % more CPU time through the wheel).
pub(super) const WHEEL_FROM_WORKERS: u32 = 5;

/// Milliseconds the wheel spans: ten mean services of 100 ms (a few keys in
/// 10,000 go to the heap), 24 KB of slots.
const SLOTS: usize = 1_024;
const WORDS: usize = SLOTS / 64;

/// A keyed completion: (completion instant, id, arrival number).
pub(super) type Key = (TimeMs, u64, u64);

/// Keyed completions, earliest (completion, id) first.
#[derive(Debug, Clone)]
pub(super) struct Due {
    /// No key in the wheel completes before `base` nor at or after `base +
    /// SLOTS`: `base` is the last completion taken, never more than any key
    /// left, so a slot holds one instant's keys.
    base: TimeMs,
    /// (id, arrival number) of the keys completing at each instant, the
    /// smallest id last (taken by `pop`).
    slots: Box<[Vec<(u64, u64)>; SLOTS]>,
    /// Which slots hold keys.
    occupied: [u64; WORDS],
    /// Earliest completion in the wheel (`TimeMs::MAX`: empty).
    first: TimeMs,
    /// Keys in the wheel.
    in_wheel: usize,
    /// Keys completing outside the wheel's span when keyed, or every key
    /// without the wheel.
    far: BinaryHeap<Reverse<Key>>,
    /// Whether keys go to the wheel at all ([`WHEEL_FROM_WORKERS`]).
    wheel: bool,
}

/// The slot of instant `t`.
#[inline(always)]
fn slot(t: TimeMs) -> usize {
    (t as usize) & (SLOTS - 1)
}

impl Due {
    /// Keyed completions of a queue with `workers` workers.
    pub(super) fn new(workers: u32) -> Self {
        Self {
            base: 0,
            slots: Box::new(std::array::from_fn(|_| Vec::new())),
            occupied: [0; WORDS],
            first: TimeMs::MAX,
            in_wheel: 0,
            far: BinaryHeap::new(),
            wheel: workers >= WHEEL_FROM_WORKERS,
        }
    }

    /// Keys a completion. Always inlined: out of line (the command line's
    /// build) its call and register saves cost as much as its work.
    #[inline(always)]
    pub(super) fn push(&mut self, (done, id, n): Key) {
        if !self.wheel || (done.wrapping_sub(self.base) as u64) >= SLOTS as u64 {
            self.far.push(Reverse((done, id, n)));
            return;
        }
        let s = slot(done);
        let keys = &mut self.slots[s];
        keys.push((id, n));
        // Ids mostly grow with arrivals: the new key usually goes first.
        let mut i = keys.len() - 1;
        while i > 0 && keys[i - 1].0 < id {
            keys[i] = keys[i - 1];
            i -= 1;
        }
        keys[i] = (id, n);
        self.occupied[s / 64] |= 1 << (s % 64);
        self.first = self.first.min(done);
        self.in_wheel += 1;
    }

    /// Whether the next key is `far`'s: the wheel is empty, or `far`'s first
    /// comes before the wheel's first.
    #[inline(always)]
    fn next_is_far(&self) -> bool {
        let Some(&Reverse((done, id, _))) = self.far.peek() else {
            return false;
        };
        if self.in_wheel == 0 {
            return true;
        }
        let wheel_id = self.slots[slot(self.first)].last().map(|k| k.0);
        wheel_id.is_none_or(|w| (done, id) < (self.first, w))
    }

    /// When the next key completes (`TimeMs::MAX` if none).
    #[inline]
    pub(super) fn next_done(&self) -> TimeMs {
        let far = self.far.peek().map_or(TimeMs::MAX, |&Reverse((d, _, _))| d);
        self.first.min(far)
    }

    /// Takes the next key. Always inlined, as [`Due::push`].
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Option<Key> {
        if self.next_is_far() {
            let Reverse(key) = self.far.pop()?;
            self.base = self.base.max(key.0);
            return Some(key);
        }
        if self.in_wheel == 0 {
            return None;
        }
        let done = self.first;
        let s = slot(done);
        let (id, n) = self.slots[s].pop()?;
        self.in_wheel -= 1;
        self.base = done;
        if self.slots[s].is_empty() {
            self.occupied[s / 64] &= !(1 << (s % 64));
            self.first = self.next_occupied(s).map_or(TimeMs::MAX, |next| {
                done + ((next + SLOTS - s) & (SLOTS - 1)) as TimeMs
            });
        }
        Some((done, id, n))
    }

    /// The first occupied slot after `s`, going round the wheel.
    #[inline]
    fn next_occupied(&self, s: usize) -> Option<usize> {
        if self.in_wheel == 0 {
            return None;
        }
        let (word, bit) = (s / 64, s % 64);
        let rest = self.occupied[word] & (!1_u64).wrapping_shl(bit as u32);
        if rest != 0 {
            return Some(word * 64 + rest.trailing_zeros() as usize);
        }
        (1..=WORDS).find_map(|k| {
            let w = (word + k) % WORDS;
            let bits = self.occupied[w];
            (bits != 0).then(|| w * 64 + bits.trailing_zeros() as usize)
        })
    }

    /// Keys waiting.
    pub(super) fn len(&self) -> usize {
        self.in_wheel + self.far.len()
    }

    /// The arrival numbers of every key, in no order: the occupied slots'
    /// (found by their bits: twice a sample, where a look at all 1,024 slots
    /// cost as much as 500 events at 8 events/s),
    /// then the heap's.
    pub(super) fn arrivals(&self) -> impl Iterator<Item = u64> + '_ {
        let words = if self.in_wheel == 0 { 0 } else { WORDS };
        let wheel = (0..words).flat_map(move |w| {
            let mut bits = self.occupied[w];
            std::iter::from_fn(move || {
                let b = bits.trailing_zeros() as usize;
                bits &= bits.wrapping_sub(1);
                (b < 64).then_some(w * 64 + b)
            })
            .flat_map(move |s| self.slots[s].iter().map(|&(_, n)| n))
        });
        wheel.chain(self.far.iter().map(|&Reverse((_, _, n))| n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Against one heap: the same keys in the same order, with completions
    /// within the wheel's span, past it, and at the same instant.
    #[test]
    fn takes_keys_in_the_order_of_one_heap() {
        for workers in [1, WHEEL_FROM_WORKERS] {
            same_order_as_one_heap(Due::new(workers));
        }
    }

    fn same_order_as_one_heap(mut due: Due) {
        let mut rng = ChaCha8Rng::seed_from_u64(16);
        let mut heap = BinaryHeap::new();
        let mut now: TimeMs = 0;
        for n in 0..50_000_u64 {
            let spread = [3, 900, 5_000][(n % 3) as usize];
            // Unique ids, in no order (as delays reorder arrivals).
            let id = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
            let key = (now + rng.random_range(0..spread), id, n);
            due.push(key);
            heap.push(Reverse(key));
            assert_eq!(due.len(), heap.len());
            while rng.random_bool(0.5) {
                let expected = heap.pop().map(|Reverse(k)| k);
                assert_eq!(due.pop(), expected);
                now = now.max(expected.map_or(now, |k| k.0));
                let next = heap.peek().map_or(TimeMs::MAX, |Reverse(k)| k.0);
                assert_eq!(due.next_done(), next);
            }
        }
        let mut listed: Vec<u64> = due.arrivals().collect();
        let mut expected: Vec<u64> = heap.iter().map(|Reverse(k)| k.2).collect();
        listed.sort_unstable();
        expected.sort_unstable();
        assert_eq!(listed, expected);
        while let Some(Reverse(k)) = heap.pop() {
            assert_eq!(due.pop(), Some(k));
        }
        assert_eq!((due.pop(), due.next_done()), (None, TimeMs::MAX));
    }
}
