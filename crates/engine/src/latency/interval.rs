//! The latencies of the current sample interval, for the latency-over-time
//! chart's p50 and p99.
//!
//! At a teacher's rates an interval holds tens of events, yet a histogram
//! over their range is thousands of counters, scanned for each percentile and
//! cleared at every sample (per record at 8 events/s, more work than serving
//! the interval's events). So the first [`LISTED`] records are kept in a list,
//! whose percentiles are picked from it sorted; past that, the interval goes
//! to a histogram as before. Either way the percentiles are the histogram's:
//! the bucket a quantile falls in is the one of the k-th smallest value, and
//! its highest equivalent value is what both return.

use hdrhistogram::Histogram;

/// Records listed before the interval goes to its histogram.
const LISTED: usize = 512;

/// The interval's latencies: listed, or (past [`LISTED`]) in a histogram.
#[derive(Debug, Clone)]
pub(super) struct IntervalLatencies {
    /// (latency in ms, events), while the histogram is empty.
    listed: Vec<(u64, u64)>,
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

    /// Records `n` events of latency `ms` (within the histogram's range).
    #[inline]
    pub(super) fn record(&mut self, ms: u64, n: u64) {
        if self.listed.len() < LISTED && self.histogram.is_empty() {
            self.listed.push((ms, n));
            return;
        }
        for (v, k) in self.listed.drain(..).chain([(ms, n)]) {
            // In range by construction: record_n only fails for values beyond the bounds.
            let _ = self.histogram.record_n(v, k);
        }
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
        let count: u64 = self.listed.iter().map(|&(_, n)| n).sum();
        if count == 0 {
            self.listed.clear();
            return None;
        }
        self.listed.sort_unstable();
        let at = |quantile: f64| {
            // As `Histogram::value_at_quantile`: the first value whose running
            // count reaches ⌈q · count⌉ (at least 1).
            let wanted = ((quantile * count as f64).ceil() as u64).max(1);
            let mut running = 0;
            let v = self
                .listed
                .iter()
                .find(|&&(_, n)| {
                    running += n;
                    running >= wanted
                })
                .map_or(0, |&(v, _)| v);
            buckets.highest_equivalent(v)
        };
        let result = (at(0.50), at(0.99));
        self.listed.clear();
        Some(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Listed or in the histogram, the same percentiles as a histogram of the
    /// interval, for short and long intervals, repeated and weighted values.
    #[test]
    fn percentiles_equal_the_histogram_ones() {
        let buckets = || Histogram::<u64>::new_with_bounds(1, 1 << 40, 3);
        let Ok(whole) = buckets() else {
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
                let n = [1, 1, 1, 3, 0][i % 5];
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
