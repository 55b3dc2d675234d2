//! The lifecycle every pipeline shares, so the simulation drives a list of
//! pipelines instead of naming each one.
//!
//! ```text
//!  on_arrival(event, key) ─► advance(now) at next_time() ─► out(): published rows, counters
//!        (buffer / store / queue)   (trigger, job, service, watermark)   waiting, cost_at, …
//! ```
//! Batch ([`crate::batch`]), micro-batch ([`crate::microbatch`]) and per-record
//! streaming ([`crate::continuous`]) implement it. What only some pipelines have
//! (a watermark, a run log, a queue) has a default that says "none", so a new
//! pipeline implements the lifecycle and nothing else.

use std::fmt;

use crate::batch::BatchRun;
use crate::completions::Completions;
use crate::event::Event;
use crate::metrics::PipelineAt;
use crate::microbatch::MicroBatchInfo;
use crate::output::Output;
use crate::queueing::QueueTally;
use crate::recent::RecentLimits;
use crate::runlog::RunLog;
use crate::time::TimeMs;

/// A pipeline: arrivals in, work scheduled in simulated time, results published.
pub(crate) trait Pipeline {
    /// Takes one arrived event whose group key under the scenario's query is `key`.
    fn on_arrival(&mut self, event: &Event, key: u32);

    /// Takes a run of arrived events, in arrival order; `keys[i]` is the group
    /// key of `events[i]`. The simulation calls this, once per run rather than
    /// once per event: this loop is compiled for each pipeline, so its
    /// `on_arrival` is called directly and inlined.
    #[inline]
    fn on_arrivals(&mut self, events: &[Event], keys: &[u32]) {
        for (event, &key) in events.iter().zip(keys) {
            self.on_arrival(event, key);
        }
    }

    /// Next instant it has something to do on its own (a trigger, a job end, a
    /// service end); `TimeMs::MAX` if only an arrival can wake it.
    fn next_time(&self) -> TimeMs;

    /// Next instant the simulation must stop at for it: [`Pipeline::next_time`]
    /// unless its work at an instant depends only on the arrivals up to that
    /// instant, never on where the simulation stops. Such a pipeline returns
    /// `TimeMs::MAX` and does that work in [`Pipeline::catch_up`] or at the next
    /// stop, so it costs no step of its own.
    fn wake_time(&self) -> TimeMs {
        self.next_time()
    }

    /// Does the work due by `now` that [`Pipeline::wake_time`] let the
    /// simulation skip; called once every arrival up to `now` is delivered, so
    /// what waits for a stop stays as small as a delivery slice.
    fn catch_up(&mut self, _now: TimeMs) {}

    /// Whether only an arrival can make it do anything: the simulation then steps
    /// to the next arrival instead of every trigger.
    fn idle(&self) -> bool {
        false
    }

    /// Handles everything due at `now` (never called with a time before the last).
    fn advance(&mut self, now: TimeMs);

    /// Published results and counters; complete only after
    /// [`Pipeline::write_gathered`].
    fn out(&self) -> &Output;

    /// Writes to its output the rows it gathered instead of publishing each
    /// at once (update mode: `output/fresh.rs`; per-record mode:
    /// `continuous/pending_rows.rs`), and the latencies counted but not yet in
    /// its histograms. The simulation calls it before reading the rows: when
    /// a step ends and before folding settled rows (a sample reads only the
    /// latencies, and flushes them alone).
    fn write_gathered(&mut self) {
        self.out_mut().write_gathered();
    }

    /// [`Pipeline::write_gathered`] when a step ends: also brings the run's
    /// latency histogram up to date, which only the report reads (a sample
    /// reads the interval's), so it takes each step's latencies once.
    fn settle(&mut self) {
        self.write_gathered();
        self.out_mut().latency.settle();
    }

    /// The same, to take the interval's latency at a sample.
    fn out_mut(&mut self) -> &mut Output;

    /// Events arrived and not yet processed (buffered, stored, queued or running).
    fn waiting(&self) -> u64;

    /// Event time up to which its published results are complete.
    fn complete_up_to(&self, now: TimeMs) -> TimeMs;

    /// Events processed by `now`, work under way counted in proportion to its
    /// progress (so the process rate never exceeds capacity). Work that lasts
    /// milliseconds is counted when it completes.
    fn processed_spread(&self, _now: TimeMs) -> f64 {
        self.out().processed as f64
    }

    /// Earliest event time of the events arrived and not yet processed.
    fn oldest_waiting(&self) -> Option<TimeMs>;

    /// (busy, provisioned) worker-milliseconds up to `now`.
    fn cost_at(&self, now: TimeMs) -> (f64, f64);

    /// Most events per second it can sustain (None: unbounded, zero cost).
    fn capacity_eps(&self) -> Option<f64>;

    /// Whether work is under way (a job or micro-batch running, events in service).
    fn busy(&self) -> bool;

    /// Its published rows of windows before this id never change any more
    /// ([`crate::settled`]); `TimeMs::MIN` (the default) where that is never
    /// known: session windows, complete mode, per-record late firings.
    fn settled_before(&self) -> TimeMs {
        TimeMs::MIN
    }

    /// Its event-time watermark, in ms, if it keeps one.
    fn watermark_ms(&self) -> Option<TimeMs> {
        None
    }

    /// Time the source held events its workers could not take, up to `now`, in
    /// ms ([`crate::pressure`]); none where nothing can hold them.
    fn backpressured_ms(&self, _now: TimeMs) -> f64 {
        0.0
    }

    /// Per-record mode with Flink's rules set: each event's fate under them.
    fn late_data(&self) -> Option<&crate::continuous::LateData> {
        None
    }

    /// Windows held in state.
    fn open_windows(&self) -> usize {
        0
    }

    /// Session windows: events that merged two or more sessions so far.
    fn session_merges(&self) -> Option<u64> {
        None
    }

    /// Runs (jobs, micro-batches) started so far.
    fn runs(&self) -> u64 {
        0
    }

    /// Most runs ever waiting behind a running one.
    fn max_queued_runs(&self) -> u32 {
        0
    }

    /// Scheduled runs: (runs due and waiting, when the next falls due in ms).
    fn schedule(&self) -> Option<(u32, TimeMs)> {
        None
    }

    /// The log of scheduled batch runs, if it runs jobs on a schedule.
    fn batch_runs(&self) -> Option<&RunLog<BatchRun>> {
        None
    }

    /// The running scheduled job's run, if it runs jobs and one is running
    /// (it is logged when it ends).
    fn running_run(&self) -> Option<&BatchRun> {
        None
    }

    /// The running micro-batch, if it runs micro-batches and one is running.
    fn running_micro_batch(&self) -> Option<&MicroBatchInfo> {
        None
    }

    /// The log of micro-batches, if it runs micro-batches.
    fn micro_batches(&self) -> Option<&RunLog<MicroBatchInfo>> {
        None
    }

    /// Starts recording each event's completion, if it serves events one by
    /// one (the event-time picture's per-record fates; others ignore it).
    fn record_completions(&mut self, _limits: RecentLimits) {}

    /// The recorded completions, if it serves events one by one and records them.
    fn completions(&self) -> Option<&Completions> {
        None
    }

    /// Queue statistics, if it serves events one by one from a queue.
    fn queue_tally(&self) -> Option<&QueueTally> {
        None
    }

    /// A copy of the pipeline (time travel keeps copies of a whole simulation).
    fn boxed_clone(&self) -> Box<dyn Pipeline>;

    /// Its state at a sample instant.
    fn at(&self, now: TimeMs) -> PipelineAt {
        PipelineAt {
            waiting: self.waiting(),
            complete: self.complete_up_to(now),
            cost: self.cost_at(now),
            spread: self.processed_spread(now),
            oldest: self.oldest_waiting(),
        }
    }
}

/// The pipeline's kind only, not its fields: as a supertrait, `Debug` put
/// every pipeline's derived `Debug` (histograms, queues, maps) in the
/// vtables of every binary, ≈ 20 KB of the page's wasm that nothing prints.
impl fmt::Debug for dyn Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pipeline")
    }
}

impl Clone for Box<dyn Pipeline> {
    fn clone(&self) -> Self {
        self.boxed_clone()
    }
}

/// The three [`Pipeline`] methods every pipeline writes the same way, for a
/// type with an `out: Output` field that is `Clone`: `out`, `out_mut` and
/// `boxed_clone`. Written once here, expanded inside each `impl Pipeline`.
macro_rules! output_and_clone {
    () => {
        fn out(&self) -> &crate::output::Output {
            &self.out
        }

        fn out_mut(&mut self) -> &mut crate::output::Output {
            &mut self.out
        }

        fn boxed_clone(&self) -> Box<dyn crate::pipeline::Pipeline> {
            Box::new(self.clone())
        }
    };
}
pub(crate) use output_and_clone;
