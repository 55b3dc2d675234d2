//! Periodic copies of a running [`Simulation`], so that going back in time (the
//! timeline, step back, a lesson's previous beat) re-simulates from the nearest
//! earlier copy instead of from t = 0. Runs are deterministic, so a copy stepped
//! on to `t` is the same state as a straight run to `t` (`tests.rs` checks it).

use bslab_engine::resources::{Resources, MAX_MEMORY_BYTES};
use bslab_engine::{ExperimentConfig, Simulation, TimeMs};

/// Copies kept over one run at most: reaching any instant re-simulates at most
/// 1/`PER_RUN` of the run.
pub const PER_RUN: i64 = 24;

/// How many copies `config`'s run may keep: [`PER_RUN`], fewer when the run and
/// its copies together could pass the engine's memory share of a tab
/// ([`MAX_MEMORY_BYTES`], by the engine's own upper bound of one run), and at
/// least one (t = 0: going back is then a re-run from the start, as without copies).
pub fn copies_for(config: &ExperimentConfig) -> i64 {
    let one = Resources::of(config).memory_bytes().max(1.0);
    let fit = (MAX_MEMORY_BYTES / one).floor() as i64 - 1;
    fit.clamp(1, PER_RUN)
}

/// The copies of one run, oldest first.
#[derive(Debug, Clone)]
pub struct Checkpoints {
    every_ms: TimeMs,
    list: Vec<Simulation>,
}

impl Checkpoints {
    /// Copies of `sim`'s run, one every 1/[`copies_for`] of its duration, starting with `sim` itself.
    pub fn new(sim: &Simulation) -> Self {
        let copies = copies_for(sim.config());
        let every_ms = if copies > 1 {
            (sim.config().duration_ms / copies).max(1)
        } else {
            TimeMs::MAX
        };
        Self {
            every_ms,
            list: vec![sim.clone()],
        }
    }

    /// Simulated time between two copies, in ms.
    pub fn every_ms(&self) -> TimeMs {
        self.every_ms
    }

    /// Keeps a copy of `sim` if it has gone a whole interval past the newest copy.
    pub fn record(&mut self, sim: &Simulation) {
        let newest = self.list.last().map_or(TimeMs::MIN, Simulation::now);
        if sim.now() / self.every_ms > newest / self.every_ms {
            self.list.push(sim.clone());
        }
    }

    /// The latest copy at or before `t_ms` (the one at t = 0 at worst).
    pub fn at_or_before(&self, t_ms: TimeMs) -> Option<&Simulation> {
        self.list.iter().rev().find(|s| s.now() <= t_ms)
    }

    /// How many copies are kept.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether no copy is kept (never: the one at t = 0 is always there).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
