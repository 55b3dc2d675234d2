//! IoT alerts scored against the injected anomalies: time-to-alert, missed
//! and false alerts per pipeline (`docs/report-format.md` defines each).
//!
//! An anomaly is scored like a fraud burst (the same injection and the same
//! look-up of the first alert on its key in its windows, [`crate::score`]); what
//! differs is what a class reads from it: percentiles of the time to alert
//! rather than money lost.

use serde::Serialize;

use crate::report::{BurstReport, Detection, FraudReport};
use crate::time::TimeMs;

/// One pipeline's alerts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AlertScore {
    /// Anomalies it alerted on.
    pub alerted: u32,
    /// Anomalies it has not alerted on (yet, or ever: readings dropped late
    /// or behind the watermark, or a batch run not due).
    pub missed: u32,
    /// Time to alert over the alerted anomalies, in ms (null when none).
    pub time_to_alert_ms: Option<Percentiles>,
    /// Alerts in a (window, sensor) holding no anomalous reading (noise above the threshold).
    pub false_alerts: u64,
}

/// Nearest-rank percentiles of a list of durations, in ms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Percentiles {
    /// Median.
    pub p50: TimeMs,
    /// 99th percentile.
    pub p99: TimeMs,
    /// Largest.
    pub max: TimeMs,
}

/// One injected anomaly and when each pipeline alerted on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AnomalyReport {
    /// The sensor.
    pub sensor_id: u32,
    /// Event time of its first anomalous reading, in ms.
    pub start_ms: TimeMs,
    /// Its anomalous readings.
    pub readings: u32,
    /// When batch published an alert on it, in ms (null: not yet).
    pub batch_alert_ms: Option<TimeMs>,
    /// When streaming published an alert on it, in ms (null: not yet).
    pub streaming_alert_ms: Option<TimeMs>,
}

/// IoT scenario results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertReport {
    /// Every anomaly that started in the run.
    pub anomalies: Vec<AnomalyReport>,
    /// Batch pipeline.
    pub batch: AlertScore,
    /// Streaming pipeline.
    pub streaming: AlertScore,
}

impl AlertReport {
    /// The alerts of a scored run (anomalies are injected and looked up as bursts).
    pub(crate) fn from_bursts(scored: &FraudReport) -> Self {
        let score = |pick: fn(&BurstReport) -> Detection, false_alerts| {
            let mut times: Vec<TimeMs> = scored
                .bursts
                .iter()
                .filter_map(|b| pick(b).time_to_detect_ms)
                .collect();
            times.sort_unstable();
            let alerted = times.len() as u32;
            AlertScore {
                alerted,
                missed: scored.bursts.len() as u32 - alerted,
                time_to_alert_ms: percentiles(&times),
                false_alerts,
            }
        };
        Self {
            anomalies: scored
                .bursts
                .iter()
                .map(|b| AnomalyReport {
                    sensor_id: b.card_id,
                    start_ms: b.start_ms,
                    readings: b.transactions,
                    batch_alert_ms: b.batch.detected_ms,
                    streaming_alert_ms: b.streaming.detected_ms,
                })
                .collect(),
            batch: score(|b| b.batch, scored.batch_false_alerts),
            streaming: score(|b| b.streaming, scored.streaming_false_alerts),
        }
    }
}

/// Nearest-rank p50, p99 and max of `sorted` (None if empty).
fn percentiles(sorted: &[TimeMs]) -> Option<Percentiles> {
    let at = |p: f64| {
        let rank = (p * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    };
    (!sorted.is_empty()).then(|| Percentiles {
        p50: at(0.50),
        p99: at(0.99),
        max: at(1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        assert_eq!(percentiles(&[]), None);
        let one = percentiles(&[7]).expect("one value");
        assert_eq!((one.p50, one.p99, one.max), (7, 7, 7));
        let hundred: Vec<TimeMs> = (1..=100).collect();
        let p = percentiles(&hundred).expect("values");
        assert_eq!((p.p50, p.p99, p.max), (50, 99, 100));
        let p = percentiles(&[1, 2, 3]).expect("values");
        assert_eq!((p.p50, p.p99, p.max), (2, 3, 3));
    }
}
