//! What a pipeline has published, and its counters: the raw material of every
//! metric in the report.

mod fresh;

use std::collections::BTreeMap;

use serde::Serialize;

use fresh::FreshRows;

use crate::latency::LatencyRecorder;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::window::{Agg, Geometry, Session, WindowState};

/// The latest published value of one (window, key) row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PublishedRow {
    /// The latest published value.
    pub value: Agg,
    /// When the row was first published, in ms.
    pub first_ms: TimeMs,
    /// When it was last published (updated), in ms.
    pub last_ms: TimeMs,
    /// How many times it was published.
    pub updates: u32,
    /// Session windows: the published session's end, in ms (its start is the row's id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_end_ms: Option<TimeMs>,
}

/// Successive publications of one row, gathered: what publishing them one by
/// one leaves in the row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Publications {
    /// The last value published.
    pub(crate) value: Agg,
    /// When the first and the last were published, in ms.
    pub(crate) first_ms: TimeMs,
    pub(crate) last_ms: TimeMs,
    /// How many were published.
    pub(crate) updates: u32,
}

impl Publications {
    /// One publication of `value` at `now`.
    #[inline]
    pub(crate) fn once(value: Agg, now: TimeMs) -> Self {
        Self {
            value,
            first_ms: now,
            last_ms: now,
            updates: 1,
        }
    }

    /// One more publication, of `value` at `now`.
    #[inline]
    pub(crate) fn then(&mut self, value: Agg, now: TimeMs) {
        self.value = value;
        self.last_ms = now;
        self.updates = self.updates.wrapping_add(1);
    }
}

/// A pipeline's published results and counters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Output {
    /// Sum of the published rows per group key (dashboards).
    pub(crate) totals: Vec<Agg>,
    /// Published rows by (window start, group key); complete only after
    /// [`Output::write_gathered`].
    pub(crate) rows: BTreeMap<(TimeMs, u32), PublishedRow>,
    /// Update mode's publications not yet written to `rows` and `totals`.
    fresh: FreshRows,
    pub(crate) latency: LatencyRecorder,
    /// Events processed (their effect is in the pipeline's state or results).
    pub(crate) processed: u64,
    /// Events dropped or missed because they came too late.
    pub(crate) dropped_late: u64,
    /// Worker-milliseconds spent processing.
    pub(crate) busy_worker_ms: f64,
    /// Worker-milliseconds provisioned (paid for), up to the last accounted instant.
    pub(crate) provisioned_worker_ms: f64,
    /// With overlapping windows, the geometry that says which windows `totals`
    /// sums (those that tile event time); `None`: every window.
    tiling: Option<Geometry>,
}

impl Output {
    /// An empty output for `keys` group keys, whose dashboard totals count
    /// each event once under `geometry`'s windows.
    pub(crate) fn new(keys: u32, geometry: &Geometry) -> Self {
        Self {
            totals: vec![Agg::default(); keys as usize],
            fresh: FreshRows::new(keys),
            tiling: geometry.overlaps().then(|| geometry.clone()),
            ..Self::default()
        }
    }

    /// Publishes `keys` of window `start` from `state` at `now`; rows the query
    /// filters out (fraud below the alert threshold) are not published.
    pub(crate) fn publish(
        &mut self,
        scenario: &Scenario,
        start: TimeMs,
        state: &WindowState,
        keys: &[u32],
        now: TimeMs,
    ) {
        for &key in keys {
            self.publish_value(scenario, (start, key), state.aggs[key as usize], now);
        }
    }

    /// Publishes `value` as the row (window start, key) at `now`, unless the
    /// query filters it out; a session window is published this way (its
    /// start is its id).
    pub(crate) fn publish_value(
        &mut self,
        scenario: &Scenario,
        row: (TimeMs, u32),
        value: Agg,
        now: TimeMs,
    ) {
        if scenario.passes(&value) {
            self.publish_gathered(row, Publications::once(value, now));
        }
    }

    /// Publishes `value` as the row (window start, key) at `now`, unless the
    /// query filters it out, as [`Output::publish_value`] does; gathered with
    /// the row's other publications until the output is read (update mode
    /// republishes a row at every micro-batch that changes it: see [`fresh`]).
    pub(crate) fn publish_update(
        &mut self,
        scenario: &Scenario,
        row: (TimeMs, u32),
        value: Agg,
        now: TimeMs,
    ) {
        if !scenario.passes(&value) {
            return;
        }
        let (rows, totals, tiling) = (&mut self.rows, &mut self.totals, &self.tiling);
        let evict = |row, p| write_row(rows, totals, tiling, row, p);
        if let Err(p) = self
            .fresh
            .gather(row, Publications::once(value, now), evict)
        {
            self.write(row, p);
        }
    }

    /// Writes the gathered publications to the rows and totals, and the
    /// latencies counted to their histograms: the simulation calls it before
    /// reading the output.
    pub(crate) fn write_gathered(&mut self) {
        self.write_fresh();
        self.latency.flush();
    }

    /// Rows held once the gathered publications are written: at most the rows
    /// written and one per gathered row (it may update a written one).
    pub(crate) fn rows_at_most(&self) -> usize {
        self.rows.len() + self.fresh.len()
    }

    /// Writes the gathered publications to the rows and totals (before any
    /// other write, so a row's publications keep their order).
    #[inline]
    fn write_fresh(&mut self) {
        if !self.fresh.is_empty() {
            let (rows, totals, tiling) = (&mut self.rows, &mut self.totals, &self.tiling);
            self.fresh
                .drain(|row, p| write_row(rows, totals, tiling, row, p));
        }
    }

    /// Applies the publications `p` of the row (window start, key), each of
    /// which the query passed: the same row and totals as publishing them one
    /// by one, since the row keeps only the last value and the totals are
    /// sums (the changes in between cancel out).
    pub(crate) fn publish_gathered(&mut self, row: (TimeMs, u32), p: Publications) {
        self.write_fresh();
        self.write(row, p);
    }

    /// [`write_row`] on this output's rows and totals.
    fn write(&mut self, row: (TimeMs, u32), p: Publications) {
        write_row(&mut self.rows, &mut self.totals, &self.tiling, row, p);
    }

    /// Publishes a session of `key` as the row (its start, key) at `now`, and
    /// records its events' result latency.
    pub(crate) fn publish_session(
        &mut self,
        scenario: &Scenario,
        key: u32,
        session: &Session,
        now: TimeMs,
    ) {
        self.publish_session_value(scenario, key, session, now);
        self.latency.record_session(session, now);
    }

    /// Publishes a session's current value (complete mode: its latency is
    /// scored per event read instead).
    pub(crate) fn publish_session_value(
        &mut self,
        scenario: &Scenario,
        key: u32,
        session: &Session,
        now: TimeMs,
    ) {
        self.write_fresh();
        self.publish_value(scenario, (session.start, key), session.agg, now);
        if let Some(row) = self.rows.get_mut(&(session.start, key)) {
            row.session_end_ms = Some(session.end);
        }
    }

    /// Withdraws the row (start, key): a session merged into an earlier one
    /// is no longer a row of complete mode's table.
    pub(crate) fn retract(&mut self, start: TimeMs, key: u32) {
        self.write_fresh();
        if let Some(row) = self.rows.remove(&(start, key)) {
            if let Some(total) = self.totals.get_mut(key as usize) {
                total.count -= row.value.count;
                total.sum_cents -= row.value.sum_cents;
            }
        }
    }

    /// Publishes every non-empty key of a window.
    pub(crate) fn publish_all(
        &mut self,
        scenario: &Scenario,
        start: TimeMs,
        state: &WindowState,
        now: TimeMs,
    ) {
        let keys: Vec<u32> = state
            .aggs
            .iter()
            .enumerate()
            .filter(|(_, a)| a.count > 0)
            .map(|(k, _)| k as u32)
            .collect();
        self.publish(scenario, start, state, &keys, now);
    }
}

/// Applies the publications `p` of the row (window start, key) to `rows`,
/// and their change to the key's total where `tiling` counts the window once.
fn write_row(
    rows: &mut BTreeMap<(TimeMs, u32), PublishedRow>,
    totals: &mut [Agg],
    tiling: &Option<Geometry>,
    (start, key): (TimeMs, u32),
    p: Publications,
) {
    let previous = match rows.entry((start, key)) {
        std::collections::btree_map::Entry::Occupied(mut e) => {
            let row = e.get_mut();
            let old = row.value;
            row.value = p.value;
            row.last_ms = p.last_ms;
            row.updates = row.updates.wrapping_add(p.updates);
            old
        }
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(PublishedRow {
                value: p.value,
                first_ms: p.first_ms,
                last_ms: p.last_ms,
                updates: p.updates,
                session_end_ms: None,
            });
            Agg::default()
        }
    };
    if tiling.as_ref().is_some_and(|g| !g.counts_once(start)) {
        return;
    }
    if let Some(total) = totals.get_mut(key as usize) {
        total.count = total.count + p.value.count - previous.count;
        total.sum_cents += p.value.sum_cents - previous.sum_cents;
    }
}

/// Share of the work `[start, end]` done at `now`, in `[0, 1]` (1 for zero-length work).
pub(crate) fn elapsed_fraction(start: TimeMs, end: TimeMs, now: TimeMs) -> f64 {
    if end <= start {
        return 1.0;
    }
    ((now - start) as f64 / (end - start) as f64).clamp(0.0, 1.0)
}
