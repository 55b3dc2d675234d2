//! Continuous (per-record) streaming, Flink-like.
//!
//! ```text
//! arrival ─► FIFO queue ─► one of N workers (service: fixed or exponential) ─► publish
//! ```
//! Each event is served, in arrival order, by the first worker to be free: a
//! multi-server FIFO queue (M/M/c or M/D/c under Poisson arrivals), so
//! queueing theory gives reference results. With update output an event's result
//! latency is ingestion delay + waiting + service. The watermark (max event time
//! processed − delay) advances after every record, or periodically; windows
//! fire and late events are judged by Flink's rules ([`lateness`]): an event
//! for a fired window within the allowed lateness fires it again, a later one
//! is dropped (or sent to a side output) and counted.

mod firing;
mod lateness;
mod pending_rows;

use std::collections::BTreeMap;

use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};

use crate::completions::{Completion, Completions};
use crate::config::{OutputMode, ServiceTime};
use crate::event::Event;
use crate::fifo::{Arrival, Fifo, InService, Lindley, Queue};
use crate::flink_rules::FlinkRules;
use crate::output::Output;
use crate::pipeline::Pipeline;
use crate::queueing::QueueTally;
use crate::recent::RecentLimits;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::watermark::Watermark;
use crate::window::{oldest_held, Geometry, OpenSessions, WindowState};
pub(crate) use lateness::LateData;
use lateness::{Fate, Periodic};
use pending_rows::PendingRows;

mod sessions;

/// Continuous-mode parameters.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ContinuousParams {
    pub(crate) workers: u32,
    pub(crate) service: ServiceTime,
    pub(crate) service_mean_ms: f64,
    pub(crate) watermark_delay_ms: TimeMs,
    pub(crate) output: OutputMode,
    /// Most events per second it sustains (from the config).
    pub(crate) capacity_eps: Option<f64>,
    /// Flink's late-data rules.
    pub(crate) flink: FlinkRules,
}

/// The per-record pipeline over its queue `Q`, picked once by [`pipeline`].
#[derive(Debug, Clone)]
pub(crate) struct Continuous<Q> {
    /// Events queued or in service, and the workers' next-free times.
    queue: Q,
    /// Service times.
    rng: ChaCha8Rng,
    /// What the served events go through.
    op: Operator,
}

/// What a served event goes through, whatever the queue: Flink's window
/// operator (windows, watermark, late data), the output and the tallies.
/// Not generic: firing, sessions and the pipeline's queries have one copy
/// for both queues; only the per-event completion ([`Operator::complete`])
/// is inlined into each queue's loop.
#[derive(Debug, Clone)]
struct Operator {
    p: ContinuousParams,
    geometry: Geometry,
    keys: u32,
    scenario: Scenario,
    state: BTreeMap<TimeMs, WindowState>,
    /// Session windows (`continuous/sessions.rs`), instead of `state`.
    sessions: Option<OpenSessions>,
    /// Windows that fired and still accept late events (allowed lateness).
    fired: BTreeMap<TimeMs, WindowState>,
    /// The first ids of `state` and `fired` (None: empty): whether a moved
    /// watermark fires or clears a window is then a comparison
    /// ([`Operator::may_fire`]), not a look at both maps per served event.
    firsts: (Option<TimeMs>, Option<TimeMs>),
    watermark: Watermark,
    /// Periodic watermark emission (None: after every record).
    periodic: Option<Periodic>,
    /// Each processed event's fate under Flink's rules.
    late: LateData,
    /// Queue statistics (waits, times in system) for the queueing-theory report.
    tally: QueueTally,
    out: Output,
    /// Rows published and not yet written to `out` ([`Pipeline::write_gathered`]).
    pending: PendingRows,
    /// Each event's completion, for the event-time picture (None: not recorded).
    completions: Option<Completions>,
}

/// The per-record pipeline of `p`: one worker's queue in completion order
/// ([`Lindley`]) or the c workers' ([`Fifo`]), chosen here once.
pub(crate) fn pipeline(
    p: ContinuousParams,
    geometry: Geometry,
    scenario: Scenario,
    rng: ChaCha8Rng,
) -> Box<dyn Pipeline> {
    let op = Operator::new(p, geometry, scenario);
    if p.workers == 1 {
        Box::new(Continuous::<Lindley>::new(op, rng))
    } else {
        Box::new(Continuous::<Fifo>::new(op, rng))
    }
}

impl<Q: Queue> Continuous<Q> {
    fn new(op: Operator, rng: ChaCha8Rng) -> Self {
        Self {
            queue: Q::with_workers(op.p.workers),
            rng,
            op,
        }
    }
}

impl Operator {
    fn new(p: ContinuousParams, geometry: Geometry, scenario: Scenario) -> Self {
        let out = Output::new(scenario.key_space(), &geometry);
        // Complete mode retracts the sessions merged away; append mode reads no change.
        let logs = p.output != OutputMode::Append;
        let sessions = geometry
            .open_sessions()
            .map(|s| if logs { s.logging_changes() } else { s });
        Self {
            p,
            geometry,
            keys: scenario.key_space(),
            scenario,
            state: BTreeMap::new(),
            sessions,
            fired: BTreeMap::new(),
            firsts: (None, None),
            watermark: Watermark::new(p.watermark_delay_ms),
            periodic: Periodic::new(p.flink.auto_watermark_interval_ms),
            late: LateData::new(p.flink),
            tally: QueueTally::default(),
            out,
            pending: PendingRows::default(),
            completions: None,
        }
    }

    /// Adds a processed event to its window `id`: in update and complete modes
    /// one event changed one row, so that row is published at once (gathered
    /// in `pending` until the simulation reads the output), with no dirty list or
    /// event-time histogram to build and throw away.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add(&mut self, e: &InService, id: TimeMs) {
        let (keys, first) = (self.keys, &mut self.firsts.0);
        let window = self.state.entry(id).or_insert_with(|| {
            *first = Some(first.map_or(id, |f| f.min(id)));
            WindowState::new(keys)
        });
        if self.p.output == OutputMode::Append {
            let start = self.geometry.origin(id);
            window.add(
                &self.geometry.bucket,
                start,
                e.key,
                e.event_time_ms,
                e.amount_cents,
            );
        } else if window.aggregate(e.key, e.amount_cents) {
            let value = window.aggs[e.key as usize];
            self.pending
                .publish(&mut self.out, &self.scenario, (id, e.key), value, e.done_ms);
        }
    }

    /// Serves `e`'s completion. Always inlined into each queue's completion
    /// loop, with what it calls per event ([`Operator::judge`],
    /// [`Operator::add`], [`Operator::account`]): with two queues each has
    /// two callers, and the compiler left them out of line (their calls and
    /// register saves: about 45 instructions per event at 125 workers).
    /// Sessions' `add_to_session` is not forced: inlined twice, it changed
    /// how the micro-batch's loops compile (+4 instructions per event there).
    /// Not in the page's wasm, where the second copy of the completion
    /// would add about 2 KB gzipped.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn complete(&mut self, e: &InService) {
        let service_ms = e.service_us / 1_000.0;
        self.out.busy_worker_ms += service_ms;
        self.tally
            .complete(e.arrival_ms, e.wait_us / 1_000.0, service_ms);
        match &mut self.periodic {
            None => self.watermark.observe(e.event_time_ms),
            Some(p) => p.observe(&mut self.watermark, e.done_ms, e.event_time_ms),
        }
        let wm = self.watermark.current();
        let fate = self.judge(e, wm);
        if let Some(log) = &mut self.completions {
            log.record(Completion {
                id: e.id,
                arrival_ms: e.arrival_ms,
                done_ms: e.done_ms,
                watermark_ms: wm,
                dropped: fate == Fate::Dropped,
                late_fired: fate == Fate::LateFired,
            });
        }
        self.account(e, wm, fate);
        if self.periodic.is_none() {
            self.watermark.advance_now();
            // At an unchanged watermark nothing can fire or expire: every
            // window added since the last `fire` was taken because it had
            // not fired (or was not late) at this same watermark; at a moved
            // one, only if the first window of `state` or `fired` fires or
            // expires. Sessions follow their own rule, so they are always checked.
            let moved = self.watermark.current();
            if (moved != wm && self.may_fire(moved)) || self.sessions.is_some() {
                self.fire(e.done_ms);
            }
        }
    }
}

impl<Q: Queue> Pipeline for Continuous<Q> {
    /// Assigns the arriving event to the first free worker (FIFO).
    #[inline]
    fn on_arrival(&mut self, event: &Event, key: u32) {
        let p = &self.op.p;
        let service = match p.service {
            ServiceTime::Fixed => p.service_mean_ms,
            ServiceTime::Exponential => {
                let x: f64 = Exp1.sample(&mut self.rng);
                x * p.service_mean_ms
            }
        };
        let arrival = Arrival {
            id: event.id,
            event_time_ms: event.event_time_ms,
            arrival_ms: event.arrival_time_ms,
            key,
            amount_cents: event.amount_cents,
        };
        if self.queue.arrive(&arrival, service) {
            self.op.tally.arrive(event.arrival_time_ms);
        }
    }

    fn next_time(&self) -> TimeMs {
        let done = self.queue.next_done();
        self.op.next_tick().map_or(done, |tick| tick.min(done))
    }

    /// No stop of its own: an event completes at or after its arrival and
    /// completions are taken in (completion, id) order whatever the stops, so
    /// every completion by an instant is known once arrivals up to it are.
    fn wake_time(&self) -> TimeMs {
        TimeMs::MAX
    }

    fn catch_up(&mut self, now: TimeMs) {
        self.advance(now);
    }

    /// Completes, in completion order, every event done by `now`; a periodic
    /// watermark due at an instant comes before that instant's completions.
    fn advance(&mut self, now: TimeMs) {
        let op = &mut self.op;
        loop {
            let due = self.queue.next_done().min(now);
            if let Some(tick) = op.next_tick().filter(|&t| t <= due) {
                if let Some(p) = &mut op.periodic {
                    p.emit_by(&mut op.watermark, tick);
                }
                op.fire(tick);
                continue;
            }
            let Some(e) = self.queue.pop_done_by(now) else {
                break;
            };
            op.complete(e);
        }
    }

    fn write_gathered(&mut self) {
        let op = &mut self.op;
        op.pending.write_to(&mut op.out);
        op.out.latency.flush();
    }

    /// Time some event waited for a worker, up to `now`, in ms ([`crate::pressure`]).
    fn backpressured_ms(&self, now: TimeMs) -> f64 {
        self.queue.waited_ms(now)
    }

    /// Events arrived and not yet processed (queued or in service).
    fn waiting(&self) -> u64 {
        self.queue.len() as u64
    }

    /// Earliest event time of the events queued or in service.
    fn oldest_waiting(&self) -> Option<TimeMs> {
        self.queue.oldest_event_time()
    }

    fn complete_up_to(&self, now: TimeMs) -> TimeMs {
        let op = &self.op;
        let mut t = now;
        if let Some(m) = self.queue.oldest_event_time() {
            t = t.min(m);
        }
        if op.p.output == OutputMode::Append {
            if let Some(held) = oldest_held(&op.state, &op.geometry, op.sessions.as_ref()) {
                t = t.min(held);
            }
        }
        t
    }

    /// (busy, provisioned) worker-ms up to `now`: busy counts completed services;
    /// the workers are always on.
    fn cost_at(&self, now: TimeMs) -> (f64, f64) {
        (
            self.op.out.busy_worker_ms,
            now as f64 * f64::from(self.op.p.workers),
        )
    }

    fn watermark_ms(&self) -> Option<TimeMs> {
        Some(self.op.watermark.current())
    }

    fn open_windows(&self) -> usize {
        let op = &self.op;
        op.state.len() + op.fired.len() + op.sessions.as_ref().map_or(0, OpenSessions::len)
    }

    fn session_merges(&self) -> Option<u64> {
        self.op.sessions.as_ref().map(OpenSessions::merges)
    }

    /// Whether events are queued or in service.
    fn busy(&self) -> bool {
        self.waiting() > 0
    }

    fn capacity_eps(&self) -> Option<f64> {
        self.op.p.capacity_eps
    }

    fn record_completions(&mut self, limits: RecentLimits) {
        self.op.completions = Some(Completions::new(limits));
    }

    fn completions(&self) -> Option<&Completions> {
        self.op.completions.as_ref()
    }

    fn queue_tally(&self) -> Option<&QueueTally> {
        Some(&self.op.tally)
    }

    fn late_data(&self) -> Option<&LateData> {
        (!self.op.p.flink.is_default()).then_some(&self.op.late)
    }

    fn out(&self) -> &Output {
        &self.op.out
    }

    fn out_mut(&mut self) -> &mut Output {
        &mut self.op.out
    }

    fn boxed_clone(&self) -> Box<dyn Pipeline> {
        Box::new(self.clone())
    }
}
