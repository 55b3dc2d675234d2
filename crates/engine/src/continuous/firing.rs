//! How the per-record pipeline applies Flink's rules ([`super::lateness`]) to
//! its windows: judging each served event against the watermark, late firings,
//! firing and clearing windows as the watermark moves.

use super::lateness::{self, Fate};
use super::Operator;
use crate::config::OutputMode;
use crate::fifo::InService;
use crate::flink_rules::SideOutputRow;
use crate::time::TimeMs;
use crate::window::WindowState;

impl Operator {
    /// Adds a served event to each of its windows that takes it at watermark
    /// `wm`: before firing, or after within the allowed lateness (a late firing).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn judge(&mut self, e: &InService, wm: TimeMs) -> Fate {
        // Complete mode keeps every window: nothing is late.
        let evicts = self.p.output != OutputMode::Complete;
        let lateness_ms = self.p.flink.allowed_lateness_ms;
        // Session windows take the event by their own rule (`sessions.rs`),
        // out of line: the check for them is all other windows pay.
        let sessions = self.sessions.is_some() && self.add_to_session(e, evicts, wm);
        let (mut on_time, mut late) = (sessions, false);
        for id in self.geometry.windows_of(e.event_time_ms) {
            let end = self.geometry.end_of(id);
            if !evicts || !lateness::fires(end, wm) {
                on_time = true;
                self.add(e, id);
            } else if !lateness::is_window_late(end, wm, lateness_ms) {
                late = true;
                self.late_fire(e, id);
            }
        }
        Fate::of(on_time, late)
    }

    /// Adds a late event to the fired window `id` (created if it fired empty)
    /// and fires that window again for its key: a late firing.
    fn late_fire(&mut self, e: &InService, id: TimeMs) {
        let (keys, first) = (self.keys, &mut self.firsts.1);
        let window = self.fired.entry(id).or_insert_with(|| {
            *first = Some(first.map_or(id, |f| f.min(id)));
            WindowState::new(keys)
        });
        if window.aggregate(e.key, e.amount_cents) {
            let value = window.aggs[e.key as usize];
            self.pending
                .publish(&mut self.out, &self.scenario, (id, e.key), value, e.done_ms);
            self.late.late_firings += 1;
        }
    }

    /// Counts a served event under its fate: processed (on time or
    /// late-fired, with its latency) or later than the allowed lateness.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn account(&mut self, e: &InService, wm: TimeMs, fate: Fate) {
        match fate {
            Fate::Dropped => {
                self.out.dropped_late += 1;
                self.late.too_late(SideOutputRow {
                    event_id: e.id,
                    event_time_ms: e.event_time_ms,
                    arrival_time_ms: e.arrival_ms,
                    done_ms: e.done_ms,
                    watermark_ms: wm,
                    key: e.key,
                    amount_cents: e.amount_cents,
                });
            }
            Fate::LateFired => {
                self.out.processed += 1;
                self.late.late_fired += 1;
                self.out.latency.record(e.event_time_ms, e.done_ms);
            }
            Fate::OnTime => {
                self.out.processed += 1;
                self.late.on_time += 1;
                if self.p.output != OutputMode::Append {
                    self.out.latency.record(e.event_time_ms, e.done_ms);
                }
            }
        }
    }

    /// Fires, at `now`, every window the watermark has reached (append mode
    /// publishes it), keeps it while it accepts late events, and clears the
    /// state of those past the allowed lateness. Windows are ordered by end,
    /// so both stop at the first that stays.
    pub(super) fn fire(&mut self, now: TimeMs) {
        let wm = self.watermark.current();
        self.close_sessions(wm, now);
        if self.p.output == OutputMode::Complete {
            return;
        }
        let lateness_ms = self.p.flink.allowed_lateness_ms;
        while let Some(entry) = self.state.first_entry() {
            let id = *entry.key();
            if !lateness::fires(self.geometry.end_of(id), wm) {
                break;
            }
            let w = entry.remove();
            if self.p.output == OutputMode::Append {
                // Rows gathered so far go first: `publish_all` writes to the output.
                self.pending.write_to(&mut self.out);
                self.out.publish_all(&self.scenario, id, &w, now);
                self.out.latency.record_window(
                    &w.times,
                    self.geometry.origin(id),
                    self.geometry.bucket_ms(),
                    now,
                );
            }
            if lateness_ms > 0 {
                self.fired.insert(id, w);
            }
        }
        while let Some(entry) = self.fired.first_entry() {
            if !lateness::is_window_late(self.geometry.end_of(*entry.key()), wm, lateness_ms) {
                break;
            }
            entry.remove();
        }
        self.firsts = (
            self.state.keys().next().copied(),
            self.fired.keys().next().copied(),
        );
    }

    /// Whether [`Operator::fire`] at watermark `wm` would fire or clear a
    /// window (sessions aside): windows are ordered by end, so the first of
    /// each map decides. Complete mode keeps every window.
    pub(super) fn may_fire(&self, wm: TimeMs) -> bool {
        let lateness_ms = self.p.flink.allowed_lateness_ms;
        let end = |id: TimeMs| self.geometry.end_of(id);
        self.p.output != OutputMode::Complete
            && (self.firsts.0.is_some_and(|id| lateness::fires(end(id), wm))
                || (self.firsts.1)
                    .is_some_and(|id| lateness::is_window_late(end(id), wm, lateness_ms)))
    }

    /// The next periodic watermark that moves the watermark, if any.
    pub(super) fn next_tick(&self) -> Option<TimeMs> {
        self.periodic.as_ref()?.next_tick(&self.watermark)
    }
}
