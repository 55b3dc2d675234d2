//! The micro-batch pipeline's side of the [`Pipeline`] lifecycle: arrivals
//! buffered for the next trigger, the clock's stops (triggers, batch ends),
//! and what the simulation reads between them (backlog, cost, watermark, log).
//! The batch mechanics themselves (start, late filter, emission) are in the
//! parent module.

use super::{MicroBatch, MicroBatchInfo, Row};
use crate::config::OutputMode;
use crate::event::Event;
use crate::output::elapsed_fraction;
use crate::pipeline::Pipeline;
use crate::pressure::overdue_ms;
use crate::runlog::RunLog;
use crate::time::{next_multiple_after, TimeMs};
use crate::window::{oldest_held, OpenSessions};

impl Pipeline for MicroBatch {
    #[inline]
    fn on_arrival(&mut self, event: &Event, key: u32) {
        self.on_arrivals(std::slice::from_ref(event), &[key]);
    }

    /// Buffers a run of arrivals for the next trigger, its earliest event time
    /// taken over the run at once.
    fn on_arrivals(&mut self, events: &[Event], keys: &[u32]) {
        let Some(first) = events.first() else {
            return;
        };
        // Only the first arrival can find the pipeline idle: it buffers a row.
        if first.arrival_time_ms > self.next_attempt_ms && self.idle() {
            // The triggers since the last attempt found nothing to do (no data, no
            // watermark move): the first one that can is the first at or after this arrival.
            self.next_attempt_ms =
                next_multiple_after(first.arrival_time_ms - 1, self.p.trigger_ms);
        }
        let earliest = events
            .iter()
            .fold(first.event_time_ms, |m, e| m.min(e.event_time_ms));
        self.buffer_min_time = Some(self.buffer_min_time.map_or(earliest, |m| m.min(earliest)));
        self.buffer
            .extend(events.iter().zip(keys).map(|(event, &key)| Row {
                event_time_ms: event.event_time_ms,
                amount_cents: event.amount_cents,
                key,
            }));
    }

    /// When something can next happen: the running batch ends, or a trigger
    /// finds data or a watermark to move. Idle, nothing can until an arrival
    /// (the simulation wakes the pipeline then): idle time costs no step.
    fn next_time(&self) -> TimeMs {
        match &self.running {
            Some(r) => r.info.end_ms.min(self.next_attempt_ms),
            None if self.idle() => TimeMs::MAX,
            None => self.next_attempt_ms,
        }
    }

    /// Nothing running, nothing buffered and the watermark would not move: a
    /// trigger would start no batch.
    fn idle(&self) -> bool {
        self.running.is_none() && self.buffer.is_empty() && !self.no_data_batch_due()
    }

    fn advance(&mut self, now: TimeMs) {
        if self.running.as_ref().is_some_and(|r| r.info.end_ms <= now) {
            self.finish();
        }
        if self.running.is_none() && self.next_attempt_ms <= now {
            let end = self.try_start(now);
            let next_trigger = next_multiple_after(now, self.p.trigger_ms);
            self.next_attempt_ms = end.map_or(next_trigger, |e| e.max(next_trigger));
        }
    }

    /// Events arrived and not yet processed (buffered or in the running batch).
    fn waiting(&self) -> u64 {
        self.buffer.len() as u64 + self.running.as_ref().map_or(0, |r| r.info.input_rows)
    }

    /// Events processed by `now`, a running batch's share in proportion to the time
    /// it has run (its duration covers overhead and work, so the rate stays within capacity).
    fn processed_spread(&self, now: TimeMs) -> f64 {
        let running = self.running.as_ref().map_or(0.0, |r| {
            let rows = (r.info.input_rows - r.info.dropped_rows) as f64;
            rows * elapsed_fraction(r.info.start_ms, r.info.end_ms, now)
        });
        self.out.processed as f64 + running
    }

    /// Earliest event time of the events arrived and not yet processed.
    fn oldest_waiting(&self) -> Option<TimeMs> {
        let running = self.running.as_ref().and_then(|r| r.min_event_time);
        match (self.buffer_min_time, running) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Event time up to which published results are complete.
    fn complete_up_to(&self, now: TimeMs) -> TimeMs {
        let mut t = now;
        if let Some(m) = self.buffer_min_time {
            t = t.min(m);
        }
        if let Some(m) = self.running.as_ref().and_then(|r| r.min_event_time) {
            t = t.min(m);
        }
        if self.p.output == OutputMode::Append {
            if let Some(held) = oldest_held(&self.state, &self.geometry, self.sessions.as_ref()) {
                t = t.min(held);
            }
        }
        t
    }

    /// (busy, provisioned) worker-ms up to `now`: the cluster is always on.
    fn cost_at(&self, now: TimeMs) -> (f64, f64) {
        let workers = f64::from(self.p.workers);
        let mut busy = self.out.busy_worker_ms;
        if let Some(r) = &self.running {
            busy -= (r.info.end_ms - now.min(r.info.end_ms)) as f64 * workers;
        }
        (busy, now as f64 * workers)
    }

    /// Time a running batch held up the next trigger, up to `now`, in ms ([`crate::pressure`]).
    fn backpressured_ms(&self, now: TimeMs) -> f64 {
        let running = self.running.as_ref().map_or(0, |r| {
            overdue_ms(r.info.start_ms, r.info.end_ms, self.p.trigger_ms, now)
        });
        (self.overdue_ms + running) as f64
    }

    fn settled_before(&self) -> TimeMs {
        self.settled_before
    }

    /// Current watermark, in ms.
    fn watermark_ms(&self) -> Option<TimeMs> {
        Some(self.watermark.current())
    }

    /// The running batch, if any (it is logged when it ends).
    fn running_micro_batch(&self) -> Option<&MicroBatchInfo> {
        self.running.as_ref().map(|r| &r.info)
    }

    /// Whether a batch is running.
    fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Windows held in state.
    fn open_windows(&self) -> usize {
        self.state.len() + self.sessions.as_ref().map_or(0, OpenSessions::len)
    }

    fn session_merges(&self) -> Option<u64> {
        self.sessions.as_ref().map(OpenSessions::merges)
    }

    fn capacity_eps(&self) -> Option<f64> {
        self.p.capacity_eps
    }

    fn runs(&self) -> u64 {
        self.log.total()
    }

    fn micro_batches(&self) -> Option<&RunLog<MicroBatchInfo>> {
        Some(&self.log)
    }

    crate::pipeline::output_and_clone!();
}
