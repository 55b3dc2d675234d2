//! Flink's time accounting of a task, per worker pool of the streaming pipeline:
//! milliseconds per second **busy** (processing), **backpressured** (holding
//! output the next stage cannot take yet) and **idle** (waiting for input),
//! adding up to 1,000. A pure mapping of the engine's samples: the workers' busy
//! time is their busy worker-time; the source's backpressured time is the
//! engine's (`Sample::streaming_backpressured_ms`). Reading costs nothing in the
//! model, so the source is never busy; publishing never blocks, so the workers
//! are never backpressured.

use bslab_engine::{Sample, StreamingMode};

/// One pool's second, in ms: the three add up to 1,000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PoolTime {
    /// Processing events.
    pub busy: u32,
    /// Holding events the next stage cannot take yet.
    pub backpressured: u32,
    /// Waiting for events.
    pub idle: u32,
}

impl PoolTime {
    /// From shares of the time (each clamped to [0, 1]); idle is the rest.
    fn of(busy: f64, backpressured: f64) -> Self {
        let ms = |share: f64| (share.clamp(0.0, 1.0) * 1_000.0).round() as u32;
        let busy = ms(busy);
        let backpressured = ms(backpressured).min(1_000 - busy);
        Self {
            busy,
            backpressured,
            idle: 1_000 - busy - backpressured,
        }
    }
}

/// The streaming pipeline's two pools over one stretch of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FlinkPools {
    /// The source, which hands arrived events to the workers.
    pub source: PoolTime,
    /// The workers.
    pub workers: PoolTime,
}

/// The pools' time per second between samples `a` and `b` (None if no time passed).
pub fn between(a: &Sample, b: &Sample, workers: u32) -> Option<FlinkPools> {
    let seconds = (b.t_ms - a.t_ms) as f64 / 1_000.0;
    if seconds <= 0.0 {
        return None;
    }
    let busy = (b.streaming.busy_worker_s - a.streaming.busy_worker_s)
        / (f64::from(workers.max(1)) * seconds);
    let held = (b.streaming_backpressured_ms - a.streaming_backpressured_ms) / 1_000.0 / seconds;
    Some(FlinkPools {
        source: PoolTime::of(0.0, held),
        workers: PoolTime::of(busy, 0.0),
    })
}

/// Over the last sample interval, and over the whole run so far.
pub fn latest_and_run(
    samples: &[Sample],
    mode: &StreamingMode,
) -> (Option<FlinkPools>, Option<FlinkPools>) {
    let (StreamingMode::MicroBatch { workers, .. } | StreamingMode::Continuous { workers, .. }) =
        *mode;
    match (
        samples.first(),
        samples.len().checked_sub(2).and_then(|i| samples.get(i)),
        samples.last(),
    ) {
        (Some(first), Some(before), Some(last)) => (
            between(before, last, workers),
            between(first, last, workers),
        ),
        _ => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(t_ms: i64, busy_worker_s: f64, held_ms: f64) -> Sample {
        let mut s = Sample {
            t_ms,
            streaming_backpressured_ms: held_ms,
            ..Sample::default()
        };
        s.streaming.busy_worker_s = busy_worker_s;
        s
    }

    #[test]
    fn every_pool_adds_up_to_a_thousand() {
        // Two workers busy 1.5 worker-seconds in 2 s: 375 ms/s each; source held 0.5 s.
        let pools =
            between(&sample(0, 0.0, 0.0), &sample(2_000, 1.5, 500.0), 2).expect("time passed");
        assert_eq!(
            pools.workers,
            PoolTime {
                busy: 375,
                backpressured: 0,
                idle: 625
            }
        );
        assert_eq!(
            pools.source,
            PoolTime {
                busy: 0,
                backpressured: 250,
                idle: 750
            }
        );
        for share in [0.0, 0.3333, 0.9996, 1.7] {
            let p = PoolTime::of(share, share);
            assert_eq!(p.busy + p.backpressured + p.idle, 1_000, "{share}");
        }
        assert_eq!(between(&sample(5, 0.0, 0.0), &sample(5, 1.0, 0.0), 1), None);
    }
}
