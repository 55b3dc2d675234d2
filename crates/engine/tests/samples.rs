//! What the charts are drawn from must be true: the process rate never exceeds
//! capacity (work is spread over the time it took, as Spark's
//! `processedRowsPerSecond`), its integral is the work done, and the age of the
//! oldest waiting event is there exactly when something waits.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

fn run(config: ExperimentConfig) -> Simulation {
    let end = config.duration_ms;
    let mut sim = Simulation::new(config).expect("valid preset");
    sim.step_until(end).expect("forward");
    sim
}

fn pick(s: &Sample, batch: bool) -> &PipelineSample {
    if batch {
        &s.batch
    } else {
        &s.streaming
    }
}

#[test]
fn streaming_process_rate_never_exceeds_capacity_in_any_preset() {
    for preset in presets::all() {
        let capacity = preset.config.streaming.mode.capacity_eps();
        let sim = run(preset.config);
        let Some(capacity) = capacity else { continue };
        // Continuous mode counts completions: a random run of short services may
        // beat the mean rate; micro-batches are spread and cannot.
        let micro_batch = sim.report(ReportDetail::default()).streaming.runs > 0;
        let slack = if micro_batch { 1e-9 } else { 0.5 };
        for s in sim.samples() {
            assert!(
                s.streaming.throughput_eps <= capacity * (1.0 + slack),
                "{}: at t = {} ms the process rate {} > capacity {capacity}",
                preset.name,
                s.t_ms,
                s.streaming.throughput_eps
            );
        }
    }
}

#[test]
fn the_spike_preset_runs_at_capacity_while_behind() {
    let preset = presets::by_name("streaming-falls-behind").expect("preset");
    let capacity = preset
        .config
        .streaming
        .mode
        .capacity_eps()
        .expect("bounded");
    let sim = run(preset.config);
    let behind: Vec<&Sample> = sim
        .samples()
        .iter()
        .filter(|s| s.streaming.waiting as f64 > capacity * 60.0)
        .collect();
    assert!(!behind.is_empty(), "the spike builds a backlog of minutes");
    for s in behind {
        assert!(
            s.streaming.throughput_eps > 0.9 * capacity,
            "at t = {} ms, {} events wait but the process rate is {}",
            s.t_ms,
            s.streaming.waiting,
            s.streaming.throughput_eps
        );
    }
}

#[test]
fn process_rate_integrates_to_the_work_done() {
    for preset in presets::all() {
        let sim = run(preset.config);
        let report = sim.report(ReportDetail::default());
        let samples = sim.samples();
        for (batch, p) in [(true, &report.batch), (false, &report.streaming)] {
            let integral: f64 = samples
                .windows(2)
                .map(|w| pick(&w[1], batch).throughput_eps * (w[1].t_ms - w[0].t_ms) as f64 / 1e3)
                .sum();
            // Work under way at the end is counted in proportion to its progress.
            let (low, high) = (p.processed as f64, (p.processed + p.waiting) as f64);
            assert!(
                integral >= low - 1e-6 * low - 1e-6 && integral <= high + 1e-6 * high + 1e-6,
                "{} (batch: {batch}): ∫ rate = {integral}, processed {low}, + waiting {high}",
                preset.name
            );
        }
    }
}

#[test]
fn oldest_waiting_age_is_given_exactly_when_something_waits() {
    for preset in presets::all() {
        let sim = run(preset.config);
        for s in sim.samples() {
            for batch in [true, false] {
                let p = pick(s, batch);
                assert_eq!(
                    p.oldest_waiting_ms.is_some(),
                    p.waiting > 0,
                    "{} (batch: {batch}) at t = {} ms: {} waiting, oldest {:?}",
                    preset.name,
                    s.t_ms,
                    p.waiting,
                    p.oldest_waiting_ms
                );
                // Event times are ≥ 0: no event can be older than the clock.
                assert!(p
                    .oldest_waiting_ms
                    .is_none_or(|a| (0..=s.t_ms).contains(&a)));
            }
        }
    }
}

#[test]
fn during_the_spike_nothing_is_published_but_the_oldest_wait_keeps_growing() {
    let preset = presets::by_name("streaming-falls-behind").expect("preset");
    let sim = run(preset.config);
    let silent: Vec<&Sample> = sim
        .samples()
        .iter()
        .filter(|s| s.streaming.latency_p50_ms.is_none() && s.streaming.waiting > 0)
        .collect();
    assert!(
        silent.len() > 10,
        "overload leaves intervals with no result"
    );
    let worst_published = sim
        .samples()
        .iter()
        .filter_map(|s| s.streaming.latency_p99_ms)
        .max()
        .unwrap_or(0);
    let worst_waiting = silent
        .iter()
        .filter_map(|s| s.streaming.oldest_waiting_ms)
        .max()
        .unwrap_or(0);
    // What a silent interval shows is of the size of the latencies published after it.
    assert!(
        worst_waiting as f64 > 0.5 * worst_published as f64,
        "oldest waiting {worst_waiting} ms vs worst published p99 {worst_published} ms"
    );
}
