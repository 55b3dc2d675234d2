//! Fork with a ghost: when a parameter is changed mid-run, the run from before
//! the change is kept as a *ghost*, drawn faint under the new run on every
//! chart until dismissed. The ghost is the old run itself (its runner, moved
//! aside with its checkpoints), advanced to the new run's instant whenever the
//! charts are redrawn, so both are compared at the same simulated time.
//!
//! Fork semantics (unchanged by the ghost, see the parameter panel's note): the
//! new run is a fresh run of the new experiment, re-simulated from t = 0 with
//! the same seed up to the fork instant, then continued; the ghost is a fresh
//! run of the old experiment. Both are therefore exactly what a straight run of
//! each would show at that instant (`tests.rs` checks it).

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, TimeMs};

use crate::browser;
use crate::charts::Series;
use crate::driver::RunnerCell;
use crate::runner::Snapshot;

/// Wall time the ghost may take to catch up with the new run per redraw, in ms.
const BUDGET_MS: f64 = 12.0;

/// Ghost colours: the pipelines' own, faded (Okabe–Ito orange and blue on white).
const GHOST_BATCH: &str = "#F2D28C";
const GHOST_STREAMING: &str = "#9CC3E0";

/// Before the current runner is replaced by a run of another experiment: moves it
/// aside as the ghost when it runs `ghost_of` (the experiment before the change),
/// and drops the ghost when there is none to keep.
pub fn hand_over(runner: &RunnerCell, ghost: &RunnerCell, ghost_of: Option<&ExperimentConfig>) {
    let (Ok(mut current), Ok(mut kept)) = (runner.try_borrow_mut(), ghost.try_borrow_mut()) else {
        return;
    };
    match ghost_of {
        Some(old) if current.as_ref().is_some_and(|r| r.config() == old) => *kept = current.take(),
        Some(old) if kept.as_ref().is_some_and(|r| r.config() == old) => {}
        _ => *kept = None,
    }
}

/// The ghost at `t_ms` (as far as [`BUDGET_MS`] allows this time), with its report.
pub fn picture(ghost: &RunnerCell, t_ms: TimeMs) -> Option<Rc<Snapshot>> {
    let mut cell = ghost.try_borrow_mut().ok()?;
    let run = cell.as_mut()?;
    if t_ms < run.now() {
        run.seek(t_ms);
    }
    let start = browser::now_ms();
    run.advance_until(t_ms, browser::now_ms, start + BUDGET_MS, BUDGET_MS);
    run.refresh_report();
    Some(Rc::new(run.snapshot()))
}

/// `series` restyled as the ghost's: faded colour, thinner, no markers, named
/// `… (before)` in the legend.
/// Only the pipelines' series are kept (input and capacity lines would repeat).
pub fn faded(series: Vec<Series>, before: &str) -> Vec<Series> {
    use crate::charts::{BATCH, STREAMING};
    series
        .into_iter()
        .filter(|s| s.color == BATCH || s.color == STREAMING)
        .map(|s| Series {
            id: "ghost",
            name: format!("{} ({before})", s.name),
            color: if s.color == BATCH {
                GHOST_BATCH
            } else {
                GHOST_STREAMING
            },
            width: (s.width * 0.8).max(1.5),
            marker: crate::charts::Marker::None,
            ..s
        })
        .collect()
}

/// The ghost's series under the run's own: `ghost` first, so it is drawn below.
pub fn under(ghost: Option<&Vec<Series>>, run: &Rc<Vec<Series>>) -> Rc<Vec<Series>> {
    match ghost {
        Some(g) if !g.is_empty() => Rc::new(g.iter().chain(run.iter()).cloned().collect()),
        _ => Rc::clone(run),
    }
}
