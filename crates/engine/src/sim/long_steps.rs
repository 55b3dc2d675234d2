//! Long steps (the app's fast-forward, a 30 s trigger) cost the same work per
//! event as short ones: events are generated and delivered in slices of
//! [`crate::transit::Transit::SLICE_MS`], so every event that arrives within the transit
//! calendar's horizon goes through its O(1) ring, never its overflow heap.
//! Generating a whole 30 s step at once pushed every event due more than 4 s
//! ahead through the heap (O(log n) each, a third of the engine's time).

use super::Simulation;
use crate::config::ExperimentConfig;

/// 1,000 events/s arriving about 0.5 s (σ 0.1 s) after their event time: none
/// is due beyond the calendar's 4 s horizon when it is generated just in time.
fn config() -> ExperimentConfig {
    let mut c = ExperimentConfig {
        duration_ms: 5 * 60_000,
        ..ExperimentConfig::default()
    };
    c.workload.rate_eps = 1_000.0;
    c.delay.mean_ms = 500.0;
    c.delay.jitter_ms = 100.0;
    c.delay.late_fraction = 0.0;
    c
}

/// Events pushed through the overflow heap when stepping `step_ms` at a time.
fn heap_pushes(step_ms: i64) -> (u64, u64) {
    let mut sim = Simulation::new(config()).expect("valid");
    let mut t = 0;
    while !sim.is_finished() {
        t += step_ms;
        sim.step_until(t).expect("forward");
    }
    (sim.transit.far_pushes, sim.generator.generated())
}

#[test]
fn long_steps_keep_every_near_event_out_of_the_heap() {
    for step_ms in [16, 1_000, 4_000, 10_000, 30_000, 5 * 60_000] {
        let (pushes, generated) = heap_pushes(step_ms);
        assert!(generated > 250_000, "{generated} events");
        assert_eq!(
            pushes, 0,
            "{step_ms} ms steps: {pushes} of {generated} events went through the heap"
        );
    }
}
