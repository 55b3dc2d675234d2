//! Continuous (per-record) streaming, Flink-like.
//!
//! ```text
//! arrival ─► FIFO queue ─► one of N workers (service: fixed or exponential) ─► publish
//! ```
//! Each event is served, in arrival order, by the first worker to be free: a
//! multi-server FIFO queue (M/M/c or M/D/c under Poisson arrivals), so
//! queueing theory gives reference results. With update output an event's result
//! latency is ingestion delay + waiting + service. The watermark (max event time
//! processed − delay) advances after every record; an event whose window has
//! already ended at or before the watermark is dropped and counted.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};

use crate::config::{OutputMode, ServiceTime};
use crate::event::Event;
use crate::output::Output;
use crate::queueing::QueueTally;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::watermark::Watermark;
use crate::window::{Geometry, WindowState};

/// Continuous-mode parameters.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ContinuousParams {
    pub(crate) workers: u32,
    pub(crate) service: ServiceTime,
    pub(crate) service_mean_ms: f64,
    pub(crate) watermark_delay_ms: TimeMs,
    pub(crate) output: OutputMode,
}

/// An event in the system: (completion instant, id) orders completions.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct InService {
    done_ms: TimeMs,
    id: u64,
    event_time_ms: TimeMs,
    key: u32,
    amount_cents: i64,
    /// Its service time, in µs (counted as busy time when it completes).
    service_us: u64,
    /// When it arrived, in ms.
    arrival_ms: TimeMs,
    /// How long it waited for a worker, in µs.
    wait_us: u64,
}

#[derive(Debug)]
pub(crate) struct Continuous {
    p: ContinuousParams,
    geometry: Geometry,
    keys: u32,
    scenario: Scenario,
    rng: ChaCha8Rng,
    /// When each worker is next free, as f64 ms bits (non-negative f64 bits sort like the values).
    free_at: BinaryHeap<Reverse<(u64, u32)>>,
    /// Events queued or in service, by completion.
    pending: BinaryHeap<Reverse<InService>>,
    /// Multiset of their event times (freshness).
    pending_times: BTreeMap<TimeMs, u32>,
    state: BTreeMap<TimeMs, WindowState>,
    watermark: Watermark,
    /// Queue statistics (waits, times in system) for the queueing-theory report.
    pub(crate) tally: QueueTally,
    pub(crate) out: Output,
}

impl Continuous {
    pub(crate) fn new(
        p: ContinuousParams,
        geometry: Geometry,
        scenario: Scenario,
        rng: ChaCha8Rng,
    ) -> Self {
        let out = Output::new(scenario.key_space());
        Self {
            p,
            geometry,
            keys: scenario.key_space(),
            scenario,
            rng,
            free_at: (0..p.workers)
                .map(|w| Reverse((0.0_f64.to_bits(), w)))
                .collect(),
            pending: BinaryHeap::new(),
            pending_times: BTreeMap::new(),
            state: BTreeMap::new(),
            watermark: Watermark::new(p.watermark_delay_ms),
            tally: QueueTally::default(),
            out,
        }
    }

    /// Assigns the arriving event to the first free worker (FIFO).
    pub(crate) fn on_arrival(&mut self, event: &Event, key: u32) {
        let service = match self.p.service {
            ServiceTime::Fixed => self.p.service_mean_ms,
            ServiceTime::Exponential => {
                let x: f64 = Exp1.sample(&mut self.rng);
                x * self.p.service_mean_ms
            }
        };
        let Some(Reverse((bits, worker))) = self.free_at.pop() else {
            return;
        };
        let start = f64::from_bits(bits).max(event.arrival_time_ms as f64);
        let done = start + service;
        self.free_at.push(Reverse((done.to_bits(), worker)));
        self.pending.push(Reverse(InService {
            done_ms: done.ceil() as TimeMs,
            id: event.id,
            event_time_ms: event.event_time_ms,
            key,
            amount_cents: event.amount_cents,
            service_us: (service * 1_000.0).round() as u64,
            arrival_ms: event.arrival_time_ms,
            wait_us: ((start - event.arrival_time_ms as f64) * 1_000.0).round() as u64,
        }));
        self.tally.arrive(event.arrival_time_ms);
        *self.pending_times.entry(event.event_time_ms).or_insert(0) += 1;
    }

    pub(crate) fn next_time(&self) -> TimeMs {
        self.pending
            .peek()
            .map_or(TimeMs::MAX, |Reverse(e)| e.done_ms)
    }

    /// Completes, in completion order, every event done by `now`.
    pub(crate) fn advance(&mut self, now: TimeMs) {
        while self
            .pending
            .peek()
            .is_some_and(|Reverse(e)| e.done_ms <= now)
        {
            let Some(Reverse(e)) = self.pending.pop() else {
                break;
            };
            self.complete(&e);
        }
    }

    fn complete(&mut self, e: &InService) {
        if let Some(n) = self.pending_times.get_mut(&e.event_time_ms) {
            *n -= 1;
            if *n == 0 {
                self.pending_times.remove(&e.event_time_ms);
            }
        }
        let service_ms = e.service_us as f64 / 1_000.0;
        self.out.busy_worker_ms += service_ms;
        self.tally
            .complete(e.arrival_ms, e.wait_us as f64 / 1_000.0, service_ms);
        let size = self.geometry.size_ms;
        let start = self.geometry.start(e.event_time_ms);
        self.watermark.observe(e.event_time_ms);
        if start + size <= self.watermark.current() {
            self.out.dropped_late += 1;
            self.watermark.advance_now();
            return;
        }
        let keys = self.keys;
        let window = self
            .state
            .entry(start)
            .or_insert_with(|| WindowState::new(keys));
        window.add(
            &self.geometry,
            start,
            e.key,
            e.event_time_ms,
            e.amount_cents,
        );
        self.out.processed += 1;
        if self.p.output == OutputMode::Update {
            let dirty = window.take_dirty();
            self.out
                .publish(&self.scenario, start, window, &dirty, e.done_ms);
            window.take_times();
            self.out.latency.record(e.event_time_ms, e.done_ms);
        }
        self.watermark.advance_now();
        let wm = self.watermark.current();
        let open = self.state.split_off(&(wm - size + 1));
        let closed = std::mem::replace(&mut self.state, open);
        if self.p.output == OutputMode::Append {
            for (start, w) in &closed {
                self.out.publish_all(&self.scenario, *start, w, e.done_ms);
                self.out.latency.record_window(
                    &w.times,
                    *start,
                    self.geometry.bucket_ms,
                    e.done_ms,
                );
            }
        }
    }

    /// Events arrived and not yet processed (queued or in service).
    pub(crate) fn waiting(&self) -> u64 {
        self.pending.len() as u64
    }

    /// Earliest event time of the events queued or in service.
    pub(crate) fn oldest_waiting(&self) -> Option<TimeMs> {
        self.pending_times.keys().next().copied()
    }

    pub(crate) fn complete_up_to(&self, now: TimeMs) -> TimeMs {
        let mut t = now;
        if let Some((&m, _)) = self.pending_times.iter().next() {
            t = t.min(m);
        }
        if self.p.output == OutputMode::Append {
            if let Some((&start, _)) = self.state.iter().next() {
                t = t.min(start);
            }
        }
        t
    }

    /// (busy, provisioned) worker-ms up to `now`: busy counts completed services;
    /// the workers are always on.
    pub(crate) fn cost_at(&self, now: TimeMs) -> (f64, f64) {
        (
            self.out.busy_worker_ms,
            now as f64 * f64::from(self.p.workers),
        )
    }

    pub(crate) fn watermark_ms(&self) -> TimeMs {
        self.watermark.current()
    }

    pub(crate) fn open_windows(&self) -> usize {
        self.state.len()
    }
}
