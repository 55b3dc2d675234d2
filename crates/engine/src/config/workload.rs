//! When events arrive: the arrival process (rate, daily shape, spikes) and the
//! ingestion delay. Apart from the rest of the configuration (`config.rs`)
//! because these shape the events, not the pipelines.

use serde::{Deserialize, Serialize};

use crate::time::{TimeMs, MINUTE_MS};

/// The arrival process: Poisson at a base rate, shaped by a daily profile and bursts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkloadConfig {
    /// Base arrival rate, in events per second of event time.
    pub rate_eps: f64,
    /// Daily shape of the rate.
    pub daily_profile: DailyProfile,
    /// Spikes (flash sale, viral post) multiplying the rate for a while.
    pub bursts: Vec<Burst>,
}

impl Default for WorkloadConfig {
    fn default() -> Self {
        Self {
            rate_eps: 20.0,
            daily_profile: DailyProfile::Flat,
            bursts: Vec::new(),
        }
    }
}

/// Daily shape of the arrival rate.
// `Deserialize`: by hand in `tagged.rs` (a new variant is added there too).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DailyProfile {
    /// The same rate all day.
    Flat,
    /// A sinusoidal day: rate × (1 + amplitude·cos(2π(hour − peak_hour)/24)).
    Diurnal {
        /// Relative swing around the base rate, in `[0, 1)`.
        amplitude: f64,
        /// Hour of the day (UTC, 0–24) when the rate peaks.
        peak_hour: f64,
    },
}

/// A period during which the arrival rate is multiplied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Burst {
    /// Start, in ms of event time.
    pub start_ms: TimeMs,
    /// Duration, in ms.
    pub duration_ms: TimeMs,
    /// Rate multiplier during the burst (≥ 1).
    pub multiplier: f64,
}

/// Ingestion delay: `arrival_time = event_time + delay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DelayConfig {
    /// Mean normal delay, in ms.
    pub mean_ms: f64,
    /// Standard deviation of the normal delay (jitter), in ms; delays are cut at 0.
    pub jitter_ms: f64,
    /// Fraction of events that are very late (a phone that was offline), in `[0, 1]`.
    pub late_fraction: f64,
    /// Mean extra delay of a very late event (exponential), in ms.
    pub late_mean_ms: f64,
}

impl Default for DelayConfig {
    fn default() -> Self {
        Self {
            mean_ms: 500.0,
            jitter_ms: 200.0,
            late_fraction: 0.0,
            late_mean_ms: 5.0 * MINUTE_MS as f64,
        }
    }
}
