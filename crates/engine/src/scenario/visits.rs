//! Visits: the page views a visit makes after its first. The first (landing)
//! view is an ordinary event of the Poisson process; each view then decides,
//! from its own seeded RNG stream, whether the visit goes on, and when (a
//! think time), so a visit is a handful of views by one visitor spread over
//! minutes. Only the next view of each visit under way is held (in a
//! calendar of buckets, `view_queue.rs`): memory is
//! bounded by the visits under way, not by their views.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};

use super::view_queue::{View, ViewQueue};
use super::weighted::Weighted;
use crate::event::Event;
use crate::rng::{rng, Stream};
use crate::time::TimeMs;

/// How a scenario's visits go on after their landing view
/// ([`super::ScenarioKind::visits`]).
#[derive(Debug, Clone, Copy)]
pub struct Visits {
    /// Mean page views per visit: landing views arrive at `rate_eps / mean_views`,
    /// so that page views arrive at `rate_eps` on average.
    pub mean_views: f64,
    /// Probability that a visit ends after its landing view (a bounce), by
    /// the landing view's `detail`.
    pub bounce: [f64; 32],
    /// Probability that a visit goes on after each of its views from the second.
    pub more: f64,
    /// Mean time between two views of a visit (exponential), in ms.
    pub think_ms: f64,
    /// Most views of one visit.
    pub max_views: u8,
    /// The `detail` of a view after the first: its page, the referrer being
    /// `internal` (index 0).
    pub next_page: Weighted,
}

/// The next views of the visits under way, in event-time order.
#[derive(Debug, Clone)]
pub(crate) struct VisitInjector {
    model: Visits,
    rng: ChaCha8Rng,
    pending: ViewQueue,
}

impl VisitInjector {
    pub(crate) fn new(seed: u64, model: Visits) -> Self {
        Self {
            model,
            rng: rng(seed, Stream::Visits),
            pending: ViewQueue::default(),
        }
    }

    /// Mean page views per visit.
    pub(crate) fn mean_views(&self) -> f64 {
        self.model.mean_views
    }

    /// Event time of the next view of a visit under way.
    pub(crate) fn peek_time(&self) -> Option<TimeMs> {
        self.pending.peek_time()
    }

    /// Fills `event` with the next view of a visit under way (its event time
    /// is [`VisitInjector::peek_time`]) and schedules the view after it.
    pub(crate) fn pop_into(&mut self, event: &mut Event) {
        if let Some((_, view)) = self.pending.pop() {
            event.entity = view.visitor;
            event.detail = view.detail;
            event.amount_cents = 0;
            self.go_on(event, view.views);
        }
    }

    /// After a visit's landing view: schedules its second view unless it bounces.
    pub(crate) fn landed(&mut self, event: &Event) {
        let bounce = self.model.bounce[usize::from(event.detail) % 32];
        if self.rng.random::<f64>() >= bounce {
            self.schedule(event, 1);
        }
    }

    /// After view number `views` (≥ 2) of a visit: schedules the next one, if the visit goes on.
    fn go_on(&mut self, event: &Event, views: u8) {
        if views < self.model.max_views && self.rng.random::<f64>() < self.model.more {
            self.schedule(event, views);
        }
    }

    fn schedule(&mut self, event: &Event, views: u8) {
        let x: f64 = Exp1.sample(&mut self.rng);
        let think = crate::fmath::round_half_away(self.model.think_ms * x).max(1);
        let view = View {
            visitor: event.entity,
            detail: self.model.next_page.pick(&mut self.rng),
            views: views + 1,
        };
        let now = event.event_time_ms;
        self.pending.push(now, now + think, view);
    }
}
