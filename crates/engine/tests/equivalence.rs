//! With no late data and ample capacity, every final streaming window equals the
//! batch result and the ground truth — for each scenario, window kind, output
//! mode and streaming mode, over a seed sweep.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

mod common;

/// Checks one run; returns how many IoT anomalies it checked alerts for.
fn check(
    scenario: &ScenarioConfig,
    window: &WindowConfig,
    streaming: StreamingConfig,
    seed: u64,
) -> usize {
    let config = ExperimentConfig {
        seed,
        duration_ms: 3 * 3_600_000,
        sample_every_ms: 60_000,
        scenario: scenario.clone(),
        workload: WorkloadConfig {
            rate_eps: 8.0,
            ..WorkloadConfig::default()
        },
        delay: common::on_time_delay(),
        window: window.clone(),
        batch: common::hourly_batch(),
        streaming,
    };
    let label = format!(
        "seed {seed}, {scenario:?}, {window:?}, {:?}",
        config.streaming
    );
    let mut sim = Simulation::new(config).expect("valid");
    sim.step_until(sim.config().duration_ms).expect("forward");
    let report = sim.report(ReportDetail::FULL);
    assert_eq!(report.batch.dropped_late, 0, "{label}");
    assert_eq!(report.streaming.dropped_late, 0, "{label}");
    let runs = report.batch_runs.as_deref().unwrap_or_default();
    assert!(runs.len() >= 2, "{label}: batch ran {} times", runs.len());
    // Every window of the periods batch has published is final in both pipelines.
    let horizon = runs
        .iter()
        .map(|r| r.period_start_ms + 3_600_000)
        .max()
        .unwrap_or(0);
    let rows = report.windows.unwrap_or_default();
    // A dashboard's truth is the sum of the rows the query outputs (fraud: alert
    // windows only), the same filter as what the pipelines publish, over the
    // windows that tile event time: each event counted once, whatever the overlap.
    let tiles = |r: &&WindowRow| {
        let w = window::Window {
            start: r.window_start_ms,
            end: r.window_end_ms,
        };
        window::counts_once(w, window.size_ms)
    };
    let mut dashboard_events = 0;
    for line in sim.dashboard(usize::MAX) {
        dashboard_events += line.truth.count;
        let (count, sum_cents) = rows
            .iter()
            .filter(tiles)
            .filter(|r| r.key == line.key)
            .fold((0, 0), |(c, s), r| {
                (c + r.truth.count, s + r.truth.sum_cents)
            });
        assert_eq!(
            (line.truth.count, line.truth.sum_cents),
            (count, sum_cents),
            "{label}: {line:?}"
        );
    }
    if matches!(scenario, ScenarioConfig::Sales { .. }) {
        // Every order is in the sales query's output: the dashboard counts each once.
        assert_eq!(
            dashboard_events, report.generated,
            "{label}: dashboard total"
        );
    }
    let mut compared = 0;
    for row in rows.iter().filter(|r| r.window_end_ms <= horizon) {
        assert_eq!(row.batch, Some(row.truth), "{label}: batch at {:?}", row);
        assert_eq!(
            row.streaming,
            Some(row.truth),
            "{label}: streaming at {:?}",
            row
        );
        compared += 1;
    }
    assert!(compared > 0, "{label}: nothing to compare");
    if let Some(fraud) = &report.fraud {
        // Windows are equal, so alerts are too: both detect the same bursts in the horizon.
        for b in fraud
            .bursts
            .iter()
            .filter(|b| b.start_ms + 600_000 < horizon - 3_600_000)
        {
            assert_eq!(
                b.batch.detected_ms.is_some(),
                b.streaming.detected_ms.is_some(),
                "{label}: {b:?}"
            );
        }
    }
    if let Some(alerts) = &report.alerts {
        // Every anomalous reading is above the threshold: each anomaly whose
        // readings batch has published raises an alert in both pipelines.
        let settled: Vec<_> = alerts
            .anomalies
            .iter()
            .filter(|a| a.start_ms + 600_000 < horizon - 3_600_000)
            .collect();
        for a in &settled {
            assert!(a.batch_alert_ms.is_some(), "{label}: batch missed {a:?}");
            assert!(
                a.streaming_alert_ms.is_some(),
                "{label}: streaming missed {a:?}"
            );
        }
        return settled.len();
    }
    0
}

fn sweep(window: &WindowConfig, seeds: std::ops::Range<u64>) {
    // A seed may inject no anomaly early enough to settle: the sweep as a whole must check some.
    let mut anomalies = 0;
    let iot = common::scenarios()
        .iter()
        .any(|s| matches!(s, ScenarioConfig::Iot { .. }));
    for seed in seeds {
        for scenario in common::scenarios() {
            for output in [OutputMode::Append, OutputMode::Update, OutputMode::Complete] {
                anomalies += check(
                    &scenario,
                    window,
                    common::micro_batch(2_000, 100, 50.0, 2, 5_000, output),
                    seed,
                );
            }
            let mut cont = common::continuous(10, ServiceTime::Exponential, 100.0);
            cont.watermark_delay_ms = 5_000;
            anomalies += check(&scenario, window, cont.clone(), seed);
            cont.output_mode = OutputMode::Complete;
            anomalies += check(&scenario, window, cont, seed);
        }
    }
    assert!(
        !iot || anomalies > 0,
        "{window:?}: no IoT anomaly checked in the sweep"
    );
}

#[test]
fn streaming_equals_batch_equals_truth_without_late_data() {
    let minutes = WindowConfig {
        size_ms: 60_000,
        ..WindowConfig::default()
    };
    sweep(&minutes, 0..4);
}

#[test]
fn sliding_windows_equal_batch_and_truth_without_late_data() {
    let five_every_minute = WindowConfig {
        kind: WindowKind::Sliding,
        size_ms: 300_000,
        slide_ms: 60_000,
        ..WindowConfig::default()
    };
    sweep(&five_every_minute, 10..13);
}

#[test]
fn cumulative_windows_equal_batch_and_truth_without_late_data() {
    let hour_by_ten_minutes = WindowConfig {
        kind: WindowKind::Cumulative,
        size_ms: 3_600_000,
        slide_ms: 600_000,
        ..WindowConfig::default()
    };
    sweep(&hour_by_ten_minutes, 20..23);
}
