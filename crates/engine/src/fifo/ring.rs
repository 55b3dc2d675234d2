//! A double-ended queue addressed by position, for the queues' events.
//!
//! Positions number every value pushed, from 0; value `n` sits at `n & (len −
//! 1)` of a power-of-two buffer, so finding it is a mask, with no wrap-around
//! test, and both ends are plain counters. The queues read events by
//! position (the keyed queue by arrival number), and at the rate of one push
//! and one pop per event `VecDeque`'s index arithmetic cost about 20
//! instructions per call.

/// Values at positions `first..end`.
#[derive(Debug, Clone)]
pub(super) struct Ring<T> {
    buf: Vec<T>,
    first: u64,
    end: u64,
}

impl<T: Copy + Default> Default for Ring<T> {
    fn default() -> Self {
        Self {
            buf: vec![T::default(); 16],
            first: 0,
            end: 0,
        }
    }
}

impl<T: Copy + Default> Ring<T> {
    /// Where position `n` sits in the buffer.
    #[inline(always)]
    fn slot(&self, n: u64) -> usize {
        (n as usize) & (self.buf.len() - 1)
    }

    /// Position of the first value (the next pushed one's if empty).
    #[inline(always)]
    pub(super) fn first(&self) -> u64 {
        self.first
    }

    /// Position the next pushed value takes.
    #[inline(always)]
    pub(super) fn end(&self) -> u64 {
        self.end
    }

    /// Values held.
    #[inline(always)]
    pub(super) fn len(&self) -> usize {
        (self.end - self.first) as usize
    }

    /// The value at position `n`: in `first..end`, or taken since the last
    /// push (its slot is rewritten only by a push).
    #[inline(always)]
    pub(super) fn get(&self, n: u64) -> &T {
        &self.buf[self.slot(n)]
    }

    /// The value at position `n` (in `first..end`), to change.
    #[inline(always)]
    pub(super) fn get_mut(&mut self, n: u64) -> &mut T {
        let slot = self.slot(n);
        &mut self.buf[slot]
    }

    /// The last value, if any.
    #[inline(always)]
    pub(super) fn back(&self) -> Option<&T> {
        (self.end > self.first).then(|| self.get(self.end - 1))
    }

    /// The first value, if any.
    #[inline(always)]
    pub(super) fn front(&self) -> Option<&T> {
        (self.end > self.first).then(|| self.get(self.first))
    }

    /// Exchanges the values at positions `a` and `b` (both in `first..end`).
    pub(super) fn swap(&mut self, a: u64, b: u64) {
        let (a, b) = (self.slot(a), self.slot(b));
        self.buf.swap(a, b);
    }

    /// Adds `x` at position `end`.
    #[inline(always)]
    pub(super) fn push_back(&mut self, x: T) {
        if self.len() == self.buf.len() {
            self.grow();
        }
        let slot = self.slot(self.end);
        self.buf[slot] = x;
        self.end += 1;
    }

    /// Removes the first value, still readable where it was until the next
    /// push: the queues hand their completing event on without copying it.
    #[inline(always)]
    pub(super) fn pop_front(&mut self) -> Option<&T> {
        let slot = (self.end > self.first).then(|| self.slot(self.first))?;
        self.first += 1;
        Some(&self.buf[slot])
    }

    /// Forgets the first value without reading it (`first < end`).
    #[inline(always)]
    pub(super) fn skip_front(&mut self) {
        self.first += 1;
    }

    /// Removes the last value.
    #[inline(always)]
    pub(super) fn pop_back(&mut self) -> Option<T> {
        let x = *self.back()?;
        self.end -= 1;
        Some(x)
    }

    /// Doubles the full buffer, each value moving to its slot in the larger one.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let mut buf = vec![T::default(); self.buf.len() * 2];
        let mask = buf.len() - 1;
        for n in self.first..self.end {
            buf[(n as usize) & mask] = *self.get(n);
        }
        self.buf = buf;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// Against `VecDeque`: the same values at both ends through growth and wrap-around.
    #[test]
    fn behaves_as_a_deque() {
        let (mut ring, mut deque) = (Ring::<u64>::default(), VecDeque::new());
        for i in 0..5_000_u64 {
            ring.push_back(i);
            deque.push_back(i);
            match i % 7 {
                0 | 3 => assert_eq!(ring.pop_front().copied(), deque.pop_front()),
                5 => assert_eq!(ring.pop_back(), deque.pop_back()),
                _ => {}
            }
            assert_eq!((ring.front(), ring.back()), (deque.front(), deque.back()));
            assert_eq!(ring.len(), deque.len());
            let first = ring.first();
            assert!(
                (first..ring.end()).all(|n| Some(ring.get(n)) == deque.get((n - first) as usize))
            );
        }
    }
}
