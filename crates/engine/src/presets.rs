//! Built-in experiment presets: one per scenario and the classic lessons. A
//! new scenario's presets live in its module (`Registered::presets`) and
//! come after these.
//!
//! Each is a complete [`ExperimentConfig`] (`bslab config --preset NAME` prints
//! it as JSON, a starting point to edit). Titles and lessons are prose for
//! people: they live in the app's string tables, one per language, keyed by
//! the preset's name.

mod late_rules;
mod sessions;
mod web;
mod windows;

use crate::config::*;
use crate::time::{DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};

/// A named, described experiment.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable machine name (used in URLs, by the CLI and as the key of its
    /// title and lesson in the app's string tables).
    pub name: &'static str,
    /// The experiment.
    pub config: ExperimentConfig,
}

fn sales() -> ScenarioConfig {
    ScenarioConfig::Sales(SalesConfig {
        categories: 6,
        mean_amount_cents: 8_000,
    })
}

fn micro_batch(trigger_ms: i64, overhead_ms: i64, cost_us: f64, workers: u32) -> StreamingMode {
    StreamingMode::MicroBatch {
        trigger_ms,
        batch_overhead_ms: overhead_ms,
        per_event_cost_us: cost_us,
        workers,
    }
}

/// Every built-in preset, in the order the app lists them.
pub fn all() -> Vec<Preset> {
    let base = ExperimentConfig::default();
    let mut presets = vec![
        Preset {
            name: "sales-daily-vs-live",
            config: ExperimentConfig {
                duration_ms: 3 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 20.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                ..base.clone()
            },
        },
        Preset {
            name: "batch-late-but-cheap",
            config: ExperimentConfig {
                duration_ms: 2 * DAY_MS,
                sample_every_ms: 10 * MINUTE_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 30.0,
                    daily_profile: DailyProfile::Diurnal {
                        amplitude: 0.6,
                        peak_hour: 20.0,
                    },
                    bursts: vec![],
                },
                window: WindowConfig {
                    size_ms: HOUR_MS,
                    ..WindowConfig::default()
                },
                batch: BatchConfig {
                    interval_ms: DAY_MS,
                    offset_ms: 2 * HOUR_MS,
                    startup_ms: 5 * MINUTE_MS,
                    per_event_cost_us: 500.0,
                    workers: 8,
                },
                streaming: StreamingConfig {
                    mode: micro_batch(10 * SECOND_MS, 500, 500.0, 2),
                    watermark_delay_ms: MINUTE_MS,
                    output_mode: OutputMode::Update,
                    ..StreamingConfig::default()
                },
                ..base.clone()
            },
        },
        Preset {
            name: "streaming-falls-behind",
            config: ExperimentConfig {
                duration_ms: 2 * HOUR_MS,
                sample_every_ms: 15 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 50.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![Burst {
                        start_ms: 30 * MINUTE_MS,
                        duration_ms: 15 * MINUTE_MS,
                        multiplier: 8.0,
                    }],
                },
                streaming: StreamingConfig {
                    mode: micro_batch(5 * SECOND_MS, 500, 4_000.0, 1),
                    watermark_delay_ms: 30 * SECOND_MS,
                    output_mode: OutputMode::Update,
                    ..StreamingConfig::default()
                },
                ..base.clone()
            },
        },
        Preset {
            name: "late-data-watermark",
            config: ExperimentConfig {
                duration_ms: 2 * HOUR_MS,
                sample_every_ms: 15 * SECOND_MS,
                scenario: ScenarioConfig::Social(SocialConfig {
                    posts: 20,
                    zipf_exponent: 1.1,
                }),
                workload: WorkloadConfig {
                    rate_eps: 15.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                delay: DelayConfig {
                    mean_ms: 1_000.0,
                    jitter_ms: 500.0,
                    late_fraction: 0.05,
                    late_mean_ms: 3.0 * MINUTE_MS as f64,
                },
                window: WindowConfig {
                    size_ms: MINUTE_MS,
                    ..WindowConfig::default()
                },
                streaming: StreamingConfig {
                    mode: micro_batch(5 * SECOND_MS, 200, 300.0, 2),
                    watermark_delay_ms: 30 * SECOND_MS,
                    output_mode: OutputMode::Append,
                    ..StreamingConfig::default()
                },
                ..base.clone()
            },
        },
        Preset {
            name: "social-viral-post",
            config: ExperimentConfig {
                duration_ms: 3 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: ScenarioConfig::Social(SocialConfig {
                    posts: 50,
                    zipf_exponent: 1.2,
                }),
                workload: WorkloadConfig {
                    rate_eps: 25.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![Burst {
                        start_ms: 50 * MINUTE_MS,
                        duration_ms: 20 * MINUTE_MS,
                        multiplier: 3.0,
                    }],
                },
                ..base.clone()
            },
        },
        Preset {
            name: "fraud-time-is-money",
            config: ExperimentConfig {
                duration_ms: 4 * HOUR_MS,
                sample_every_ms: 30 * SECOND_MS,
                scenario: ScenarioConfig::Fraud(FraudConfig {
                    cards: 5_000,
                    mean_amount_cents: 6_000,
                    alert_threshold: 5,
                    bursts_per_hour: 2.0,
                    burst_transactions: 12,
                    burst_duration_ms: 4 * MINUTE_MS,
                }),
                workload: WorkloadConfig {
                    rate_eps: 5.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                window: WindowConfig {
                    size_ms: 5 * MINUTE_MS,
                    ..WindowConfig::default()
                },
                streaming: StreamingConfig {
                    mode: micro_batch(2 * SECOND_MS, 200, 300.0, 2),
                    watermark_delay_ms: MINUTE_MS,
                    output_mode: OutputMode::Update,
                    ..StreamingConfig::default()
                },
                ..base.clone()
            },
        },
        Preset {
            name: "queue-mm1",
            config: ExperimentConfig {
                duration_ms: HOUR_MS,
                sample_every_ms: 10 * SECOND_MS,
                scenario: sales(),
                workload: WorkloadConfig {
                    rate_eps: 8.0,
                    daily_profile: DailyProfile::Flat,
                    bursts: vec![],
                },
                delay: DelayConfig {
                    mean_ms: 0.0,
                    jitter_ms: 0.0,
                    late_fraction: 0.0,
                    late_mean_ms: 0.0,
                },
                streaming: StreamingConfig {
                    mode: StreamingMode::Continuous {
                        workers: 1,
                        service: ServiceTime::Exponential,
                        service_mean_ms: 100.0,
                    },
                    watermark_delay_ms: 10 * SECOND_MS,
                    output_mode: OutputMode::Update,
                    ..StreamingConfig::default()
                },
                ..base
            },
        },
    ];
    presets.push(crate::scenario::iot_preset());
    presets.extend(windows::presets());
    presets.extend(sessions::presets());
    if let Some(spark) = presets.iter().find(|p| p.name == "late-data-watermark") {
        presets.push(late_rules::spark_vs_flink(spark));
    }
    presets.push(web::preset());
    // Then each registered scenario's own (`crate::scenario::registry`).
    presets.extend(ScenarioConfig::presets());
    presets
}

/// The preset named `name`.
pub fn by_name(name: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid_and_uniquely_named() {
        let presets = all();
        for p in &presets {
            assert!(
                p.config.validate().is_ok(),
                "{}: {:?}",
                p.name,
                p.config.validate()
            );
        }
        let mut names: Vec<_> = presets.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), presets.len());
    }
}
