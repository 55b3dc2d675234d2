//! Invalid configurations: each gives a clear error naming the field; none panics.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

/// The error for `json`, which must name `field`.
fn rejects(json: &str, field: &str) -> String {
    let error = match ExperimentConfig::from_json(json) {
        Ok(config) => match Simulation::new(config) {
            Ok(_) => panic!("accepted: {json}"),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    };
    assert!(
        error.contains(field),
        "error for {json} does not name {field}: {error}"
    );
    assert!(
        !error.contains('\n'),
        "error is more than one line: {error}"
    );
    error
}

#[test]
fn each_invalid_field_is_named_with_its_range() {
    let e = rejects(r#"{"workload": {"rate_eps": -5}}"#, "workload.rate_eps");
    assert!(e.contains("1000000"), "{e}");
    rejects(r#"{"batch": {"interval_ms": 0}}"#, "batch.interval_ms");
    rejects(
        r#"{"streaming": {"mode": {"kind": "micro_batch", "trigger_ms": 0, "batch_overhead_ms": 0, "per_event_cost_us": 1, "workers": 1}}}"#,
        "streaming.mode.trigger_ms",
    );
    rejects(r#"{"workload": {"rate_eps": 1e12}}"#, "workload.rate_eps");
    rejects(r#"{"duration_ms": 3155760000000}"#, "duration_ms");
    rejects(
        r#"{"delay": {"late_fraction": 1.5}}"#,
        "delay.late_fraction",
    );
    rejects(r#"{"batch": {"workers": 0}}"#, "batch.workers");
    rejects(r#"{"window": {"size_ms": 7000}}"#, "batch.interval_ms");
    rejects(
        r#"{"sample_every_ms": 10, "duration_ms": 86400000}"#,
        "sample_every_ms",
    );
}

/// A day at 1,000 events/s into one per-record worker that serves 10 events/s
/// would keep ~86 million events queued: refused before it exhausts memory.
#[test]
fn an_unbounded_backlog_is_refused_before_running() {
    let overloaded = r#"{"duration_ms": 86400000, "workload": {"rate_eps": 1000},
        "streaming": {"mode": {"kind": "continuous", "workers": 1, "service": "exponential", "service_mean_ms": 100}}}"#;
    let e = rejects(overloaded, "workload.rate_eps");
    assert!(e.contains("held at once"), "{e}");
    // The same load with enough workers is fine.
    let config =
        ExperimentConfig::from_json(&overloaded.replace(r#""workers": 1"#, r#""workers": 200"#));
    assert!(config.map(Simulation::new).is_ok_and(|s| s.is_ok()));
}

#[test]
fn parse_errors_name_the_field() {
    rejects(r#"{"scenario": {"kind": "iot"}}"#, "scenario");
    rejects(
        r#"{"streaming": {"watermark_delay_ms": NaN}}"#,
        "streaming.watermark_delay_ms",
    );
    rejects(
        r#"{"streaming": {"watermark_delay_ms": "soon"}}"#,
        "streaming.watermark_delay_ms",
    );
    rejects(r#"{"batch": {"interval": 5}}"#, "batch");
    rejects(r#"{"seed": -1}"#, "seed");
    rejects("not json", "expected");
}

#[test]
fn nan_and_infinity_from_code_are_rejected() {
    for (config, field) in [
        (
            ExperimentConfig {
                workload: WorkloadConfig {
                    rate_eps: f64::NAN,
                    ..WorkloadConfig::default()
                },
                ..ExperimentConfig::default()
            },
            "workload.rate_eps",
        ),
        (
            ExperimentConfig {
                delay: DelayConfig {
                    mean_ms: f64::INFINITY,
                    ..DelayConfig::default()
                },
                ..ExperimentConfig::default()
            },
            "delay.mean_ms",
        ),
    ] {
        let err = Simulation::new(config).expect_err("invalid");
        assert!(err.to_string().contains(field), "{err}");
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let config = ExperimentConfig {
        duration_ms: -1,
        batch: BatchConfig {
            workers: 0,
            ..BatchConfig::default()
        },
        ..ExperimentConfig::default()
    };
    let err = config.validate().expect_err("invalid");
    assert!(err.for_field("duration_ms").is_some());
    assert!(err.for_field("batch.workers").is_some());
}

#[test]
fn stepping_backwards_is_an_error_not_a_panic() {
    let mut sim = Simulation::new(ExperimentConfig::default()).expect("valid");
    sim.step_until(10_000).expect("forward");
    assert!(matches!(
        sim.step_until(5_000),
        Err(SimError::StepBackwards { .. })
    ));
    assert_eq!(sim.now(), 10_000);
}

#[test]
fn replayed_events_are_checked() {
    let config = ExperimentConfig::default();
    let bad = Event {
        id: 0,
        event_time_ms: 5_000,
        arrival_time_ms: 4_000,
        entity: 0,
        detail: 0,
        amount_cents: 1,
    };
    let err = Simulation::with_events(config, vec![bad]).expect_err("arrives before it happens");
    assert!(
        err.to_string().contains("events[0].arrival_time_ms"),
        "{err}"
    );
}
