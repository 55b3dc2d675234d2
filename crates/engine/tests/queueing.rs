//! Continuous mode against queueing theory: Poisson arrivals, no delay, one
//! worker. Exponential service is M/M/1, W = 1/(μ−λ); fixed service is M/D/1,
//! W = 1/μ + λ/(2μ(μ−λ)); Little's law L = λW holds for any configuration.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

mod common;

/// Mean service time: 100 ms, so μ = 10 events/s.
const SERVICE_MS: f64 = 100.0;
const MU: f64 = 1_000.0 / SERVICE_MS;

fn run(service: ServiceTime, rho: f64, events: f64, seed: u64) -> (Report, f64) {
    let lambda = rho * MU;
    let duration_ms = (events / lambda * 1_000.0) as i64;
    let config = ExperimentConfig {
        // Sampling is how L is measured: 50 000 samples per run.
        sample_every_ms: duration_ms / 50_000,
        ..common::queue(
            seed,
            duration_ms,
            lambda,
            common::continuous(1, service, SERVICE_MS),
        )
    };
    let mut sim = Simulation::new(config).expect("valid");
    sim.step_until(duration_ms).expect("forward");
    // L: time average of the number in system, from the samples.
    let samples = &sim.samples()[1..];
    let l = samples
        .iter()
        .map(|s| s.streaming.waiting as f64)
        .sum::<f64>()
        / samples.len() as f64;
    (sim.report(ReportDetail::default()), l)
}

fn assert_close(measured: f64, expected: f64, tolerance: f64, what: &str) {
    let error = (measured - expected).abs() / expected;
    println!(
        "{what}: measured {measured:.3}, theory {expected:.3}, error {:.2}%",
        error * 100.0
    );
    assert!(
        error <= tolerance,
        "{what}: measured {measured:.2}, theory {expected:.2}, error {:.2}% > {:.0}%",
        error * 100.0,
        tolerance * 100.0
    );
}

#[test]
fn mm1_mean_time_in_system() {
    for (rho, seed) in [(0.5, 1), (0.8, 2)] {
        let lambda = rho * MU;
        let (report, l) = run(ServiceTime::Exponential, rho, 2.0e6, seed);
        let w_ms = report.streaming.latency_ms.mean;
        let theory_ms = 1_000.0 / (MU - lambda);
        assert_close(
            w_ms,
            theory_ms,
            0.03,
            &format!("M/M/1 W at ρ={rho}, seed {seed}"),
        );
        assert_close(
            l,
            lambda * w_ms / 1_000.0,
            0.03,
            &format!("Little's law at ρ={rho}, seed {seed}"),
        );
    }
}

#[test]
fn md1_mean_time_in_system() {
    for (rho, seed) in [(0.5, 3), (0.8, 4)] {
        let lambda = rho * MU;
        let (report, l) = run(ServiceTime::Fixed, rho, 1.0e6, seed);
        let w_ms = report.streaming.latency_ms.mean;
        let theory_ms = 1_000.0 * (1.0 / MU + lambda / (2.0 * MU * (MU - lambda)));
        assert_close(
            w_ms,
            theory_ms,
            0.03,
            &format!("M/D/1 W at ρ={rho}, seed {seed}"),
        );
        assert_close(
            l,
            lambda * w_ms / 1_000.0,
            0.03,
            &format!("Little's law at ρ={rho}, seed {seed}"),
        );
    }
}

/// Little's law for a micro-batch pipeline with delays and several workers:
/// L (events in the pipeline) = λ × mean time from arrival to processed.
#[test]
fn littles_law_holds_for_micro_batches() {
    let config = ExperimentConfig {
        // Not a divisor of the trigger interval, so samples fall at every phase of it.
        sample_every_ms: 337,
        ..common::queue(
            9,
            6 * 3_600_000,
            40.0,
            common::micro_batch(5_000, 700, 20_000.0, 2, 0, OutputMode::Update),
        )
    };
    let mut sim = Simulation::new(config).expect("valid");
    sim.step_until(sim.config().duration_ms).expect("forward");
    let samples = &sim.samples()[1..];
    let l = samples
        .iter()
        .map(|s| s.streaming.waiting as f64)
        .sum::<f64>()
        / samples.len() as f64;
    let report = sim.report(ReportDetail::default());
    // No ingestion delay: result latency (update mode) = time from arrival to processed.
    let w_s = report.streaming.latency_ms.mean / 1_000.0;
    assert_close(
        l,
        report.arrival_rate_eps * w_s,
        0.03,
        "Little's law, micro-batch",
    );
}

/// The report's `queueing` part (what the app's panel and the CLI show): its
/// prediction is the textbook's, its measurement agrees with it, and L = λW.
#[test]
fn report_puts_theory_next_to_the_measurement() {
    for (workers, service, rho, seed) in [
        (1, ServiceTime::Exponential, 0.8, 3),
        (3, ServiceTime::Exponential, 0.7, 4),
        (1, ServiceTime::Fixed, 0.8, 5),
    ] {
        let lambda = rho * MU * f64::from(workers);
        let duration_ms = (4.0e5 / lambda * 1_000.0) as i64;
        let config = ExperimentConfig {
            seed,
            duration_ms,
            workload: WorkloadConfig {
                rate_eps: lambda,
                ..WorkloadConfig::default()
            },
            streaming: common::continuous(workers, service, SERVICE_MS),
            ..ExperimentConfig::default()
        };
        let q = Simulation::new(config)
            .expect("valid")
            .run()
            .queueing
            .expect("continuous mode, Poisson arrivals");
        let what = format!("{} c={workers} ρ={rho} seed {seed}", q.model);
        assert!((q.utilisation - rho).abs() < 1e-12, "{what}");
        let predicted = q.predicted.expect("stable");
        assert_close(
            q.measured.time_in_system_ms,
            predicted.time_in_system_ms,
            0.05,
            &format!("{what}: W"),
        );
        assert_close(
            q.measured.in_system,
            q.measured.littles_law_in_system,
            0.01,
            &format!("{what}: Little's law"),
        );
    }
    let batch = ExperimentConfig {
        duration_ms: 60_000,
        ..ExperimentConfig::default()
    };
    let report = Simulation::new(batch).expect("valid").run();
    assert!(
        report.queueing.is_none(),
        "micro-batch mode is no M/x/c queue"
    );
}
