//! Where a sweep is on the page: its plan, the points heard so far and its
//! status, as a reducer (the worker's messages arrive through a dispatcher,
//! which never holds a stale copy of the state).

use std::cell::RefCell;
use std::rc::Rc;

use bslab_engine::sweep::{SweepPlan, SweepPoint};
use yew::Reducible;

use super::Update;
use crate::frame_loop::FrameLoop;

/// Where the sweep is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Status {
    /// Not started.
    #[default]
    Idle,
    /// The worker is computing; points arrive.
    Running,
    /// Every point has come.
    Done,
    /// Stopped by the user (the points so far stay).
    Cancelled,
    /// Refused or failed, in the page's language.
    Failed(String),
}

impl Status {
    /// Machine name (`data-state`: tests wait on it).
    pub fn id(&self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Running => "running",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Failed(_) => "failed",
        }
    }
}

/// The sweep's state.
#[derive(Debug, Default)]
pub struct Sweep {
    /// The running or last plan.
    pub plan: Option<Rc<SweepPlan>>,
    /// The points heard, in the plan's order.
    pub points: Rc<Vec<SweepPoint>>,
    /// Where it is.
    pub status: Status,
}

/// What happens to a sweep.
pub enum Step {
    /// A new plan starts (the old points go).
    Start(Rc<SweepPlan>),
    /// The worker said these, in order (all that came within one animation frame).
    Heard(Vec<Update>),
    /// The user stopped it.
    Cancel,
    /// It was refused before starting.
    Refuse(String),
}

impl Sweep {
    /// The plan's values, in order.
    pub fn values(&self) -> Vec<f64> {
        self.plan
            .as_ref()
            .map_or_else(Vec::new, |plan| plan.values())
    }
}

impl Reducible for Sweep {
    type Action = Step;

    /// Only a running sweep hears the worker: a message still on its way after a
    /// cancel, or after the end, changes nothing.
    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let running = self.status == Status::Running;
        let mut points = Rc::clone(&self.points);
        let mut status = self.status.clone();
        match step {
            Step::Start(plan) => {
                return Rc::new(Sweep {
                    plan: Some(plan),
                    status: Status::Running,
                    ..Sweep::default()
                })
            }
            Step::Refuse(why) => {
                return Rc::new(Sweep {
                    status: Status::Failed(why),
                    ..Sweep::default()
                })
            }
            _ if !running => return self,
            Step::Cancel => status = Status::Cancelled,
            Step::Heard(updates) => {
                for update in updates {
                    match update {
                        _ if status != Status::Running => break,
                        Update::Point(p) => Rc::make_mut(&mut points).push(p),
                        Update::Done => status = Status::Done,
                        Update::Failed(why) => status = Status::Failed(why),
                    }
                }
            }
        }
        Rc::new(Sweep {
            plan: self.plan.clone(),
            points,
            status,
        })
    }
}

/// What the worker says, handed to `deliver` at the next animation frame, all
/// that came before it at once: messages queued while the page was busy are
/// drawn in one render, not one render each (and a hidden page, which gets no
/// frames, draws what came meanwhile when it shows again). Dropping the
/// function cancels the pending frame (a cancelled sweep's).
pub fn per_frame(deliver: impl Fn(Vec<Update>) + 'static) -> impl Fn(Update) {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let frames = {
        let heard = Rc::clone(&heard);
        FrameLoop::new(move |_| {
            let updates = heard.take();
            if !updates.is_empty() {
                deliver(updates);
            }
            false
        })
    };
    move |update| {
        heard.borrow_mut().push(update);
        frames.wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Rc<SweepPlan> {
        let mut c = bslab_engine::presets::all()[0].config.clone();
        c.duration_ms = 5 * 60_000;
        Rc::new(SweepPlan::new(&c, "batch.workers", &[1.0, 2.0, 3.0]).expect("valid"))
    }

    #[test]
    fn points_accumulate_until_done_and_nothing_is_heard_after_a_cancel() {
        let plan = plan();
        let point = plan.run(0);
        let s = Rc::new(Sweep::default()).reduce(Step::Start(Rc::clone(&plan)));
        let heard = |u: Update| Step::Heard(vec![u]);
        let s = s.reduce(heard(Update::Point(point)));
        let s = s.reduce(heard(Update::Point(plan.run(1))));
        assert_eq!((s.points.len(), s.status.id()), (2, "running"));
        let cancelled = Rc::clone(&s).reduce(Step::Cancel);
        let late = cancelled.reduce(heard(Update::Point(plan.run(2))));
        assert_eq!((late.points.len(), late.status.id()), (2, "cancelled"));
        // What came within one frame is heard at once, in order; nothing after the end.
        let done = s.reduce(Step::Heard(vec![
            Update::Point(plan.run(2)),
            Update::Done,
            Update::Point(plan.run(0)),
        ]));
        assert_eq!((done.points.len(), done.status.id()), (3, "done"));
        assert_eq!(done.values(), [1.0, 2.0, 3.0]);
        let again = done.reduce(Step::Start(plan));
        assert!(again.points.is_empty());
    }
}
