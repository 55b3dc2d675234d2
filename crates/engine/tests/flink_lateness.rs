//! Flink's late-data rules in per-record mode, over a seed sweep (the seed in
//! every message): without allowed lateness nothing fires late; every event
//! is on time, late-fired or dropped, exactly once; more allowed lateness
//! never drops more; and with allowed lateness covering every delay the final
//! windows equal the ground truth.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

mod common;

const SEEDS: std::ops::Range<u64> = 0..6;
const HOUR_MS: i64 = 3_600_000;

/// One hour of social events, a tenth of them minutes late, per record with `rules`.
fn config(
    seed: u64,
    window: WindowConfig,
    output: OutputMode,
    rules: FlinkRules,
) -> ExperimentConfig {
    let mut streaming = common::continuous(4, ServiceTime::Exponential, 100.0);
    streaming.watermark_delay_ms = 10_000;
    streaming.output_mode = output;
    streaming.flink = rules;
    ExperimentConfig {
        seed,
        duration_ms: HOUR_MS,
        sample_every_ms: 60_000,
        scenario: ScenarioConfig::Social(SocialConfig {
            posts: 8,
            zipf_exponent: 1.1,
        }),
        workload: WorkloadConfig {
            rate_eps: 4.0,
            ..WorkloadConfig::default()
        },
        delay: DelayConfig {
            late_fraction: 0.1,
            late_mean_ms: 120_000.0,
            ..DelayConfig::default()
        },
        window,
        streaming,
        ..ExperimentConfig::default()
    }
}

fn rules(interval_ms: i64, lateness_ms: i64, late_data: LateDataOutput) -> FlinkRules {
    FlinkRules {
        auto_watermark_interval_ms: interval_ms,
        allowed_lateness_ms: lateness_ms,
        late_data,
    }
}

fn minute() -> WindowConfig {
    WindowConfig::default()
}

fn sliding() -> WindowConfig {
    WindowConfig {
        kind: WindowKind::Sliding,
        size_ms: 120_000,
        slide_ms: 30_000,
        ..WindowConfig::default()
    }
}

/// The events of `config`, run on for `extra_ms` so the late ones arrive.
fn run_past(config: &ExperimentConfig, extra_ms: i64) -> Report {
    let run = ExperimentConfig {
        duration_ms: config.duration_ms + extra_ms,
        ..config.clone()
    };
    let mut sim = Simulation::past_duration(config, run).expect("valid");
    sim.step_until(config.duration_ms + extra_ms)
        .expect("forward");
    sim.report(ReportDetail::FULL)
}

fn late_data(r: &Report, label: &str) -> LateDataReport {
    r.late_data
        .clone()
        .unwrap_or_else(|| panic!("{label}: no late_data in the report"))
}

#[test]
fn no_late_firing_without_allowed_lateness() {
    for seed in SEEDS {
        for interval in [0, 200] {
            let c = config(
                seed,
                minute(),
                OutputMode::Append,
                rules(interval, 0, LateDataOutput::SideOutput),
            );
            let label = format!("seed {seed}, interval {interval} ms");
            let r = run_past(&c, 0);
            let late = late_data(&r, &label);
            assert_eq!(late.late_fired, 0, "{label}");
            assert_eq!(late.late_firings, 0, "{label}");
            assert!(
                late.side_output > 0,
                "{label}: the run has late events to judge"
            );
        }
    }
}

#[test]
fn every_event_is_on_time_late_fired_or_dropped_exactly_once() {
    for seed in SEEDS {
        for window in [minute(), sliding()] {
            for output in [OutputMode::Append, OutputMode::Update] {
                for (interval, lateness, out) in [
                    (0, 30_000, LateDataOutput::Drop),
                    (200, 120_000, LateDataOutput::SideOutput),
                    (1_000, 60_000, LateDataOutput::Drop),
                ] {
                    let c = config(seed, window.clone(), output, rules(interval, lateness, out));
                    let label = format!(
                        "seed {seed}, {window:?}, {output:?}, {:?}",
                        c.streaming.flink
                    );
                    // Cut at the end, while events are still in transit and queued.
                    let mut sim = Simulation::new(c.clone()).expect("valid");
                    sim.step_until(c.duration_ms).expect("forward");
                    let r = sim.report(ReportDetail::FULL);
                    let s = &r.streaming;
                    let late = late_data(&r, &label);
                    assert_eq!(s.processed, late.on_time + late.late_fired, "{label}");
                    assert_eq!(
                        s.dropped_late,
                        late.num_late_records_dropped + late.side_output,
                        "{label}"
                    );
                    assert_eq!(
                        r.generated,
                        r.in_transit + s.waiting + s.processed + s.dropped_late,
                        "{label}"
                    );
                    assert!(
                        late.late_fired > 0 && s.dropped_late > 0,
                        "{label}: {late:?}"
                    );
                    assert!(
                        late.late_firings >= late.late_fired,
                        "{label}: each late event fires a window"
                    );
                    let rows = late.side_output_rows.unwrap_or_default();
                    match out {
                        LateDataOutput::Drop => {
                            assert!(late.side_output == 0 && rows.is_empty(), "{label}")
                        }
                        LateDataOutput::SideOutput => {
                            assert_eq!(
                                late.num_late_records_dropped, 0,
                                "{label}: Flink counts side-output rows apart"
                            );
                            assert_eq!(
                                rows.len() as u64,
                                late.side_output
                                    .min(flink_rules::MAX_LISTED_SIDE_OUTPUT as u64),
                                "{label}"
                            );
                            for row in &rows {
                                // Later than the allowed lateness for every window of the event.
                                let last_end = fate::windows_of(&c.window, row.event_time_ms)
                                    .map(|w| w.1)
                                    .max()
                                    .unwrap_or(0);
                                assert!(
                                    last_end + lateness <= row.watermark_ms,
                                    "{label}: {row:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn more_allowed_lateness_never_drops_more() {
    for seed in SEEDS {
        for interval in [0, 200] {
            let mut previous: Option<(i64, u64)> = None;
            for lateness in [0, 5_000, 30_000, 60_000, 180_000, 600_000] {
                let c = config(
                    seed,
                    sliding(),
                    OutputMode::Append,
                    rules(interval, lateness, LateDataOutput::Drop),
                );
                let r = run_past(&c, HOUR_MS / 2);
                let dropped = r.streaming.dropped_late;
                if let Some((l0, d0)) = previous {
                    assert!(dropped <= d0, "seed {seed}, interval {interval}: {dropped} dropped with {lateness} ms > {d0} with {l0} ms");
                }
                previous = Some((lateness, dropped));
            }
        }
    }
}

#[test]
fn allowed_lateness_over_every_delay_gives_the_ground_truth() {
    for seed in SEEDS {
        for output in [OutputMode::Append, OutputMode::Update] {
            let probe = config(seed, minute(), output, FlinkRules::default());
            let max_delay = events(&probe)
                .expect("valid")
                .iter()
                .map(|e| e.arrival_time_ms - e.event_time_ms)
                .max()
                .unwrap_or(0);
            // A minute more than the longest delay covers the time in the queue too.
            let mut c = config(
                seed,
                minute(),
                output,
                rules(200, max_delay + 60_000, LateDataOutput::Drop),
            );
            // The batch run waits as long, so it reads every event too.
            c.batch.offset_ms = max_delay + 60_000;
            let label = format!(
                "seed {seed}, {output:?}, allowed lateness {} ms",
                c.streaming.flink.allowed_lateness_ms
            );
            let r = run_past(&c, 3 * HOUR_MS);
            assert_eq!(r.in_transit + r.streaming.waiting, 0, "{label}");
            assert_eq!(r.streaming.dropped_late, 0, "{label}");
            let late = late_data(&r, &label);
            assert!(
                late.late_fired > 0,
                "{label}: late events fired their windows again"
            );
            let watermark = r.streaming.watermark_ms.expect("streaming watermark");
            let rows = r.windows.unwrap_or_default();
            let fired: Vec<&WindowRow> = rows
                .iter()
                .filter(|w| w.window_end_ms <= watermark)
                .collect();
            assert!(fired.len() > 100, "{label}: {} windows fired", fired.len());
            for row in fired {
                assert_eq!(row.streaming, Some(row.truth), "{label}: {row:?}");
                assert_eq!(row.batch, Some(row.truth), "{label}: batch {row:?}");
            }
        }
    }
}
