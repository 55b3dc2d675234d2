//! Single events' latencies counted per millisecond until the histograms are
//! read.
//!
//! Update mode scores every row a micro-batch kept when the batch ends, and
//! per-record mode every event it serves: two HDR histogram records each (the
//! run's and the interval's), about fifty instructions apiece, the largest
//! per-event cost of a micro-batch. At 1,000 events/s a sample interval holds
//! tens of thousands of latencies within a few thousand distinct milliseconds,
//! so they are counted here per millisecond and handed to the histograms once
//! per distinct value, with its count, before anything reads them
//! ([`super::LatencyRecorder::flush`]). A histogram is a count per bucket: the
//! same values with the same counts give the same histogram, in whatever order
//! and grouping they come.

/// Latencies counted here: 0 to `SPAN − 1` ms (a micro-batch's are seconds);
/// longer ones go to the histograms at once.
const SPAN: usize = 1 << 15;
/// Bits of the map of counted milliseconds.
const WORD: usize = u64::BITS as usize;

/// Counts of latencies per millisecond, not yet in the histograms.
#[derive(Debug, Default)]
pub(super) struct PendingLatencies {
    /// `counts[ms]`: events of latency `ms` (allocated at the first).
    counts: Vec<u16>,
    /// Bit `ms % 64` of word `ms / 64` is set when `counts[ms] > 0`.
    counted: Vec<u64>,
    /// Words of `counted` that may have a bit set (0: no count held): a
    /// drain scans only those, the milliseconds up to the longest latency
    /// counted (a few seconds' worth: tens of words, not all 512).
    words: usize,
}

/// A copy holds the counts only when there are some: every simulation step ends
/// with a flush, so a run's checkpoints (the page keeps up to 24 copies of a run)
/// copy no empty 68 KB of counts per pipeline.
impl Clone for PendingLatencies {
    fn clone(&self) -> Self {
        if self.words > 0 {
            Self {
                counts: self.counts.clone(),
                counted: self.counted.clone(),
                words: self.words,
            }
        } else {
            Self::default()
        }
    }
}

impl PendingLatencies {
    /// Counts one event of latency `ms`; false if it is not counted here (too
    /// long, or its count full): the caller records it at once.
    #[inline]
    pub(super) fn add(&mut self, ms: u64) -> bool {
        self.add_n(ms, 1)
    }

    /// Counts `n` events of latency `ms`, as [`PendingLatencies::add`] does one.
    #[inline]
    pub(super) fn add_n(&mut self, ms: u64, n: u64) -> bool {
        let Ok(n) = u16::try_from(n) else {
            return false;
        };
        if ms >= SPAN as u64 {
            return false;
        }
        let i = ms as usize;
        match (self.counts.get_mut(i), self.counted.get_mut(i / WORD)) {
            (Some(count), Some(word)) => {
                let Some(more) = count.checked_add(n) else {
                    return false;
                };
                *count = more;
                *word |= 1 << (i % WORD);
                self.words = self.words.max(i / WORD + 1);
                true
            }
            _ => self.add_first(i, n),
        }
    }

    /// [`PendingLatencies::add_n`] of the first latency: allocates the counts.
    #[cold]
    #[inline(never)]
    fn add_first(&mut self, i: usize, n: u16) -> bool {
        self.counts = vec![0; SPAN];
        self.counted = vec![0; SPAN / WORD];
        self.add_n(i as u64, u64::from(n))
    }

    /// Whether no count is held.
    pub(super) fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// Hands each counted latency to `record(ms, count)`, in increasing `ms`,
    /// and empties the counts (keeping their memory).
    pub(super) fn drain(&mut self, mut record: impl FnMut(u64, u64)) {
        for (w, word) in self.counted.iter_mut().enumerate().take(self.words) {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let i = w * WORD + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(count) = self.counts.get_mut(i) {
                    record(i as u64, u64::from(std::mem::take(count)));
                }
            }
        }
        self.words = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every latency counted comes out once with its count, in order; those
    /// out of range or past a full count are refused.
    #[test]
    fn counts_come_out_once_in_order() {
        let mut p = PendingLatencies::default();
        assert!(p.is_empty());
        for ms in [5, 3, 5, 0, SPAN as u64 - 1, 5] {
            assert!(p.add(ms), "{ms}");
        }
        assert!(!p.add(SPAN as u64));
        assert!(!p.add(u64::MAX));
        let mut out = Vec::new();
        p.drain(|ms, n| out.push((ms, n)));
        assert_eq!(out, [(0, 1), (3, 1), (5, 3), (SPAN as u64 - 1, 1)]);
        assert!(p.is_empty());
        assert!(p.clone().counts.is_empty(), "an empty copy holds no counts");
        p.drain(|_, _| panic!("drained twice"));
        for _ in 0..u16::MAX {
            assert!(p.add(7));
        }
        assert!(!p.add(7), "a full count refuses");
        let mut copy = p.clone();
        let mut copied = Vec::new();
        copy.drain(|ms, n| copied.push((ms, n)));
        out.clear();
        p.drain(|ms, n| out.push((ms, n)));
        assert_eq!(copied, out, "a copy holds the same counts");
        assert_eq!(out, [(7, u64::from(u16::MAX))]);
        assert!(p.add_n(9, 40_000) && p.add_n(9, 25_535));
        assert!(!p.add_n(9, 1), "a full count refuses");
        assert!(!p.add_n(8, 1 << 16), "a count past u16 is refused");
        out.clear();
        p.drain(|ms, n| out.push((ms, n)));
        assert_eq!(out, [(9, u64::from(u16::MAX))]);
    }
}
