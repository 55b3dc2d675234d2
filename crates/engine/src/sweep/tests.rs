use super::*;
use crate::presets;

fn sales(minutes: i64) -> ExperimentConfig {
    let mut c = presets::by_name("sales-daily-vs-live")
        .expect("built-in preset")
        .config;
    c.duration_ms = minutes * 60_000;
    c
}

#[test]
fn each_point_is_the_report_of_the_run_at_that_value() {
    let config = sales(30);
    let values = [1.0, 4.0];
    let plan = SweepPlan::new(&config, "streaming.mode.workers", &values).expect("valid");
    assert_eq!(plan.len(), 2);
    for (i, &v) in values.iter().enumerate() {
        let point = plan.run(i);
        let mut c = config.clone();
        if let crate::StreamingMode::MicroBatch { workers, .. } = &mut c.streaming.mode {
            *workers = v as u32;
        }
        let report = Simulation::new(c).expect("valid").run();
        assert_eq!(point.value, v);
        assert_eq!(point.batch, PointFigures::of(&report.batch));
        assert_eq!(point.streaming, PointFigures::of(&report.streaming));
        assert_eq!(
            point.streaming.latency_p99_ms,
            report.streaming.latency_ms.p99
        );
        assert_eq!(
            point.batch.provisioned_worker_s,
            report.batch.provisioned_worker_s
        );
    }
    // More streaming workers cost more (provisioned all the time).
    assert!(
        plan.run(1).streaming.provisioned_worker_s > plan.run(0).streaming.provisioned_worker_s
    );
}

#[test]
fn a_longer_watermark_delay_drops_fewer_late_events() {
    let config = presets::by_name("late-data-watermark")
        .expect("preset")
        .config;
    let plan =
        SweepPlan::new(&config, "streaming.watermark_delay_ms", &[0.0, 600_000.0]).expect("valid");
    let (short, long) = (plan.run(0), plan.run(1));
    assert!(long.streaming.dropped_late < short.streaming.dropped_late);
    assert!(long.streaming.completeness() >= short.streaming.completeness());
}

#[test]
fn the_number_of_values_is_bounded() {
    let c = sales(10);
    let count = |n: usize| {
        let values: Vec<f64> = (1..=n).map(|i| i as f64).collect();
        SweepPlan::new(&c, "batch.workers", &values).map(|p| p.len())
    };
    assert_eq!(count(1).unwrap_err(), SweepError::ValueCount { count: 1 });
    assert_eq!(count(31).unwrap_err(), SweepError::ValueCount { count: 31 });
    assert_eq!(count(2), Ok(2));
    assert_eq!(count(30), Ok(30));
    assert!(count(1).unwrap_err().to_string().contains("2 to 30"));
}

#[test]
fn a_value_the_table_refuses_is_a_typed_error_naming_it() {
    let c = sales(10);
    let err = SweepPlan::new(&c, "batch.workers", &[2.0, 5_000.0]).unwrap_err();
    let SweepError::Invalid { path, value, error } = &err else {
        panic!("{err:?}");
    };
    assert_eq!((path.as_str(), *value), ("batch.workers", 5_000.0));
    assert!(error.for_field("batch.workers").is_some(), "{error}");
    assert!(err.to_string().contains("1 to 1024"), "{err}");
    // A whole-number knob given a fraction, a negative count, not a number.
    for bad in [2.5, -3.0, f64::NAN, f64::INFINITY] {
        let err = SweepPlan::new(&c, "streaming.mode.workers", &[2.0, bad]).unwrap_err();
        assert!(
            matches!(
                err,
                SweepError::NotWhole { .. } | SweepError::Invalid { .. }
            ),
            "{bad}: {err:?}"
        );
    }
    // A batch interval that is not whole windows: the rule between fields.
    let err = SweepPlan::new(&c, "batch.interval_ms", &[60_000.0, 90_000.0]).unwrap_err();
    assert!(err.to_string().contains("whole windows"), "{err}");
    let err = SweepPlan::new(&c, "workload.rate_eps", &[1.0, 0.0]).unwrap_err();
    assert!(
        matches!(err, SweepError::Invalid { value, .. } if value == 0.0),
        "{err:?}"
    );
}

#[test]
fn unknown_and_absent_knobs_are_refused() {
    let c = sales(10);
    let err = SweepPlan::new(&c, "seed", &[1.0, 2.0]).unwrap_err();
    assert!(matches!(err, SweepError::UnknownKnob { .. }));
    assert!(
        err.to_string().contains("streaming.mode.trigger_ms"),
        "{err}"
    );
    let queue = presets::by_name("queue-mm1").expect("preset").config;
    let err = SweepPlan::new(&queue, "streaming.mode.trigger_ms", &[100.0, 200.0]).unwrap_err();
    assert!(matches!(err, SweepError::NotApplicable { .. }), "{err:?}");
}

#[test]
fn a_sweep_bigger_than_one_bounded_run_is_refused_before_running() {
    // Each run alone is within the bounds; thirty of them are not.
    let mut c = sales(24 * 60);
    c.workload.rate_eps = 1_000.0;
    c.streaming.mode = crate::StreamingMode::Continuous {
        workers: 1_000,
        service: crate::config::ServiceTime::Fixed,
        service_mean_ms: 100.0,
    };
    let one = Resources::of(&c).work();
    assert!(one < MAX_TOTAL_WORK && 30.0 * one > MAX_TOTAL_WORK, "{one}");
    let values = vec![1_000.0; 30];
    let err = SweepPlan::new(&c, "workload.rate_eps", &values).unwrap_err();
    assert!(matches!(err, SweepError::TooMuchWork { .. }), "{err:?}");
}

#[test]
fn the_default_range_is_valid_and_surrounds_the_current_value() {
    for preset in presets::all() {
        for path in KNOBS {
            let Some(current) = knob(path).ok().and_then(|k| k.get(&preset.config)) else {
                continue;
            };
            let values = around(&preset.config, path, 20);
            let plan = SweepPlan::new(&preset.config, path, &values);
            assert!(
                matches!(plan, Ok(_) | Err(SweepError::TooMuchWork { .. })),
                "{} {path}: {values:?}: {plan:?}",
                preset.name
            );
            assert!(
                (MIN_VALUES..=20).contains(&values.len()),
                "{} {path}: {values:?}",
                preset.name
            );
            let current = current.as_f64();
            assert!(
                values[0] <= current && current <= values[values.len() - 1],
                "{} {path}: {current} not in {values:?}",
                preset.name
            );
            assert!(values.windows(2).all(|w| w[0] < w[1]), "{values:?}");
        }
    }
}
