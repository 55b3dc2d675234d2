//! The web-traffic preset: page views grouped into sessions per visitor.

use super::{micro_batch, Preset};
use crate::config::*;
use crate::time::{HOUR_MS, MINUTE_MS, SECOND_MS};

/// "Análise de tráfego web": 2,000 visitors, four page views a second over the
/// night's declining traffic, a view every 45 s within a visit on average,
/// sessions ending after 2 minutes without a view. 3 % of (visitor, 10-minute
/// slot) pairs are phones without signal and 5 % of views are a minute or two
/// late: views arriving after the streaming watermark (2 minutes) has closed
/// their session are dropped, and a late view now and then fills the gap
/// between two sessions the stream had counted apart (merged); the hourly
/// batch, run 15 minutes after each hour, sees every session whole.
pub(super) fn preset() -> Preset {
    let base = ExperimentConfig::default();
    Preset {
        name: "web-traffic-sessions",
        config: ExperimentConfig {
            duration_ms: 3 * HOUR_MS,
            sample_every_ms: 30 * SECOND_MS,
            scenario: ScenarioConfig::Web(WebConfig {
                visitors: 2_000,
                pages_per_visit: 5.0,
                bounce_fraction: 0.4,
                think_ms: 45 * SECOND_MS,
                offline_fraction: 0.03,
                offline_ms: 10 * MINUTE_MS,
            }),
            workload: WorkloadConfig {
                rate_eps: 4.0,
                daily_profile: DailyProfile::Diurnal {
                    amplitude: 0.5,
                    peak_hour: 20.0,
                },
                bursts: vec![],
            },
            delay: DelayConfig {
                late_fraction: 0.05,
                late_mean_ms: 90.0 * SECOND_MS as f64,
                ..DelayConfig::default()
            },
            window: WindowConfig {
                kind: WindowKind::Session,
                gap_ms: 2 * MINUTE_MS,
                ..WindowConfig::default()
            },
            batch: BatchConfig {
                offset_ms: 15 * MINUTE_MS,
                ..BatchConfig::default()
            },
            streaming: StreamingConfig {
                mode: micro_batch(10 * SECOND_MS, 300, 500.0, 2),
                watermark_delay_ms: 2 * MINUTE_MS,
                output_mode: OutputMode::Append,
                ..StreamingConfig::default()
            },
            ..base
        },
    }
}
