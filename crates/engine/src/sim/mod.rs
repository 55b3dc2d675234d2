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

mod arrivals;
mod past_duration;
mod picture;
mod report;
mod sampling;
mod settle;
mod view;
mod window_rows;

#[cfg(test)]
mod long_steps;

use std::sync::Arc;

use self::arrivals::{Arrivals, Sinks};
use crate::batch::BatchPipeline;
use crate::config::ExperimentConfig;
use crate::error::SimError;
use crate::metrics::Sample;
use crate::pipeline::Pipeline;
use crate::recent::{RecentArrivals, RecentLimits};
use crate::report::{Report, ReportDetail};
use crate::scenario::{Scenario, ScenarioKind};
use crate::settled::Settled;
use crate::source::Source;
use crate::time::TimeMs;
use crate::transit::Transit;
use crate::truth::Truth;
use crate::web_sessions::WebSessions;
use crate::window::{Geometry, WindowAssigner};
use crate::workload::Generator;

/// Index of the batch pipeline in [`Simulation`]'s list.
const BATCH: usize = 0;
/// Index of the streaming pipeline in [`Simulation`]'s list.
const STREAMING: usize = 1;

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
#[derive(Debug, Clone)]
pub struct Simulation {
    config: ExperimentConfig,
    scenario: Scenario,
    geometry: Geometry,
    generator: Source,
    transit: Transit,
    truth: Truth,
    /// The pipelines fed with the same arrivals: [`BATCH`] and [`STREAMING`].
    pipelines: [Box<dyn Pipeline>; 2],
    now: TimeMs,
    arrived: u64,
    next_sample_ms: TimeMs,
    samples: Vec<Sample>,
    /// Arrivals at the previous sample.
    previous_arrived: u64,
    /// Each pipeline's processed events at the previous sample, work under way
    /// counted in proportion to its progress.
    previous_spread: [f64; 2],
    /// Steps of `step_until` so far.
    steps: u64,
    /// The recent arrivals, for the event-time picture (None: not recorded).
    recent: Option<RecentArrivals>,
    /// Arrivals being delivered, handed to the pipelines in runs.
    arrivals: Arrivals,
    /// Web traffic: its sessions (None for other scenarios).
    web: Option<WebSessions>,
    /// Scores of the rows folded away ([`crate::settled`]).
    settled: Settled,
}

impl Simulation {
    /// Builds a simulation at time 0; fails if any field of `config` is invalid.
    pub fn new(config: ExperimentConfig) -> Result<Self, SimError> {
        Ok(Self::from_valid(config.validated()?))
    }

    /// Builds a simulation at time 0 from a config validated already.
    pub fn from_valid(config: crate::validate::ValidConfig) -> Self {
        let config = config.into_config();
        let scenario = crate::scenario::kind(&config.scenario);
        let windows = crate::window::assigner(&config.window);
        Self::from_parts(config, scenario, windows, None)
    }

    /// As [`Simulation::new`], also recording the recent arrivals within
    /// `limits` for the event-time picture and "why this number?".
    pub fn with_recent(config: ExperimentConfig, limits: RecentLimits) -> Result<Self, SimError> {
        Ok(Self::from_valid_with_recent(config.validated()?, limits))
    }

    /// [`Simulation::with_recent`] of a config validated already.
    pub fn from_valid_with_recent(
        config: crate::validate::ValidConfig,
        limits: RecentLimits,
    ) -> Self {
        let config = config.into_config();
        let scenario = crate::scenario::kind(&config.scenario);
        let windows = crate::window::assigner(&config.window);
        Self::from_parts(config, scenario, windows, Some(limits))
    }

    /// Builds a simulation whose scenario and window kind are given instead of
    /// chosen by the config: one that is not built in (yet), e.g. a new
    /// scenario or window kind tried in a test before it is registered
    /// (`docs/architecture.md`). `config` is validated as for [`Simulation::new`]:
    /// its scenario and window fields bound nothing of the parts given here.
    pub fn with_parts(
        config: ExperimentConfig,
        scenario: Arc<dyn ScenarioKind>,
        windows: Arc<dyn WindowAssigner>,
    ) -> Result<Self, SimError> {
        let config = config.validated()?.into_config();
        Ok(Self::from_parts(config, scenario, windows, None))
    }

    fn from_parts(
        config: ExperimentConfig,
        scenario: Arc<dyn ScenarioKind>,
        windows: Arc<dyn WindowAssigner>,
        recent: Option<RecentLimits>,
    ) -> Self {
        let scenario = Scenario::from_kind(scenario);
        let source = Source::Generated(Box::new(Generator::new(&config, scenario.clone())));
        Self::build(config, source, scenario, Geometry::new(windows), recent)
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
        let scenario = Scenario::new(&config.scenario);
        let geometry = Geometry::new(crate::window::assigner(&config.window));
        Ok(Self::build(config, source, scenario, geometry, None))
    }

    fn build(
        config: ExperimentConfig,
        source: Source,
        scenario: Scenario,
        geometry: Geometry,
        recent: Option<RecentLimits>,
    ) -> Self {
        let geometry = geometry.with_sessions(&config.window);
        let (web, landing_pages) = WebSessions::for_run(&config, &scenario).unzip();
        let mut sim = Self {
            generator: source,
            transit: Transit::default(),
            truth: Truth::new(geometry.clone(), scenario.key_space(), landing_pages),
            pipelines: [
                Box::new(BatchPipeline::new(
                    &config.batch,
                    geometry.clone(),
                    scenario.clone(),
                )),
                crate::streaming::pipeline(
                    &config.streaming,
                    geometry.clone(),
                    scenario.clone(),
                    config.seed,
                ),
            ],
            scenario,
            geometry,
            now: 0,
            arrived: 0,
            next_sample_ms: 0,
            samples: Vec::new(),
            previous_arrived: 0,
            previous_spread: [0.0; 2],
            steps: 0,
            recent: recent.map(RecentArrivals::new),
            arrivals: Arrivals::default(),
            web,
            settled: Settled::default(),
            config,
        };
        if let Some(limits) = recent {
            // Per record, which completion published each event (the picture's fates).
            sim.pipelines[STREAMING].record_completions(limits);
        }
        sim.deliver_until(0);
        sim.advance_pipelines(0);
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
            let mut x = self.next_wake().min(self.next_sample_ms).min(target);
            if self.pipelines.iter().any(|p| p.idle()) {
                // An idle pipeline waits for the next arrival, not for every trigger.
                x = x.min(self.next_arrival_bound());
            }
            let x = x.max(self.now);
            self.steps += 1;
            self.deliver_until(x);
            self.now = x;
            self.advance_pipelines(x);
            if x == self.next_sample_ms {
                self.take_sample();
            }
            // Something else due at this same instant (a zero-length job) is
            // handled by the next turn, which steps to `x` again.
        }
        self.pipelines.iter_mut().for_each(|p| p.settle());
        if let Some(recent) = &mut self.recent {
            recent.trim(self.now);
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
        self.pipelines
            .iter()
            .map(|p| p.next_time())
            .min()
            .unwrap_or(TimeMs::MAX)
    }

    /// Next instant a pipeline needs the simulation to stop at.
    fn next_wake(&self) -> TimeMs {
        self.pipelines
            .iter()
            .map(|p| p.wake_time())
            .min()
            .unwrap_or(TimeMs::MAX)
    }

    fn advance_pipelines(&mut self, now: TimeMs) {
        for p in &mut self.pipelines {
            p.advance(now);
        }
    }

    /// The batch pipeline.
    pub(super) fn batch(&self) -> &dyn Pipeline {
        self.pipelines[BATCH].as_ref()
    }

    /// The streaming pipeline.
    pub(super) fn streaming(&self) -> &dyn Pipeline {
        self.pipelines[STREAMING].as_ref()
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
        loop {
            let run = self.generator.next_run(until);
            if run.is_empty() {
                break;
            }
            self.truth.add_run(&self.scenario, run);
            self.transit.push_run(run);
        }
        let mut sinks = Sinks {
            pipelines: &mut self.pipelines,
            recent: &mut self.recent,
            arrived: &mut self.arrived,
            web: &mut self.web,
        };
        (self.arrivals).deliver(&mut self.transit, until, &self.scenario, &mut sinks);
        for p in &mut self.pipelines {
            p.catch_up(until);
        }
    }

    /// The micro-batch log (None in continuous mode), for [`crate::progress`].
    pub(crate) fn micro_batch_log(&self) -> Option<&crate::runlog::RunLog<crate::MicroBatchInfo>> {
        self.streaming().micro_batches()
    }
}
