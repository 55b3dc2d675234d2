//! Rows every party is done with, folded into the report's scores and dropped,
//! so that memory does not grow with the run's result rows.
//!
//! A (window, key) row is *settled* once no party can change it any more: the
//! ground truth has passed the window's end, the batch has published the
//! period holding it, micro-batch streaming has evicted it by its watermark.
//! Every score the report gives over rows is a sum over them (exact rows,
//! count and sum errors, false alerts) or a minimum (a fraud burst's first
//! alert), so settled rows are scored once, their figures kept, and the rows
//! dropped: the report is the same as if they were still there.
//!
//! Rows are folded only past [`KEEP_ROWS`], and the newest half of that is
//! always kept: short runs (every preset as shipped) keep every row for the
//! report's window list and the event-time picture; a long one (fraud at
//! 1,000 transactions/s for a day: 1.44 M alert rows) keeps a bounded recent
//! part of them.

use std::collections::BTreeMap;

use crate::config::{ExperimentConfig, OutputMode, StreamingMode, WindowKind};
use crate::output::Output;
use crate::report::WindowScore;
use crate::score::{score_windows, Folded};
use crate::time::TimeMs;
use crate::window::{Agg, Geometry};
use crate::workload::FraudBurst;

/// Rows held (in the truth or in one pipeline's output) past which settled
/// rows are folded away; the newest `KEEP_ROWS / 2` are kept.
pub(crate) const KEEP_ROWS: usize = 100_000;

/// Whether `config`'s rows can ever be folded: every party then says which
/// windows it is done with (`settled_before`). Session windows (which merge),
/// complete mode (which never evicts) and per-record streaming (late firings
/// may update any fired window) keep every row. The simulation folds only
/// where this holds, and the resource model bounds the rows held by it.
pub(crate) fn folds(config: &ExperimentConfig) -> bool {
    matches!(config.streaming.mode, StreamingMode::MicroBatch { .. })
        && config.window.kind != WindowKind::Session
        && config.streaming.output_mode != OutputMode::Complete
}

/// The scores of the rows folded away so far, per pipeline (batch, streaming).
#[derive(Debug, Clone)]
pub(crate) struct Settled {
    /// Window scores of the folded rows.
    pub(crate) windows: [WindowScore; 2],
    /// Fraud and IoT alerts among the folded rows.
    pub(crate) alerts: [Folded; 2],
    /// Rows held past which settled rows are folded ([`KEEP_ROWS`]).
    keep: usize,
    /// Rows held at which to try folding next.
    next_try: usize,
}

impl Default for Settled {
    fn default() -> Self {
        Self::keeping(KEEP_ROWS)
    }
}

/// The rows a fold reads: the truth's and each pipeline's output (batch,
/// streaming), whose update-mode rows may still be gathered (`output/fresh.rs`).
pub(crate) struct HeldRows<'a> {
    pub(crate) truth: &'a mut BTreeMap<(TimeMs, u32), Agg>,
    pub(crate) published: [&'a mut Output; 2],
}

impl HeldRows<'_> {
    /// Rows held by the party holding the most: exact once the outputs'
    /// gathered rows are written, an upper bound before (each gathered row
    /// counted as a row of its own, though it may update a written one).
    fn most(&self) -> usize {
        self.published
            .iter()
            .map(|out| out.rows_at_most())
            .fold(self.truth.len(), usize::max)
    }
}

impl Settled {
    /// Nothing folded yet; folds past `keep` rows held.
    fn keeping(keep: usize) -> Self {
        Self {
            windows: [WindowScore::default(); 2],
            alerts: Default::default(),
            keep,
            next_try: keep,
        }
    }

    /// Folds the rows of windows before `settled_before` (ids before it are
    /// settled for every party) once more than `keep` ([`KEEP_ROWS`]) are
    /// held, keeping the newest `keep / 2`. Tried again only after `keep / 2`
    /// more rows, so the work stays proportional to the rows.
    ///
    /// The outputs' gathered rows are written only when their bound says a
    /// fold could run: written at every sample, each of fraud's alert rows
    /// was written to the ordered table about once a sample (5,000 a minute
    /// at 1,000 events/s) for a fold that runs past 100,000 rows.
    pub(crate) fn fold(
        &mut self,
        mut rows: HeldRows<'_>,
        settled_before: TimeMs,
        geometry: &Geometry,
        bursts: Option<&[FraudBurst]>,
    ) {
        if rows.most() < self.next_try {
            return;
        }
        // The fold reads the rows: the gathered ones first, then the exact count.
        rows.published
            .iter_mut()
            .for_each(|out| out.write_gathered());
        if rows.most() < self.next_try {
            return;
        }
        // The newest keep / 2 rows of the party holding the most stay.
        let half = self.keep / 2;
        let newest = |ids: &mut dyn Iterator<Item = TimeMs>| ids.nth(half);
        let keep_from = rows
            .published
            .iter()
            .map(|out| newest(&mut out.rows.keys().rev().map(|k| k.0)))
            .fold(
                newest(&mut rows.truth.keys().rev().map(|k| k.0)),
                Option::max,
            );
        let before = keep_from.map_or(TimeMs::MIN, |id| id.min(settled_before));
        let truth = split_before(rows.truth, before);
        let mut still_held = rows.truth.len();
        for (i, out) in rows.published.into_iter().enumerate() {
            let published = &mut out.rows;
            let folded = split_before(published, before);
            still_held = still_held.max(published.len());
            let score = score_windows(truth.iter().map(|(k, a)| (*k, *a)), &folded);
            add(&mut self.windows[i], &score);
            if let Some(bursts) = bursts {
                self.alerts[i].fold(geometry, bursts, &folded);
            }
        }
        self.next_try = (still_held + half).max(self.keep);
    }
}

/// Removes and returns the rows of windows before `id`.
fn split_before<V>(
    rows: &mut BTreeMap<(TimeMs, u32), V>,
    id: TimeMs,
) -> BTreeMap<(TimeMs, u32), V> {
    let rest = rows.split_off(&(id, 0));
    std::mem::replace(rows, rest)
}

/// `into += more`, field by field.
pub(crate) fn add(into: &mut WindowScore, more: &WindowScore) {
    into.truth_rows += more.truth_rows;
    into.published_rows += more.published_rows;
    into.exact_rows += more.exact_rows;
    into.missing_rows += more.missing_rows;
    into.count_error += more.count_error;
    into.sum_error_cents += more.sum_error_cents;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::PublishedRow;
    use crate::score::score_fraud;
    use crate::window::Tumbling;

    const MINUTE: TimeMs = 60_000;

    fn agg(count: u64, sum_cents: i64) -> Agg {
        Agg {
            count,
            sum_cents,
            max_cents: 0,
        }
    }

    /// 40 one-minute windows of 10 cards in the truth; a pipeline publishing
    /// some of them, some exactly, some off by one, plus alerts the truth has
    /// not (cards 10 and 11); bursts on a few cards across windows.
    fn rows(shift: i64) -> (Truth, Published, Vec<FraudBurst>) {
        let mut truth = BTreeMap::new();
        let mut published = BTreeMap::new();
        for w in 0..40 {
            for k in 0..12u32 {
                let t = agg(6 + (w as u64 + u64::from(k)) % 4, 100 * w + i64::from(k));
                if k < 10 {
                    truth.insert((w * MINUTE, k), t);
                }
                if (w + i64::from(k) + shift) % 3 != 0 {
                    let off = i64::from((w * i64::from(k) + shift) % 2 == 1);
                    let first_ms = w * MINUTE + 70_000 + 1_000 * i64::from(k) + shift;
                    published.insert(
                        (w * MINUTE, k),
                        PublishedRow {
                            value: agg(t.count + off as u64, t.sum_cents - off),
                            first_ms,
                            last_ms: first_ms + 5_000,
                            updates: 1 + off as u32,
                            session_end_ms: None,
                        },
                    );
                }
            }
        }
        let bursts = (0..8)
            .map(|i| FraudBurst {
                card: i % 5,
                start_ms: i64::from(i) * 5 * MINUTE + 30_000,
                transactions: (0..6)
                    .map(|j| (i64::from(i) * 5 * MINUTE + 30_000 + j * 40_000, 500))
                    .collect(),
            })
            .collect();
        (truth, published, bursts)
    }

    type Truth = BTreeMap<(TimeMs, u32), Agg>;
    type Published = BTreeMap<(TimeMs, u32), PublishedRow>;

    /// An output holding `rows`, none gathered.
    fn output(rows: Published) -> Output {
        let mut out = Output::default();
        out.rows = rows;
        out
    }

    fn scores(
        truth: &Truth,
        batch: &Published,
        streaming: &Published,
        settled: &Settled,
        geometry: &Geometry,
        bursts: &[FraudBurst],
    ) -> ([WindowScore; 2], crate::report::FraudReport) {
        let mut windows = settled.windows;
        for (w, p) in windows.iter_mut().zip([batch, streaming]) {
            add(w, &score_windows(truth.iter().map(|(k, a)| (*k, *a)), p));
        }
        let fraud = score_fraud(geometry, bursts, batch, streaming, &settled.alerts);
        (windows, fraud)
    }

    /// Rows arriving 8 windows at a time and folded after each step, then
    /// scored with what is left, give the scores of every row kept, and the
    /// newest half of `keep` stays.
    #[test]
    fn folding_keeps_every_score_and_the_newest_rows() {
        let geometry = Geometry::new(std::sync::Arc::new(Tumbling::new(MINUTE)));
        let (all_truth, all_batch, bursts) = rows(0);
        let (_, all_streaming, _) = rows(1);
        let whole = scores(
            &all_truth,
            &all_batch,
            &all_streaming,
            &Settled::keeping(1),
            &geometry,
            &bursts,
        );
        let mut truth = Truth::new();
        let (mut batch, mut streaming) = (output(Published::new()), output(Published::new()));
        let mut settled = Settled::keeping(120);
        // The third step's settled windows (before 12) stop it short of the newest 60 rows.
        for (end, settled_before) in [(8, 5), (16, 13), (24, 12), (32, 29), (40, 37)] {
            let steps = ((end - 8) * MINUTE, 0)..(end * MINUTE, 0);
            truth.extend(all_truth.range(steps.clone()).map(|(k, v)| (*k, *v)));
            let rows = |all: &Published| all.range(steps.clone()).map(|(k, v)| (*k, *v)).collect();
            batch.rows.extend::<Published>(rows(&all_batch));
            streaming.rows.extend::<Published>(rows(&all_streaming));
            settled.fold(
                HeldRows {
                    truth: &mut truth,
                    published: [&mut batch, &mut streaming],
                },
                settled_before * MINUTE,
                &geometry,
                Some(&bursts),
            );
        }
        let folded = scores(
            &truth,
            &batch.rows,
            &streaming.rows,
            &settled,
            &geometry,
            &bursts,
        );
        assert_eq!(folded, whole);
        // The newest 60 rows and the rest of their oldest window: 7 windows of 10 cards.
        assert_eq!(truth.first_key_value().map(|(k, _)| k.0), Some(33 * MINUTE));
        assert!(whole.1.batch_detected > 0 && whole.1.batch_false_alerts > 0);
        assert!(whole.0[0].exact_rows > 0 && whole.0[0].missing_rows > 0);
    }

    /// Nothing is folded before `keep` rows are held, nor past what is settled.
    #[test]
    fn folds_only_past_keep_and_settled_rows() {
        let geometry = Geometry::new(std::sync::Arc::new(Tumbling::new(MINUTE)));
        let (mut truth, batch, _) = rows(0);
        let (_, streaming, _) = rows(1);
        let (mut batch, mut streaming) = (output(batch), output(streaming));
        let mut fold = |keep: usize, before: TimeMs| {
            Settled::keeping(keep).fold(
                HeldRows {
                    truth: &mut truth,
                    published: [&mut batch, &mut streaming],
                },
                before,
                &geometry,
                None,
            );
            truth.len()
        };
        assert_eq!(fold(500, 39 * MINUTE), 400);
        assert_eq!(fold(100, TimeMs::MIN), 400);
        assert_eq!(fold(100, 20 * MINUTE), 200);
    }
}
