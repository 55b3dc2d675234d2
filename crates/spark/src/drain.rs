//! The simulator's run of an exported experiment, continued until it is at rest.
//!
//! A run stops at the configured duration, when some events may still be in
//! transit or waiting for a micro-batch or a batch run. Spark, replaying the
//! exported files, reads every event. So the export replays the same events
//! ([`Simulation::with_events`]) with a longer duration — nothing else changes —
//! until every event has arrived, both pipelines are idle, and the streaming
//! pipeline had the chance to run its last no-data batch (the one Spark's
//! `availableNow` trigger runs when the watermark moved in the last batch).

use bslab_engine::time::DAY_MS;
use bslab_engine::validate::MAX_SAMPLES;
use bslab_engine::{
    Event, ExperimentConfig, MicroBatchInfo, Report, ReportDetail, Simulation, TimeMs,
};

use crate::ExportError;

/// The drained run.
#[derive(Debug)]
pub(crate) struct Drained {
    /// The config actually simulated (longer duration, sparser samples).
    pub(crate) config: ExperimentConfig,
    /// Its report, with windows and run logs.
    pub(crate) report: Report,
    /// The micro-batch log (`report.micro_batches`).
    pub(crate) micro_batches: Vec<MicroBatchInfo>,
}

/// Doublings of the drain tried before giving up.
const ATTEMPTS: u32 = 16;

pub(crate) fn simulate(
    config: &ExperimentConfig,
    events: &[Event],
    trigger_ms: TimeMs,
    overhead_ms: TimeMs,
) -> Result<Drained, ExportError> {
    let last_arrival = events.iter().map(|e| e.arrival_time_ms).max().unwrap_or(0);
    let b = &config.batch;
    let mut extra = (last_arrival - config.duration_ms).max(0)
        + b.interval_ms
        + b.offset_ms
        + b.startup_ms
        + 2 * trigger_ms
        + overhead_ms
        + 1;
    let mut last_problem = String::new();
    for _ in 0..ATTEMPTS {
        let mut cfg = config.clone();
        cfg.duration_ms = config.duration_ms + extra;
        // Samples do not change results; keep them within the engine's limit.
        cfg.sample_every_ms = cfg
            .sample_every_ms
            .max(cfg.duration_ms / MAX_SAMPLES + 1)
            .min(DAY_MS);
        let mut sim = Simulation::with_events(cfg.clone(), events.to_vec())?;
        sim.step_until(cfg.duration_ms)?;
        match at_rest(&sim, trigger_ms, overhead_ms) {
            Ok(()) => {
                let report = sim.report(ReportDetail {
                    windows: true,
                    runs: true,
                    samples: false,
                });
                let micro_batches = report.micro_batches.clone().unwrap_or_default();
                return Ok(Drained {
                    config: cfg,
                    report,
                    micro_batches,
                });
            }
            Err(problem) => last_problem = problem,
        }
        extra = extra.saturating_mul(2);
    }
    Err(ExportError::Drain(last_problem))
}

/// Ok when nothing is left to happen; otherwise what is still pending.
fn at_rest(sim: &Simulation, trigger_ms: TimeMs, overhead_ms: TimeMs) -> Result<(), String> {
    let live = sim.live();
    let pending = [
        (live.in_transit, "events in transit"),
        (live.streaming.waiting, "events waiting for a micro-batch"),
        (u64::from(live.streaming.busy), "micro-batch running"),
        (live.batch.waiting, "events waiting for a batch run"),
        (u64::from(live.batch.running), "batch run running"),
        (u64::from(live.batch.queued_runs), "batch runs queued"),
    ];
    if let Some((n, what)) = pending.iter().find(|(n, _)| *n > 0) {
        return Err(format!("{n} {what} at {} ms", sim.now()));
    }
    // The trailing no-data batch (if the watermark moved in the last batch) starts
    // at most one trigger interval after the last batch ended.
    let report = sim.report(ReportDetail {
        windows: false,
        runs: true,
        samples: false,
    });
    let last_end = report
        .micro_batches
        .as_deref()
        .and_then(<[_]>::last)
        .map_or(0, |m| m.end_ms);
    if sim.now() <= last_end + trigger_ms + overhead_ms {
        return Err(format!(
            "the last micro-batch ended at {last_end} ms, too close to the end"
        ));
    }
    Ok(())
}
