//! A micro-batch reading its input rows: Spark's late filter per (window, key)
//! group, the rows kept added to state, and the batch's event-time statistics.
//! The window kind is resolved once per batch: tumbling windows are read a
//! window's run of rows at a time, any other kind a row at a time.

use std::collections::BTreeSet;

use super::{sessions, MicroBatch, Row};
use crate::time::TimeMs;
use crate::window::{add_to_window, window_mut, Assign, TumblingGeometry};

/// What reading a batch's rows found.
pub(super) struct Read {
    /// Rows dropped as late.
    pub(super) dropped: u64,
    /// Distinct (window, key) groups of the dropped rows.
    pub(super) dropped_groups: BTreeSet<(TimeMs, u32)>,
    /// Latest and summed event times of every row read (late ones included).
    pub(super) max_event: TimeMs,
    pub(super) sum_event: i128,
    /// Session windows, complete mode: (key, start) of the sessions changed.
    pub(super) touched: Vec<(u32, TimeMs)>,
    /// Update and complete modes: event times of the rows kept.
    pub(super) kept_times: Vec<TimeMs>,
}

/// How the rows are read: the previous batch's watermark for the late filter,
/// whether rows kept are scored one by one (`update`), whether state is
/// evicted by the watermark (`evicts`).
#[derive(Clone, Copy)]
pub(super) struct Filter {
    pub(super) late_wm: TimeMs,
    pub(super) update: bool,
    pub(super) evicts: bool,
}

impl MicroBatch {
    /// Reads `rows` into state.
    pub(super) fn read(&mut self, rows: &[Row], filter: Filter) -> Read {
        let mut read = Read {
            dropped: 0,
            dropped_groups: BTreeSet::new(),
            max_event: TimeMs::MIN,
            sum_event: 0,
            touched: Vec::new(),
            kept_times: Vec::with_capacity(if filter.update { rows.len() } else { 0 }),
        };
        match self.geometry.tumbling() {
            Some(windows) if self.sessions.is_none() => {
                self.read_tumbling(&windows, rows, filter, &mut read)
            }
            _ => self.read_rows(&self.geometry.clone(), rows, filter, &mut read),
        }
        // The watermark takes the batch's latest event time once, not each row's.
        if !rows.is_empty() {
            self.watermark.observe(read.max_event);
        }
        read
    }

    /// [`Self::read_rows`] in tumbling windows, a run of rows in one window
    /// at a time ([`TumblingGeometry::runs`]): Spark's late filter asks once
    /// per run (a row's one window is late or not), and the window's state
    /// is found once per run, not once per row. Out of line, as the batch
    /// store's loop ([`crate::batch`]): the session windows' loop is then
    /// compiled on its own.
    #[inline(never)]
    fn read_tumbling(
        &mut self,
        windows: &TumblingGeometry,
        rows: &[Row],
        f: Filter,
        read: &mut Read,
    ) {
        for (id, run) in windows.runs(rows, |r| r.event_time_ms) {
            let rows = &rows[run];
            if f.evicts && windows.end_of(id) <= f.late_wm {
                for e in rows {
                    read.max_event = read.max_event.max(e.event_time_ms);
                    read.sum_event += i128::from(e.event_time_ms);
                }
                read.dropped += rows.len() as u64;
                read.dropped_groups.extend(rows.iter().map(|e| (id, e.key)));
                continue;
            }
            let w = window_mut(&mut self.state, id, self.keys);
            let rows_in = rows
                .iter()
                .map(|e| (e.key, e.event_time_ms, e.amount_cents));
            // The statistics of the rows kept come with the stretch's one pass.
            let added = w.add_stretch(windows.bucket(), id, rows_in);
            read.max_event = read.max_event.max(added.max_ms);
            read.sum_event += added.sum_ms;
            if f.update {
                read.kept_times.extend(rows.iter().map(|e| e.event_time_ms));
            }
        }
    }

    /// Reads `rows` one by one: windows other than tumbling ones (a row in
    /// several), and session windows.
    #[inline(always)]
    fn read_rows(&mut self, windows: &impl Assign, rows: &[Row], f: Filter, read: &mut Read) {
        for e in rows {
            read.max_event = read.max_event.max(e.event_time_ms);
            read.sum_event += i128::from(e.event_time_ms);
            if let Some(open) = &mut self.sessions {
                let touched = (!f.evicts).then_some(&mut read.touched);
                if !sessions::add(open, e, f.late_wm, touched) {
                    read.dropped += 1;
                    // Spark groups rows by (key, own session) before its late filter.
                    read.dropped_groups.insert((e.event_time_ms, e.key));
                } else if f.update {
                    read.kept_times.push(e.event_time_ms);
                }
                continue;
            }
            // Spark's late filter, per (window, key) group: only an event's late
            // windows are dropped; it is dropped when all of them are.
            let mut kept = false;
            for id in windows.windows_of(e.event_time_ms) {
                if f.evicts && windows.end_of(id) <= f.late_wm {
                    read.dropped_groups.insert((id, e.key));
                    continue;
                }
                kept = true;
                add_to_window(
                    &mut self.state,
                    windows,
                    self.keys,
                    (id, false),
                    (e.key, e.event_time_ms, e.amount_cents),
                );
            }
            if !kept {
                read.dropped += 1;
            } else if f.update {
                read.kept_times.push(e.event_time_ms);
            }
        }
    }
}
