//! Scoring published results against the ground truth: per-window error and,
//! for fraud, time-to-detect and money lost.

use std::collections::BTreeMap;

use crate::output::PublishedRow;
use crate::report::{BurstReport, Detection, FraudReport, WindowScore};
use crate::time::TimeMs;
use crate::window::{Agg, Geometry};
use crate::workload::FraudBurst;

type Rows = BTreeMap<(TimeMs, u32), PublishedRow>;

/// Compares a pipeline's published rows with the truth rows.
pub(crate) fn score_windows(truth: &BTreeMap<(TimeMs, u32), Agg>, published: &Rows) -> WindowScore {
    let mut s = WindowScore {
        truth_rows: truth.len() as u64,
        published_rows: published.len() as u64,
        ..WindowScore::default()
    };
    for (k, t) in truth {
        match published.get(k) {
            Some(p) => {
                if p.value == *t {
                    s.exact_rows += 1;
                }
                s.count_error += p.value.count.abs_diff(t.count);
                s.sum_error_cents += p.value.sum_cents.abs_diff(t.sum_cents);
            }
            None => {
                s.missing_rows += 1;
                s.count_error += t.count;
                s.sum_error_cents += t.sum_cents.unsigned_abs();
            }
        }
    }
    s
}

/// Whether window `start` holds any transaction of `burst`.
fn covers(geometry: &Geometry, start: TimeMs, burst: &FraudBurst) -> bool {
    burst
        .transactions
        .iter()
        .any(|&(t, _)| geometry.start(t) == start)
}

fn detect(geometry: &Geometry, burst: &FraudBurst, rows: &Rows) -> Detection {
    let detected_ms = rows
        .iter()
        .filter(|((start, card), _)| *card == burst.card && covers(geometry, *start, burst))
        .map(|(_, row)| row.first_ms)
        .min();
    let lost_cents = burst
        .transactions
        .iter()
        .filter(|&&(t, _)| detected_ms.is_none_or(|d| t < d))
        .map(|&(_, a)| a)
        .sum();
    Detection {
        detected_ms,
        time_to_detect_ms: detected_ms.map(|d| d - burst.start_ms),
        lost_cents,
    }
}

fn false_alerts(geometry: &Geometry, bursts: &[FraudBurst], rows: &Rows) -> u64 {
    rows.keys()
        .filter(|(start, card)| {
            !bursts
                .iter()
                .any(|b| b.card == *card && covers(geometry, *start, b))
        })
        .count() as u64
}

fn mean_ttd(ds: impl Iterator<Item = Detection>) -> Option<f64> {
    let (n, sum) = ds
        .filter_map(|d| d.time_to_detect_ms)
        .fold((0u64, 0i128), |(n, s), t| (n + 1, s + i128::from(t)));
    (n > 0).then(|| sum as f64 / n as f64)
}

/// Fraud report: each burst against both pipelines' alerts.
pub(crate) fn score_fraud(
    geometry: &Geometry,
    bursts: &[FraudBurst],
    batch: &Rows,
    streaming: &Rows,
) -> FraudReport {
    let reports: Vec<BurstReport> = bursts
        .iter()
        .map(|b| BurstReport {
            card_id: b.card,
            start_ms: b.start_ms,
            transactions: b.transactions.len() as u32,
            amount_cents: b.transactions.iter().map(|t| t.1).sum(),
            batch: detect(geometry, b, batch),
            streaming: detect(geometry, b, streaming),
        })
        .collect();
    FraudReport {
        batch_detected: reports
            .iter()
            .filter(|r| r.batch.detected_ms.is_some())
            .count() as u32,
        streaming_detected: reports
            .iter()
            .filter(|r| r.streaming.detected_ms.is_some())
            .count() as u32,
        batch_mean_time_to_detect_ms: mean_ttd(reports.iter().map(|r| r.batch)),
        streaming_mean_time_to_detect_ms: mean_ttd(reports.iter().map(|r| r.streaming)),
        batch_lost_cents: reports.iter().map(|r| r.batch.lost_cents).sum(),
        streaming_lost_cents: reports.iter().map(|r| r.streaming.lost_cents).sum(),
        batch_false_alerts: false_alerts(geometry, bursts, batch),
        streaming_false_alerts: false_alerts(geometry, bursts, streaming),
        bursts: reports,
    }
}
