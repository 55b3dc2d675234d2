use bslab_engine::{presets, ExperimentConfig, ReportDetail, Simulation, TimeMs};

use super::*;

/// SplitMix64: the instants are random but the same at every run (seed in failure messages).
fn instants(seed: u64, n: usize, end: TimeMs) -> Vec<TimeMs> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % (end as u64 + 1)) as TimeMs
        })
        .collect()
}

/// Everything the page can show at the simulation's instant, as one comparable value.
fn state(sim: &Simulation) -> String {
    let report = sim.report(ReportDetail {
        windows: true,
        ..ReportDetail::default()
    });
    format!(
        "{:?}\n{:?}\n{:?}\n{}",
        sim.live(),
        sim.samples(),
        sim.dashboard(20),
        report.digest()
    )
}

fn straight(config: &ExperimentConfig, t: TimeMs) -> String {
    let mut sim = Simulation::new(config.clone()).expect("valid preset");
    sim.step_until(t).expect("forward");
    state(&sim)
}

fn scrub_matches_straight_runs(preset: &str, seed: u64) {
    let config = presets::by_name(preset).expect("preset").config;
    let mut runner = Runner::new(config.clone(), 0).expect("valid preset");
    runner.advance(TimeMs::MAX, || false);
    assert!(
        runner.checkpoints().len() > 10,
        "{preset}: checkpoints kept"
    );
    for t in instants(seed, 20, config.duration_ms) {
        runner.seek(t);
        assert!(runner.advance(t, || false));
        assert_eq!(runner.now(), t, "{preset} seed {seed}: reached {t}");
        assert_eq!(
            state(runner.sim()),
            straight(&config, t),
            "{preset} seed {seed}: the state at {t} ms after a jump differs from a straight run"
        );
    }
}

#[test]
fn twenty_random_jumps_equal_straight_runs_sales() {
    scrub_matches_straight_runs("sales-daily-vs-live", 15);
}

#[test]
fn twenty_random_jumps_equal_straight_runs_late_data() {
    scrub_matches_straight_runs("late-data-watermark", 16);
}

#[test]
fn step_back_returns_to_the_moment_step_went_from() {
    let config = presets::by_name("sales-daily-vs-live")
        .expect("preset")
        .config;
    let mut runner = Runner::new(config, 0).expect("valid preset");
    runner.advance(40 * 60_000, || false);
    let mut times = vec![runner.now()];
    for _ in 0..5 {
        step_to(&mut runner, StepTo::Moment);
        times.push(runner.now());
    }
    for pair in times.windows(2).rev() {
        let back = previous_moment(&runner);
        assert_eq!(back, pair[0], "one step back from {} ms", pair[1]);
        runner.seek(back);
        runner.advance(back, || false);
    }
}

#[test]
fn checkpoints_stay_within_the_engines_memory_share() {
    use crate::timeline::checkpoints::{copies_for, PER_RUN};
    use bslab_engine::resources::{Resources, MAX_MEMORY_BYTES};
    for preset in presets::all() {
        let copies = copies_for(&preset.config);
        assert!(
            (1..=PER_RUN).contains(&copies),
            "{}: {copies} copies",
            preset.name
        );
        let one = Resources::of(&preset.config).memory_bytes();
        assert!(
            (copies + 1) as f64 * one <= MAX_MEMORY_BYTES,
            "{}",
            preset.name
        );
    }
}

/// A fork at t: the new run equals a fresh run of the new experiment (the fork
/// semantics: re-simulated from t = 0 with the same seed), and the ghost, the old
/// run moved aside, equals a fresh run of the old one, both at every later instant.
#[test]
fn a_fork_keeps_the_old_run_as_a_ghost_and_the_new_run_is_a_fresh_one() {
    use std::cell::RefCell;
    use std::rc::Rc;

    let old = presets::by_name("streaming-falls-behind")
        .expect("preset")
        .config;
    let mut new = old.clone();
    if let bslab_engine::StreamingMode::MicroBatch { workers, .. } = &mut new.streaming.mode {
        *workers = 4;
    }
    let t = 35 * 60_000;
    let runner: crate::driver::RunnerCell = Rc::new(RefCell::new(None));
    let ghost: crate::driver::RunnerCell = Rc::new(RefCell::new(None));
    let mut first = Runner::new(old.clone(), 0).expect("valid");
    first.advance(t, || false);
    *runner.borrow_mut() = Some(first);

    ghost::hand_over(&runner, &ghost, Some(&old));
    assert!(runner.borrow().is_none(), "the old run was moved aside");
    let mut fork = Runner::new(new.clone(), t).expect("valid");
    for later in [t, t + 7 * 60_000, t + 20 * 60_000] {
        fork.advance(later, || false);
        assert_eq!(
            state(fork.sim()),
            straight(&new, later),
            "new run at {later}"
        );
        let view = ghost::picture(&ghost, later).expect("a ghost");
        assert_eq!(view.live.t_ms, later);
        let kept = ghost.borrow();
        let g = kept.as_ref().expect("a ghost");
        assert_eq!(state(g.sim()), straight(&old, later), "ghost at {later}");
        assert_ne!(
            state(g.sim()),
            state(fork.sim()),
            "the change shows at {later}"
        );
    }
    // Another experiment (not the one before the fork) drops the ghost.
    ghost::hand_over(&runner, &ghost, None);
    assert!(ghost.borrow().is_none());
}
