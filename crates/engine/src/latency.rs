//! Result latency: from an event's `event_time` until the first published result
//! that includes it.
//!
//! Percentiles come from an HDR histogram (bounded memory, 3 significant
//! digits); count, mean and max are exact. The current sample interval's
//! latencies are kept apart ([`interval`]), for the latency-over-time chart.
//! Single events' latencies reach both histograms in groups ([`pending`]):
//! the interval's at each sample, the run's when a step ends. At a few
//! events per sample nearly every latency is a distinct millisecond, so a
//! sample's counts are one HDR record each; counted again across the step,
//! they reach the run's histogram once per distinct millisecond of the step.

mod interval;
mod pending;

use hdrhistogram::Histogram;

use interval::IntervalLatencies;
use pending::PendingLatencies;
use serde::{Deserialize, Serialize};

use crate::time::TimeMs;
use crate::window::{Session, TimeHist};

/// Largest latency the histograms hold, in ms (longer values are clamped): two years.
const MAX_TRACKED_MS: u64 = 2 * 366 * 24 * 3_600_000;

/// Summary of a latency distribution, in ms. All fields are 0 when `count` is 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct LatencySummary {
    /// Number of events measured.
    pub count: u64,
    /// Mean, in ms (exact).
    pub mean: f64,
    /// Median, in ms (3 significant digits).
    pub p50: u64,
    /// 95th percentile, in ms.
    pub p95: u64,
    /// 99th percentile, in ms.
    pub p99: u64,
    /// Maximum, in ms (exact).
    pub max: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct LatencyRecorder {
    total: Histogram<u64>,
    interval: IntervalLatencies,
    /// Single events' latencies not yet in `total` and `interval`.
    pending: PendingLatencies,
    /// Latencies in `interval` and not yet in `total` ([`LatencyRecorder::settle`]).
    unsettled: PendingLatencies,
    count: u64,
    sum_ms: i128,
    max_ms: u64,
}

fn histogram() -> Histogram<u64> {
    // Constant arguments that hdrhistogram accepts (`histogram_bounds_are_valid`
    // checks them), so this cannot fail at run time whatever the config.
    #[allow(clippy::expect_used)]
    Histogram::new_with_bounds(1, MAX_TRACKED_MS, 3).expect("constant histogram bounds are valid")
}

/// The interval's histogram, past its list: the same buckets as [`histogram`]
/// (they depend only on the lowest value and the significant digits, so its
/// percentiles are the same), but grown only as far as the longest latency
/// recorded, not to two years: clearing it at every sample then costs what the
/// interval used (a few KB for seconds of latency), not 216 KB.
fn interval_histogram() -> Histogram<u64> {
    Histogram::new(3).unwrap_or_else(|_| histogram())
}

impl Default for LatencyRecorder {
    fn default() -> Self {
        Self {
            total: histogram(),
            interval: IntervalLatencies::new(interval_histogram()),
            pending: PendingLatencies::default(),
            unsettled: PendingLatencies::default(),
            count: 0,
            sum_ms: 0,
            max_ms: 0,
        }
    }
}

impl LatencyRecorder {
    /// Records `n` events of latency `ms` in the histograms only.
    #[inline]
    fn record_hist(&mut self, ms: i64, n: u64) {
        let v = (ms.max(0) as u64).min(MAX_TRACKED_MS);
        // In range by construction: record_n only fails for values beyond the bounds.
        let _ = self.total.record_n(v, n);
        self.interval.record(v, n);
    }

    /// Records one event published at `published_ms`: listed for the
    /// interval and counted for the run while the interval's list has room,
    /// counted for both otherwise (in the histograms at the next
    /// [`LatencyRecorder::flush`] and [`LatencyRecorder::settle`]). Always
    /// inlined: once per served event, and out of line (past the compiler's
    /// threshold) its call and register saves cost a quarter of its work.
    #[inline(always)]
    pub(crate) fn record(&mut self, event_time_ms: TimeMs, published_ms: TimeMs) {
        let ms = published_ms - event_time_ms;
        let v = (ms.max(0) as u64).min(MAX_TRACKED_MS);
        if self.interval.try_list(v) {
            if !self.unsettled.add(v) {
                self.record_total(v);
            }
        } else if !self.pending.add(v) {
            self.record_now(ms);
        }
        self.count += 1;
        self.sum_ms += i128::from(ms);
        self.max_ms = self.max_ms.max(ms.max(0) as u64);
    }

    /// Records every event of a window histogram published at `published_ms`.
    pub(crate) fn record_window(
        &mut self,
        times: &TimeHist,
        start: TimeMs,
        bucket_ms: TimeMs,
        published_ms: TimeMs,
    ) {
        if times.count == 0 {
            return;
        }
        for (t, n) in times.buckets(start, bucket_ms) {
            self.record_hist(published_ms - t, n);
        }
        self.count += times.count;
        self.sum_ms += i128::from(times.count) * i128::from(published_ms) - times.sum_ms;
        self.max_ms = self.max_ms.max((published_ms - times.min_ms).max(0) as u64);
    }

    /// Records the events of a session published at `published_ms`: count,
    /// mean and max exact; the histograms place them at their mean latency (a
    /// session keeps no event times, only their sum and its start).
    pub(crate) fn record_session(&mut self, session: &Session, published_ms: TimeMs) {
        let n = session.agg.count;
        if n == 0 {
            return;
        }
        let sum_event_ms = session.sum_event_ms.get();
        let mean_event_ms = (sum_event_ms / i128::from(n)) as TimeMs;
        self.record_hist(published_ms - mean_event_ms, n);
        self.count += n;
        self.sum_ms += i128::from(n) * i128::from(published_ms) - sum_event_ms;
        self.max_ms = self
            .max_ms
            .max((published_ms - session.start).max(0) as u64);
    }

    /// [`LatencyRecorder::record`] of a listed latency too long to count:
    /// rare, out of line.
    #[cold]
    #[inline(never)]
    fn record_total(&mut self, v: u64) {
        // In range: clamped by the caller.
        let _ = self.total.record(v);
    }

    /// [`LatencyRecorder::record`] of a latency too long to count: rare, out of line.
    #[cold]
    #[inline(never)]
    fn record_now(&mut self, ms: i64) {
        self.record_hist(ms, 1);
    }

    /// Puts the single events' latencies counted so far into the interval's
    /// histogram, and counts them for the run's: done before the interval is
    /// read (a sample, the end of a step).
    pub(crate) fn flush(&mut self) {
        let (total, interval, unsettled) =
            (&mut self.total, &mut self.interval, &mut self.unsettled);
        self.pending.drain(|ms, n| {
            interval.record(ms, n);
            if !unsettled.add_n(ms, n) {
                // In range: `pending` counts only latencies far below the bound.
                let _ = total.record_n(ms, n);
            }
        });
    }

    /// [`LatencyRecorder::flush`], then puts the latencies counted for the
    /// run into its histogram: done when a step ends, before the report is
    /// read (and so a checkpoint's copy holds no counts).
    pub(crate) fn settle(&mut self) {
        self.flush();
        let total = &mut self.total;
        self.unsettled.drain(|ms, n| {
            let _ = total.record_n(ms, n);
        });
    }

    /// Whole-run summary.
    pub(crate) fn summary(&self) -> LatencySummary {
        if self.count == 0 {
            return LatencySummary::default();
        }
        if !self.pending.is_empty() || !self.unsettled.is_empty() {
            // Read before the end of a step (not by the simulation, which settles first).
            let mut settled = self.clone();
            settled.settle();
            return settled.summary();
        }
        LatencySummary {
            count: self.count,
            mean: self.sum_ms as f64 / self.count as f64,
            p50: self.total.value_at_quantile(0.50),
            p95: self.total.value_at_quantile(0.95),
            p99: self.total.value_at_quantile(0.99),
            max: self.max_ms,
        }
    }

    /// (p50, p99) of what was published since the last call, then resets the interval.
    pub(crate) fn take_interval(&mut self) -> Option<(u64, u64)> {
        self.flush();
        self.interval.take(&self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_bounds_are_valid() {
        assert!(Histogram::<u64>::new_with_bounds(1, MAX_TRACKED_MS, 3).is_ok());
    }

    /// The interval's small, growing histogram gives the same percentiles as
    /// the whole-range one, from 1 ms to past the two-year clamp.
    #[test]
    fn interval_percentiles_match_the_whole_range_histogram() {
        let mut r = LatencyRecorder::default();
        let mut ms: i64 = 1;
        for i in 0..2_000_i64 {
            ms = (ms * 7 + i) % (MAX_TRACKED_MS as i64 * 2);
            r.record(0, ms);
            if i % 97 == 0 {
                r.settle();
                let whole = (
                    r.total.value_at_quantile(0.5),
                    r.total.value_at_quantile(0.99),
                );
                assert_eq!(r.take_interval(), Some(whole), "after {i} records");
                r.total.reset();
            }
        }
        assert!(r.take_interval().is_some());
    }

    /// Latencies counted before they reach the histograms give the
    /// percentiles, per interval and over the run, of latencies recorded one
    /// by one (short ones counted, long ones recorded at once); the summary
    /// is right before a flush too.
    #[test]
    fn counted_latencies_give_the_one_by_one_percentiles() {
        let mut r = LatencyRecorder::default();
        let (mut total, mut interval) = (histogram(), histogram());
        let mut x: u64 = 11;
        for i in 0..20_000_u64 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let ms = ((x >> 24) % [40_000, 9_000, 3][(i % 3) as usize]) as i64;
            r.record(0, ms);
            let v = ms.max(0) as u64;
            let _ = (total.record(v), interval.record(v));
            if i % 4_999 == 0 {
                let expected = (
                    interval.value_at_quantile(0.5),
                    interval.value_at_quantile(0.99),
                );
                assert_eq!(r.take_interval(), Some(expected), "after {i}");
                interval.reset();
            }
        }
        let s = r.summary();
        assert_eq!(s.count, 20_000);
        assert_eq!(
            (s.p50, s.p95, s.p99),
            (
                total.value_at_quantile(0.5),
                total.value_at_quantile(0.95),
                total.value_at_quantile(0.99)
            )
        );
    }

    #[test]
    fn window_latency_mean_and_max_are_exact() {
        let mut r = LatencyRecorder::default();
        r.record(100, 1_100);
        r.record(300, 1_100);
        let s = r.summary();
        assert_eq!((s.count, s.mean, s.max), (2, 900.0, 1_000));
    }
}
