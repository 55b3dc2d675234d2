//! "Late data: Spark's rules vs Flink's": the events of `late-data-watermark`
//! (same seed, scenario, delays, window and batch) through per-record
//! streaming with Flink's rules, so switching the streaming mode back to
//! micro-batch shows Spark's rules on the very same events.

use super::Preset;
use crate::config::{OutputMode, ServiceTime, StreamingConfig, StreamingMode};
use crate::flink_rules::{FlinkRules, LateDataOutput};
use crate::time::{MINUTE_MS, SECOND_MS};

/// The preset, built from the micro-batch lesson `spark` (`late-data-watermark`).
pub(super) fn spark_vs_flink(spark: &Preset) -> Preset {
    let mut config = spark.config.clone();
    config.streaming = StreamingConfig {
        // 40 events/s of capacity for 15 arriving: no queue to speak of, so
        // what differs from Spark is the late-data rules.
        mode: StreamingMode::Continuous {
            workers: 4,
            service: ServiceTime::Fixed,
            service_mean_ms: 100.0,
        },
        watermark_delay_ms: 30 * SECOND_MS,
        output_mode: OutputMode::Append,
        flink: FlinkRules {
            auto_watermark_interval_ms: 200,
            allowed_lateness_ms: 2 * MINUTE_MS,
            late_data: LateDataOutput::SideOutput,
        },
    };
    Preset {
        name: "late-data-spark-vs-flink",
        config,
    }
}
