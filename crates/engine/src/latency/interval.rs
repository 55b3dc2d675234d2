//! The latencies of the current sample interval, for the latency-over-time
//! chart's p50 and p99.
//!
//! At a teacher's rates an interval holds tens of events, yet a histogram
//! over their range is thousands of counters, scanned for each percentile and
//! cleared at every sample (per record at 8 events/s, more work than serving
//! the interval's events). So the first [`LISTED`] latencies are kept in a
//! list (an event counted `n` times listed `n` times), whose two order
//! statistics are taken when the interval's percentiles are read
//! ([`order_statistics`]); past that the interval goes to a histogram as
//! before. Either way the percentiles are the histogram's: the bucket a quantile
//! falls in is the one of the k-th smallest value, and its highest equivalent
//! value is what both return.

use hdrhistogram::Histogram;

use crate::TimeMs;

/// Records listed before the interval goes to its histogram (16 KB at most): the
/// sales preset at its own rate publishes about 600 latencies per 30-second sample, which
/// at 512 went to the histogram and cleared it at every sample (10 % of that run's
/// instructions; docs/performance.md).
const LISTED: usize = 2048;

/// The interval's latencies: listed, or (past [`LISTED`]) in a histogram.
#[derive(Debug, Clone)]
pub(super) struct IntervalLatencies {
    /// One event's latency each, in ms, while the histogram is empty (as
    /// [`TimeMs`]: see the module's doc).
    listed: Vec<TimeMs>,
    histogram: Histogram<u64>,
}

impl IntervalLatencies {
    /// Empty; `histogram` (empty) has the buckets of the whole run's one.
    pub(super) fn new(histogram: Histogram<u64>) -> Self {
        Self {
            listed: Vec::new(),
            histogram,
        }
    }

    /// Lists one latency `ms` (within the histogram's range) if the list has
    /// room and the histogram is unused; false otherwise (the caller counts
    /// it). At a few events per sample every one is listed straight away,
    /// without being counted first.
    #[inline]
    pub(super) fn try_list(&mut self, ms: u64) -> bool {
        if self.listed.len() < LISTED && self.histogram.is_empty() {
            self.listed.push(ms as TimeMs);
            return true;
        }
        false
    }

    /// Records `n` events of latency `ms` (within the histogram's range).
    /// Several events of one latency are listed `n` times while the list has
    /// room: the single events' latencies come counted per millisecond
    /// ([`super::pending`]), and sending every count above one to the
    /// histogram made each sample clear it (a `memset` of tens of KB per
    /// sample, more than serving the interval's events at 8 events/s).
    #[inline]
    pub(super) fn record(&mut self, ms: u64, n: u64) {
        let room = LISTED.saturating_sub(self.listed.len()) as u64;
        if n <= room && self.histogram.is_empty() {
            // Within the histogram's range, far below i64::MAX; n ≤ LISTED.
            self.listed
                .extend(std::iter::repeat_n(ms as TimeMs, n as usize));
            return;
        }
        // In range by construction: record_n only fails for values beyond the bounds.
        for v in self.listed.drain(..) {
            let _ = self.histogram.record(v as u64);
        }
        let _ = self.histogram.record_n(ms, n);
    }

    /// (p50, p99) of the interval, as `buckets` (a histogram with the same
    /// buckets) gives them; None if it holds no event. Then empties it.
    pub(super) fn take(&mut self, buckets: &Histogram<u64>) -> Option<(u64, u64)> {
        if !self.histogram.is_empty() {
            let result = (
                self.histogram.value_at_quantile(0.50),
                self.histogram.value_at_quantile(0.99),
            );
            self.histogram.reset();
            return Some(result);
        }
        let count = self.listed.len();
        if count == 0 {
            return None;
        }
        // As `Histogram::value_at_quantile`: the value whose rank (from 1)
        // is ⌈q · count⌉, at least 1; p99's rank is at or after p50's.
        let rank = |quantile: f64| ((quantile * count as f64).ceil() as usize).clamp(1, count);
        let (median, p99) = (rank(0.50) - 1, rank(0.99) - 1);
        let (at_median, at_p99) = order_statistics(&mut self.listed, median, p99);
        let (at_median, at_p99) = (at_median as u64, at_p99 as u64);
        self.listed.clear();
        Some((
            buckets.highest_equivalent(at_median),
            buckets.highest_equivalent(at_p99),
        ))
    }
}

/// The `median`-th and `p99`-th smallest of `list` (from 0, `median ≤ p99 <
/// len`), leaving it in any order. Natively two selections, cheaper than a
/// sort of a list in completion order (31 against 55 instructions per event
/// per record). In wasm a sort of `TimeMs`, which the engine has already for
/// event times: the selection would be 3 KB more code in the page for a list
/// of at most [`LISTED`]. The same values either way: they are order
/// statistics.
fn order_statistics(list: &mut [TimeMs], median: usize, p99: usize) -> (TimeMs, TimeMs) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (_, &mut at_median, above) = list.select_nth_unstable(median);
        let at_p99 = match p99.checked_sub(median + 1) {
            Some(i) => *above.select_nth_unstable(i).1,
            None => at_median,
        };
        (at_median, at_p99)
    }
    #[cfg(target_arch = "wasm32")]
    {
        list.sort_unstable();
        (list[median], list[p99])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Listed or in the histogram, the same percentiles as a histogram of the
    /// interval, for short and long intervals, repeated and weighted values
    /// (even rounds: single events only).
    #[test]
    fn percentiles_equal_the_histogram_ones() {
        let Ok(whole) = Histogram::<u64>::new_with_bounds(1, 1 << 40, 3) else {
            panic!("valid bounds");
        };
        let mut listed = IntervalLatencies::new(whole.clone());
        let mut x: u64 = 7;
        for (round, len) in [0, 1, 2, 3, 10, 99, 100, 511, 512, 513, 2_000, 5]
            .into_iter()
            .enumerate()
        {
            let mut reference = whole.clone();
            for i in 0..len {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let ms = (x >> 20) % [3, 1_000, 100_000, 1 << 39][i % 4];
                // Single events only in even rounds (the list up to LISTED).
                let n = if round % 2 == 0 {
                    1
                } else {
                    [1, 1, 1, 3, 0][i % 5]
                };
                listed.record(ms, n);
                let _ = reference.record_n(ms, n);
            }
            let expected = (!reference.is_empty()).then(|| {
                (
                    reference.value_at_quantile(0.50),
                    reference.value_at_quantile(0.99),
                )
            });
            assert_eq!(
                listed.take(&whole),
                expected,
                "round {round}: {len} records"
            );
        }
    }
}
