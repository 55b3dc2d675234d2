//! The run's metric samples folded into at most a chart's worth of points,
//! so that a day-long run draws as fast as a minute-long one.

use bslab_engine::{PipelineSample, Sample};

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (n, sum) = values.fold((0u32, 0.0), |(n, s), v| (n + 1, s + v));
    if n == 0 {
        0.0
    } else {
        sum / f64::from(n)
    }
}

fn merge_pipeline(bucket: &[Sample], pick: fn(&Sample) -> &PipelineSample) -> PipelineSample {
    let last = bucket.last().map(pick).copied().unwrap_or_default();
    let p50: Vec<f64> = bucket
        .iter()
        .filter_map(|s| pick(s).latency_p50_ms.map(|v| v as f64))
        .collect();
    PipelineSample {
        waiting: bucket.iter().map(|s| pick(s).waiting).max().unwrap_or(0),
        throughput_eps: mean(bucket.iter().map(|s| pick(s).throughput_eps)),
        freshness_ms: bucket
            .iter()
            .map(|s| pick(s).freshness_ms)
            .max()
            .unwrap_or(0),
        latency_p50_ms: (!p50.is_empty()).then(|| mean(p50.into_iter()).round() as u64),
        latency_p99_ms: bucket.iter().filter_map(|s| pick(s).latency_p99_ms).max(),
        oldest_waiting_ms: bucket
            .iter()
            .filter_map(|s| pick(s).oldest_waiting_ms)
            .max(),
        ..last
    }
}

/// At most `max_points` chart points: consecutive samples merged in equal buckets.
/// Counters (processed, cost) are the bucket's last value, rates its mean, and the
/// quantities whose peaks matter (backlog, staleness, p99 latency) its maximum, so
/// that a spike is never smoothed away.
pub fn downsample(samples: &[Sample], max_points: usize) -> Vec<Sample> {
    if samples.len() <= max_points.max(1) {
        return samples.to_vec();
    }
    let size = samples.len().div_ceil(max_points.max(1));
    samples
        .chunks(size)
        .map(|bucket| {
            let last = bucket.last().copied().unwrap_or_default();
            Sample {
                arrival_rate_eps: mean(bucket.iter().map(|s| s.arrival_rate_eps)),
                batch: merge_pipeline(bucket, |s| &s.batch),
                streaming: merge_pipeline(bucket, |s| &s.streaming),
                ..last
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_keeps_peaks_and_the_last_counters() {
        let samples: Vec<Sample> = (0..1_000)
            .map(|i| {
                let mut s = Sample {
                    t_ms: i * 1_000,
                    generated: i as u64,
                    ..Sample::default()
                };
                s.batch.waiting = if i == 500 { 9_999 } else { 1 };
                s.batch.processed = i as u64;
                s
            })
            .collect();
        let d = downsample(&samples, 100);
        assert_eq!(d.len(), 100);
        assert_eq!(
            d.last().map(|s| (s.t_ms, s.batch.processed)),
            Some((999_000, 999))
        );
        assert_eq!(d.iter().map(|s| s.batch.waiting).max(), Some(9_999));
        assert_eq!(downsample(&samples[..50], 100).len(), 50);
    }
}
