//! Session windows in per-record mode: each record joins its key's sessions
//! as it completes; a session closes once the watermark passes its end
//! (`end = last event + gap ≤ watermark`, the rule micro-batches follow), and
//! a record whose own session `[t, t + gap)` already ends at or before the
//! watermark is late. Complete mode evicts nothing and republishes the
//! record's session at once (update mode is refused for sessions).

use super::Operator;
use crate::config::OutputMode;
use crate::fifo::InService;
use crate::time::TimeMs;

impl Operator {
    /// Adds a completed record to its session; false if there are no session
    /// windows or the record is late for the watermark `wm`.
    pub(super) fn add_to_session(&mut self, e: &InService, evicts: bool, wm: TimeMs) -> bool {
        let Some(open) = &mut self.sessions else {
            return false;
        };
        let late_wm = if evicts { wm } else { TimeMs::MIN };
        let Some(placed) = open.insert_unless_late(e.key, e.event_time_ms, e.amount_cents, late_wm)
        else {
            return false;
        };
        if self.p.output != OutputMode::Append {
            for (start, key) in open.take_merged_away() {
                self.out.retract(start, key);
            }
            if let Some(s) = open.get(e.key, placed.start) {
                self.out
                    .publish_session_value(&self.scenario, e.key, s, e.done_ms);
            }
        }
        true
    }

    /// Append mode: publishes at `now` the sessions the watermark `wm` closed.
    pub(super) fn close_sessions(&mut self, wm: TimeMs, now: TimeMs) {
        if self.p.output != OutputMode::Append {
            return;
        }
        let Some(open) = &mut self.sessions else {
            return;
        };
        for (key, s) in open.close(wm) {
            self.out.publish_session(&self.scenario, key, &s, now);
        }
    }
}
