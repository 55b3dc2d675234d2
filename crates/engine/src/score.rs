//! Scoring published results against the ground truth: per-window error and,
//! for fraud, time-to-detect and money lost.

use std::collections::{BTreeMap, BTreeSet};

use crate::output::PublishedRow;
use crate::report::{BurstReport, Detection, FraudReport, WindowScore};
use crate::time::TimeMs;
use crate::window::{Agg, Geometry};
use crate::workload::FraudBurst;

type Rows = BTreeMap<(TimeMs, u32), PublishedRow>;

/// Compares a pipeline's published rows with the truth rows, given in
/// (window, key) order (the truth's final rows and its open windows, without
/// a copy of them).
pub(crate) fn score_windows(
    truth: impl Iterator<Item = ((TimeMs, u32), Agg)>,
    published: &Rows,
) -> WindowScore {
    let mut s = WindowScore {
        published_rows: published.len() as u64,
        ..WindowScore::default()
    };
    for (k, t) in truth {
        s.truth_rows += 1;
        match published.get(&k) {
            Some(p) => {
                if p.value == t {
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

/// The windows (ids) holding a transaction of `burst`, each once, in order.
fn windows_of<'b>(
    geometry: &'b Geometry,
    burst: &'b FraudBurst,
) -> impl Iterator<Item = TimeMs> + 'b {
    // Sorted and deduplicated in place: collecting into a `BTreeSet` would bring
    // a stable sort of its own into every wasm (this one is already there).
    let mut ids: Vec<TimeMs> = burst
        .transactions
        .iter()
        .flat_map(|&(t, _)| {
            work::tick();
            geometry.windows_of(t)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
}

/// When the first alert on `burst` was published: a row of its card in one of
/// its windows, looked up directly (O(windows × log rows), not a scan of every
/// row per burst).
fn first_alert(geometry: &Geometry, burst: &FraudBurst, rows: &Rows) -> Option<TimeMs> {
    windows_of(geometry, burst)
        .filter_map(|start| rows.get(&(start, burst.card)))
        .map(|row| row.first_ms)
        .min()
}

/// The burst's detection: its first alert among `rows` and among the rows
/// folded away before (`folded`, [`Folded::first_alert`]).
fn detect(
    geometry: &Geometry,
    burst: &FraudBurst,
    rows: &Rows,
    folded: Option<TimeMs>,
) -> Detection {
    let detected_ms = match (first_alert(geometry, burst, rows), folded) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
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

/// What the fraud score took from one pipeline's rows folded away
/// ([`crate::settled`]): each burst's first alert among them and their false
/// alerts, so the report is the same as if the rows were still there.
#[derive(Debug, Clone, Default)]
pub(crate) struct Folded {
    /// First alert per burst (by index in the generator's list) among the folded rows.
    first_alerts: Vec<Option<TimeMs>>,
    false_alerts: u64,
}

impl Folded {
    /// Takes `rows` (about to be dropped) into account.
    pub(crate) fn fold(&mut self, geometry: &Geometry, bursts: &[FraudBurst], rows: &Rows) {
        self.first_alerts.resize(bursts.len(), None);
        for (first, burst) in self.first_alerts.iter_mut().zip(bursts) {
            if let Some(t) = first_alert(geometry, burst, rows) {
                *first = Some(first.map_or(t, |f| f.min(t)));
            }
        }
        self.false_alerts += false_alerts(geometry, bursts, rows);
    }

    /// The first alert on burst `i` among the folded rows.
    fn first_alert(&self, i: usize) -> Option<TimeMs> {
        self.first_alerts.get(i).copied().flatten()
    }
}

/// Alerts in no burst's (window, card): one set of the bursts' cells, then one
/// look-up per row.
fn false_alerts(geometry: &Geometry, bursts: &[FraudBurst], rows: &Rows) -> u64 {
    // Inserted one by one (`collect` would sort them first with a stable sort
    // compiled for this type only).
    let mut covered: BTreeSet<(TimeMs, u32)> = BTreeSet::new();
    covered.extend(
        bursts
            .iter()
            .flat_map(|b| windows_of(geometry, b).map(move |start| (start, b.card))),
    );
    rows.keys()
        .filter(|k| {
            work::tick();
            !covered.contains(k)
        })
        .count() as u64
}

fn mean_ttd(ds: impl Iterator<Item = Detection>) -> Option<f64> {
    let (n, sum) = ds
        .filter_map(|d| d.time_to_detect_ms)
        .fold((0u64, 0i128), |(n, s), t| (n + 1, s + i128::from(t)));
    (n > 0).then(|| sum as f64 / n as f64)
}

/// Fraud report: each burst against both pipelines' alerts, those still held
/// (`batch`, `streaming`) and those folded away (`folded`: batch, streaming).
pub(crate) fn score_fraud(
    geometry: &Geometry,
    bursts: &[FraudBurst],
    batch: &Rows,
    streaming: &Rows,
    folded: &[Folded; 2],
) -> FraudReport {
    let reports: Vec<BurstReport> = bursts
        .iter()
        .enumerate()
        .map(|(i, b)| BurstReport {
            card_id: b.card,
            start_ms: b.start_ms,
            transactions: b.transactions.len() as u32,
            amount_cents: b.transactions.iter().map(|t| t.1).sum(),
            batch: detect(geometry, b, batch, folded[0].first_alert(i)),
            streaming: detect(geometry, b, streaming, folded[1].first_alert(i)),
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
        batch_false_alerts: folded[0].false_alerts + false_alerts(geometry, bursts, batch),
        streaming_false_alerts: folded[1].false_alerts + false_alerts(geometry, bursts, streaming),
        bursts: reports,
    }
}

/// Steps of the scoring loops, counted in tests to check the work grows
/// linearly with the input (nothing at all outside tests).
mod work {
    #[cfg(test)]
    thread_local!(pub(super) static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });

    #[inline]
    pub(super) fn tick() {
        #[cfg(test)]
        STEPS.with(|s| s.set(s.get() + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` bursts of 20 transactions on 10 cards, and one alert row per
    /// (window, card) of a busy stretch: rows grow with `n` too.
    fn input(n: u32) -> (Geometry, Vec<FraudBurst>, Rows) {
        let geometry = Geometry::new(std::sync::Arc::new(crate::window::Tumbling::new(60_000)));
        let bursts: Vec<FraudBurst> = (0..n)
            .map(|i| {
                let start = i64::from(i) * 90_000;
                FraudBurst {
                    card: i % 10,
                    start_ms: start,
                    transactions: (0..20).map(|k| (start + k * 5_000, 100)).collect(),
                }
            })
            .collect();
        let row = PublishedRow {
            value: Agg::default(),
            first_ms: 1,
            last_ms: 1,
            updates: 1,
            session_end_ms: None,
        };
        let rows = (0..i64::from(n) * 3)
            .flat_map(|w| (0..10).map(move |card| ((w * 60_000, card), row)))
            .collect();
        (geometry, bursts, rows)
    }

    fn steps(n: u32) -> u64 {
        let (geometry, bursts, rows) = input(n);
        work::STEPS.with(|s| s.set(0));
        let report = score_fraud(&geometry, &bursts, &rows, &rows, &Default::default());
        assert_eq!(report.bursts.len(), n as usize);
        work::STEPS.with(std::cell::Cell::get)
    }

    /// Twice the bursts and rows, about twice the work (a scan of every row per
    /// burst, as before, made it four times).
    #[test]
    fn scoring_work_grows_linearly() {
        for n in [500, 1_000, 2_000] {
            let (one, two) = (steps(n), steps(2 * n));
            let ratio = two as f64 / one as f64;
            assert!(
                (1.8..2.3).contains(&ratio),
                "n = {n}: {one} then {two} steps"
            );
        }
    }
}
