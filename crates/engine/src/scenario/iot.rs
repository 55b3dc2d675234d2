//! IoT monitoring: sensors read a temperature with noise; injected anomalies
//! make a sensor spike above the alert threshold; devices lose their
//! connection and upload their buffered readings late. The query keeps the
//! average and maximum per sensor per window and outputs only the windows
//! whose maximum is above the threshold: the alerts.
//!
//! Readings are the ordinary Poisson arrival process at the configured rate,
//! each from a sensor drawn uniformly (a sensor reads every `sensors / rate`
//! seconds on average, not on a strict clock), so the queueing model and the
//! conservation of events hold exactly as in the other scenarios.

use std::sync::Arc;

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::Serialize;

use super::schema::{Column, ColumnType, Field};
use super::{Bursts, GroupKey, KeyRule, Query, Registered, ScenarioKind};
use crate::config::{
    BatchConfig, DailyProfile, ExperimentConfig, OutputMode, ScenarioConfig, StreamingConfig,
    WorkloadConfig,
};
use crate::event::Event;
use crate::params::{scenario_row, Bounds, Kind, Param, Slot, Unit};
use crate::presets::Preset;
use crate::time::TimeMs;
use crate::time::{DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS};
use crate::validate::MAX_DELAY_MS;

/// The IoT scenario's config: `{"kind": "iot", …}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IotConfig {
    /// Number of sensors (group keys).
    pub sensors: u32,
    /// Mean normal reading, in hundredths of a degree Celsius.
    pub mean_centi: i64,
    /// Standard deviation of the normal readings' noise, in hundredths of a degree.
    pub noise_centi: i64,
    /// A sensor whose window maximum is above this (hundredths of a degree) raises an alert.
    pub alert_above_centi: i64,
    /// Mean number of anomalies per hour of event time.
    pub anomalies_per_hour: f64,
    /// Anomalous readings in one anomaly (all above the alert threshold).
    pub anomaly_readings: u32,
    /// Duration of one anomaly, in ms of event time.
    pub anomaly_duration_ms: TimeMs,
    /// Share of (sensor, outage slot) pairs where the sensor is offline.
    pub offline_fraction: f64,
    /// Length of an outage slot, in ms: readings taken offline arrive at its end.
    pub offline_ms: TimeMs,
}

/// `scenario.offline_fraction` and `scenario.offline_ms`, rows of IoT and web (each lists them).
pub(super) const OFFLINE_FRACTION: Param = scenario_row("scenario.offline_fraction", Kind::Float, Unit::Fraction, |_| Bounds::new(0.0, 1.0),
    "IoT and web: share of (sensor or visitor, outage slot) pairs where the device is offline.");
/// See [`OFFLINE_FRACTION`].
pub(super) const OFFLINE_MS: Param = scenario_row("scenario.offline_ms", Kind::Int, Unit::Ms, |_| Bounds::new(1.0, DAY_MS as f64),
    "IoT and web: outage slot; readings or page views taken offline arrive when it ends (the device reconnects).");

impl Registered for IotConfig {
    const FIELDS: &'static [&'static str] = &[
        "sensors",
        "mean_centi",
        "noise_centi",
        "alert_above_centi",
        "anomalies_per_hour",
        "anomaly_readings",
        "anomaly_duration_ms",
        "offline_fraction",
        "offline_ms",
    ];

    const PARAMS: &'static [Param] = &[
        scenario_row("scenario.sensors", Kind::Int, Unit::Sensors, |_| Bounds::new(1.0, 5_000.0),
            "IoT: number of sensors."),
        scenario_row("scenario.mean_centi", Kind::Int, Unit::CentiDegrees, |_| Bounds::new(1.0, 10_000.0),
            "IoT: mean normal reading."),
        scenario_row("scenario.noise_centi", Kind::Int, Unit::CentiDegrees, |_| Bounds::new(0.0, 2_000.0),
            "IoT: standard deviation of the noise of normal readings."),
        scenario_row("scenario.alert_above_centi", Kind::Int, Unit::CentiDegrees, |_| Bounds::new(0.0, 20_000.0),
            "IoT: a sensor whose window maximum is above this raises an alert."),
        scenario_row("scenario.anomalies_per_hour", Kind::Float, Unit::AnomaliesPerHour, |_| Bounds::new(0.0, 1_000.0),
            "IoT: mean number of anomalies (a sensor spikes) per hour of event time."),
        scenario_row("scenario.anomaly_readings", Kind::Int, Unit::Readings, |_| Bounds::new(1.0, 1_000.0),
            "IoT: anomalous readings in one anomaly, all above the alert threshold."),
        scenario_row("scenario.anomaly_duration_ms", Kind::Int, Unit::Ms, |_| Bounds::new(1.0, DAY_MS as f64),
            "IoT: duration of one anomaly, in event time."),
        OFFLINE_FRACTION,
        OFFLINE_MS,
    ];

    fn slots(&mut self) -> Vec<Slot<'_>> {
        vec![
            Slot::U32(&mut self.sensors),
            Slot::I64(&mut self.mean_centi),
            Slot::I64(&mut self.noise_centi),
            Slot::I64(&mut self.alert_above_centi),
            Slot::F64(&mut self.anomalies_per_hour),
            Slot::U32(&mut self.anomaly_readings),
            Slot::I64(&mut self.anomaly_duration_ms),
            Slot::F64(&mut self.offline_fraction),
            Slot::I64(&mut self.offline_ms),
        ]
    }

    fn build(&self) -> Arc<dyn ScenarioKind> {
        Arc::new(Iot::new(
            self.sensors,
            (self.mean_centi, self.noise_centi, self.alert_above_centi),
            Bursts {
                entities: self.sensors,
                per_hour: self.anomalies_per_hour,
                transactions: self.anomaly_readings,
                duration_ms: self.anomaly_duration_ms,
            },
            (self.offline_fraction, self.offline_ms),
        ))
    }
}

/// Highest step of an anomalous reading above the alert threshold, in
/// hundredths of a degree (a spike lands in `(threshold, threshold + 3 °C]`).
const SPIKE_CENTI: i64 = 300;

/// The IoT scenario.
#[derive(Debug, Clone)]
pub(crate) struct Iot {
    sensors: u32,
    mean_centi: i64,
    noise_centi: f64,
    alert_above_centi: i64,
    anomalies: Bursts,
    outages: Option<Outages>,
}

impl Iot {
    /// `sensors` reading `(mean, noise, alert threshold)` in hundredths of a
    /// degree, with `anomalies` injected and `(offline share, slot length)` outages.
    pub(crate) fn new(
        sensors: u32,
        (mean_centi, noise_centi, alert_above_centi): (i64, i64, i64),
        anomalies: Bursts,
        (offline_fraction, offline_ms): (f64, TimeMs),
    ) -> Self {
        Self {
            sensors,
            mean_centi,
            noise_centi: noise_centi as f64,
            alert_above_centi,
            anomalies,
            outages: (offline_fraction > 0.0).then_some(Outages {
                fraction: offline_fraction,
                slot_ms: offline_ms.max(1),
            }),
        }
    }
}

impl ScenarioKind for Iot {
    fn name(&self) -> &'static str {
        "iot"
    }

    fn key_rule(&self) -> KeyRule {
        KeyRule::Entity
    }

    fn key_space(&self) -> u32 {
        self.sensors
    }

    /// `detail` is 1 for an injected anomalous reading.
    fn payload_space(&self) -> (u32, u8) {
        (self.sensors, 2)
    }

    /// Always inlined natively into the generator's payload pass
    /// ([`ScenarioKind::fill_payloads`]): a call per event otherwise. Not in
    /// wasm, where the page's size counts more.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        event.entity = rng.random_range(0..self.sensors);
        event.detail = 0;
        let z: f64 = StandardNormal.sample(rng);
        let reading = crate::fmath::round_half_away(self.mean_centi as f64 + self.noise_centi * z);
        // Positive, so that an empty window's maximum (0) is below every reading.
        event.amount_cents = reading.max(1);
    }

    /// An anomalous reading: a spike above the alert threshold.
    fn amount(&self, rng: &mut ChaCha8Rng) -> i64 {
        self.alert_above_centi + rng.random_range(1..=SPIKE_CENTI)
    }

    fn decode_key(&self, key: u32) -> GroupKey {
        GroupKey::Sensor { sensor_id: key }
    }

    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("sensor_id", ColumnType::Int, Field::Entity),
            Column::new("temperature_centi", ColumnType::Long, Field::Amount),
            Column::new("injected_anomaly", ColumnType::Int, Field::Detail),
        ]
    }

    fn query(&self) -> Query {
        Query {
            keys: &["sensor_id"],
            amount: Some("temperature_centi"),
            count_above: None,
            max_above: Some(self.alert_above_centi),
        }
    }

    fn bursts(&self) -> Option<Bursts> {
        Some(self.anomalies)
    }

    fn outages(&self) -> Option<Outages> {
        self.outages
    }
}

/// The IoT preset: 200 sensors, a reading every 10 s each on average, a few
/// spikes an hour, and 5 % of ten-minute stretches offline per sensor. Streaming
/// alerts within seconds, but a watermark of one minute drops the buffered
/// readings of a sensor that reconnects ten minutes later; the hourly batch,
/// waiting 15 minutes for late data, sees them and alerts an hour later.
pub(crate) fn preset() -> Preset {
    Preset {
        name: "iot-offline-sensors",
        config: ExperimentConfig {
            duration_ms: 3 * HOUR_MS,
            sample_every_ms: 30 * SECOND_MS,
            scenario: ScenarioConfig::Iot(IotConfig {
                sensors: 200,
                mean_centi: 2_000,
                noise_centi: 150,
                alert_above_centi: 2_600,
                anomalies_per_hour: 4.0,
                anomaly_readings: 6,
                anomaly_duration_ms: 2 * MINUTE_MS,
                offline_fraction: 0.05,
                offline_ms: 10 * MINUTE_MS,
            }),
            workload: WorkloadConfig {
                rate_eps: 20.0,
                daily_profile: DailyProfile::Flat,
                bursts: vec![],
            },
            batch: BatchConfig {
                offset_ms: 15 * MINUTE_MS,
                ..BatchConfig::default()
            },
            streaming: StreamingConfig {
                watermark_delay_ms: MINUTE_MS,
                output_mode: OutputMode::Update,
                ..StreamingConfig::default()
            },
            ..ExperimentConfig::default()
        },
    }
}

/// Connection losses of devices. Each device's event time is cut into slots
/// of `slot_ms` (shifted by a phase of its own, so devices do not reconnect
/// all at once); in a share `fraction` of (device, slot) pairs the device is
/// offline, and every reading it takes then reaches the system when the slot
/// ends (it reconnects and uploads its buffer), plus its own ingestion delay.
/// Which pairs are offline is a pure function of the seed, the device and the
/// slot: the same seed gives the same outages natively and in wasm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outages {
    /// Share of (device, slot) pairs offline, in `(0, 1]`.
    pub fraction: f64,
    /// Length of a slot, in ms.
    pub slot_ms: TimeMs,
}

impl Outages {
    /// First instant of the slot holding `t` for `device`, and whether it is offline then.
    pub fn slot(&self, seed: u64, device: u32, t: TimeMs) -> (TimeMs, bool) {
        let phase = (Self::phase_hash(seed, device) % self.slot_ms as u64) as TimeMs;
        let index = (t + phase).div_euclid(self.slot_ms);
        (index * self.slot_ms - phase, self.offline(seed, device, index))
    }

    /// When a reading of `device` taken at `t` with ingestion delay `delay_ms`
    /// arrives: at `t + delay_ms` online, at the reconnection + `delay_ms`
    /// offline (never later than the longest delay a replay accepts).
    #[inline]
    pub fn arrival(&self, seed: u64, device: u32, t: TimeMs, delay_ms: TimeMs) -> TimeMs {
        self.arrival_in(self.slot(seed, device, t), t, delay_ms)
    }

    /// [`Outages::arrival`] once the slot of `t` (its start, and whether the
    /// device is offline in it) is known.
    #[inline]
    pub(crate) fn arrival_in(&self, slot: (TimeMs, bool), t: TimeMs, delay_ms: TimeMs) -> TimeMs {
        match slot {
            (start, true) => (start + self.slot_ms + delay_ms).min(t + MAX_DELAY_MS),
            _ => t + delay_ms,
        }
    }

    /// A hash of `device` whose remainder by the slot length is its phase.
    #[inline]
    pub(crate) fn phase_hash(seed: u64, device: u32) -> u64 {
        mix(seed ^ mix(u64::from(device)))
    }

    /// Whether `device` is offline in its slot number `index`.
    #[inline]
    pub(crate) fn offline(&self, seed: u64, device: u32, index: i64) -> bool {
        let draw = mix(seed ^ mix(u64::from(device) << 32 ^ index as u64)) >> 11;
        (draw as f64) < self.fraction * (1u64 << 53) as f64
    }

    /// Mean extra wait of a reading, in ms (half a slot when offline): for the
    /// resource model.
    pub fn mean_hold_ms(&self) -> f64 {
        self.fraction * self.slot_ms as f64 / 2.0
    }
}

/// SplitMix64's finaliser: a fixed, well-mixed hash of a `u64`.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Over many (device, slot) pairs the offline share is the configured
    /// one, and an offline reading arrives at its slot's end.
    #[test]
    fn outages_take_their_share_and_hold_until_reconnection() {
        let o = Outages {
            fraction: 0.2,
            slot_ms: 60_000,
        };
        let (mut offline, mut total) = (0u32, 0u32);
        for device in 0..200 {
            for slot in 0..100 {
                let t = slot * 60_000 + 123;
                let (start, off) = o.slot(7, device, t);
                assert!(start <= t && t < start + 60_000, "device {device} t {t}");
                let arrival = o.arrival(7, device, t, 5);
                if off {
                    offline += 1;
                    assert_eq!(arrival, start + 60_000 + 5);
                } else {
                    assert_eq!(arrival, t + 5);
                }
                total += 1;
            }
        }
        let share = f64::from(offline) / f64::from(total);
        assert!((0.18..0.22).contains(&share), "offline share {share}");
    }
}
