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
use crate::time::TimeMs;
use crate::transit::Transit;
use crate::web_sessions::WebSessions;

/// Arrivals held before they are handed on: a run this long costs one call
/// per pipeline for a thousand events, and the buffer stays in cache and
/// bounded whatever the arrival rate (by this and one transit bucket, 64 ms
/// of arrivals).
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
    /// Takes from `transit` every arrival at or before `until` and hands
    /// them on to `sinks`, in arrival order: transit places its buckets
    /// straight into the held run, handed on whenever it holds [`RUN`]
    /// events or more, and at the end.
    pub(super) fn deliver(
        &mut self,
        transit: &mut Transit,
        until: TimeMs,
        scenario: &Scenario,
        sinks: &mut Sinks<'_>,
    ) {
        let keys = &mut self.keys;
        transit.drain_until(until, &mut self.events, RUN, |events| {
            hand_on(events, keys, scenario, sinks)
        });
        hand_on(&mut self.events, keys, scenario, sinks);
    }
}

/// Hands `events` to every pipeline with their keys (then to the recorder,
/// if recording), in arrival order, and empties the run. The keys are taken
/// here, in one loop over the run.
fn hand_on(
    events: &mut Vec<Event>,
    keys: &mut Vec<u32>,
    scenario: &Scenario,
    sinks: &mut Sinks<'_>,
) {
    if events.is_empty() {
        return;
    }
    keys.clear();
    keys.extend(events.iter().map(|e| scenario.group_key(e)));
    *sinks.arrived += events.len() as u64;
    for p in sinks.pipelines.iter_mut() {
        p.on_arrivals(events, keys);
    }
    if let Some(web) = sinks.web {
        events.iter().for_each(|e| web.arrived(e));
    }
    if let Some(recent) = sinks.recent {
        for (event, &key) in events.iter().zip(keys.iter()) {
            recent.record(event, key);
        }
    }
    events.clear();
}
