//! The scheduled batch pipeline.
//!
//! ```text
//!  arrivals ──► storage (per event-time period) ──► run p at (p+1)·interval + offset
//!                                                   │ reads what has arrived for period p
//!                                                   ▼
//!                                  job: startup + events × cost / workers ──► publish at job end
//! ```
//! Data for a period that arrives after its run has started is *missed*
//! (counted in `dropped_late`). A run due while another is running waits in a
//! queue (counted and shown), never merged into the running one.

use std::collections::{BTreeMap, VecDeque};
use std::ops::Range;

use serde::Serialize;

use crate::config::BatchConfig;
use crate::event::Event;
use crate::output::{elapsed_fraction, Output};
use crate::pipeline::Pipeline;
use crate::runlog::RunLog;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::window::{
    add_to_window, window_mut, Assign, Geometry, OpenSessions, Session, TumblingGeometry,
    WindowState,
};

/// One batch run, for the run log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BatchRun {
    /// Start of the event-time period it covers, in ms (the period is one interval long).
    pub period_start_ms: TimeMs,
    /// When it was due, in ms.
    pub due_ms: TimeMs,
    /// When it started (later than due if the previous run overran), in ms: its data cut-off.
    pub start_ms: TimeMs,
    /// When it finished and published, in ms.
    pub end_ms: TimeMs,
    /// Events it processed.
    pub events: u64,
}

#[derive(Debug, Clone)]
struct Job {
    run: BatchRun,
    windows: Vec<(TimeMs, WindowState)>,
    /// Session windows: the sessions this run publishes, (key, session).
    sessions: Vec<(u32, Session)>,
}

#[derive(Debug, Clone)]
pub(crate) struct BatchPipeline {
    cfg: BatchConfig,
    geometry: Geometry,
    keys: u32,
    scenario: Scenario,
    /// Arrived data not yet read by a run, by window start.
    pending: BTreeMap<TimeMs, WindowState>,
    pending_events: u64,
    /// Session windows: every arrived key's sessions not yet read by a run
    /// (the batch's own `session_window` over the data it has).
    sessions: Option<OpenSessions>,
    /// Period index of the next run to fall due, and when it is due.
    next_period: i64,
    next_due_ms: TimeMs,
    /// Runs due but waiting for the running one: (period, due time).
    queue: VecDeque<(i64, TimeMs)>,
    job: Option<Job>,
    /// Events with an event time before this belong to a period already read.
    closed_before_ms: TimeMs,
    /// Results are complete up to this event time (end of the last published period).
    published_through_ms: TimeMs,
    runs: RunLog<BatchRun>,
    max_queue: u32,
    out: Output,
}

impl BatchPipeline {
    pub(crate) fn new(cfg: &BatchConfig, geometry: Geometry, scenario: Scenario) -> Self {
        let out = Output::new(scenario.key_space(), &geometry);
        let sessions = geometry.open_sessions();
        Self {
            cfg: cfg.clone(),
            geometry,
            keys: scenario.key_space(),
            scenario,
            pending: BTreeMap::new(),
            pending_events: 0,
            sessions,
            next_period: 0,
            next_due_ms: cfg.interval_ms + cfg.offset_ms,
            queue: VecDeque::new(),
            job: None,
            closed_before_ms: 0,
            published_through_ms: 0,
            runs: RunLog::new(),
            max_queue: 0,
            out,
        }
    }

    fn start_job(&mut self, period: i64, due_ms: TimeMs, now: TimeMs) {
        let from = period * self.cfg.interval_ms;
        let to = from + self.cfg.interval_ms;
        let mut rest = self.pending.split_off(&self.geometry.first_open(to));
        std::mem::swap(&mut rest, &mut self.pending);
        // `rest` now holds the windows ending by `to`: the period's, since earlier
        // ones were read by earlier runs (validation aligns `to` with window
        // ends). Overlapping windows ending later wait for a later run, and so do
        // the events they hold: an event counts as processed with its last window.
        let window_events: u64 = rest.values().map(|w| w.owned).sum();
        self.pending_events -= window_events;
        // Sessions ending before `to` are whole: later runs only read events
        // from `to` on, which cannot reach them.
        let sessions = self
            .sessions
            .as_mut()
            .map(|open| open.close(to - 1))
            .unwrap_or_default();
        let events = window_events + sessions.iter().map(|(_, s)| s.agg.count).sum::<u64>();
        self.closed_before_ms = to;
        let work_ms = (events as f64 * self.cfg.per_event_cost_us
            / (1_000.0 * f64::from(self.cfg.workers)))
        .ceil() as TimeMs;
        let end_ms = now + self.cfg.startup_ms + work_ms;
        self.job = Some(Job {
            run: BatchRun {
                period_start_ms: from,
                due_ms,
                start_ms: now,
                end_ms,
                events,
            },
            windows: rest.into_iter().collect(),
            sessions,
        });
    }

    fn finish_job(&mut self) {
        let Some(mut job) = self.job.take() else {
            return;
        };
        let now = job.run.end_ms;
        for (start, state) in &mut job.windows {
            self.out.publish_all(&self.scenario, *start, state, now);
            let times = state.take_times();
            self.out.latency.record_window(
                &times,
                self.geometry.origin(*start),
                self.geometry.bucket_ms(),
                now,
            );
        }
        for (key, session) in &job.sessions {
            self.out.publish_session(&self.scenario, *key, session, now);
        }
        self.out.processed += job.run.events;
        let workers = f64::from(self.cfg.workers);
        let run_ms = (job.run.end_ms - job.run.start_ms) as f64;
        self.out.busy_worker_ms += (run_ms - self.cfg.startup_ms as f64).max(0.0) * workers;
        self.out.provisioned_worker_ms += run_ms * workers;
        self.published_through_ms = job.run.period_start_ms + self.cfg.interval_ms;
        self.runs.push(job.run);
    }
}

impl BatchPipeline {
    /// Stores a run of arrivals one by one: windows other than tumbling ones
    /// (an event in several), and session windows.
    #[inline(always)]
    fn store_run(&mut self, windows: &impl Assign, events: &[Event], keys: &[u32]) {
        if let Some(open) = &mut self.sessions {
            // The period read last and the sessions, found once per run.
            let closed = self.closed_before_ms;
            let mut late = 0;
            for (event, &key) in events.iter().zip(keys) {
                if event.event_time_ms < closed {
                    late += 1;
                } else {
                    open.insert(key, event.event_time_ms, event.amount_cents);
                }
            }
            self.out.dropped_late += late;
            return;
        }
        for (event, &key) in events.iter().zip(keys) {
            self.store(windows, event, key);
        }
    }

    /// [`Self::store_run`] in tumbling windows: each window's state found
    /// once per run of arrivals in it ([`TumblingGeometry::runs`]), not once
    /// per event, and each event stored in the one window that owns it.
    /// Out of line: inlined into [`Pipeline::on_arrivals`] beside the
    /// other kinds' loop, it changed that loop's code.
    #[inline(never)]
    fn store_tumbling(&mut self, windows: &TumblingGeometry, events: &[Event], keys: &[u32]) {
        let row = |(event, &key): (&Event, &u32)| (key, event.event_time_ms, event.amount_cents);
        for (id, run) in windows.runs(events, |e| e.event_time_ms) {
            let (events, keys) = (&events[run.clone()], &keys[run]);
            let closed = self.closed_before_ms;
            // A stretch's events are at or after its window's start when the
            // start is at or before its first (it did not wrap below
            // `TimeMs::MIN`): none is late if the window starts at or after
            // `closed`, and the stretch is stored whole, without a test per event.
            let on_time = id >= closed && events.first().is_some_and(|e| id <= e.event_time_ms);
            let mut stored = 0;
            let mut at = 0;
            while let Some(piece) = on_time_piece(events, at, closed, on_time) {
                // A window an arrival is stored in exists, as in `store`: none
                // is made for a run of late events only.
                let w = window_mut(&mut self.pending, id, self.keys);
                let rows = events[piece.clone()].iter().zip(&keys[piece.clone()]);
                let added = w.store_stretch(windows.bucket(), id, rows.map(row)).count;
                // Counted once per piece, not per event.
                w.owned += added;
                stored += added;
                if piece.end == events.len() {
                    break;
                }
                at = piece.end;
            }
            self.pending_events += stored;
            self.out.dropped_late += events.len() as u64 - stored;
        }
    }

    /// Stores an arrived event in its windows for its period's run, or counts
    /// it as missed (session windows are stored by [`Self::store_run`]).
    #[inline(always)]
    fn store(&mut self, windows: &impl Assign, event: &Event, key: u32) {
        if event.event_time_ms < self.closed_before_ms {
            self.out.dropped_late += 1;
            return;
        }
        let row = (key, event.event_time_ms, event.amount_cents);
        let ids = windows.windows_of(event.event_time_ms);
        let last = ids.first + (i64::from(ids.count) - 1) * ids.step;
        for id in ids {
            // The latest-ending window counts the event: it is processed when
            // the run publishing its last window ends.
            let owner = (id, id == last);
            add_to_window(&mut self.pending, windows, self.keys, owner, row);
        }
        self.pending_events += 1;
    }
}

/// The next piece of `events`, from `at` on, whose event times are all at
/// or after `closed` (not late): the rest of them when `on_time` says they
/// all are, without a test per event; None when no event from `at` on is.
#[inline(always)]
fn on_time_piece(
    events: &[Event],
    at: usize,
    closed: TimeMs,
    on_time: bool,
) -> Option<Range<usize>> {
    let rest = events.get(at..).filter(|rest| !rest.is_empty())?;
    if on_time {
        return Some(at..events.len());
    }
    let first = at + rest.iter().position(|e| e.event_time_ms >= closed)?;
    let len = events[first..]
        .iter()
        .position(|e| e.event_time_ms < closed)
        .unwrap_or(events.len() - first);
    Some(first..first + len)
}

impl Pipeline for BatchPipeline {
    fn on_arrival(&mut self, event: &Event, key: u32) {
        self.on_arrivals(std::slice::from_ref(event), &[key]);
    }

    /// Stores a run of arrivals: a window at a time when windows are
    /// tumbling, an event at a time otherwise.
    fn on_arrivals(&mut self, events: &[Event], keys: &[u32]) {
        match self.geometry.tumbling() {
            Some(windows) if self.sessions.is_none() => self.store_tumbling(&windows, events, keys),
            _ => self.store_run(&self.geometry.clone(), events, keys),
        }
    }

    /// Next instant something happens (a run falls due or a job ends).
    fn next_time(&self) -> TimeMs {
        match &self.job {
            Some(job) => job.run.end_ms.min(self.next_due_ms),
            None => self.next_due_ms,
        }
    }

    /// Handles everything due at `now`: job end, runs falling due, job start.
    fn advance(&mut self, now: TimeMs) {
        if self.job.as_ref().is_some_and(|j| j.run.end_ms <= now) {
            self.finish_job();
        }
        while self.next_due_ms <= now {
            self.queue.push_back((self.next_period, self.next_due_ms));
            self.next_period += 1;
            self.next_due_ms += self.cfg.interval_ms;
        }
        self.max_queue = self
            .max_queue
            .max(self.queue.len().saturating_sub(1) as u32);
        if self.job.is_none() {
            if let Some((period, due)) = self.queue.pop_front() {
                self.start_job(period, due, now);
            }
        }
    }

    crate::pipeline::output_and_clone!();

    /// Events arrived and not yet published (stored, or in the running job).
    fn waiting(&self) -> u64 {
        let sessions = self.sessions.as_ref().map_or(0, OpenSessions::events);
        self.pending_events + sessions + self.job.as_ref().map_or(0, |j| j.run.events)
    }

    /// End of the last published period: the batch publishes whole periods.
    fn complete_up_to(&self, _now: TimeMs) -> TimeMs {
        self.published_through_ms
    }

    /// A run publishes its period's windows once and no later run reads them
    /// again, so windows ending by the last published period are settled.
    fn settled_before(&self) -> TimeMs {
        match self.sessions {
            None => self.geometry.first_open(self.published_through_ms),
            Some(_) => TimeMs::MIN,
        }
    }

    /// The running job's share counted in proportion to the time it has run
    /// (start-up included: its rate stays within the workers' speed).
    fn processed_spread(&self, now: TimeMs) -> f64 {
        let running = self.job.as_ref().map_or(0.0, |j| {
            j.run.events as f64 * elapsed_fraction(j.run.start_ms, j.run.end_ms, now)
        });
        self.out.processed as f64 + running
    }

    /// Earliest event time of the events stored or in the running job.
    fn oldest_waiting(&self) -> Option<TimeMs> {
        let first =
            |w: Option<&WindowState>| w.filter(|w| w.times.count > 0).map(|w| w.times.min_ms);
        let stored = first(self.pending.values().next())
            .or_else(|| self.sessions.as_ref().and_then(OpenSessions::oldest));
        let running = self.job.as_ref().and_then(|j| {
            first(j.windows.first().map(|w| &w.1)).or(j.sessions.first().map(|s| s.1.start))
        });
        match (stored, running) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The cluster exists only while a job runs, and is busy once the start-up is over.
    fn cost_at(&self, now: TimeMs) -> (f64, f64) {
        let workers = f64::from(self.cfg.workers);
        let (mut busy, mut provisioned) = (self.out.busy_worker_ms, self.out.provisioned_worker_ms);
        if let Some(job) = &self.job {
            let elapsed = (now.min(job.run.end_ms) - job.run.start_ms).max(0) as f64;
            provisioned += elapsed * workers;
            busy += (elapsed - self.cfg.startup_ms as f64).max(0.0) * workers;
        }
        (busy, provisioned)
    }

    /// The running job's run, if any (it is logged when it ends).
    fn running_run(&self) -> Option<&BatchRun> {
        self.job.as_ref().map(|j| &j.run)
    }

    /// The workers' speed over the share of each interval left after start-up.
    fn capacity_eps(&self) -> Option<f64> {
        (self.cfg.per_event_cost_us > 0.0).then(|| {
            let interval = self.cfg.interval_ms as f64;
            let usable = (interval - self.cfg.startup_ms as f64).max(0.0) / interval;
            f64::from(self.cfg.workers) * 1.0e6 / self.cfg.per_event_cost_us * usable
        })
    }

    /// Whether a job is running.
    fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn runs(&self) -> u64 {
        self.runs.total()
    }

    fn session_merges(&self) -> Option<u64> {
        self.sessions.as_ref().map(OpenSessions::merges)
    }

    fn max_queued_runs(&self) -> u32 {
        self.max_queue
    }

    fn schedule(&self) -> Option<(u32, TimeMs)> {
        Some((self.queue.len() as u32, self.next_due_ms))
    }

    fn batch_runs(&self) -> Option<&RunLog<BatchRun>> {
        Some(&self.runs)
    }
}
