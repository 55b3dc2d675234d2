//! Session windows in micro-batches, with Spark's rule (the one
//! [`crate::window::MicroBatchSessions`] measures, `docs/spark-semantics.md`
//! cases H and H2): a row is late when its own session `[t, t + gap)` ends at
//! or before the previous batch's watermark, even if it would join a live
//! session, in complete mode too (real Spark drops them there as well: the
//! `session-complete` parity config); the rest merge into their key's
//! sessions; append mode emits and evicts the sessions with `end ≤` this
//! batch's watermark; complete mode evicts nothing and publishes the whole
//! table. Update mode is refused by validation (SPARK-36463).

use super::Row;
use crate::config::OutputMode;
use crate::output::Output;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::window::{OpenSessions, Session};

/// What one micro-batch did to the session windows, published when it ends.
#[derive(Debug, Clone, Default)]
pub(super) struct SessionEmit {
    /// Append: sessions closed by this batch's watermark, (key, session).
    closed: Vec<(u32, Session)>,
    /// Complete: sessions this batch changed, (key, value at the batch's end).
    changed: Vec<(u32, Session)>,
    /// Complete: (start, key) of sessions merged into an earlier one.
    merged_away: Vec<(TimeMs, u32)>,
    /// Rows Spark's `foreachBatch` receives (rows the query outputs).
    pub(super) emitted_rows: u64,
    /// Sessions written to state: every session of each key the batch
    /// changed (Spark's `numRowsUpdated`: its state store rewrites a key's sessions).
    pub(super) updated_rows: u64,
}

/// Adds one row unless it is late for `late_wm`; false if dropped. `touched`
/// (complete mode only: what it republishes) collects (key, start) of the
/// sessions changed.
#[inline(always)]
pub(super) fn add(
    open: &mut OpenSessions,
    row: &Row,
    late_wm: TimeMs,
    touched: Option<&mut Vec<(u32, TimeMs)>>,
) -> bool {
    let (key, t) = (row.key, row.event_time_ms);
    let Some(placed) = open.insert_unless_late(key, t, row.amount_cents, late_wm) else {
        return false;
    };
    if let Some(touched) = touched {
        touched.push((key, placed.start));
    }
    true
}

/// Closes (append) or snapshots (complete) the sessions after a batch's rows.
pub(super) fn emit(
    open: &mut OpenSessions,
    touched: Vec<(u32, TimeMs)>,
    batch_wm: TimeMs,
    output: OutputMode,
    scenario: &Scenario,
) -> SessionEmit {
    let merged_away = open.take_merged_away();
    // Spark rewrites every session of each key the batch changed.
    let updated_rows = open
        .take_changed_keys()
        .iter()
        .map(|&key| open.of_key(key) as u64)
        .sum();
    let mut emit = SessionEmit {
        updated_rows,
        ..SessionEmit::default()
    };
    let passes = |s: &Session| scenario.passes(&s.agg);
    if output == OutputMode::Complete {
        // A session touched early in the batch may have merged into another since.
        emit.changed = crate::rank::sorted_pairs(&touched)
            .filter_map(|(key, start)| open.get(key, start).map(|s| (key, *s)))
            .collect();
        emit.emitted_rows = open.iter().filter(|(_, s)| passes(s)).count() as u64;
        emit.merged_away = merged_away;
    } else {
        emit.closed = open.close(batch_wm);
        emit.emitted_rows = emit.closed.iter().filter(|(_, s)| passes(s)).count() as u64;
    }
    emit
}

impl SessionEmit {
    /// Publishes at `now` what the batch emitted. Complete mode's latency is
    /// scored per row read (as for windows), append mode's per session closed.
    pub(super) fn publish(&self, out: &mut Output, scenario: &Scenario, now: TimeMs) {
        for &(start, key) in &self.merged_away {
            out.retract(start, key);
        }
        for (key, s) in &self.changed {
            out.publish_session_value(scenario, *key, s, now);
        }
        for (key, s) in &self.closed {
            out.publish_session(scenario, *key, s, now);
        }
    }
}
