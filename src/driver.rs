//! Drives the [`Runner`] from animation frames: each frame advances simulated
//! time by `speed × wall time since the last frame`, but never spends more than
//! [`STEP_BUDGET_MS`] of wall time stepping, so a frame stays under 16 ms at
//! every speed. When the budget runs out, the snapshot says so (`limited_to`,
//! `catching_up`) and the page shows it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::UseReducerDispatcher;

use crate::browser;
use crate::runner::{Runner, SPEEDS};
use crate::state::{Action, AppState};
use crate::stepping::{step_to, StepTo};
use crate::user_timing;

/// Most wall-clock time spent stepping the simulation in one frame, in ms.
pub const STEP_BUDGET_MS: f64 = 7.0;
/// Least stepping time per frame, in ms (progress even when rendering is slow).
pub const MIN_STEP_BUDGET_MS: f64 = 2.0;
/// Most stepping time in a frame that also renders the page (every other frame while
/// playing), in ms: that frame's Yew rendering, style, layout and paint need its time,
/// and the frame in between, which renders nothing, steps for the full budget.
pub const RENDER_STEP_BUDGET_MS: f64 = 3.0;
/// A 60 Hz frame, in ms.
const FRAME_MS: f64 = 1000.0 / 60.0;
/// While playing, the charts are redrawn at most this often, in wall ms.
pub const CHARTS_EVERY_MS: f64 = 250.0;
/// While playing, the event-time picture is rebuilt this often, in wall ms: on a frame of its
/// own that neither steps nor renders, then drawn by the next frame, which skips the charts
/// (so its two costs never meet each other, the stepping or the charts in one frame).
pub const PICTURE_EVERY_MS: f64 = 500.0;
/// ... and at most once in this many frames: on a slow or busy machine (20 frames per
/// second) the rebuild stays one frame in 30, never one in 10.
pub const PICTURE_EVERY_FRAMES: u64 = 30;
/// While playing, the report (summary, completeness chart) is refreshed this often, in wall ms.
pub const REPORT_EVERY_MS: f64 = 1_500.0;
/// Longest wall-clock gap credited to one frame (a background tab must not jump ahead), in ms.
const MAX_FRAME_GAP_MS: f64 = 100.0;

/// What the user asked for, updated by every render of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Drive {
    /// Simulated time is running.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
}

/// The simulation cell shared by the page, the frame loop and the keyboard.
pub type RunnerCell = Rc<RefCell<Option<Runner>>>;

/// State of the frame loop between frames.
pub struct Driver {
    runner: RunnerCell,
    drive: Rc<Cell<Drive>>,
    dispatch: UseReducerDispatcher<AppState>,
    last_frame: Cell<Option<f64>>,
    last_report: Cell<f64>,
    last_charts: Cell<f64>,
    last_picture: Cell<f64>,
    /// The frame (see `frame`) of the last rebuild.
    last_picture_frame: Cell<Option<u64>>,
    /// The picture was rebuilt and the next rendering frame draws it (it skips the charts).
    picture_fresh: Cell<bool>,
    /// Frames since the loop started (the page is redrawn at every other frame while playing).
    frame: Cell<u64>,
    /// Stepping budget of the next frame, in ms: shrinks when frames come late
    /// (rendering and painting need their share), grows back while they are on time.
    budget_ms: Cell<f64>,
}

impl Driver {
    /// A driver of `runner`, reading `drive` and reporting frames to `dispatch`.
    pub fn new(
        runner: RunnerCell,
        drive: Rc<Cell<Drive>>,
        dispatch: UseReducerDispatcher<AppState>,
    ) -> Self {
        Self {
            runner,
            drive,
            dispatch,
            last_frame: Cell::new(None),
            last_report: Cell::new(f64::NEG_INFINITY),
            last_charts: Cell::new(f64::NEG_INFINITY),
            last_picture: Cell::new(f64::NEG_INFINITY),
            last_picture_frame: Cell::new(None),
            picture_fresh: Cell::new(false),
            budget_ms: Cell::new(STEP_BUDGET_MS / 2.0),
            frame: Cell::new(0),
        }
    }

    /// The stepping budget for a frame that came `dt` ms after the previous one.
    fn adapt_budget(&self, dt: f64) -> f64 {
        let b = self.budget_ms.get();
        let next = if dt > 1.25 * FRAME_MS {
            b * 0.7
        } else if dt < 1.1 * FRAME_MS {
            b + 0.1
        } else {
            b
        };
        let next = next.clamp(MIN_STEP_BUDGET_MS, STEP_BUDGET_MS);
        self.budget_ms.set(next);
        next
    }

    /// One animation frame at `ts` (ms); returns whether another frame is needed.
    pub fn tick(&self, ts: f64) -> bool {
        let start = browser::now_ms();
        let drive = self.drive.get();
        if let Some(more) = self.rebuild_picture(ts, drive) {
            return more;
        }
        let dt = self
            .last_frame
            .replace(Some(ts))
            .map_or(1000.0 / 60.0, |last| {
                (ts - last).clamp(0.0, MAX_FRAME_GAP_MS)
            });
        let Ok(mut cell) = self.runner.try_borrow_mut() else {
            return true;
        };
        let Some(runner) = cell.as_mut() else {
            self.last_frame.set(None);
            return false;
        };
        let before = runner.now();
        let speed = SPEEDS.get(drive.speed).copied().flatten();
        let wanted = match (drive.playing, speed) {
            (false, _) => before,
            (true, Some(x)) => before.saturating_add((x * dt).round() as i64),
            (true, None) => i64::MAX,
        };
        let budget = self.adapt_budget(dt);
        // A frame that renders steps less, and the least when it will also draw a fresh
        // picture or the charts: the rendering needs the frame's time (at the fastest speed
        // the run moves less in it, and more in the next frame, which renders nothing).
        let renders = self.frame.get().wrapping_add(1).is_multiple_of(2);
        let draws = self.picture_fresh.get() || ts - self.last_charts.get() >= CHARTS_EVERY_MS;
        let budget = match (renders, draws) {
            (true, true) => MIN_STEP_BUDGET_MS,
            (true, false) => budget.min(RENDER_STEP_BUDGET_MS),
            (false, _) => budget,
        };
        let reached = user_timing::span("bslab:step", || {
            runner.advance_until(wanted, browser::now_ms, start + budget, budget)
        });
        let catching = runner.catching_up();
        let more = catching || (drive.playing && !runner.finished());
        if !more || ts - self.last_report.get() >= REPORT_EVERY_MS {
            user_timing::span("bslab:report", || runner.refresh_report());
            self.last_report.set(ts);
        }
        // While playing, redraw the page at 30 Hz (every other frame): counters stay
        // smooth, and the browser's style, layout and paint work is halved.
        let frame = self.frame.get().wrapping_add(1);
        self.frame.set(frame);
        if more && frame % 2 == 1 {
            return more;
        }
        let fresh = self.picture_fresh.replace(false);
        let charts = !more || (!fresh && ts - self.last_charts.get() >= CHARTS_EVERY_MS);
        if charts {
            self.last_charts.set(ts);
        }
        if !more {
            runner.refresh_picture();
        }
        let name = if charts {
            "bslab:snapshot-charts"
        } else {
            "bslab:snapshot"
        };
        let mut snapshot = user_timing::span(name, || runner.snapshot_with(charts));
        if drive.playing && !reached && !catching && speed.is_some() && dt > 0.0 {
            snapshot.limited_to = Some((runner.now() - before) as f64 / dt);
        }
        drop(cell);
        self.dispatch.dispatch(Action::Frame(Rc::new(snapshot)));
        if !more {
            self.last_frame.set(None);
        }
        more
    }
}

impl Driver {
    /// While running, on a frame that would not render, rebuilds the event-time
    /// picture when it is due, and nothing else (no stepping: the frame's time is
    /// credited to the next one). Some(whether another frame is needed) if it did.
    fn rebuild_picture(&self, ts: f64, drive: Drive) -> Option<bool> {
        let odd = self.frame.get().wrapping_add(1) % 2 == 1;
        let recent = self
            .last_picture_frame
            .get()
            .is_some_and(|f| self.frame.get().wrapping_sub(f) < PICTURE_EVERY_FRAMES);
        if !odd || recent || ts - self.last_picture.get() < PICTURE_EVERY_MS {
            return None;
        }
        let mut cell = self.runner.try_borrow_mut().ok()?;
        let runner = cell.as_mut()?;
        if !(drive.playing || runner.catching_up()) || runner.finished() {
            return None;
        }
        self.frame.set(self.frame.get().wrapping_add(1));
        self.last_picture.set(ts);
        self.last_picture_frame.set(Some(self.frame.get()));
        self.picture_fresh.set(true);
        user_timing::span("bslab:picture-build", || runner.refresh_picture());
        Some(true)
    }
}

/// The Step button and the → key: advance to the next moment of kind `to` (see
/// [`crate::stepping`]), then one [`Action::Step`] pauses, shows the new frame
/// and says what happened, in one state change.
pub fn step_once(runner: &RunnerCell, dispatch: &UseReducerDispatcher<AppState>, to: StepTo) {
    let stepped = runner.try_borrow_mut().ok().and_then(|mut cell| {
        let runner = cell.as_mut().filter(|r| !r.catching_up())?;
        let moment = step_to(runner, to);
        runner.refresh_report();
        Some((runner.snapshot(), moment))
    });
    // Nothing to step (no run yet, or a fork still catching up): it only pauses.
    dispatch.dispatch(match stepped {
        Some((snapshot, moment)) => Action::Step(Rc::new(snapshot), moment),
        None => Action::Pause,
    });
}
