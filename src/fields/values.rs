//! Reading and writing one field of an [`ExperimentConfig`] as a typed value:
//! the one place that knows where each [`FieldId`] lives in the engine's config.
//! `None` means the field does not apply (another scenario or streaming mode).

use bslab_engine::{
    Burst, DailyProfile, ExperimentConfig, OutputMode, ScenarioConfig, ServiceTime, StreamingMode,
};

use super::FieldId;

/// A typed value for a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Value {
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// The index of a choice.
    Choice(usize),
}

fn to_u32(i: i64) -> u32 {
    u32::try_from(i).unwrap_or(if i < 0 { 0 } else { u32::MAX })
}

pub(super) fn read(c: &ExperimentConfig, id: FieldId) -> Option<Value> {
    use FieldId::*;
    use ScenarioConfig as S;
    let int = |i: i64| Some(Value::Int(i));
    let float = |f: f64| Some(Value::Float(f));
    match (id, &c.scenario) {
        (Seed, _) => int(i64::try_from(c.seed).unwrap_or(i64::MAX)),
        (Duration, _) => int(c.duration_ms),
        (SampleEvery, _) => int(c.sample_every_ms),
        (Categories, S::Sales { categories, .. }) => int((*categories).into()),
        (
            MeanAmount,
            S::Sales {
                mean_amount_cents: m,
                ..
            }
            | S::Fraud {
                mean_amount_cents: m,
                ..
            },
        ) => int(*m),
        (Posts, S::Social { posts, .. }) => int((*posts).into()),
        (Zipf, S::Social { zipf_exponent, .. }) => float(*zipf_exponent),
        (Cards, S::Fraud { cards, .. }) => int((*cards).into()),
        (
            AlertThreshold,
            S::Fraud {
                alert_threshold, ..
            },
        ) => int((*alert_threshold).into()),
        (
            FraudBurstsPerHour,
            S::Fraud {
                bursts_per_hour, ..
            },
        ) => float(*bursts_per_hour),
        (
            FraudBurstTransactions,
            S::Fraud {
                burst_transactions, ..
            },
        ) => int((*burst_transactions).into()),
        (
            FraudBurstDuration,
            S::Fraud {
                burst_duration_ms, ..
            },
        ) => int(*burst_duration_ms),
        (Rate, _) => float(c.workload.rate_eps),
        (Profile, _) => Some(Value::Choice(match c.workload.daily_profile {
            DailyProfile::Flat => 0,
            DailyProfile::Diurnal { .. } => 1,
        })),
        (Amplitude | PeakHour, _) => match c.workload.daily_profile {
            DailyProfile::Diurnal {
                amplitude,
                peak_hour,
            } => float(if id == Amplitude {
                amplitude
            } else {
                peak_hour
            }),
            DailyProfile::Flat => None,
        },
        (BurstStart(i), _) => c.workload.bursts.get(i).and_then(|b| int(b.start_ms)),
        (BurstDuration(i), _) => c.workload.bursts.get(i).and_then(|b| int(b.duration_ms)),
        (BurstMultiplier(i), _) => c.workload.bursts.get(i).and_then(|b| float(b.multiplier)),
        (DelayMean, _) => float(c.delay.mean_ms),
        (DelayJitter, _) => float(c.delay.jitter_ms),
        (LateFraction, _) => float(c.delay.late_fraction),
        (LateMean, _) => float(c.delay.late_mean_ms),
        (WindowSize, _) => int(c.window.size_ms),
        (BatchInterval, _) => int(c.batch.interval_ms),
        (BatchOffset, _) => int(c.batch.offset_ms),
        (BatchStartup, _) => int(c.batch.startup_ms),
        (BatchCost, _) => float(c.batch.per_event_cost_us),
        (BatchWorkers, _) => int(c.batch.workers.into()),
        (WatermarkDelay, _) => int(c.streaming.watermark_delay_ms),
        (Output, _) => Some(Value::Choice(match c.streaming.output_mode {
            OutputMode::Append => 0,
            OutputMode::Update => 1,
        })),
        _ => read_mode(&c.streaming.mode, id),
    }
}

fn read_mode(mode: &StreamingMode, id: FieldId) -> Option<Value> {
    use FieldId::*;
    match (id, mode) {
        (Mode, StreamingMode::MicroBatch { .. }) => Some(Value::Choice(0)),
        (Mode, StreamingMode::Continuous { .. }) => Some(Value::Choice(1)),
        (Trigger, StreamingMode::MicroBatch { trigger_ms, .. }) => Some(Value::Int(*trigger_ms)),
        (
            Overhead,
            StreamingMode::MicroBatch {
                batch_overhead_ms, ..
            },
        ) => Some(Value::Int(*batch_overhead_ms)),
        (
            StreamCost,
            StreamingMode::MicroBatch {
                per_event_cost_us, ..
            },
        ) => Some(Value::Float(*per_event_cost_us)),
        (
            StreamWorkers,
            StreamingMode::MicroBatch { workers, .. } | StreamingMode::Continuous { workers, .. },
        ) => Some(Value::Int((*workers).into())),
        (Service, StreamingMode::Continuous { service, .. }) => {
            Some(Value::Choice(match service {
                ServiceTime::Fixed => 0,
                ServiceTime::Exponential => 1,
            }))
        }
        (
            ServiceMean,
            StreamingMode::Continuous {
                service_mean_ms, ..
            },
        ) => Some(Value::Float(*service_mean_ms)),
        _ => None,
    }
}

pub(super) fn write(mut c: ExperimentConfig, id: FieldId, v: Value) -> Option<ExperimentConfig> {
    use FieldId::*;
    use ScenarioConfig as S;
    match (id, v, &mut c.scenario) {
        (Seed, Value::Int(i), _) => c.seed = u64::try_from(i).ok()?,
        (Duration, Value::Int(i), _) => c.duration_ms = i,
        (SampleEvery, Value::Int(i), _) => c.sample_every_ms = i,
        (Categories, Value::Int(i), S::Sales { categories, .. }) => *categories = to_u32(i),
        (
            MeanAmount,
            Value::Int(i),
            S::Sales {
                mean_amount_cents: m,
                ..
            }
            | S::Fraud {
                mean_amount_cents: m,
                ..
            },
        ) => *m = i,
        (Posts, Value::Int(i), S::Social { posts, .. }) => *posts = to_u32(i),
        (Zipf, Value::Float(f), S::Social { zipf_exponent, .. }) => *zipf_exponent = f,
        (Cards, Value::Int(i), S::Fraud { cards, .. }) => *cards = to_u32(i),
        (
            AlertThreshold,
            Value::Int(i),
            S::Fraud {
                alert_threshold, ..
            },
        ) => *alert_threshold = to_u32(i),
        (
            FraudBurstsPerHour,
            Value::Float(f),
            S::Fraud {
                bursts_per_hour, ..
            },
        ) => *bursts_per_hour = f,
        (
            FraudBurstTransactions,
            Value::Int(i),
            S::Fraud {
                burst_transactions, ..
            },
        ) => *burst_transactions = to_u32(i),
        (
            FraudBurstDuration,
            Value::Int(i),
            S::Fraud {
                burst_duration_ms, ..
            },
        ) => *burst_duration_ms = i,
        (Rate, Value::Float(f), _) => c.workload.rate_eps = f,
        (Profile, Value::Choice(0), _) => c.workload.daily_profile = DailyProfile::Flat,
        (Profile, Value::Choice(_), _) => {
            if !matches!(c.workload.daily_profile, DailyProfile::Diurnal { .. }) {
                c.workload.daily_profile = DailyProfile::Diurnal {
                    amplitude: 0.5,
                    peak_hour: 20.0,
                };
            }
        }
        (Amplitude | PeakHour, Value::Float(f), _) => match &mut c.workload.daily_profile {
            DailyProfile::Diurnal {
                amplitude,
                peak_hour,
            } => {
                *(if id == Amplitude {
                    amplitude
                } else {
                    peak_hour
                }) = f
            }
            DailyProfile::Flat => return None,
        },
        (BurstStart(i) | BurstDuration(i) | BurstMultiplier(i), v, _) => {
            write_burst(c.workload.bursts.get_mut(i)?, id, v)?
        }
        (DelayMean, Value::Float(f), _) => c.delay.mean_ms = f,
        (DelayJitter, Value::Float(f), _) => c.delay.jitter_ms = f,
        (LateFraction, Value::Float(f), _) => c.delay.late_fraction = f,
        (LateMean, Value::Float(f), _) => c.delay.late_mean_ms = f,
        (WindowSize, Value::Int(i), _) => c.window.size_ms = i,
        (BatchInterval, Value::Int(i), _) => c.batch.interval_ms = i,
        (BatchOffset, Value::Int(i), _) => c.batch.offset_ms = i,
        (BatchStartup, Value::Int(i), _) => c.batch.startup_ms = i,
        (BatchCost, Value::Float(f), _) => c.batch.per_event_cost_us = f,
        (BatchWorkers, Value::Int(i), _) => c.batch.workers = to_u32(i),
        (WatermarkDelay, Value::Int(i), _) => c.streaming.watermark_delay_ms = i,
        (Output, Value::Choice(i), _) => {
            c.streaming.output_mode = if i == 0 {
                OutputMode::Append
            } else {
                OutputMode::Update
            }
        }
        _ => write_mode(&mut c.streaming.mode, id, v)?,
    }
    Some(c)
}

fn write_burst(b: &mut Burst, id: FieldId, v: Value) -> Option<()> {
    match (id, v) {
        (FieldId::BurstStart(_), Value::Int(i)) => b.start_ms = i,
        (FieldId::BurstDuration(_), Value::Int(i)) => b.duration_ms = i,
        (FieldId::BurstMultiplier(_), Value::Float(f)) => b.multiplier = f,
        _ => return None,
    }
    Some(())
}

fn write_mode(mode: &mut StreamingMode, id: FieldId, v: Value) -> Option<()> {
    use FieldId::*;
    match (id, v, mode) {
        (Mode, Value::Choice(0), m @ StreamingMode::Continuous { .. }) => {
            *m = StreamingMode::default()
        }
        (Mode, Value::Choice(1), m @ StreamingMode::MicroBatch { .. }) => {
            // 100 events/s of capacity, with the shortest service time the
            // engine accepts (its 1 ms clock must not bias latency).
            *m = StreamingMode::Continuous {
                workers: 10,
                service: ServiceTime::Exponential,
                service_mean_ms: bslab_engine::validate::MIN_SERVICE_MEAN_MS,
            }
        }
        (Mode, Value::Choice(_), _) => {}
        (Trigger, Value::Int(i), StreamingMode::MicroBatch { trigger_ms, .. }) => *trigger_ms = i,
        (
            Overhead,
            Value::Int(i),
            StreamingMode::MicroBatch {
                batch_overhead_ms, ..
            },
        ) => *batch_overhead_ms = i,
        (
            StreamCost,
            Value::Float(f),
            StreamingMode::MicroBatch {
                per_event_cost_us, ..
            },
        ) => *per_event_cost_us = f,
        (
            StreamWorkers,
            Value::Int(i),
            StreamingMode::MicroBatch { workers, .. } | StreamingMode::Continuous { workers, .. },
        ) => *workers = to_u32(i),
        (Service, Value::Choice(i), StreamingMode::Continuous { service, .. }) => {
            *service = if i == 0 {
                ServiceTime::Fixed
            } else {
                ServiceTime::Exponential
            }
        }
        (
            ServiceMean,
            Value::Float(f),
            StreamingMode::Continuous {
                service_mean_ms, ..
            },
        ) => *service_mean_ms = f,
        _ => return None,
    }
    Some(())
}
