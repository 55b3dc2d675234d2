//! A run of generated events, built a stage at a time over the whole run.
//!
//! Each event's time comes from the arrivals' random stream, its payload
//! from the payloads' and its ingestion delay from the delays' (and a
//! device's outages from a pure function of the seed). Generated one event
//! at a time through every stage, an event's few hundred instructions fill
//! the processor's window: the payload's random read of the 32 KB amount
//! table, and the roundings' conversions, waited in turn for every event. A
//! run generated in passes (the times, then the payloads, then the arrival
//! times) keeps each stream's draws in the same order, so every event is
//! the same, and each pass is a short loop whose events overlap.
//!
//! Web traffic's runs stay an event at a time: a landing view's payload
//! schedules its visit's next views, which may be the run's next events.

use std::cmp::Reverse;

use rand::RngCore;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1, StandardNormal};

use super::{Generator, NO_BASE, RUN};
use crate::config::DelayConfig;
use crate::event::Event;
use crate::time::TimeMs;

/// An injected fraud transaction, as its injector holds it: (time, card,
/// order, amount).
type Injected = Reverse<(TimeMs, u32, usize, i64)>;

const _: () = assert!(
    RUN <= u64::BITS as usize,
    "a run's ordinary events fit a u64 mask"
);

impl Generator {
    /// The next events with event time at most `until`, in event-time order:
    /// at most [`RUN`] of them, none once every such event is out.
    ///
    /// A run, each event written in place: returned one at a time, the
    /// 40-byte event was written field by field on the stack and copied at
    /// once in 16-byte loads, which the processor cannot forward from the
    /// 8-byte stores still on their way (`perf annotate`: that copy held a
    /// quarter of the delivery loop's samples, about 6 % of a web run's).
    /// The caller reads a run after the whole of it is written; and the
    /// ground truth's updates of a run's events, one cache miss each on the
    /// visitor's sessions, come close together, where they overlap.
    pub(crate) fn next_run(&mut self, until: TimeMs) -> &[Event] {
        let mut run = std::mem::take(&mut self.run);
        run.clear();
        if self.visits.is_some() {
            self.visiting_run(&mut run, until);
        } else {
            self.run_in_passes(&mut run, until);
        }
        self.run = run;
        &self.run
    }

    /// A run in three passes: event times (and injected events' payloads),
    /// then the ordinary events' payloads, then every event's arrival time.
    #[inline(always)]
    fn run_in_passes(&mut self, run: &mut Vec<Event>, until: TimeMs) {
        // Bit i: run[i] is ordinary, its payload drawn in the second pass.
        let ordinary = if self.fraud.is_none() {
            self.ordinary_times(run, until)
        } else {
            self.times_with_injected(run, until)
        };
        self.scenario
            .fill_payloads(&mut self.payload, run, ordinary);
        self.arrive_all(run);
    }

    /// The times of a run with nothing injected (sales, social): every
    /// event is the next ordinary one, without asking the injectors at each.
    /// Returns the mask of its ordinary events: all of them.
    #[inline(always)]
    fn ordinary_times(&mut self, run: &mut Vec<Event>, until: TimeMs) -> u64 {
        while self.next_base <= until && self.next_base != NO_BASE && run.len() < RUN {
            run.push(self.next_event(self.next_base));
            self.advance_base();
        }
        match run.len() {
            0 => 0,
            n => u64::MAX >> (RUN - n),
        }
    }

    /// The times of a run with injected events (fraud transactions, IoT
    /// anomalies), whose payloads are written here. Returns the mask of its
    /// ordinary events.
    #[inline(always)]
    fn times_with_injected(&mut self, run: &mut Vec<Event>, until: TimeMs) -> u64 {
        let mut ordinary = 0_u64;
        while run.len() < RUN {
            let Some(t) = self.peek_time().filter(|&t| t <= until) else {
                break;
            };
            let mut event = self.next_event(t);
            match self.injected_at(t) {
                Some(injected) => put_injected(&mut event, injected),
                None => {
                    ordinary |= 1 << run.len();
                    self.advance_base();
                }
            }
            run.push(event);
        }
        ordinary
    }

    /// A run an event at a time, for web traffic's visits.
    fn visiting_run(&mut self, run: &mut Vec<Event>, until: TimeMs) {
        while run.len() < RUN {
            let Some(t) = self.peek_time().filter(|&t| t <= until) else {
                break;
            };
            run.push(self.next_event(t));
            if let Some(event) = run.last_mut() {
                self.fill_visiting(event);
                self.arrive(event);
            }
        }
    }

    /// The next event, at event time `t`, its payload and arrival time not
    /// yet drawn.
    #[inline(always)]
    fn next_event(&mut self, t: TimeMs) -> Event {
        self.next_id += 1;
        Event {
            id: self.next_id - 1,
            event_time_ms: t,
            arrival_time_ms: t,
            entity: 0,
            detail: 0,
            amount_cents: 0,
        }
    }

    /// The fraud transaction injected at `t`, if the next one is then.
    #[inline(always)]
    fn injected_at(&mut self, t: TimeMs) -> Option<Injected> {
        match self.fraud.as_mut() {
            Some(f) if f.peek_time() == Some(t) => f.pending.pop(),
            _ => None,
        }
    }

    /// Fills in the payload of `event` in a visiting run: injected, a
    /// visit's view, or an ordinary event (a landing view).
    fn fill_visiting(&mut self, event: &mut Event) {
        let t = event.event_time_ms;
        if let Some(injected) = self.injected_at(t) {
            put_injected(event, injected);
            return;
        }
        match self.visits.as_mut() {
            Some(visits) if visits.peek_time() == Some(t) => visits.pop_into(event),
            _ => {
                self.scenario.fill_payload(&mut self.payload, event);
                self.advance_base();
                if let Some(visits) = self.visits.as_mut() {
                    visits.landed(event);
                }
            }
        }
    }

    /// Draws `event`'s ingestion delay and sets its arrival time (its
    /// device's outage, if any, holds it back).
    #[inline(always)]
    fn arrive(&mut self, event: &mut Event) {
        self.arrive_all(std::slice::from_mut(event));
    }

    /// Draws the ingestion delays of `events`, in order, and sets their
    /// arrival times (their devices' outages, if any, hold them back): the
    /// loop is chosen once per run by whether there are outages, not at
    /// each event.
    #[inline(always)]
    fn arrive_all(&mut self, events: &mut [Event]) {
        let (config, late_below, rng) = (&self.delay, self.late_below, &mut self.delays);
        match &mut self.outages {
            Some(o) => {
                for event in events {
                    let delay = sample_delay(config, late_below, rng);
                    event.arrival_time_ms = o.arrival(event.entity, event.event_time_ms, delay);
                }
            }
            None => {
                for event in events {
                    event.arrival_time_ms =
                        event.event_time_ms + sample_delay(config, late_below, rng);
                }
            }
        }
    }
}

/// Ingestion delay of one event, in ms, drawn from `rng` under `config`
/// (`late_below`: the generator's late fraction as 53-bit draws).
#[inline(always)]
fn sample_delay(config: &DelayConfig, late_below: u64, rng: &mut ChaCha8Rng) -> TimeMs {
    let mut delay = config.mean_ms;
    if config.jitter_ms > 0.0 {
        let z: f64 = StandardNormal.sample(rng);
        delay += config.jitter_ms * z;
    }
    let mut delay = delay.max(0.0);
    if late_below > 0 && rng.next_u64() >> 11 < late_below {
        let extra: f64 = Exp1.sample(rng);
        delay += config.late_mean_ms * extra;
    }
    crate::fmath::round_half_away(delay)
}

/// Writes an injected fraud transaction's payload into `event`.
#[inline(always)]
fn put_injected(event: &mut Event, Reverse((_, card, _, amount)): Injected) {
    event.entity = card;
    event.detail = 1;
    event.amount_cents = amount;
}
