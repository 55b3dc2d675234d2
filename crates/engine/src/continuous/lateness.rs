//! Flink's late-data rules in the per-record pipeline: when a window fires,
//! which events a fired window still takes (allowed lateness), the periodic
//! watermark, and the count of each event's fate.
//!
//! The engine's watermark is `max event time − delay`; Flink's
//! `BoundedOutOfOrdernessWatermarks` emits one less (`max − delay − 1`), and
//! Flink compares it with a window's `maxTimestamp() = end − 1`. The
//! predicates below are written in Flink's terms so they read like
//! `EventTimeTrigger` and `WindowOperator` (`docs/flink-semantics.md`).

use crate::flink_rules::{
    FlinkRules, LateDataOutput, LateDataReport, SideOutputRow, MAX_LISTED_SIDE_OUTPUT,
};
use crate::time::TimeMs;
use crate::watermark::Watermark;

/// Flink's watermark for the engine's watermark `wm` (`max − delay − 1`).
fn flink_watermark(wm: TimeMs) -> TimeMs {
    wm.saturating_sub(1)
}

/// Flink's `TimeWindow.maxTimestamp()`: the last instant in `[start, end)`.
fn max_timestamp(end: TimeMs) -> TimeMs {
    end.saturating_sub(1)
}

/// `EventTimeTrigger`: a window with end `end` fires once the watermark
/// reaches its last instant (`maxTimestamp() <= watermark`).
pub(super) fn fires(end: TimeMs, wm: TimeMs) -> bool {
    max_timestamp(end) <= flink_watermark(wm)
}

/// `WindowOperator.isWindowLate`: the window's cleanup time
/// (`maxTimestamp() + allowedLateness`) has passed; its state is gone and an
/// event for it is skipped.
pub(super) fn is_window_late(end: TimeMs, wm: TimeMs, allowed_lateness_ms: TimeMs) -> bool {
    max_timestamp(end).saturating_add(allowed_lateness_ms) <= flink_watermark(wm)
}

/// Periodic watermark emission (`pipeline.auto-watermark-interval`): the
/// watermark emitted at processing time `k·interval` covers the events served
/// before that instant. Ticks that would not move the watermark are not
/// simulated, so an idle stretch costs nothing.
#[derive(Debug, Clone)]
pub(super) struct Periodic {
    interval_ms: TimeMs,
    /// `floor(t / interval)` of the latest observation.
    bucket: TimeMs,
    /// Max event time observed in that bucket, not yet emitted.
    staged: Option<TimeMs>,
}

impl Periodic {
    /// None for interval 0 (a watermark after every record).
    pub(super) fn new(interval_ms: TimeMs) -> Option<Self> {
        (interval_ms > 0).then_some(Self {
            interval_ms,
            bucket: 0,
            staged: None,
        })
    }

    /// The next tick that moves `wm`, if any.
    pub(super) fn next_tick(&self, wm: &Watermark) -> Option<TimeMs> {
        let staged = self.staged?;
        let mut probe = wm.clone();
        probe.observe(staged);
        probe
            .would_advance()
            .then(|| (self.bucket + 1).saturating_mul(self.interval_ms))
    }

    /// Emits the staged maximum into `wm` if its tick is at or before `now`;
    /// true if the watermark moved.
    pub(super) fn emit_by(&mut self, wm: &mut Watermark, now: TimeMs) -> bool {
        let Some(staged) = self.staged else {
            return false;
        };
        if (self.bucket + 1).saturating_mul(self.interval_ms) > now {
            return false;
        }
        self.staged = None;
        let before = wm.current();
        wm.observe(staged);
        wm.advance_now();
        wm.current() > before
    }

    /// Observes an event served at `now` (its ticks are after `now`).
    pub(super) fn observe(&mut self, wm: &mut Watermark, now: TimeMs, event_time_ms: TimeMs) {
        self.emit_by(wm, now);
        self.bucket = now.div_euclid(self.interval_ms);
        self.staged = Some(self.staged.map_or(event_time_ms, |m| m.max(event_time_ms)));
    }
}

/// How an event's windows took it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    /// At least one window took it before firing.
    OnTime,
    /// Only fired windows took it, within the allowed lateness.
    LateFired,
    /// No window took it: later than the allowed lateness.
    Dropped,
}

impl Fate {
    /// The fate of an event whose windows were on time (`on_time`) or late
    /// but within the allowed lateness (`late`).
    pub(super) fn of(on_time: bool, late: bool) -> Self {
        match (on_time, late) {
            (true, _) => Self::OnTime,
            (false, true) => Self::LateFired,
            (false, false) => Self::Dropped,
        }
    }
}

/// The counts behind [`LateDataReport`]: every processed event in exactly one.
#[derive(Debug, Clone, Default)]
pub(crate) struct LateData {
    pub(crate) rules: FlinkRules,
    pub(crate) on_time: u64,
    pub(crate) late_fired: u64,
    pub(crate) late_firings: u64,
    pub(crate) dropped: u64,
    pub(crate) side_output: u64,
    side_output_rows: Vec<SideOutputRow>,
}

impl LateData {
    pub(super) fn new(rules: FlinkRules) -> Self {
        Self {
            rules,
            ..Self::default()
        }
    }

    /// Counts an event later than the allowed lateness: dropped, or sent to
    /// the side output (listed up to [`MAX_LISTED_SIDE_OUTPUT`]).
    pub(super) fn too_late(&mut self, row: SideOutputRow) {
        match self.rules.late_data {
            LateDataOutput::Drop => self.dropped += 1,
            LateDataOutput::SideOutput => {
                self.side_output += 1;
                if self.side_output_rows.len() < MAX_LISTED_SIDE_OUTPUT {
                    self.side_output_rows.push(row);
                }
            }
        }
    }

    /// The report part; the side-output rows only if `list` is set.
    pub(crate) fn report(&self, list: bool) -> LateDataReport {
        LateDataReport {
            rules: self.rules,
            on_time: self.on_time,
            late_fired: self.late_fired,
            late_firings: self.late_firings,
            num_late_records_dropped: self.dropped,
            side_output: self.side_output,
            side_output_rows: list.then(|| self.side_output_rows.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_fires_when_the_watermark_reaches_its_last_instant() {
        // Window [0, 1000): maxTimestamp 999; Flink's watermark is wm − 1.
        assert!(!fires(1_000, 999));
        assert!(fires(1_000, 1_000));
        assert!(!is_window_late(1_000, 1_000, 500));
        assert!(!is_window_late(1_000, 1_499, 500));
        assert!(is_window_late(1_000, 1_500, 500));
        // No allowed lateness: late exactly when it fires.
        assert!(is_window_late(1_000, 1_000, 0));
    }

    #[test]
    fn periodic_emission_waits_for_the_next_tick() {
        let mut wm = Watermark::new(100);
        let mut p = Periodic::new(200).expect("periodic");
        p.observe(&mut wm, 150, 1_000);
        assert_eq!(wm.current(), 0, "nothing emitted before the tick");
        assert_eq!(p.next_tick(&wm), Some(200));
        assert!(!p.emit_by(&mut wm, 199));
        assert!(p.emit_by(&mut wm, 200));
        assert_eq!(wm.current(), 900);
        // An event served at a tick instant is covered by the next tick.
        p.observe(&mut wm, 400, 2_000);
        assert_eq!(p.next_tick(&wm), Some(600));
        p.observe(&mut wm, 650, 1_500);
        assert_eq!(wm.current(), 1_900, "the tick at 600 emitted 2000 − 100");
        assert_eq!(p.next_tick(&wm), None, "1500 would not move it");
    }
}
