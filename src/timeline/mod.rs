//! Time travel: any instant of a run can be reached again, because runs are
//! deterministic. Going back restores the latest [`checkpoints::Checkpoints`]
//! copy before the instant and re-simulates from there; going forward just
//! simulates on. The timeline bar, Step back and a lesson's beats all go
//! through [`seek`].

pub mod checkpoints;
pub mod ghost;

use std::rc::Rc;

use bslab_engine::TimeMs;
use yew::UseReducerDispatcher;

use crate::driver::RunnerCell;
use crate::runner::{Runner, Snapshot};
use crate::state::{Action, AppState, RunRequest};
use crate::stepping::{step_to, Moment, StepTo};

/// Most moments scanned by one Step back (each is at most [`crate::stepping::MAX_STEPS`] engine steps).
const MAX_MOMENTS: u32 = 10_000;

/// The last meaningful moment (see [`crate::stepping`]) before the runner's
/// instant, found by re-simulating from the checkpoint before it; the
/// checkpoint's own instant when nothing happened in between, 0 at the start.
pub fn previous_moment(runner: &Runner) -> TimeMs {
    let now = runner.now();
    let Some(copy) = runner.checkpoints().at_or_before(now - 1) else {
        return 0;
    };
    let mut scratch = Runner::resumed(copy.clone());
    let mut last = scratch.now();
    for _ in 0..MAX_MOMENTS {
        let moment = step_to(&mut scratch, StepTo::Moment);
        if scratch.now() >= now || matches!(moment, Moment::End | Moment::NothingYet) {
            break;
        }
        last = scratch.now();
    }
    last
}

/// Pauses and goes to `t_ms`: the frames re-simulate up to it (a progress bar
/// shows while they do), then the page shows that instant.
pub fn seek(runner: &RunnerCell, dispatch: &UseReducerDispatcher<AppState>, t_ms: TimeMs) {
    dispatch.dispatch(Action::Pause);
    let snapshot = {
        let Ok(mut cell) = runner.try_borrow_mut() else {
            return;
        };
        let Some(runner) = cell.as_mut() else { return };
        runner.seek(t_ms);
        runner.snapshot()
    };
    dispatch.dispatch(Action::Frame(Rc::new(snapshot)));
}

/// A new run request for the experiment already running is time travel within
/// that run (its checkpoints are kept): the runner seeks to the request's
/// instant and the picture of it is returned; `None` when the runner must be rebuilt.
pub fn reuse(runner: &RunnerCell, run: &RunRequest) -> Option<Snapshot> {
    let mut cell = runner.try_borrow_mut().ok()?;
    let current = cell.as_mut().filter(|r| *r.config() == **run.config)?;
    current.id = run.id;
    current.seek(run.catch_up_to);
    Some(current.snapshot())
}

/// Step back: pauses and goes to the previous meaningful moment.
pub fn step_back(runner: &RunnerCell, dispatch: &UseReducerDispatcher<AppState>) {
    let target = {
        let Ok(cell) = runner.try_borrow() else {
            return;
        };
        let Some(runner) = cell.as_ref() else { return };
        if runner.catching_up() {
            return;
        }
        previous_moment(runner)
    };
    seek(runner, dispatch, target);
}

#[cfg(test)]
mod tests;
