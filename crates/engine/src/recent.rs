//! The recent arrivals, kept for the event-time picture and "why this number?".
//!
//! The pipelines keep aggregates, not events: to place each event on the
//! picture and to list the events behind a published value, the simulation
//! records what arrived, in arrival order. Memory is bounded twice: only the
//! arrivals of the last [`RecentLimits::span_ms`] of processing time are kept,
//! and at most [`RecentLimits::max_events`] of them (the oldest go first), so
//! a run of any length holds a few MB.

use std::collections::VecDeque;

use serde::Serialize;

use crate::event::Event;
use crate::time::TimeMs;

/// One arrived event, as the picture and the explanations need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Arrival {
    /// The event's id (generation order).
    pub id: u64,
    /// When it happened, in ms.
    pub event_time_ms: TimeMs,
    /// When it reached the pipelines, in ms.
    pub arrival_time_ms: TimeMs,
    /// Its group key (the query's `GROUP BY`), as the scenario encodes it.
    pub key: u32,
    /// Money, in cents (0 when the scenario has none).
    pub amount_cents: i64,
}

/// How much of the past the recorder keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentLimits {
    /// Arrivals older than `now − span_ms` are forgotten, in ms.
    pub span_ms: TimeMs,
    /// Most arrivals kept (40 bytes each).
    pub max_events: usize,
}

impl RecentLimits {
    /// Most arrivals the app keeps: 250,000 × 40 bytes = 10 MB.
    pub const APP_MAX_EVENTS: usize = 250_000;
}

/// Arrivals of the recent past, oldest first, and how many were forgotten.
#[derive(Debug, Clone)]
pub(crate) struct RecentArrivals {
    limits: RecentLimits,
    kept: VecDeque<Arrival>,
    forgotten: u64,
}

impl RecentArrivals {
    pub(crate) fn new(limits: RecentLimits) -> Self {
        Self {
            limits,
            kept: VecDeque::new(),
            forgotten: 0,
        }
    }

    /// Records one arrival (called in arrival order).
    #[inline]
    pub(crate) fn record(&mut self, event: &Event, key: u32) {
        if self.kept.len() >= self.limits.max_events {
            self.kept.pop_front();
            self.forgotten += 1;
        }
        self.kept.push_back(Arrival {
            id: event.id,
            event_time_ms: event.event_time_ms,
            arrival_time_ms: event.arrival_time_ms,
            key,
            amount_cents: event.amount_cents,
        });
    }

    /// Forgets the arrivals older than `now − span`.
    pub(crate) fn trim(&mut self, now: TimeMs) {
        let horizon = now.saturating_sub(self.limits.span_ms);
        while self
            .kept
            .front()
            .is_some_and(|a| a.arrival_time_ms < horizon)
        {
            self.kept.pop_front();
            self.forgotten += 1;
        }
    }

    /// The kept arrivals, oldest first.
    pub(crate) fn arrivals(&self) -> &VecDeque<Arrival> {
        &self.kept
    }

    /// Arrivals recorded and then forgotten (older than the span, or over the cap).
    pub(crate) fn forgotten(&self) -> u64 {
        self.forgotten
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: u64, arrival: TimeMs) -> Event {
        Event {
            id,
            event_time_ms: arrival - 1,
            arrival_time_ms: arrival,
            entity: 0,
            detail: 0,
            amount_cents: 0,
        }
    }

    #[test]
    fn keeps_only_the_span_and_the_cap() {
        let mut r = RecentArrivals::new(RecentLimits {
            span_ms: 100,
            max_events: 3,
        });
        for (id, t) in [(0, 10), (1, 20), (2, 150), (3, 160)] {
            r.record(&event(id, t), 0);
        }
        assert_eq!(r.arrivals().len(), 3, "the cap drops the oldest");
        r.trim(200);
        let ids: Vec<u64> = r.arrivals().iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![2, 3], "arrivals before now − span are forgotten");
        assert_eq!(r.forgotten(), 2);
    }
}
