//! The Spark-shaped progress log and Flink-style backpressure, from the engine's
//! own run: consistent with the micro-batch log and the report, cheap to follow
//! incrementally, and — for backpressure — against queueing theory.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

mod common;

fn run(preset: &str, seed: u64, minutes: i64) -> Simulation {
    let mut config = presets::by_name(preset).expect("preset").config;
    config.seed = seed;
    config.duration_ms = minutes * 60_000;
    let mut sim = Simulation::new(config).expect("valid");
    sim.step_until(minutes * 60_000).expect("forward");
    sim
}

#[test]
fn progress_matches_the_micro_batch_log_and_follows_incrementally() {
    for seed in 0..5 {
        let sim = run("late-data-watermark", seed, 20);
        let log = sim.progress_log();
        let report = sim.report(ReportDetail {
            runs: true,
            ..ReportDetail::default()
        });
        let batches = report.micro_batches.expect("runs");
        assert_eq!(log.len(), batches.len(), "seed {seed}");
        let mut previous_wm = 0;
        for (p, b) in log.iter().zip(&batches) {
            assert_eq!(
                (p.batch_id, p.num_input_rows),
                (b.id, b.input_rows),
                "seed {seed}"
            );
            assert_eq!(p.event_time.watermark, b.watermark_ms, "seed {seed}");
            assert!(
                p.event_time.watermark >= previous_wm,
                "seed {seed}: never decreases"
            );
            previous_wm = p.event_time.watermark;
            let ops = p.state_operators[0];
            assert_eq!(
                ops.num_rows_dropped_by_watermark, b.dropped_groups,
                "seed {seed}"
            );
            if let (Some(min), Some(avg), Some(max)) =
                (p.event_time.min, p.event_time.avg, p.event_time.max)
            {
                assert!(min <= avg && avg <= max, "seed {seed} batch {}", b.id);
            } else {
                assert_eq!(
                    p.num_input_rows, 0,
                    "seed {seed}: stats absent only without rows"
                );
            }
        }
        // A page that showed the first k batches asks for the rest: the same objects.
        for k in [0, 1, log.len() / 2, log.len()] {
            assert_eq!(
                sim.progress_since(k as u64),
                log[k..],
                "seed {seed}, from {k}"
            );
        }
        assert_eq!(sim.latest_progress().as_ref(), log.last(), "seed {seed}");
    }
}

#[test]
fn continuous_mode_has_no_progress_log() {
    let sim = run("queue-mm1", 1, 5);
    assert!(sim.progress_log().is_empty() && sim.latest_progress().is_none());
}

/// M/M/1: the source holds an event that waits for the worker exactly while two or
/// more are in the system, a fraction ρ² of the time.
#[test]
fn mm1_backpressure_is_rho_squared() {
    for (rho, seed) in [(0.5, 1), (0.8, 2)] {
        let service_ms = 100.0;
        let lambda = rho * 1_000.0 / service_ms;
        let duration_ms = (400_000.0 / lambda * 1_000.0) as i64;
        let config = common::queue(
            seed,
            duration_ms,
            lambda,
            common::continuous(1, ServiceTime::Exponential, service_ms),
        );
        let mut sim = Simulation::new(config).expect("valid");
        sim.step_until(duration_ms).expect("forward");
        let last = sim.samples().last().expect("samples");
        let share = last.streaming_backpressured_ms / duration_ms as f64;
        assert!(
            (share - rho * rho).abs() < 0.02,
            "rho {rho} seed {seed}: {share}"
        );
    }
}

/// Micro-batch: backpressure only when batches outlast the trigger interval.
#[test]
fn micro_batches_backpressure_only_when_they_outlast_the_trigger() {
    let calm = run("late-data-watermark", 3, 30);
    let last = calm.samples().last().expect("samples");
    let log = calm.progress_log();
    let trigger = 5_000;
    let overran = log
        .iter()
        .any(|p| p.duration_ms.trigger_execution > trigger);
    assert_eq!(last.streaming_backpressured_ms > 0.0, overran);
    let behind = run("streaming-falls-behind", 3, 60);
    let last = behind.samples().last().expect("samples");
    assert!(last.streaming_backpressured_ms > 0.0);
    assert!(last.streaming_backpressured_ms <= last.t_ms as f64);
}
