//! Step to the next *meaningful* moment (Step, PgDn, →): a batch job starting
//! or finishing, a micro-batch being triggered, a streaming window firing. One
//! arrival every 50 ms is too small a step to see anything move; Shift+Step still
//! goes to the next arrival. The moment is found by stepping the engine event by
//! event and comparing its live counters, so nothing here re-implements it.

use bslab_engine::{Live, StreamingMode};

use crate::runner::Runner;

/// Most engine steps one Step may take (a page must never freeze): past it, the
/// step stops where it is and says that nothing happened yet.
pub const MAX_STEPS: u32 = 200_000;

/// How far a Step goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepTo {
    /// The next job start or end, micro-batch trigger or window firing.
    Moment,
    /// The next arrival of an event (Shift+Step).
    Arrival,
}

/// What a Step reached (the header says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A scheduled batch job started.
    BatchStarted,
    /// A batch job finished and published its results.
    BatchFinished,
    /// The streaming trigger fired: a micro-batch started.
    MicroBatch,
    /// Streaming windows fired: their results are final (how many).
    WindowsFired(u32),
    /// An event arrived.
    Arrival,
    /// The end of the run.
    End,
    /// [`MAX_STEPS`] steps without any of the above.
    NothingYet,
}

/// What happened between two live pictures, most telling first.
fn moment(before: &Live, after: &Live, micro_batch: bool) -> Option<Moment> {
    let (b, a) = (&before.batch, &after.batch);
    if a.processed > b.processed || (b.running && !a.running) {
        return Some(Moment::BatchFinished);
    }
    if a.running && !b.running {
        return Some(Moment::BatchStarted);
    }
    if after.streaming.open_windows < before.streaming.open_windows {
        let fired = before.streaming.open_windows - after.streaming.open_windows;
        return Some(Moment::WindowsFired(fired));
    }
    (micro_batch && after.streaming.busy && !before.streaming.busy).then_some(Moment::MicroBatch)
}

fn arrived(live: &Live) -> u64 {
    live.generated - live.in_transit
}

/// Steps `runner` to the next moment of kind `to` and says which it was.
pub fn step_to(runner: &mut Runner, to: StepTo) -> Moment {
    let micro_batch = matches!(
        runner.config().streaming.mode,
        StreamingMode::MicroBatch { .. }
    );
    let mut before = runner.live();
    for _ in 0..MAX_STEPS {
        if runner.finished() {
            return Moment::End;
        }
        runner.step();
        let after = runner.live();
        let reached = match to {
            StepTo::Moment => moment(&before, &after, micro_batch),
            StepTo::Arrival => (arrived(&after) > arrived(&before)).then_some(Moment::Arrival),
        };
        if let Some(m) = reached {
            return m;
        }
        before = after;
    }
    Moment::NothingYet
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::presets;

    fn runner(preset: &str) -> Runner {
        let config = presets::by_name(preset).expect("preset").config;
        Runner::new(config, 0).expect("valid")
    }

    #[test]
    fn the_first_step_reaches_the_first_trigger() {
        let mut r = runner("sales-daily-vs-live");
        let trigger = match r.config().streaming.mode {
            StreamingMode::MicroBatch { trigger_ms, .. } => trigger_ms,
            _ => panic!("a micro-batch preset"),
        };
        assert_eq!(step_to(&mut r, StepTo::Moment), Moment::MicroBatch);
        assert_eq!(r.now(), trigger);
    }

    #[test]
    fn shift_step_reaches_the_next_arrival_only() {
        let mut r = runner("sales-daily-vs-live");
        let before = r.live();
        assert_eq!(step_to(&mut r, StepTo::Arrival), Moment::Arrival);
        let after = r.live();
        assert!(arrived(&after) > arrived(&before));
        assert!(r.now() < 5_000, "an arrival comes before the first trigger");
    }

    #[test]
    fn steps_go_through_batch_jobs_and_windows_to_the_end() {
        let mut r = runner("sales-daily-vs-live");
        let mut seen = Vec::new();
        while !r.finished() {
            let t = r.now();
            let m = step_to(&mut r, StepTo::Moment);
            assert!(r.now() > t || m == Moment::End, "{m:?} at {t} did not move");
            seen.push(m);
        }
        for wanted in [
            Moment::BatchStarted,
            Moment::BatchFinished,
            Moment::MicroBatch,
        ] {
            assert!(seen.contains(&wanted), "{wanted:?} never reached");
        }
        assert!(seen.iter().any(|m| matches!(m, Moment::WindowsFired(_))));
    }
}
