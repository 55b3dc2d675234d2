//! Shared builders for the engine's integration tests.
#![allow(dead_code)]

use bslab_engine::*;

/// A micro-batch streaming config.
pub fn micro_batch(
    trigger_ms: i64,
    overhead_ms: i64,
    cost_us: f64,
    workers: u32,
    watermark_delay_ms: i64,
    output: OutputMode,
) -> StreamingConfig {
    StreamingConfig {
        mode: StreamingMode::MicroBatch {
            trigger_ms,
            batch_overhead_ms: overhead_ms,
            per_event_cost_us: cost_us,
            workers,
        },
        watermark_delay_ms,
        output_mode: output,
        ..StreamingConfig::default()
    }
}

/// A continuous streaming config.
pub fn continuous(workers: u32, service: ServiceTime, mean_ms: f64) -> StreamingConfig {
    StreamingConfig {
        mode: StreamingMode::Continuous {
            workers,
            service,
            service_mean_ms: mean_ms,
        },
        watermark_delay_ms: 60_000,
        output_mode: OutputMode::Update,
        ..StreamingConfig::default()
    }
}

/// One example config per scenario.
pub fn scenarios() -> Vec<ScenarioConfig> {
    vec![
        ScenarioConfig::Sales(SalesConfig {
            categories: 5,
            mean_amount_cents: 5_000,
        }),
        ScenarioConfig::Social(SocialConfig {
            posts: 30,
            zipf_exponent: 1.1,
        }),
        ScenarioConfig::Fraud(FraudConfig {
            cards: 50,
            mean_amount_cents: 4_000,
            alert_threshold: 2,
            bursts_per_hour: 6.0,
            burst_transactions: 8,
            burst_duration_ms: 120_000,
        }),
        // No outages here: they make late data, which these configs avoid.
        ScenarioConfig::Iot(IotConfig {
            sensors: 80,
            mean_centi: 2_000,
            noise_centi: 200,
            alert_above_centi: 2_600,
            anomalies_per_hour: 6.0,
            anomaly_readings: 5,
            anomaly_duration_ms: 120_000,
            offline_fraction: 0.0,
            offline_ms: 600_000,
        }),
        ScenarioConfig::Web(WebConfig {
            visitors: 300,
            offline_fraction: 0.0,
            ..WebConfig::default()
        }),
    ]
}

/// An hourly batch job with ample capacity: it waits a minute for late data and
/// finishes each run in seconds, so its results are complete.
pub fn hourly_batch() -> BatchConfig {
    BatchConfig {
        interval_ms: 3_600_000,
        offset_ms: 60_000,
        startup_ms: 10_000,
        per_event_cost_us: 10.0,
        workers: 4,
    }
}

/// No very late data, bounded jitter.
pub fn on_time_delay() -> DelayConfig {
    DelayConfig {
        mean_ms: 400.0,
        jitter_ms: 100.0,
        late_fraction: 0.0,
        late_mean_ms: 0.0,
    }
}

/// A queueing experiment: Poisson arrivals at `rate_eps` with no ingestion
/// delay (so the arrival process is exactly the one theory assumes), the
/// default scenario and batch, and `streaming` as given.
pub fn queue(
    seed: u64,
    duration_ms: i64,
    rate_eps: f64,
    streaming: StreamingConfig,
) -> ExperimentConfig {
    ExperimentConfig {
        seed,
        duration_ms,
        workload: WorkloadConfig {
            rate_eps,
            ..WorkloadConfig::default()
        },
        delay: DelayConfig {
            mean_ms: 0.0,
            jitter_ms: 0.0,
            late_fraction: 0.0,
            late_mean_ms: 0.0,
        },
        streaming,
        ..ExperimentConfig::default()
    }
}
