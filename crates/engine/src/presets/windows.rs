//! Presets of the overlapping window kinds: sliding ("the last 10 minutes,
//! every minute") and cumulative ("today so far").

use super::{micro_batch, sales, Preset};
use crate::config::*;
use crate::time::{DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};

/// The sliding and cumulative presets, in the order the app lists them.
pub(super) fn presets() -> Vec<Preset> {
    let base = ExperimentConfig::default();
    vec![
        Preset {
            // A moving total: every minute, the sales of the last 10 minutes.
            // Some orders arrive minutes late, so a few windows drop them.
            name: "sliding-moving-average",
            config: ExperimentConfig {
                duration_ms: 2 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 10.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                delay: DelayConfig {
                    late_fraction: 0.03,
                    late_mean_ms: 3.0 * MINUTE_MS as f64,
                    ..DelayConfig::default()
                },
                window: WindowConfig {
                    kind: WindowKind::Sliding,
                    size_ms: 10 * MINUTE_MS,
                    slide_ms: MINUTE_MS,
                    ..WindowConfig::default()
                },
                streaming: StreamingConfig {
                    mode: micro_batch(10 * SECOND_MS, 300, 500.0, 2),
                    watermark_delay_ms: MINUTE_MS,
                    output_mode: OutputMode::Append,
                },
                ..base.clone()
            },
        },
        Preset {
            // "Sales today so far": a window from midnight growing every hour;
            // the nightly batch publishes the same totals the next day.
            name: "cumulative-sales-today",
            config: ExperimentConfig {
                duration_ms: DAY_MS,
                sample_every_ms: 5 * MINUTE_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 5.0,
                    daily_profile: DailyProfile::Diurnal {
                        amplitude: 0.6,
                        peak_hour: 20.0,
                    },
                    bursts: vec![],
                },
                window: WindowConfig {
                    kind: WindowKind::Cumulative,
                    size_ms: DAY_MS,
                    slide_ms: HOUR_MS,
                    ..WindowConfig::default()
                },
                batch: BatchConfig {
                    interval_ms: DAY_MS,
                    offset_ms: 2 * HOUR_MS,
                    ..BatchConfig::default()
                },
                streaming: StreamingConfig {
                    mode: micro_batch(30 * SECOND_MS, 500, 500.0, 2),
                    watermark_delay_ms: 5 * MINUTE_MS,
                    output_mode: OutputMode::Update,
                },
                ..base
            },
        },
    ]
}
