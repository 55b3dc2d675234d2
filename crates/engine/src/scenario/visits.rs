//! Visits: the page views a visit makes after its first. The first (landing)
//! view is an ordinary event of the Poisson process; each view then decides,
//! from its own seeded RNG stream, whether the visit goes on, to which page,
//! and when (a think time), so a visit is a handful of views by one visitor
//! spread over minutes. Only the next view of each visit under way is held (in
//! a calendar of buckets, `view_queue.rs`): memory is bounded by the visits
//! under way, not by their views.
//!
//! Whether the visit goes on and its next page are one weighted choice among
//! the pages and "the visit ends" (page `i` with probability `p × w_i`, the end
//! with `1 − p`): the same distribution as a draw for going on and then one for
//! the page, from one 53-bit draw instead of two.

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
    /// Weight of each page (index = the `detail` of a view after the first,
    /// the referrer being `internal`, index 0) among the views after a visit's
    /// first; they sum to 1, at most 7 pages.
    pub next_page: &'static [f64],
}

impl Visits {
    /// The pages a next view can be on (the first seven).
    fn pages(&self) -> &'static [f64] {
        &self.next_page[..self.next_page.len().min(7)]
    }

    /// The choice after a view: page `i` with probability `go_on × weight_i`,
    /// or "the visit ends" (the option after the last page) with `1 − go_on`.
    fn next_view(&self, go_on: f64) -> Weighted {
        let pages = self.pages();
        let mut weights = [0.0; 8];
        for (w, page) in weights.iter_mut().zip(pages) {
            *w = go_on * page;
        }
        weights[pages.len()] = 1.0 - go_on;
        Weighted::new(&weights[..=pages.len()])
    }
}

/// The next views of the visits under way, in event-time order.
#[derive(Debug, Clone)]
pub(crate) struct VisitInjector {
    model: Visits,
    /// After a landing view, by its `detail`: its bounce, or the second view's page.
    after_landing: [Weighted; 32],
    /// After a later view: the visit ends, or the next view's page.
    after_view: Weighted,
    /// The option of `after_landing` and `after_view` that means the visit ends.
    ends: u8,
    rng: ChaCha8Rng,
    pending: ViewQueue,
}

impl VisitInjector {
    pub(crate) fn new(seed: u64, model: Visits) -> Self {
        Self {
            model,
            after_landing: model.bounce.map(|b| model.next_view(1.0 - b)),
            after_view: model.next_view(model.more),
            ends: model.pages().len() as u8,
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
        let page = self.after_landing[usize::from(event.detail) % 32].pick(&mut self.rng);
        if page != self.ends {
            self.schedule(event, 1, page);
        }
    }

    /// After view number `views` (≥ 2) of a visit: schedules the next one, if the visit goes on.
    fn go_on(&mut self, event: &Event, views: u8) {
        if views < self.model.max_views {
            let page = self.after_view.pick(&mut self.rng);
            if page != self.ends {
                self.schedule(event, views, page);
            }
        }
    }

    /// Schedules view number `views + 1` of the visit, on `page`, after a think time.
    fn schedule(&mut self, event: &Event, views: u8, page: u8) {
        let x: f64 = Exp1.sample(&mut self.rng);
        let think = whole_think_ms(self.model.think_ms * x);
        let view = View {
            visitor: event.entity,
            detail: page,
            views: views + 1,
        };
        self.pending.push(event.event_time_ms + think, view);
    }
}

/// A think time of `y` ms (0 ≤ y < 2^52) in whole ms, at least 1: the same as
/// `round_half_away(y).max(1)` in one addition and one conversion instead of a
/// conversion there and back, a subtraction and a comparison, on the chain
/// from the draw to the calendar's bucket (`perf annotate`: the rounding held
/// a fifth of `schedule`'s samples). Why equal: from 1 on, 0.5 is a whole
/// number of y's ulps, so y + 0.5 is exact (its floor is y rounded half up),
/// unless it reaches the next power of two 2^k, where it rounds to at most
/// 2^k + 0.5, whose floor is still 2^k, y's rounding; below 1 both are 1
/// after the `max`.
fn whole_think_ms(y: f64) -> TimeMs {
    ((y + 0.5) as TimeMs).max(1)
}

#[cfg(test)]
mod tests {
    use super::whole_think_ms;
    use crate::fmath::round_half_away;

    /// The think time's rounding is `round_half_away(y).max(1)`: at halves, at
    /// the last double below a half and below powers of two, and on a spread
    /// of values up to an hour's worth of a long draw.
    #[test]
    fn think_times_round_as_round_half_away() {
        let below = |y: f64| f64::from_bits(y.to_bits() - 1);
        let mut ys = vec![
            0.0,
            1e-300,
            below(0.5),
            0.5,
            1.0,
            1.5,
            2.5,
            below(2.5),
            1e9 + 0.5,
        ];
        for k in 0..52 {
            let p = (1u64 << k) as f64;
            ys.extend([
                p,
                below(p),
                p - 0.5,
                below(p - 0.5),
                p + 0.5,
                below(p + 0.5),
            ]);
        }
        let mut x: u64 = 7;
        for _ in 0..100_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ys.push((x >> 11) as f64 / (1u64 << 53) as f64 * 3.6e6 * 40.0);
        }
        for y in ys {
            assert_eq!(whole_think_ms(y), round_half_away(y).max(1), "{y:e}");
        }
    }
}
