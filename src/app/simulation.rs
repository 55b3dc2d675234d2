//! The running simulation beside the reducer: the runner (and the ghost of the
//! run before a fork) in cells, the frame loop that advances them, the effect
//! that rebuilds the runner when a new run is requested, and the ghost's
//! picture at the run's instant. Custom hooks, not components: a component type
//! costs page wasm (`docs/performance.md`).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::driver::{Drive, Driver, RunnerCell};
use crate::frame_loop::FrameLoop;
use crate::runner::{Runner, Snapshot};
use crate::state::{Action, AppState};
use crate::timeline;

/// The simulation's cells and the frame loop that drives them.
pub(super) struct Simulation {
    pub(super) runner: RunnerCell,
    pub(super) ghost: RunnerCell,
}

/// The runner and the ghost, driven by a frame loop that runs while playing or
/// re-simulating, rebuilt whenever `state.run` asks for a new run.
#[hook]
pub(super) fn use_simulation(state: &UseReducerHandle<AppState>) -> Simulation {
    let dispatch = state.dispatcher();
    let runner: RunnerCell = use_mut_ref(|| None);
    let ghost: RunnerCell = use_mut_ref(|| None);
    let drive = use_memo((), |_| Cell::new(Drive::default()));
    drive.set(Drive {
        playing: state.playing,
        speed: state.speed,
    });
    let frames = {
        let (runner, drive, dispatch) = (runner.clone(), drive.clone(), dispatch.clone());
        use_memo((), move |_| {
            let driver = Driver::new(runner, drive, dispatch);
            FrameLoop::new(move |ts| driver.tick(ts))
        })
    };

    // (Re)build the simulation whenever a new run is requested.
    {
        let (runner, dispatch, frames) = (runner.clone(), dispatch.clone(), frames.clone());
        let (ghost, ghost_of) = (ghost.clone(), state.ghost.clone());
        use_effect_with(state.run.clone(), move |run| {
            if let Some(s) = timeline::reuse(&runner, run) {
                dispatch.dispatch(Action::Frame(Rc::new(s)));
                frames.wake();
                return;
            }
            timeline::ghost::hand_over(&runner, &ghost, ghost_of.as_deref());
            // The config was validated when it was made: building cannot fail.
            let mut built = Runner::from_valid((*run.config).clone(), run.catch_up_to);
            built.id = run.id;
            let snapshot = built.snapshot();
            if let Ok(mut cell) = runner.try_borrow_mut() {
                *cell = Some(built);
            }
            dispatch.dispatch(Action::Frame(Rc::new(snapshot)));
            frames.wake();
        });
    }
    // Frames are needed while playing or re-simulating, and once more after a pause
    // (the report is computed when time stops).
    {
        let needs_frame = state.animating()
            || state.view.as_ref().is_some_and(|v| {
                v.report
                    .as_ref()
                    .is_none_or(|r| r.report.t_ms != v.live.t_ms)
            });
        use_effect(move || {
            if needs_frame {
                frames.wake();
            }
        });
    }
    Simulation { runner, ghost }
}

/// The ghost (the run before a fork) at the run's instant, following it
/// whenever the charts are redrawn.
#[hook]
pub(super) fn use_ghost_view(state: &AppState, ghost: &RunnerCell) -> Option<Rc<Snapshot>> {
    let ghost_view = use_state(|| None::<Rc<Snapshot>>);
    {
        let (ghost, ghost_view) = (ghost.clone(), ghost_view.clone());
        // Not while the new run re-simulates up to the fork: the ghost is there already.
        let drawn = state
            .view
            .as_ref()
            .filter(|v| v.catching_up.is_none())
            .map(|v| (v.samples.len(), v.live.t_ms));
        let on = state.ghost.is_some();
        use_effect_with((drawn, on), move |(drawn, on)| match (drawn, on) {
            (Some((_, t)), true) => ghost_view.set(timeline::ghost::picture(&ghost, *t)),
            _ if ghost_view.is_some() => ghost_view.set(None),
            _ => {}
        });
    }
    state.ghost.as_ref().and((*ghost_view).clone())
}
