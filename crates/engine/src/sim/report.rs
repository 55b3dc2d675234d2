//! The report of a [`Simulation`] at its current instant: totals, scores and the
//! optional details (windows, run logs, samples).

use super::Simulation;
use crate::alerts::AlertReport;
use crate::metrics::{PipelineSample, Sample};
use crate::pipeline::Pipeline;
use crate::report::{PipelineReport, Report, ReportDetail, REPORT_FORMAT};
use crate::runlog::RunLog;
use crate::score::{score_fraud, score_windows};
use crate::settled::add;

impl Simulation {
    /// The events sent to Flink's late-data side output so far, the first
    /// [`crate::flink_rules::MAX_LISTED_SIDE_OUTPUT`] of them (None unless
    /// per-record mode sends late data to a side output): `late_side_output.csv`.
    pub fn side_output_rows(&self) -> Option<Vec<crate::SideOutputRow>> {
        let late = self.streaming().late_data()?;
        (late.rules.late_data == crate::LateDataOutput::SideOutput)
            .then(|| late.report(true).side_output_rows.unwrap_or_default())
    }

    /// The report at the current instant.
    pub fn report(&self, detail: ReportDetail) -> Report {
        let seconds = (self.now as f64 / 1_000.0).max(f64::MIN_POSITIVE);
        let sampled = &self.samples[self.samples.len().min(1)..];
        let pipeline = |p: &dyn Pipeline, i: usize, pick: fn(&Sample) -> &PipelineSample| {
            let (out, cost) = (p.out(), p.cost_at(self.now));
            let n = sampled.len().max(1) as f64;
            PipelineReport {
                processed: out.processed,
                waiting: p.waiting(),
                dropped_late: out.dropped_late,
                latency_ms: out.latency.summary(),
                throughput_eps: out.processed as f64 / seconds,
                capacity_eps: p.capacity_eps(),
                backlog_mean: sampled.iter().map(|s| pick(s).waiting as f64).sum::<f64>() / n,
                backlog_max: sampled.iter().map(|s| pick(s).waiting).max().unwrap_or(0),
                freshness_ms_mean: sampled
                    .iter()
                    .map(|s| pick(s).freshness_ms as f64)
                    .sum::<f64>()
                    / n,
                busy_worker_s: cost.0 / 1_000.0,
                provisioned_worker_s: cost.1 / 1_000.0,
                windows: {
                    let truth = self.truth.rows_in_order(&self.scenario);
                    let mut windows = self.settled.windows[i];
                    add(&mut windows, &score_windows(truth, &out.rows));
                    windows
                },
                runs: p.runs(),
                max_queued_runs: p.max_queued_runs(),
                watermark_ms: p.watermark_ms(),
                session_merges: p.session_merges(),
            }
        };
        let batch = pipeline(self.batch(), 0, |s| &s.batch);
        let streaming = pipeline(self.streaming(), 1, |s| &s.streaming);
        let mut fraud = self.scenario.kind().bursts().is_some().then(|| {
            score_fraud(
                &self.geometry,
                self.generator.fraud_bursts(),
                &self.batch().out().rows,
                &self.streaming().out().rows,
                &self.settled.alerts,
            )
        });
        // A query alerting on a window maximum (IoT) scores its injected
        // anomalies as alerts instead.
        let alerts = match self.scenario.kind().query().max_above {
            Some(_) => fraud.take().map(|f| AlertReport::from_bursts(&f)),
            None => None,
        };
        Report {
            format: REPORT_FORMAT,
            engine_version: crate::VERSION,
            scenario: self.scenario.name(),
            seed: self.config.seed,
            t_ms: self.now,
            generated: self.generator.generated(),
            in_transit: self.transit.len(),
            arrival_rate_eps: self.arrived as f64 / seconds,
            batch,
            streaming,
            fraud,
            alerts,
            late_data: self
                .streaming()
                .late_data()
                .map(|late| late.report(detail.runs)),
            web: self
                .web
                .as_ref()
                .zip(self.truth.sessions_by_landing_page())
                .map(|(web, pages)| web.report(&pages)),
            queueing: self
                .streaming()
                .queue_tally()
                .and_then(|tally| crate::queueing::report(&self.config, tally, self.now)),
            windows: detail.windows.then(|| self.window_rows().collect()),
            batch_runs: detail.runs.then(|| {
                self.batch()
                    .batch_runs()
                    .map_or_else(Vec::new, RunLog::to_vec)
            }),
            micro_batches: detail.runs.then(|| {
                self.streaming()
                    .micro_batches()
                    .map_or_else(Vec::new, RunLog::to_vec)
            }),
            samples: detail.samples.then(|| self.samples.clone()),
        }
    }
}
