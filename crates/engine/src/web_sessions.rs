//! Web traffic's sessions, two ways, for the report's `web` section:
//!
//! * **complete** (what the nightly batch sees, [`complete`]): every
//!   visitor's page views in event-time order, cut where a gap of inactivity
//!   passes `gap_ms` — the ground truth's session windows, with the landing
//!   page (the first view's page) of each, summed up per landing page;
//! * **as a stream reads them** ([`stream`]): the views in arrival order,
//!   each one its own step of Spark's session rule with the streaming
//!   pipeline's watermark delay: sessions close when the watermark passes
//!   their end, a view whose own session ends at or before the watermark is
//!   dropped, and a late view that fills the gap between two sessions merges
//!   them (counted).
//!
//! Both hold open sessions only (at most one per visitor on the complete
//! side), so memory is bounded by the visitors, not by the views.

use serde::Serialize;

use crate::config::{ExperimentConfig, WindowKind};
use crate::event::Event;
use crate::scenario::{Scenario, PAGES};
use crate::time::TimeMs;
use crate::window::SessionSummary;

mod complete;
mod counted;
mod stream;

pub(crate) use complete::LandingPages;
use stream::StreamView;

/// Web traffic's sessions as a stream reads them; the complete ones are the
/// ground truth's, by [`LandingPages`].
#[derive(Debug, Clone)]
pub(crate) struct WebSessions {
    gap_ms: TimeMs,
    stream: StreamView,
}

impl WebSessions {
    /// The sessions of a run of `config`, if its scenario sums them up and its
    /// window is a session window (its gap is the sessions'): the stream's
    /// side, which reads the arrivals, and the landing pages the ground
    /// truth keeps for the complete side.
    pub(crate) fn for_run(
        config: &ExperimentConfig,
        scenario: &Scenario,
    ) -> Option<(Self, LandingPages)> {
        let sessions = config.window.kind == WindowKind::Session;
        (sessions && scenario.kind().sums_up_sessions()).then(|| {
            let gap_ms = config.window.gap_ms;
            (
                Self::new(gap_ms, config.streaming.watermark_delay_ms),
                LandingPages::new(scenario.key_space(), gap_ms),
            )
        })
    }

    /// For sessions ending after `gap_ms` of inactivity and a stream whose
    /// watermark is `watermark_delay_ms` behind.
    pub(crate) fn new(gap_ms: TimeMs, watermark_delay_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            stream: StreamView::new(gap_ms, watermark_delay_ms),
        }
    }

    /// An arrived view (arrival order).
    #[inline]
    pub(crate) fn arrived(&mut self, e: &Event) {
        self.stream.read(e.entity, e.event_time_ms);
    }

    /// The report's `web` section now, with `pages`, every complete session
    /// so far by landing page (the sessions still open counted as they are).
    pub(crate) fn report(&self, pages: &[SessionSummary; PAGES.len()]) -> WebReport {
        let mut all = SessionSummary::default();
        for p in pages {
            all.sessions += p.sessions;
            all.events += p.events;
            all.bounces += p.bounces;
            all.total_length_ms += p.total_length_ms;
        }
        WebReport {
            gap_ms: self.gap_ms,
            complete: SessionFigures::of(&all),
            landing_pages: PAGES
                .iter()
                .zip(pages)
                .filter(|(_, s)| s.sessions > 0)
                .map(|(page, s)| LandingPage {
                    page,
                    figures: SessionFigures::of(s),
                })
                .collect(),
            stream: self.stream.figures(),
        }
    }
}

/// Web traffic's sessions (`docs/report-format.md`, `web`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WebReport {
    /// Inactivity that ends a session, in ms.
    pub gap_ms: TimeMs,
    /// Every session of the views generated so far (what a nightly batch sees).
    pub complete: SessionFigures,
    /// The same, by landing page (pages no session landed on left out).
    pub landing_pages: Vec<LandingPage>,
    /// The sessions as a stream reading the views in arrival order sees them.
    pub stream: StreamSessions,
}

/// The sessions of one landing page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LandingPage {
    /// Page name (`home`, `blog`…).
    pub page: &'static str,
    /// Its sessions.
    #[serde(flatten)]
    pub figures: SessionFigures,
}

/// What a web-traffic dashboard shows of a set of sessions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SessionFigures {
    /// Number of sessions.
    pub sessions: u64,
    /// Page views in them.
    pub page_views: u64,
    /// Sessions of one page view.
    pub bounces: u64,
    /// `bounces / sessions` (0 with no session).
    pub bounce_rate: f64,
    /// `page_views / sessions` (0 with no session).
    pub pages_per_session: f64,
    /// Mean time from a session's first view to its last, in ms (0 with no session).
    pub mean_length_ms: f64,
}

impl SessionFigures {
    fn of(s: &SessionSummary) -> Self {
        Self {
            sessions: s.sessions,
            page_views: s.events,
            bounces: s.bounces,
            bounce_rate: s.bounce_rate(),
            pages_per_session: s.events_per_session(),
            mean_length_ms: s.mean_length_ms(),
        }
    }
}

/// Sessions as a stream reads them: views in arrival order, closed by a
/// watermark (the streaming pipeline's delay behind the latest event time).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StreamSessions {
    /// Sessions closed by the watermark so far.
    pub closed: SessionFigures,
    /// Sessions still open (waiting for the watermark).
    pub open_sessions: u64,
    /// Page views in them: closed + open + dropped views = the views arrived.
    pub open_page_views: u64,
    /// Late views that joined two or more sessions the stream had seen apart
    /// into one: each merged sessions.
    pub merging_views: u64,
    /// Views dropped as too late: their own session ended at or before the watermark.
    pub dropped_views: u64,
    /// The watermark, in ms of event time.
    pub watermark_ms: TimeMs,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::detail_of;
    use crate::truth::Truth;
    use crate::window::Geometry;

    fn view(visitor: u32, t: TimeMs, page: u8) -> Event {
        Event {
            id: 0,
            event_time_ms: t,
            arrival_time_ms: t,
            entity: visitor,
            detail: detail_of(page, 1),
            amount_cents: 0,
        }
    }

    /// A web run's two halves, for sessions of `gap_ms` and a stream
    /// watermark `delay_ms` behind: the stream's sessions, and a ground truth
    /// keeping the complete sessions' landing pages.
    fn halves(gap_ms: TimeMs, delay_ms: TimeMs) -> (WebSessions, Truth, Scenario) {
        let mut config = crate::presets::by_name("web-traffic-sessions")
            .map(|p| p.config)
            .unwrap_or_default();
        config.window.gap_ms = gap_ms;
        config.streaming.watermark_delay_ms = delay_ms;
        let scenario = Scenario::new(&config.scenario);
        let geometry =
            Geometry::new(crate::window::assigner(&config.window)).with_sessions(&config.window);
        let (web, pages) = WebSessions::for_run(&config, &scenario).expect("web sums up sessions");
        let truth = Truth::new(geometry, scenario.key_space(), Some(pages));
        (web, truth, scenario)
    }

    /// Sessions cut at the gap, landing on their first view's page; a late
    /// view between two sessions merges them in the stream.
    #[test]
    fn sessions_land_on_their_first_page_and_a_late_view_merges_two() {
        let (mut w, mut truth, scenario) = halves(10_000, 1_000_000);
        for e in [
            view(0, 0, 2),
            view(1, 5, 0),
            view(0, 10_000, 1),
            view(0, 30_000, 0),
        ] {
            truth.add(&scenario, &e, e.entity);
        }
        for e in [
            view(0, 0, 2),
            view(0, 30_000, 0),
            view(1, 5, 0),
            view(0, 10_000, 1),
        ] {
            w.arrived(&e);
        }
        let r = w.report(&truth.sessions_by_landing_page().expect("landing pages"));
        assert_eq!(
            (
                r.complete.sessions,
                r.complete.page_views,
                r.complete.bounces
            ),
            (3, 4, 2)
        );
        let blog = r
            .landing_pages
            .iter()
            .find(|p| p.page == "blog")
            .expect("blog");
        assert_eq!((blog.figures.sessions, blog.figures.page_views), (1, 2));
        assert_eq!(blog.figures.mean_length_ms, 10_000.0);
        // 10 000 arrives last but only extends [0, 10 000): 10 000 + gap < 30 000.
        assert_eq!(r.stream.merging_views, 0);
        let (mut m, _, _) = halves(10_000, 1_000_000);
        for e in [view(0, 0, 2), view(0, 20_000, 0), view(0, 10_000, 1)] {
            m.arrived(&e);
        }
        let none = [SessionSummary::default(); PAGES.len()];
        assert_eq!(
            m.report(&none).stream.merging_views,
            1,
            "10 000 touches both"
        );
    }
}
