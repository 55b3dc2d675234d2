//! The simulator's run of an exported experiment, continued until it is at rest.
//!
//! A run stops at the configured duration, when some events may still be in
//! transit or waiting for a micro-batch or a batch run. Spark, replaying the
//! exported files, reads every event. So the export runs the same events
//! ([`Simulation::past_duration`]) past the duration — nothing else changes — and
//! stops at the first instant when nothing that the bundle records can change
//! any more: every event has arrived; every event has been published by its
//! batch run or missed as late; the streaming pipeline has processed every
//! event and its watermark has reached its final value (so it ran the last
//! no-data batch, the one Spark's `availableNow` trigger runs when the watermark
//! moved in the last batch). Batch runs over empty periods, which go on for
//! ever, change nothing and are not waited for.

use bslab_engine::time::DAY_MS;
use bslab_engine::validate::MAX_SAMPLES;
use bslab_engine::{
    ExperimentConfig, MicroBatchInfo, Report, ReportDetail, Simulation, TimeMs, MAX_DURATION_MS,
};

use crate::ExportError;

/// The drained run.
#[derive(Debug)]
pub(crate) struct Drained {
    /// The config simulated, with the duration it was simulated until.
    pub(crate) config: ExperimentConfig,
    /// Its report, with windows and run logs.
    pub(crate) report: Report,
    /// The micro-batch log (`report.micro_batches`).
    pub(crate) micro_batches: Vec<MicroBatchInfo>,
}

/// What every event's fate depends on, and when it is settled at the latest.
struct Horizon {
    /// Events generated.
    events: u64,
    /// Largest event time: the streaming watermark ends at this minus the delay.
    max_event_ms: TimeMs,
    /// Latest arrival.
    last_arrival_ms: TimeMs,
    /// An instant by which everything is settled, whatever the costs.
    until_ms: TimeMs,
}

impl Horizon {
    /// From one pass over the events, none of them kept.
    fn new(
        config: &ExperimentConfig,
        trigger_ms: TimeMs,
        overhead_ms: TimeMs,
    ) -> Result<Self, ExportError> {
        let b = &config.batch;
        let (mut events, mut max_event_ms, mut last_arrival_ms) = (0_u64, 0, 0);
        for e in bslab_engine::event_stream(config)? {
            events += 1;
            max_event_ms = max_event_ms.max(e.event_time_ms);
            last_arrival_ms = last_arrival_ms.max(e.arrival_time_ms);
        }
        let end = config.duration_ms.max(last_arrival_ms);
        let n = events as f64;
        let work = |cost_us: f64, workers: u32| {
            (n * cost_us / (1_000.0 * f64::from(workers))).ceil() as TimeMs
        };
        let streaming_work = match config.streaming.mode {
            bslab_engine::StreamingMode::MicroBatch {
                per_event_cost_us,
                workers,
                ..
            } => work(per_event_cost_us, workers),
            bslab_engine::StreamingMode::Continuous { .. } => 0,
        };
        // Streaming: the batch running at the last arrival ends within overhead + all
        // the work; the next one reads everything left; then the last no-data batch.
        let streaming_ms = end + 3 * (trigger_ms + overhead_ms) + 2 * streaming_work + 2;
        // Batch: the run of the last period with events is due one interval and the
        // offset after that period starts; runs are served one at a time in order,
        // each taking its start-up plus its share of the work, so it ends at the
        // latest once every run up to it has been served.
        // Overlapping windows: the latest event's last window ends up to a window
        // size later, and the run of that window's period publishes it.
        let overlap_ms = match config.window.kind {
            bslab_engine::WindowKind::Tumbling => 0,
            // The latest event's session ends one gap after it.
            bslab_engine::WindowKind::Session => config.window.gap_ms,
            _ => config.window.size_ms,
        };
        let periods = (max_event_ms + overlap_ms) / b.interval_ms + 1;
        let due_ms = periods * b.interval_ms + b.offset_ms;
        let batch_ms =
            due_ms + periods * (b.startup_ms + 1) + work(b.per_event_cost_us, b.workers) + 1;
        Ok(Self {
            events,
            max_event_ms,
            last_arrival_ms,
            until_ms: streaming_ms.max(batch_ms).min(MAX_DURATION_MS),
        })
    }
}

/// Runs the config's events past the duration until the experiment is at rest.
/// The simulated duration is only an upper bound: the run stops at the first
/// instant of rest, so a generous bound costs nothing.
pub(crate) fn simulate(
    config: &ExperimentConfig,
    trigger_ms: TimeMs,
    overhead_ms: TimeMs,
) -> Result<Drained, ExportError> {
    let horizon = Horizon::new(config, trigger_ms, overhead_ms)?;
    let until = horizon.until_ms.max(config.duration_ms);
    let mut cfg = config.clone();
    cfg.duration_ms = until;
    // Samples do not change results; keep them within the engine's limit.
    cfg.sample_every_ms = cfg.sample_every_ms.max(until / MAX_SAMPLES + 1).min(DAY_MS);
    let mut sim = Simulation::past_duration(config, cfg).map_err(|e| {
        ExportError::Drain(format!(
            "the export simulates up to {until} ms so that every event arrives and is \
             processed, and at that duration: {e}"
        ))
    })?;
    sim.step_until(config.duration_ms.max(horizon.last_arrival_ms))?;
    loop {
        match pending(&sim, &horizon, config) {
            None => return Ok(finish(sim)),
            Some(what) if sim.is_finished() => return Err(ExportError::Drain(what)),
            Some(_) => {
                sim.step();
            }
        }
    }
}

/// The drained run, cut at the current instant.
fn finish(sim: Simulation) -> Drained {
    let report = sim.report(ReportDetail {
        windows: true,
        runs: true,
        samples: false,
    });
    let micro_batches = report.micro_batches.clone().unwrap_or_default();
    let mut config = sim.config().clone();
    config.duration_ms = sim.now();
    Drained {
        config,
        report,
        micro_batches,
    }
}

/// None when nothing recorded in the bundle can change any more; otherwise what
/// is still pending, for the error message if it stays so.
fn pending(sim: &Simulation, horizon: &Horizon, config: &ExperimentConfig) -> Option<String> {
    let events = horizon.events;
    let live = sim.live();
    let at = sim.now();
    let final_watermark = horizon.max_event_ms - config.streaming.watermark_delay_ms;
    let left = [
        (events - live.generated.min(events), "events not generated"),
        (live.in_transit, "events in transit"),
        (live.streaming.waiting, "events waiting for a micro-batch"),
        (u64::from(live.streaming.busy), "micro-batch running"),
        (
            live.batch.waiting,
            "events not yet published by their batch run (the batch runs queue up: \
             each takes batch.startup_ms plus its work, and they come every batch.interval_ms)",
        ),
    ];
    if let Some((n, what)) = left.iter().find(|(n, _)| *n > 0) {
        return Some(format!("{n} {what} at {at} ms"));
    }
    (live.streaming.watermark_ms < final_watermark).then(|| {
        format!(
            "the streaming watermark is {} ms at {at} ms, short of its final {final_watermark} ms",
            live.streaming.watermark_ms
        )
    })
}
