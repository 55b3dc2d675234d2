//! The session-window preset: shopping sessions per category that end after
//! five quiet minutes, with a few late orders that join two sessions.

use super::{micro_batch, Preset};
use crate::config::*;
use crate::time::{HOUR_MS, MINUTE_MS, SECOND_MS};

/// The session preset, in the order the app lists it.
pub(super) fn presets() -> Vec<Preset> {
    vec![Preset {
        // 40 categories at 0.1 orders/s: a category sees an order every
        // 6–7 minutes on average, so some gaps exceed five minutes and a
        // session ends; 5 % of orders arrive minutes late.
        name: "sales-sessions",
        config: ExperimentConfig {
            duration_ms: 4 * HOUR_MS,
            sample_every_ms: MINUTE_MS,
            scenario: ScenarioConfig::Sales(SalesConfig {
                categories: 40,
                mean_amount_cents: 8_000,
            }),
            workload: WorkloadConfig {
                rate_eps: 0.1,
                daily_profile: DailyProfile::Flat,
                bursts: vec![],
            },
            delay: DelayConfig {
                late_fraction: 0.05,
                late_mean_ms: 4.0 * MINUTE_MS as f64,
                ..DelayConfig::default()
            },
            window: WindowConfig {
                kind: WindowKind::Session,
                gap_ms: 5 * MINUTE_MS,
                ..WindowConfig::default()
            },
            batch: BatchConfig {
                interval_ms: HOUR_MS,
                offset_ms: 10 * MINUTE_MS,
                ..BatchConfig::default()
            },
            streaming: StreamingConfig {
                mode: micro_batch(30 * SECOND_MS, 500, 500.0, 2),
                watermark_delay_ms: MINUTE_MS,
                output_mode: OutputMode::Append,
                ..StreamingConfig::default()
            },
            ..ExperimentConfig::default()
        },
    }]
}
