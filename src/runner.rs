//! The running experiment: a [`Simulation`] plus what the page needs to drive it
//! frame by frame (chunked stepping under a wall-clock budget, catching up after
//! a fork) and the compact [`Snapshot`] the components draw. Pure Rust: the
//! clock is a parameter (`out_of_time`), never read here; no simulation logic
//! either, every number comes from the engine.

mod picture;
mod report_view;

use std::rc::Rc;

use bslab_engine::event_time::{picture_span_ms, PictureBuild};
use bslab_engine::{
    DashboardRow, ExperimentConfig, Live, QueryProgress, RecentLimits, Sample, SimError,
    Simulation, TimeMs, ValidConfig,
};

use crate::charts::spark_points::{SparkPoint, SparkPoints};
use crate::downsample::downsample;
use crate::event_time::PictureRef;
use crate::flink::FlinkPools;
use crate::timeline::checkpoints::Checkpoints;

pub use report_view::{ReportView, WindowPoint};

/// A playback speed, in simulated ms per wall-clock ms (`None`: as fast as the frame budget allows).
pub type Speed = Option<f64>;

/// Playback speeds, slowest first: real time, 10×, 1 simulated minute / hour / 6 hours / day
/// per second, and the fastest the machine allows.
pub const SPEEDS: [Speed; 8] = [
    Some(1.0),
    Some(10.0),
    Some(60.0),
    Some(600.0),
    Some(3_600.0),
    Some(21_600.0),
    Some(86_400.0),
    None,
];

/// Index of the speed used when the page opens (10 simulated minutes per second).
pub const DEFAULT_SPEED: usize = 3;

/// Rows of each dashboard.
pub const DASHBOARD_ROWS: usize = 6;

/// Largest chunk of simulated time stepped at once, in ms (6 h).
const MAX_CHUNK_MS: TimeMs = 6 * 3_600_000;

/// Most points per chart series: longer series are merged in buckets (see [`downsample`]).
pub const MAX_POINTS: usize = 360;

/// What the components draw, taken after each frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Live counters.
    pub live: Live,
    /// The experiment's duration, in ms.
    pub duration_ms: TimeMs,
    /// Published totals vs truth, per group.
    pub dashboard: Vec<DashboardRow>,
    /// The metric time series, at most [`MAX_POINTS`] points (shared until a sample is added).
    pub samples: Rc<Vec<Sample>>,
    /// The latest report, if it is up to date with `live.t_ms`, else the previous one.
    pub report: Option<Rc<ReportView>>,
    /// Re-simulating towards a fork point or a shared instant: progress in `[0, 1)`.
    pub catching_up: Option<f64>,
    /// Playing slower than asked because the frame budget ran out: the speed reached
    /// (simulated ms per wall ms).
    pub limited_to: Option<f64>,
    /// Whether the end of the experiment has been reached.
    pub finished: bool,
    /// The run this picture belongs to (the app's `RunRequest::id`).
    pub run_id: u64,
    /// The micro-batch progress log folded into chart points (Spark's UI charts).
    pub spark: Rc<Vec<SparkPoint>>,
    /// The newest micro-batch's `StreamingQueryProgress`.
    pub latest_progress: Option<Rc<QueryProgress>>,
    /// The streaming pools' time per second (Flink's names): over the last sample
    /// interval, and over the whole run so far.
    pub pools: (Option<FlinkPools>, Option<FlinkPools>),
    /// The event-time picture (see [`Runner::refresh_picture`]).
    pub picture: Option<PictureRef>,
}

/// A simulation driven by the page.
pub struct Runner {
    /// The run's id, copied into every snapshot (see [`Snapshot::run_id`]).
    pub id: u64,
    sim: Simulation,
    catch_up_to: TimeMs,
    chunk_ms: TimeMs,
    samples_len: usize,
    samples: Rc<Vec<Sample>>,
    report: Option<Rc<ReportView>>,
    spark: SparkPoints,
    spark_points: Rc<Vec<SparkPoint>>,
    picture: Option<PictureRef>,
    /// A rebuild of the picture under way (see [`Runner::start_picture`]).
    picture_build: Option<PictureBuild>,
    checkpoints: Checkpoints,
}

impl Runner {
    /// A new run of `config`, which will first re-simulate up to `catch_up_to` (a fork).
    pub fn new(config: ExperimentConfig, catch_up_to: TimeMs) -> Result<Self, SimError> {
        Ok(Self::from_valid(config.validated()?, catch_up_to))
    }

    /// [`Runner::new`] of a config validated already (an edit, validated once).
    pub fn from_valid(config: ValidConfig, catch_up_to: TimeMs) -> Self {
        // Recent arrivals are kept for the event-time picture and "why this number?".
        let limits = RecentLimits {
            span_ms: picture_span_ms(&config),
            max_events: RecentLimits::APP_MAX_EVENTS,
        };
        let sim = Simulation::from_valid_with_recent(config, limits);
        let duration_ms = sim.config().duration_ms;
        let catch_up_to = catch_up_to.clamp(0, duration_ms);
        Self {
            id: 0,
            chunk_ms: sim.config().sample_every_ms.clamp(10, 60_000),
            checkpoints: Checkpoints::new(&sim),
            sim,
            catch_up_to,
            samples_len: usize::MAX,
            samples: Rc::new(Vec::new()),
            report: None,
            spark: SparkPoints::new(duration_ms),
            spark_points: Rc::new(Vec::new()),
            picture: None,
            picture_build: None,
        }
    }

    /// A run going on from `sim` (a checkpoint's copy), with no catching up to do.
    pub fn resumed(sim: Simulation) -> Self {
        Self {
            id: 0,
            chunk_ms: sim.config().sample_every_ms.clamp(10, 60_000),
            checkpoints: Checkpoints::new(&sim),
            catch_up_to: sim.now(),
            spark: SparkPoints::new(sim.config().duration_ms),
            sim,
            samples_len: usize::MAX,
            samples: Rc::new(Vec::new()),
            report: None,
            spark_points: Rc::new(Vec::new()),
            picture: None,
            picture_build: None,
        }
    }

    /// Current simulated time, in ms.
    pub fn now(&self) -> TimeMs {
        self.sim.now()
    }

    /// The experiment.
    pub fn config(&self) -> &ExperimentConfig {
        self.sim.config()
    }

    /// Whether the end has been reached.
    pub fn finished(&self) -> bool {
        self.sim.is_finished()
    }

    /// Whether it is still re-simulating up to the fork point.
    pub fn catching_up(&self) -> bool {
        self.sim.now() < self.catch_up_to
    }

    /// Advances towards `wanted_ms` (or the fork point, if later) in chunks of
    /// simulated time, until there or until the next chunk would pass `deadline` on the
    /// wall clock (`clock()`, in ms), judged by what the last chunk took; returns whether
    /// it got there. The first chunk always runs (progress on any machine). The chunk
    /// size adapts so that one chunk takes about a tenth of `budget_ms` of wall time.
    pub fn advance_until(
        &mut self,
        wanted_ms: TimeMs,
        clock: impl Fn() -> f64,
        deadline: f64,
        budget_ms: f64,
    ) -> bool {
        let target = wanted_ms
            .max(self.catch_up_to)
            .min(self.sim.config().duration_ms);
        while self.sim.now() < target {
            let next = self.sim.now().saturating_add(self.chunk_ms).min(target);
            let before = clock();
            // `next` ≥ now: stepping forward cannot fail.
            let _ = self.sim.step_until(next);
            self.checkpoints.record(&self.sim);
            let after = clock();
            let took = after - before;
            // The next chunk costs about what this one did, twice that if it doubles.
            let mut next_takes = took;
            if took > budget_ms / 5.0 && self.chunk_ms > 10 {
                self.chunk_ms /= 2;
            } else if took < budget_ms / 20.0 && self.chunk_ms < MAX_CHUNK_MS {
                self.chunk_ms *= 2;
                next_takes *= 2.0;
            }
            if self.sim.now() < target && after + next_takes > deadline {
                return false;
            }
        }
        true
    }

    /// Advances towards `wanted_ms` with no wall-clock limit except `out_of_time()`,
    /// checked after each chunk (tests and the CLI-like uses).
    pub fn advance(&mut self, wanted_ms: TimeMs, mut out_of_time: impl FnMut() -> bool) -> bool {
        let target = wanted_ms
            .max(self.catch_up_to)
            .min(self.sim.config().duration_ms);
        while self.sim.now() < target {
            let next = self.sim.now().saturating_add(self.chunk_ms).min(target);
            let _ = self.sim.step_until(next);
            self.checkpoints.record(&self.sim);
            if self.sim.now() < target && out_of_time() {
                return false;
            }
        }
        true
    }

    /// The live counters right now (what [`crate::stepping`] compares).
    pub fn live(&self) -> Live {
        self.sim.live()
    }

    /// One engine step: to the next arrival, trigger, job start/end or sample.
    pub fn step(&mut self) {
        if !self.sim.is_finished() {
            self.sim.step();
            self.checkpoints.record(&self.sim);
        }
    }

    /// Goes to `t_ms` (clamped to the run) from the latest checkpoint at or
    /// before it when that is nearer than where the run is (always, going back);
    /// the frames (or [`Runner::advance`]) then re-simulate up to it, as after a fork.
    pub fn seek(&mut self, t_ms: TimeMs) {
        let t = t_ms.clamp(0, self.sim.config().duration_ms);
        let now = self.sim.now();
        let nearer = self
            .checkpoints
            .at_or_before(t)
            .filter(|copy| t < now || copy.now() > now);
        if let Some(copy) = nearer {
            self.sim = copy.clone();
            self.samples_len = usize::MAX;
            self.report = None;
        }
        self.catch_up_to = t;
    }

    /// The run's checkpoints (step back scans from them).
    pub fn checkpoints(&self) -> &Checkpoints {
        &self.checkpoints
    }

    /// Whether the report is for the current instant.
    pub fn report_is_current(&self) -> bool {
        self.report
            .as_ref()
            .is_some_and(|r| r.report.t_ms == self.sim.now())
    }

    /// The simulation (for the CSV files of the run).
    pub fn sim(&self) -> &Simulation {
        &self.sim
    }

    /// Recomputes the report (digest, totals, per-window completeness).
    pub fn refresh_report(&mut self) {
        if self.report_is_current() {
            return;
        }
        self.report = Some(Rc::new(ReportView::of(&self.sim)));
    }

    /// What the page draws now, with the chart series and the picture brought up to date.
    pub fn snapshot(&mut self) -> Snapshot {
        self.refresh_picture();
        self.snapshot_with(true)
    }

    /// What the page draws now; `series`: bring the chart series up to date too
    /// (else they stay as they were: redrawing every chart at every frame costs
    /// more than a frame at the fastest speeds).
    pub fn snapshot_with(&mut self, series: bool) -> Snapshot {
        let all = self.sim.samples();
        if series && self.samples_len != all.len() {
            self.samples_len = all.len();
            self.samples = Rc::new(downsample(all, MAX_POINTS));
        }
        if series && self.spark.follow(&self.sim) {
            self.spark_points = Rc::new(self.spark.points().to_vec());
        }

        let catching_up = self
            .catching_up()
            .then(|| self.sim.now() as f64 / (self.catch_up_to.max(1)) as f64);
        Snapshot {
            live: self.sim.live(),
            duration_ms: self.sim.config().duration_ms,
            dashboard: self.sim.dashboard(DASHBOARD_ROWS),
            samples: Rc::clone(&self.samples),
            report: self.report.clone(),
            catching_up,
            limited_to: None,
            finished: self.sim.is_finished(),
            run_id: self.id,
            spark: Rc::clone(&self.spark_points),
            latest_progress: self.sim.latest_progress().map(Rc::new),
            pools: crate::flink::latest_and_run(
                self.sim.samples(),
                &self.sim.config().streaming.mode,
            ),
            picture: self.picture.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn a_fork_catches_up_then_matches_a_straight_run() {
        let mut config = bslab_engine::presets::all()[0].config.clone();
        config.duration_ms = 20 * 60_000;
        let mut fork = Runner::new(config.clone(), 10 * 60_000).expect("valid");
        assert!(fork.catching_up());
        let mut calls = 0;
        assert!(!fork.advance(0, || {
            calls += 1;
            calls > 3
        }));
        assert!(fork.snapshot().catching_up.is_some());
        assert!(fork.advance(0, || false));
        assert_eq!(fork.now(), 10 * 60_000);
        assert!(!fork.catching_up());
        fork.advance(i64::MAX, || false);
        fork.refresh_report();
        let mut straight = Runner::new(config, 0).expect("valid");
        straight.advance(i64::MAX, || false);
        straight.refresh_report();
        let digest = |r: &mut Runner| r.snapshot().report.map(|v| v.digest.clone());
        assert_eq!(digest(&mut fork), digest(&mut straight));
        assert!(straight.snapshot().finished);
        let windows = straight.snapshot().report.map(|r| r.windows.len());
        assert_eq!(windows, Some(20));
    }

    #[test]
    fn a_frame_stops_stepping_before_a_chunk_that_would_pass_its_deadline() {
        let config = bslab_engine::presets::all()[0].config.clone();
        let mut run = Runner::new(config.clone(), 0).expect("valid");
        // A clock on which each chunk takes 3 ms (read once before and once after it).
        let reads = Cell::new(0_u32);
        let clock = || {
            reads.set(reads.get() + 1);
            f64::from(reads.get() / 2) * 3.0
        };
        assert!(!run.advance_until(i64::MAX, clock, 8.0, 8.0));
        // Two chunks (6 ms, four reads): a third would end at 9 ms, past the 8 ms deadline.
        assert_eq!(reads.get(), 4);
        // Where it stopped, it resumes: the same results as one straight run.
        run.advance(i64::MAX, || false);
        run.refresh_report();
        let mut straight = Runner::new(config, 0).expect("valid");
        straight.advance(i64::MAX, || false);
        straight.refresh_report();
        let digest = |r: &mut Runner| r.snapshot().report.map(|v| v.digest.clone());
        assert_eq!(digest(&mut run), digest(&mut straight));
    }
}
