//! The streaming pipeline the config asks for: micro-batch or continuous, each
//! a [`Pipeline`] of its own.

use crate::config::{StreamingConfig, StreamingMode};
use crate::continuous::{self, ContinuousParams};
use crate::microbatch::{MicroBatch, MicroBatchParams};
use crate::pipeline::Pipeline;
use crate::rng::{rng, Stream};
use crate::scenario::Scenario;
use crate::window::Geometry;

/// Builds the streaming pipeline of `cfg`; `seed` seeds per-record service times.
pub(crate) fn pipeline(
    cfg: &StreamingConfig,
    geometry: Geometry,
    scenario: Scenario,
    seed: u64,
) -> Box<dyn Pipeline> {
    let capacity_eps = cfg.mode.capacity_eps();
    match &cfg.mode {
        StreamingMode::MicroBatch {
            trigger_ms,
            batch_overhead_ms,
            per_event_cost_us,
            workers,
        } => Box::new(MicroBatch::new(
            MicroBatchParams {
                trigger_ms: *trigger_ms,
                overhead_ms: *batch_overhead_ms,
                cost_us: *per_event_cost_us,
                workers: *workers,
                watermark_delay_ms: cfg.watermark_delay_ms,
                output: cfg.output_mode,
                capacity_eps,
            },
            geometry,
            scenario,
        )),
        StreamingMode::Continuous {
            workers,
            service,
            service_mean_ms,
        } => continuous::pipeline(
            ContinuousParams {
                workers: *workers,
                service: *service,
                service_mean_ms: *service_mean_ms,
                watermark_delay_ms: cfg.watermark_delay_ms,
                output: cfg.output_mode,
                capacity_eps,
                flink: cfg.flink,
            },
            geometry,
            scenario,
            rng(seed, Stream::Service),
        ),
    }
}
