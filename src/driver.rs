//! Drives the [`Runner`] from animation frames: each frame advances simulated
//! time by `speed × wall time since the last frame`, but never spends more than
//! [`STEP_BUDGET_MS`] of wall time stepping, so a frame stays under 16 ms at
//! every speed. When the budget runs out, the snapshot says so (`limited_to`,
//! `catching_up`) and the page shows it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

use crate::browser;
use crate::runner::{Runner, SPEEDS};
use crate::state::{Action, AppState};
use crate::stepping::{step_to, StepTo};
use crate::user_timing;

/// Most wall-clock time spent stepping the simulation in one frame, in ms (only the
/// frames that render nothing step: see [`Driver::tick`]; the frame's own work, about
/// 2 ms more, keeps it near 10 ms).
pub const STEP_BUDGET_MS: f64 = 7.0;
/// Least stepping time per stepping frame, in ms (progress even when rendering is slow;
/// half the frames step, so a machine too slow for its frames keeps about the speed it had
/// when every frame stepped for 2 ms).
pub const MIN_STEP_BUDGET_MS: f64 = 4.0;
/// A 60 Hz frame, in ms.
const FRAME_MS: f64 = 1000.0 / 60.0;
/// While playing, the charts are redrawn at most this often, in wall ms.
pub const CHARTS_EVERY_MS: f64 = 250.0;
/// While playing, the event-time picture is rebuilt this often, in wall ms: in two halves on
/// two frames of their own that neither step nor render, rasterized on a third, then drawn
/// by the next frame, which skips the charts (so its costs never meet each other, the
/// stepping or the charts in one frame).
pub const PICTURE_EVERY_MS: f64 = 500.0;
/// ... and at most once in this many frames: on a slow or busy machine (20 frames per
/// second) the rebuild stays one frame in 30, never one in 10.
pub const PICTURE_EVERY_FRAMES: u64 = 30;
/// While playing, the report (summary, completeness chart) is refreshed this often, in wall ms.
pub const REPORT_EVERY_MS: f64 = 1_500.0;
/// Longest wall-clock gap credited to one frame (a background tab must not jump ahead), in ms.
const MAX_FRAME_GAP_MS: f64 = 100.0;
/// While catching up, paused (a lesson's beat, a link's instant, a fork), the page shows only
/// how far it got: it is rendered this often, in wall ms, and every other frame steps. A
/// teacher opening a lesson at "20 h" waits for the catch-up, not for 30 Hz drawing of a
/// progress figure (when frames alternated, 20 simulated hours took 10–30 s).
pub const CATCH_UP_RENDER_MS: f64 = 100.0;
/// While catching up, paused, the stepping budget is this many times the adapted one (a
/// stepping frame then takes about 12 ms of the 16.7: the page still answers every frame).
const CATCH_UP_BUDGET_FACTOR: f64 = 1.7;

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
    /// The last frame that stepped (the wall time since is credited to the next step).
    last_frame: Cell<Option<f64>>,
    /// The last frame of any kind (whether frames come on time).
    last_tick: Cell<Option<f64>>,
    /// The speed reached by the last frame that stepped (shown until the next one).
    limited_to: Cell<Option<f64>>,
    last_report: Cell<f64>,
    last_charts: Cell<f64>,
    last_picture: Cell<f64>,
    /// The frame (see `frame`) of the last rebuild.
    last_picture_frame: Cell<Option<u64>>,
    /// The picture was rebuilt and the next rendering frame draws it (it skips the charts).
    picture_fresh: Cell<bool>,
    /// A rebuild of the picture started and the next frame finishes it (see
    /// [`Driver::finish_picture`]).
    build_due: Cell<bool>,
    /// The picture was rebuilt and the next frame rasterizes it (see [`Driver::raster_picture`]).
    raster_due: Cell<bool>,
    /// The charts are due: the last stepping frame was left quiet and the next rendering
    /// frame draws them.
    charts_next: Cell<bool>,
    /// Frames since the loop started (the page is redrawn at every other frame while playing).
    frame: Cell<u64>,
    /// When the last snapshot was dispatched (catching up, the page is rendered at
    /// [`CATCH_UP_RENDER_MS`]).
    last_render: Cell<f64>,
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
            last_tick: Cell::new(None),
            limited_to: Cell::new(None),
            last_report: Cell::new(f64::NEG_INFINITY),
            last_charts: Cell::new(f64::NEG_INFINITY),
            last_picture: Cell::new(f64::NEG_INFINITY),
            last_picture_frame: Cell::new(None),
            picture_fresh: Cell::new(false),
            build_due: Cell::new(false),
            raster_due: Cell::new(false),
            charts_next: Cell::new(false),
            budget_ms: Cell::new(STEP_BUDGET_MS / 2.0),
            frame: Cell::new(0),
            last_render: Cell::new(f64::NEG_INFINITY),
        }
    }

    /// The stepping budget for a frame at `ts` (ms), from how late it came after the
    /// previous frame.
    fn adapt_budget(&self, ts: f64) -> f64 {
        let dt = self
            .last_tick
            .replace(Some(ts))
            .map_or(FRAME_MS, |last| ts - last);
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
    ///
    /// While playing, frames alternate: one steps the simulation and renders nothing, the
    /// next renders the page (30 Hz) and steps nothing, so a frame carries either cost,
    /// never both. A frame that renders a fresh picture or the charts follows a frame that
    /// did not step either (the picture's rasterizing, after its rebuild, or a quiet frame):
    /// the page's numbers are then as last rendered, and the browser lays out and paints
    /// the drawing only.
    pub fn tick(&self, ts: f64) -> bool {
        let start = browser::now_ms();
        let drive = self.drive.get();
        let budget = self.adapt_budget(ts);
        if let Some(more) = self.finish_picture() {
            return more;
        }
        if let Some(more) = self.raster_picture() {
            return more;
        }
        if let Some(more) = self.rebuild_picture(ts, drive) {
            return more;
        }
        let Ok(mut cell) = self.runner.try_borrow_mut() else {
            return true;
        };
        let Some(runner) = cell.as_mut() else {
            self.last_frame.set(None);
            self.last_tick.set(None);
            return false;
        };
        let frame = self.frame.get().wrapping_add(1);
        self.frame.set(frame);
        // Paused and catching up: every frame steps but the one that renders, every
        // CATCH_UP_RENDER_MS. Playing (or caught up): frames alternate.
        let catch_up = !drive.playing && runner.catching_up();
        let render_due = catch_up && ts - self.last_render.get() >= CATCH_UP_RENDER_MS;
        let steps = if catch_up {
            !render_due
        } else {
            frame % 2 == 1
        };
        // Charts due: playing, the stepping frame stays quiet and the next one draws
        // them; catching up, the rendering frame draws them.
        let charts_check = if catch_up { render_due } else { steps };
        if charts_check && ts - self.last_charts.get() >= CHARTS_EVERY_MS && charts_on_screen() {
            self.charts_next.set(true);
        } else if steps {
            let budget = if catch_up {
                budget * CATCH_UP_BUDGET_FACTOR
            } else {
                budget
            };
            self.step(runner, ts, start, budget, drive);
        }
        let more = runner.catching_up() || (drive.playing && !runner.finished());
        // A stepping frame spent its budget: the report waits for the next rendering frame.
        if more && steps {
            return more;
        }
        self.last_render.set(ts);
        let fresh = self.picture_fresh.replace(false);
        // Nor in the frame that draws a new picture.
        if !more || (!fresh && ts - self.last_report.get() >= REPORT_EVERY_MS) {
            user_timing::span("bslab:report", || runner.refresh_report());
            self.last_report.set(ts);
        }
        let charts = !more || (!fresh && self.charts_next.get());
        if charts {
            self.last_charts.set(ts);
            self.charts_next.set(false);
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
        if !drive.playing {
            self.limited_to.set(None);
        }
        snapshot.limited_to = self.limited_to.get();
        drop(cell);
        self.dispatch.dispatch(Action::Frame(Rc::new(snapshot)));
        if !more {
            self.last_frame.set(None);
            self.last_tick.set(None);
        }
        more
    }

    /// Steps `runner` by `speed × wall time since the last frame that stepped`, for at most
    /// `budget` ms of wall time from `start`, and keeps the speed reached when the budget
    /// ran out (shown by the next render).
    fn step(&self, runner: &mut Runner, ts: f64, start: f64, budget: f64, drive: Drive) {
        let dt = self
            .last_frame
            .replace(Some(ts))
            .map_or(FRAME_MS, |last| (ts - last).clamp(0.0, MAX_FRAME_GAP_MS));
        let before = runner.now();
        let speed = SPEEDS.get(drive.speed).copied().flatten();
        let wanted = match (drive.playing, speed) {
            (false, _) => before,
            (true, Some(x)) => before.saturating_add((x * dt).round() as i64),
            (true, None) => i64::MAX,
        };
        let reached = user_timing::span("bslab:step", || {
            runner.advance_until(wanted, browser::now_ms, start + budget, budget)
        });
        let limited =
            drive.playing && !reached && !runner.catching_up() && speed.is_some() && dt > 0.0;
        self.limited_to
            .set(limited.then(|| (runner.now() - before) as f64 / dt));
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
        self.build_due.set(true);
        user_timing::span("bslab:picture-build", || runner.start_picture());
        Some(true)
    }

    /// On the frame after a rebuild started, its second half and nothing else (as
    /// [`Driver::raster_picture`]: the frame counter does not move). Some(true) if it did.
    fn finish_picture(&self) -> Option<bool> {
        if !self.build_due.replace(false) {
            return None;
        }
        let mut cell = self.runner.try_borrow_mut().ok()?;
        let runner = cell.as_mut()?;
        self.raster_due.set(true);
        user_timing::span("bslab:picture-build", || runner.finish_picture());
        Some(true)
    }

    /// On the frame after a rebuild, rasterizes the new picture and does nothing else
    /// (no stepping, no rendering; the frame counter does not move, so the next frame
    /// renders and draws it): the picture's cost is spread over four frames, the
    /// rebuild's two halves, its pixels, and their drawing with the page. Some(true) if it did.
    fn raster_picture(&self) -> Option<bool> {
        if !self.raster_due.replace(false) {
            return None;
        }
        let cell = self.runner.try_borrow().ok()?;
        let picture = cell.as_ref()?.picture()?;
        crate::event_time::prepare(&picture.0).then_some(true)
    }
}

/// Whether a chart, or the engines' table (which reads the same progress log), is on
/// screen: while none is, the charts are not redrawn while playing (nobody sees them;
/// one scrolled into view is redrawn by the next rendering frame, and a pause or the
/// run's end redraws them all). Under the sticky top (header, controls) is not on
/// screen. Read at the start of a stepping frame, before anything changed the page, so
/// the boxes' positions cost no layout.
fn charts_on_screen() -> bool {
    let Some(window) = browser::window() else {
        return true;
    };
    let Some(document) = window.document() else {
        return true;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let under_top = document
        .query_selector(".top")
        .ok()
        .flatten()
        .map_or(0.0, |top| top.get_bounding_client_rect().bottom());
    let Ok(list) = document.query_selector_all(".charts, .engine-names") else {
        return true;
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .any(|e| {
            let r = e.get_bounding_client_rect();
            r.bottom() > under_top && r.top() < height
        })
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
