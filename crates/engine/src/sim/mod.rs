//! The simulation: one clock, one event source, two pipelines.
//!
//! ```text
//!  generator ──► transit (delay) ──┬──► batch pipeline ─────► published results ─┐
//!  (event time)   (arrival time)   └──► streaming pipeline ─► published results ─┼─► report
//!       └──────────────────────────────► ground truth ────────────────────────────┘
//! ```
//! [`Simulation::step_until`] advances simulated time; the browser calls it once
//! per animation frame, the CLI once for the whole run. Nothing here reads a
//! clock, a file or the network.

mod past_duration;
mod report;
mod window_rows;

#[cfg(test)]
mod long_steps;

use crate::batch::BatchPipeline;
use crate::config::ExperimentConfig;
use crate::error::SimError;
use crate::live::{BatchLive, DashboardRow, Live, StreamingLive};
use crate::metrics::{PipelineAt, Sample};
use crate::report::{Report, ReportDetail};
use crate::scenario::Scenario;
use crate::source::Source;
use crate::streaming::StreamingPipeline;
use crate::time::TimeMs;
use crate::transit::Transit;
use crate::truth::Truth;
use crate::window::Geometry;
use crate::workload::Generator;

/// A running experiment.
///
/// # Examples
/// ```
/// use bslab_engine::{ExperimentConfig, Simulation};
/// let mut config = ExperimentConfig::default();
/// config.duration_ms = 10 * 60_000;
/// let report = Simulation::new(config)?.run();
/// assert_eq!(report.generated, report.in_transit + report.streaming.waiting
///     + report.streaming.processed + report.streaming.dropped_late);
/// # Ok::<(), bslab_engine::SimError>(())
/// ```
#[derive(Debug)]
pub struct Simulation {
    config: ExperimentConfig,
    scenario: Scenario,
    geometry: Geometry,
    generator: Source,
    transit: Transit,
    truth: Truth,
    batch: BatchPipeline,
    streaming: StreamingPipeline,
    now: TimeMs,
    arrived: u64,
    next_sample_ms: TimeMs,
    samples: Vec<Sample>,
    /// Counters at the previous sample: (arrived, batch and streaming processed, work
    /// under way counted in proportion to its progress).
    previous: (u64, f64, f64),
    /// Steps of `step_until` so far.
    steps: u64,
}

impl Simulation {
    /// Builds a simulation at time 0; fails if any field of `config` is invalid.
    pub fn new(config: ExperimentConfig) -> Result<Self, SimError> {
        config.validate()?;
        let scenario = Scenario::new(&config.scenario);
        let source = Source::Generated(Box::new(Generator::new(&config, scenario)));
        Ok(Self::build(config, source))
    }

    /// Builds a simulation that replays `events` (any order; their `id`s are
    /// reassigned in event-time order) instead of generating them. The config's
    /// workload and delay are then unused; everything else applies, fraud bursts
    /// included (those the events hold: see `Source::replay`). Its limits are
    /// the events' own (`ExperimentConfig::validate_replay`), so the duration
    /// may run on past them.
    pub fn with_events(
        config: ExperimentConfig,
        events: Vec<crate::Event>,
    ) -> Result<Self, SimError> {
        config.validate_replay(&events)?;
        let source = Source::replay(&config, events)?;
        Ok(Self::build(config, source))
    }

    fn build(config: ExperimentConfig, source: Source) -> Self {
        let scenario = Scenario::new(&config.scenario);
        let geometry = Geometry::new(config.window.size_ms);
        let mut sim = Self {
            generator: source,
            transit: Transit::default(),
            truth: Truth::new(geometry, scenario.key_space()),
            batch: BatchPipeline::new(&config.batch, geometry, scenario.clone()),
            streaming: StreamingPipeline::new(
                &config.streaming,
                geometry,
                scenario.clone(),
                config.seed,
            ),
            scenario,
            geometry,
            now: 0,
            arrived: 0,
            next_sample_ms: 0,
            samples: Vec::new(),
            previous: (0, 0.0, 0.0),
            steps: 0,
            config,
        };
        sim.deliver_until(0);
        sim.batch.advance(0);
        sim.streaming.advance(0);
        sim.take_sample();
        sim
    }

    /// The experiment's configuration.
    pub fn config(&self) -> &ExperimentConfig {
        &self.config
    }

    /// The scenario (query, key names).
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Current simulated time, in ms.
    pub fn now(&self) -> TimeMs {
        self.now
    }

    /// Whether the experiment's duration has been reached.
    pub fn is_finished(&self) -> bool {
        self.now >= self.config.duration_ms
    }

    /// Advances to `target_ms` (clamped to the duration), handling everything due
    /// on the way in time order.
    pub fn step_until(&mut self, target_ms: TimeMs) -> Result<(), SimError> {
        if target_ms < self.now {
            return Err(SimError::StepBackwards {
                now_ms: self.now,
                target_ms,
            });
        }
        let target = target_ms.min(self.config.duration_ms);
        while self.now < target {
            let mut x = self
                .batch
                .next_time()
                .min(self.streaming.next_time())
                .min(self.next_sample_ms)
                .min(target);
            if self.streaming.idle() {
                // Idle streaming waits for the next arrival, not for every trigger.
                x = x.min(self.next_arrival_bound());
            }
            let x = x.max(self.now);
            self.steps += 1;
            self.deliver_until(x);
            self.now = x;
            self.batch.advance(x);
            self.streaming.advance(x);
            if x == self.next_sample_ms {
                self.take_sample();
            }
            if x == self.now && x < target && self.next_pending() <= x {
                // Something else is due at this same instant (a zero-length job): loop again.
                continue;
            }
        }
        Ok(())
    }

    /// No arrival happens before this: the next arrival in transit, or the next
    /// event to generate (it arrives at or after its event time).
    fn next_arrival_bound(&mut self) -> TimeMs {
        let in_transit = self.transit.next_arrival().unwrap_or(TimeMs::MAX);
        let generated = self.generator.peek_time().unwrap_or(TimeMs::MAX);
        in_transit.min(generated)
    }

    /// Steps taken so far (each handles one instant where something happens):
    /// the work [`crate::resources::Resources::work`] bounds.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    fn next_pending(&self) -> TimeMs {
        self.batch.next_time().min(self.streaming.next_time())
    }

    /// Advances to the next instant where something happens (an arrival, a
    /// trigger, a job start or end, a sample) and returns it: the Step button.
    pub fn step(&mut self) -> TimeMs {
        let next = self
            .next_pending()
            .min(self.next_sample_ms)
            .min(self.next_arrival_bound());
        let next = next.max(self.now + 1).min(self.config.duration_ms);
        // `next` ≥ now, so this cannot step backwards.
        let _ = self.step_until(next);
        self.now
    }

    /// Runs to the end and returns the report.
    pub fn run(mut self) -> Report {
        let _ = self.step_until(self.config.duration_ms);
        self.report(ReportDetail::default())
    }

    /// Generates every event with event time ≤ `until` and delivers every arrival
    /// ≤ `until`, in slices shorter than transit's calendar, so that a long step
    /// (the app's fast-forward, a 30 s trigger) keeps arrivals in its O(1) ring
    /// rather than its overflow heap. Arrivals are delivered in the same order.
    fn deliver_until(&mut self, until: TimeMs) {
        let mut from = self.transit.delivered_before();
        while from <= until {
            if self.transit.len() == 0 {
                // Nothing on its way: skip straight to the next event.
                from = from.max(self.generator.peek_time().unwrap_or(until).min(until));
            }
            let slice_end = until.min(from.saturating_add(Transit::SLICE_MS));
            self.deliver_slice(slice_end);
            from = slice_end.saturating_add(1);
        }
    }

    fn deliver_slice(&mut self, until: TimeMs) {
        while let Some(event) = self.generator.next_until(until) {
            let key = self.scenario.group_key(&event);
            self.truth.add(&self.scenario, &event, key);
            self.transit.push(event);
        }
        let (scenario, batch, streaming, arrived) = (
            &self.scenario,
            &mut self.batch,
            &mut self.streaming,
            &mut self.arrived,
        );
        self.transit.drain_until(until, |event| {
            *arrived += 1;
            batch.on_arrival(event);
            streaming.on_arrival(event, scenario.group_key(event));
        });
    }

    fn take_sample(&mut self) {
        let now = self.now;
        let interval_s = self
            .samples
            .last()
            .map_or(0.0, |s| (now - s.t_ms) as f64 / 1_000.0);
        let b = PipelineAt {
            waiting: self.batch.waiting(),
            complete: self.batch.complete_up_to(),
            cost: self.batch.cost_at(now),
            spread: self.batch.processed_spread(now),
            oldest: self.batch.oldest_waiting(),
        };
        let batch = b.sample(&mut self.batch.out, now, self.previous.1, interval_s);
        let s = PipelineAt {
            waiting: self.streaming.waiting(),
            complete: self.streaming.complete_up_to(now),
            cost: self.streaming.cost_at(now),
            spread: self.streaming.processed_spread(now),
            oldest: self.streaming.oldest_waiting(),
        };
        let streaming = s.sample(self.streaming.out_mut(), now, self.previous.2, interval_s);
        self.samples.push(Sample {
            t_ms: now,
            generated: self.generator.generated(),
            in_transit: self.transit.len(),
            arrival_rate_eps: if interval_s > 0.0 {
                (self.arrived - self.previous.0) as f64 / interval_s
            } else {
                0.0
            },
            watermark_ms: self.streaming.watermark_ms(),
            batch,
            streaming,
        });
        self.previous = (self.arrived, b.spread, s.spread);
        self.next_sample_ms =
            (now + self.config.sample_every_ms).min(self.config.duration_ms.max(now + 1));
        if now >= self.config.duration_ms {
            self.next_sample_ms = TimeMs::MAX;
        }
    }

    /// Live counters for the animated diagram.
    pub fn live(&self) -> Live {
        Live {
            t_ms: self.now,
            generated: self.generator.generated(),
            in_transit: self.transit.len(),
            batch: BatchLive {
                waiting: self.batch.waiting(),
                processed: self.batch.out.processed,
                dropped_late: self.batch.out.dropped_late,
                running: self.batch.running(),
                queued_runs: self.batch.queued_runs(),
                next_run_ms: self.batch.next_due_ms(),
                complete_up_to_ms: self.batch.complete_up_to(),
            },
            streaming: StreamingLive {
                waiting: self.streaming.waiting(),
                processed: self.streaming.out().processed,
                dropped_late: self.streaming.out().dropped_late,
                busy: self.streaming.busy(),
                watermark_ms: self.streaming.watermark_ms(),
                open_windows: self.streaming.open_windows() as u32,
                complete_up_to_ms: self.streaming.complete_up_to(self.now),
            },
        }
    }

    /// Published totals per group key next to the truth so far, largest truth
    /// first, at most `limit` rows (the "live dashboard" of each pipeline).
    pub fn dashboard(&self, limit: usize) -> Vec<DashboardRow> {
        let batch = &self.batch.out.totals;
        let streaming = &self.streaming.out().totals;
        let truth = self.truth.totals(&self.scenario);
        // Rank the keys first and decode only the lines shown: the app asks every
        // frame, and social has up to 30,000 keys.
        let mut keys: Vec<usize> = (0..truth.len())
            .filter(|&k| truth[k].count > 0 || batch[k].count > 0 || streaming[k].count > 0)
            .collect();
        keys.sort_unstable_by(|&a, &b| truth[b].count.cmp(&truth[a].count).then(a.cmp(&b)));
        keys.into_iter()
            .take(limit)
            .map(|k| DashboardRow {
                key: self.scenario.decode_key(k as u32),
                truth: truth[k],
                batch: batch[k],
                streaming: streaming[k],
            })
            .collect()
    }

    /// The metric time series so far (one point per sample interval, from t = 0).
    pub fn samples(&self) -> &[Sample] {
        &self.samples
    }
}
