//! Web traffic's sessions, two ways, for the report's `web` section:
//!
//! * **complete** (what the nightly batch sees): every visitor's page views in
//!   event-time order, cut where a gap of inactivity passes `gap_ms` — the
//!   sessions of [`crate::window::sessionize`], with the landing page (the
//!   first view's page) of each, summed up per landing page;
//! * **as a stream reads them**: the views in arrival order, each one its own
//!   step of Spark's session rule ([`MicroBatchSessions`]) with the streaming
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
use crate::scenario::{page_of, Scenario, PAGES};
use crate::time::TimeMs;
use crate::window::{Agg, EventTimeSum, MicroBatchSessions, Session, SessionSummary};

/// The complete session a visitor is in, as generation reaches it.
#[derive(Debug, Clone, Copy)]
struct Open {
    start: TimeMs,
    last: TimeMs,
    views: u64,
    landing: u8,
}

/// Sessions of web traffic, complete and as a stream reads them.
#[derive(Debug, Clone)]
pub(crate) struct WebSessions {
    gap_ms: TimeMs,
    /// The open complete session of each visitor, by visitor id.
    open: Vec<Option<Open>>,
    /// Closed complete sessions, by landing page.
    closed: [SessionSummary; PAGES.len()],
    stream: MicroBatchSessions,
    stream_closed: SessionSummary,
    merging_views: u64,
    dropped_views: u64,
}

impl WebSessions {
    /// The sessions of a run of `config`, if its scenario sums them up and its
    /// window is a session window (its gap is the sessions').
    pub(crate) fn for_run(config: &ExperimentConfig, scenario: &Scenario) -> Option<Self> {
        let sessions = config.window.kind == WindowKind::Session;
        (sessions && scenario.kind().sums_up_sessions()).then(|| {
            Self::new(
                scenario.key_space(),
                config.window.gap_ms,
                config.streaming.watermark_delay_ms,
            )
        })
    }

    /// For `visitors` visitors, sessions ending after `gap_ms` of inactivity,
    /// and a stream whose watermark is `watermark_delay_ms` behind.
    pub(crate) fn new(visitors: u32, gap_ms: TimeMs, watermark_delay_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            open: vec![None; visitors as usize],
            closed: [SessionSummary::default(); PAGES.len()],
            stream: MicroBatchSessions::new(gap_ms, watermark_delay_ms),
            stream_closed: SessionSummary::default(),
            merging_views: 0,
            dropped_views: 0,
        }
    }

    /// A generated view (generation is in event-time order).
    pub(crate) fn generated(&mut self, e: &Event) {
        let Some(slot) = self.open.get_mut(e.entity as usize) else {
            return;
        };
        let t = e.event_time_ms;
        match slot {
            // Spark's rule: a view at most one gap after the last extends the session.
            Some(s) if t <= s.last.saturating_add(self.gap_ms) => {
                s.last = s.last.max(t);
                s.views += 1;
            }
            _ => {
                if let Some(s) = slot.replace(Open {
                    start: t,
                    last: t,
                    views: 1,
                    landing: page_of(e.detail),
                }) {
                    self.closed[usize::from(s.landing)].add(&session(&s, self.gap_ms), self.gap_ms);
                }
            }
        }
    }

    /// An arrived view (arrival order).
    pub(crate) fn arrived(&mut self, e: &Event) {
        let batch = self.stream.run_batch(&[(e.entity, e.event_time_ms, 0)]);
        self.merging_views += batch.merging_rows;
        self.dropped_views += batch.dropped_rows;
        for (_, s) in &batch.emitted {
            self.stream_closed.add(s, self.gap_ms);
        }
    }

    /// The report's `web` section now: the sessions still open counted as they are.
    pub(crate) fn report(&self) -> WebReport {
        let mut pages = self.closed;
        for s in self.open.iter().flatten() {
            pages[usize::from(s.landing)].add(&session(s, self.gap_ms), self.gap_ms);
        }
        let mut all = SessionSummary::default();
        for p in &pages {
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
                .zip(&pages)
                .filter(|(_, s)| s.sessions > 0)
                .map(|(page, s)| LandingPage {
                    page,
                    figures: SessionFigures::of(s),
                })
                .collect(),
            stream: StreamSessions {
                closed: SessionFigures::of(&self.stream_closed),
                open_sessions: self.stream.open_sessions() as u64,
                open_page_views: self.stream.open().iter().map(|(_, s)| s.agg.count).sum(),
                merging_views: self.merging_views,
                dropped_views: self.dropped_views,
                watermark_ms: self.stream.watermark_ms(),
            },
        }
    }
}

fn session(s: &Open, gap_ms: TimeMs) -> Session {
    Session {
        start: s.start,
        end: s.last.saturating_add(gap_ms),
        agg: Agg {
            count: s.views,
            ..Agg::default()
        },
        // Not read by the summary.
        sum_event_ms: EventTimeSum::default(),
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

    /// Sessions cut at the gap, landing on their first view's page; a late
    /// view between two sessions merges them in the stream.
    #[test]
    fn sessions_land_on_their_first_page_and_a_late_view_merges_two() {
        let mut w = WebSessions::new(2, 10_000, 1_000_000);
        for e in [
            view(0, 0, 2),
            view(0, 10_000, 1),
            view(0, 30_000, 0),
            view(1, 5, 0),
        ] {
            w.generated(&e);
        }
        for e in [
            view(0, 0, 2),
            view(0, 30_000, 0),
            view(1, 5, 0),
            view(0, 10_000, 1),
        ] {
            w.arrived(&e);
        }
        let r = w.report();
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
        let mut m = WebSessions::new(1, 10_000, 1_000_000);
        for e in [view(0, 0, 2), view(0, 20_000, 0), view(0, 10_000, 1)] {
            m.arrived(&e);
        }
        assert_eq!(m.report().stream.merging_views, 1, "10 000 touches both");
    }
}
