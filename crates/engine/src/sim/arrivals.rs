//! Arrivals handed to the pipelines in runs rather than one by one.
//!
//! Each pipeline sits behind `dyn Pipeline`; calling it once per event cost a
//! call through its vtable per event and per pipeline, and kept `on_arrival`
//! from being inlined into a loop. The simulation gathers the arrivals it
//! delivers (with their group keys) and hands each pipeline a run of them in
//! one call ([`Pipeline::on_arrivals`]), whose loop calls the pipeline's own
//! `on_arrival` directly. Pipelines share nothing, so each seeing the whole
//! run before the next does changes no result.

use crate::event::Event;
use crate::pipeline::Pipeline;
use crate::recent::RecentArrivals;
use crate::scenario::Scenario;
use crate::web_sessions::WebSessions;

/// Most arrivals held before they are handed on: a run this long costs one
/// call per pipeline for a thousand events, and the buffer stays in cache and
/// bounded whatever the arrival rate.
const RUN: usize = 1_024;

/// Arrivals delivered and not yet handed to the pipelines, in arrival order.
#[derive(Debug, Clone, Default)]
pub(super) struct Arrivals {
    events: Vec<Event>,
    /// `keys[i]` is the group key of `events[i]`.
    keys: Vec<u32>,
}

/// Where a run of arrivals goes.
pub(super) struct Sinks<'a> {
    pub(super) pipelines: &'a mut [Box<dyn Pipeline>; 2],
    pub(super) recent: &'a mut Option<RecentArrivals>,
    /// Arrivals handed on so far.
    pub(super) arrived: &'a mut u64,
    /// Web traffic's sessions, read in arrival order too.
    pub(super) web: &'a mut Option<WebSessions>,
}

impl Arrivals {
    /// Holds consecutive arrivals, handing the run on to `sinks` whenever it
    /// is full: copied at once, their keys in a loop of their own.
    #[inline]
    pub(super) fn push(&mut self, scenario: &Scenario, events: &[Event], sinks: &mut Sinks<'_>) {
        let mut rest = events;
        while !rest.is_empty() {
            let (now, later) = rest.split_at(rest.len().min(RUN - self.events.len()));
            self.keys.extend(now.iter().map(|e| scenario.group_key(e)));
            self.events.extend_from_slice(now);
            if self.events.len() >= RUN {
                self.flush(sinks);
            }
            rest = later;
        }
    }

    /// Hands every held arrival to every pipeline (then to the recorder, if
    /// recording), in arrival order, and empties the run.
    pub(super) fn flush(&mut self, sinks: &mut Sinks<'_>) {
        if self.events.is_empty() {
            return;
        }
        *sinks.arrived += self.events.len() as u64;
        for p in sinks.pipelines.iter_mut() {
            p.on_arrivals(&self.events, &self.keys);
        }
        if let Some(web) = sinks.web {
            self.events.iter().for_each(|e| web.arrived(e));
        }
        if let Some(recent) = sinks.recent {
            for (event, &key) in self.events.iter().zip(&self.keys) {
                recent.record(event, key);
            }
        }
        self.events.clear();
        self.keys.clear();
    }
}
