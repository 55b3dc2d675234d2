//! Web traffic's complete sessions (what the nightly batch sees), summed up
//! by landing page, as the ground truth finds them.
//!
//! The ground truth's session windows are these sessions exactly: the same
//! views (every view generated), in the same order (event time), cut by the
//! same rule (Spark's: a view at most one gap after the last extends the
//! session), by the same key (web traffic groups by visitor). So rather
//! than a table of its own, read at every view (a cache miss per view over
//! 2,000 visitors), this keeps only what the truth does not: each visitor's
//! landing page, written when a session opens and read when it is final.

use crate::event::Event;
use crate::scenario::{page_of, PAGES};
use crate::time::TimeMs;
use crate::window::{Session, SessionSummary};

/// The landing pages of the ground truth's sessions, and its final sessions
/// summed up by landing page.
#[derive(Debug, Clone)]
pub(crate) struct LandingPages {
    gap_ms: TimeMs,
    /// The landing page (first view's page) of each visitor's latest
    /// session, by visitor id.
    latest: Vec<u8>,
    /// Final sessions, by landing page.
    finished: [SessionSummary; PAGES.len()],
}

impl LandingPages {
    /// None yet, for `visitors` visitors and sessions of `gap_ms`.
    pub(crate) fn new(visitors: u32, gap_ms: TimeMs) -> Self {
        Self {
            gap_ms,
            latest: vec![0; visitors as usize],
            finished: [SessionSummary::default(); PAGES.len()],
        }
    }

    /// View `e` of `visitor` opened a session: its page is the session's
    /// landing page (generation is in event-time order, so no earlier view
    /// of that session comes later).
    pub(crate) fn opened(&mut self, visitor: u32, e: &Event) {
        if let Some(page) = self.latest.get_mut(visitor as usize) {
            *page = page_of(e.detail);
        }
    }

    /// `session` of `visitor` is final. The truth makes a visitor's session
    /// final before the visitor's next session opens (that view comes after
    /// its end), so the visitor's latest landing page is still this session's.
    pub(crate) fn finished(&mut self, visitor: u32, session: &Session) {
        let page = self.landing(visitor);
        self.finished[page].add(session, self.gap_ms);
    }

    /// Every session so far by landing page: the final ones and `open`, the
    /// truth's sessions still open (at most one per visitor).
    pub(crate) fn by_page<'a>(
        &self,
        open: impl Iterator<Item = (u32, &'a Session)>,
    ) -> [SessionSummary; PAGES.len()] {
        let mut pages = self.finished;
        for (visitor, s) in open {
            pages[self.landing(visitor)].add(s, self.gap_ms);
        }
        pages
    }

    /// The landing page of `visitor`'s latest session, as an index of [`PAGES`].
    fn landing(&self, visitor: u32) -> usize {
        self.latest
            .get(visitor as usize)
            .map_or(0, |&page| usize::from(page))
    }
}
