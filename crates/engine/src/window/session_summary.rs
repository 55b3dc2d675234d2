//! What a web-traffic dashboard shows of a set of sessions: sessions, pages
//! per session, session length and bounce rate.

use super::session::Session;
use crate::time::TimeMs;

/// What a web-traffic dashboard shows of a set of sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SessionSummary {
    /// Number of sessions.
    pub sessions: u64,
    /// Events (page views) in them.
    pub events: u64,
    /// Sessions of a single event (bounces).
    pub bounces: u64,
    /// Sum of their lengths (first to last event), in ms.
    pub total_length_ms: i128,
}

impl SessionSummary {
    /// Adds one session.
    pub fn add(&mut self, s: &Session, gap_ms: TimeMs) {
        self.sessions += 1;
        self.events += s.agg.count;
        self.bounces += u64::from(s.agg.count == 1);
        self.total_length_ms += i128::from(s.length_ms(gap_ms));
    }

    /// Mean events per session (0 with no session).
    pub fn events_per_session(&self) -> f64 {
        ratio(self.events as f64, self.sessions)
    }

    /// Share of single-event sessions, in [0, 1] (0 with no session).
    pub fn bounce_rate(&self) -> f64 {
        ratio(self.bounces as f64, self.sessions)
    }

    /// Mean session length, in ms (0 with no session).
    pub fn mean_length_ms(&self) -> f64 {
        ratio(self.total_length_ms as f64, self.sessions)
    }
}

fn ratio(x: f64, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        x / n as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::window::KeySessions;

    fn ev(t: TimeMs) -> Session {
        Session::of_event(t, 5_000, 1)
    }

    #[test]
    fn the_summary_counts_bounces_pages_and_lengths() {
        let mut sum = SessionSummary::default();
        assert_eq!((sum.bounce_rate(), sum.events_per_session()), (0.0, 0.0));
        let mut visits = KeySessions::default();
        for t in [0, 10_000, 20_000, 100_000] {
            visits.insert(ev(t));
        }
        for s in visits.sessions() {
            sum.add(s, 5_000);
        }
        // [0], [10000], [20000], [100000]: four bounces with gap 5 s.
        assert_eq!((sum.sessions, sum.bounces, sum.events), (4, 4, 4));
        let mut long = KeySessions::default();
        for t in [0, 4_000, 8_000] {
            long.insert(ev(t));
        }
        for s in long.sessions() {
            sum.add(s, 5_000);
        }
        assert_eq!((sum.sessions, sum.bounces, sum.events), (5, 4, 7));
        assert_eq!(sum.bounce_rate(), 0.8);
        assert_eq!(sum.mean_length_ms(), 8_000.0 / 5.0);
        assert_eq!(sum.events_per_session(), 7.0 / 5.0);
    }
}
