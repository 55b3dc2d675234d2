//! Session windows run by the three pipelines, over a seed sweep: every event
//! accounted for; the true sessions partition each key's events and no two
//! sessions of a key touch (their events are more than a gap apart); with no
//! late data and ample capacity, every session a pipeline publishes as final
//! equals the true one, and every session the batch's periods or the
//! watermark closed is published; a late event can merge two sessions.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use bslab_engine::*;

mod common;

const GAP_MS: i64 = 2 * 60_000;

fn config(seed: u64, streaming: StreamingConfig, delay: DelayConfig) -> ExperimentConfig {
    ExperimentConfig {
        seed,
        duration_ms: 3 * 3_600_000,
        sample_every_ms: 60_000,
        scenario: ScenarioConfig::Sales(SalesConfig {
            categories: 8,
            mean_amount_cents: 5_000,
        }),
        workload: WorkloadConfig {
            // A category sees an order every 80 s on average: gaps over two
            // minutes are common, so each key has many sessions.
            rate_eps: 0.1,
            ..WorkloadConfig::default()
        },
        delay,
        window: WindowConfig {
            kind: WindowKind::Session,
            gap_ms: GAP_MS,
            ..WindowConfig::default()
        },
        batch: common::hourly_batch(),
        streaming,
    }
}

/// The streaming configs sessions run in: both modes, append and complete.
fn streamings() -> Vec<StreamingConfig> {
    let mut out = Vec::new();
    for output in [OutputMode::Append, OutputMode::Complete] {
        out.push(common::micro_batch(10_000, 200, 100.0, 2, 60_000, output));
        let mut per_record = common::continuous(4, ServiceTime::Fixed, 200.0);
        per_record.output_mode = output;
        out.push(per_record);
    }
    out
}

/// A fifth of the events late by 90 s on average: enough to merge sessions.
fn late_delay() -> DelayConfig {
    DelayConfig {
        late_fraction: 0.2,
        late_mean_ms: 90_000.0,
        ..DelayConfig::default()
    }
}

fn run(config: ExperimentConfig) -> Report {
    let mut sim = Simulation::new(config).expect("valid");
    sim.step_until(sim.config().duration_ms).expect("forward");
    sim.report(ReportDetail::FULL)
}

fn accounted(r: &Report, p: &PipelineReport) -> bool {
    r.generated == r.in_transit + p.waiting + p.processed + p.dropped_late
}

#[test]
fn true_sessions_partition_each_keys_events_more_than_a_gap_apart() {
    for seed in 0..12 {
        let r = run(config(
            seed,
            streamings()[0].clone(),
            common::on_time_delay(),
        ));
        let rows = r.windows.expect("full report");
        let mut by_key: BTreeMap<String, Vec<&WindowRow>> = BTreeMap::new();
        for row in &rows {
            by_key
                .entry(format!("{:?}", row.key))
                .or_default()
                .push(row);
        }
        let events: u64 = rows.iter().map(|row| row.truth.count).sum();
        assert_eq!(
            events, r.generated,
            "seed {seed}: every event in one session"
        );
        assert!(
            by_key.values().any(|s| s.len() > 1),
            "seed {seed}: no key has two sessions"
        );
        for (key, sessions) in by_key {
            for s in &sessions {
                assert!(s.truth.count > 0, "seed {seed}, {key}: empty session");
                assert!(
                    s.window_end_ms - s.window_start_ms >= GAP_MS,
                    "seed {seed}: {s:?}"
                );
            }
            for pair in sessions.windows(2) {
                // Sessions touching (next start ≤ end) would have merged.
                assert!(
                    pair[1].window_start_ms > pair[0].window_end_ms,
                    "seed {seed}, {key}: {:?} then {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn every_event_is_accounted_for_in_every_mode() {
    let late = DelayConfig {
        late_fraction: 0.1,
        late_mean_ms: 5.0 * 60_000.0,
        ..DelayConfig::default()
    };
    for seed in 0..6 {
        for streaming in streamings() {
            let r = run(config(seed, streaming.clone(), late.clone()));
            assert!(
                accounted(&r, &r.batch),
                "seed {seed}, {streaming:?}: {:?}",
                r.batch
            );
            assert!(
                accounted(&r, &r.streaming),
                "seed {seed}, {streaming:?}: {:?}",
                r.streaming
            );
            assert!(r.streaming.session_merges.is_some() && r.batch.session_merges.is_some());
        }
    }
}

#[test]
fn on_time_final_sessions_equal_the_truth_in_every_pipeline() {
    for seed in 0..8 {
        for streaming in streamings() {
            let append = streaming.output_mode == OutputMode::Append;
            let label = format!("seed {seed}, {streaming:?}");
            let r = run(config(seed, streaming, common::on_time_delay()));
            assert_eq!(
                (r.batch.dropped_late, r.streaming.dropped_late),
                (0, 0),
                "{label}"
            );
            let horizon = r
                .batch_runs
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(|run| run.period_start_ms + 3_600_000)
                .max()
                .expect("batch ran");
            // The watermark the last emission used: a micro-batch's own, or
            // per-record mode's current one (it emits as it moves).
            let watermark = match r.micro_batches.as_deref() {
                Some([.., last]) => last.watermark_ms,
                _ => r.streaming.watermark_ms.expect("streaming has a watermark"),
            };
            let rows = r.windows.expect("full report");
            let (mut batch_checked, mut streaming_checked) = (0, 0);
            for row in &rows {
                // The batch publishes exactly the sessions that ended before
                // its last period's end, each whole.
                if row.window_end_ms < horizon {
                    assert_eq!(row.batch, Some(row.truth), "{label}: batch {row:?}");
                    batch_checked += 1;
                } else {
                    assert_eq!(row.batch, None, "{label}: batch published early {row:?}");
                }
                // A session the watermark passed is whole in both modes
                // (append publishes it then; complete has republished it).
                if row.window_end_ms <= watermark {
                    assert_eq!(row.streaming, Some(row.truth), "{label}: streaming {row:?}");
                    streaming_checked += 1;
                } else if append {
                    assert_eq!(row.streaming, None, "{label}: published early {row:?}");
                }
            }
            assert!(batch_checked > 10 && streaming_checked > 10, "{label}");
        }
    }
}

#[test]
fn late_events_merge_sessions_and_are_counted() {
    let late = late_delay();
    let merges: u64 = (0..6)
        .map(|seed| {
            let streaming =
                common::micro_batch(10_000, 200, 100.0, 2, 5 * 60_000, OutputMode::Append);
            run(config(seed, streaming, late.clone()))
                .streaming
                .session_merges
                .unwrap_or(0)
        })
        .sum();
    assert!(
        merges > 0,
        "no late event merged two sessions over six seeds"
    );
}

#[test]
fn update_mode_is_refused_with_sessions_naming_the_field() {
    let mut c = config(1, streamings()[0].clone(), common::on_time_delay());
    c.streaming.output_mode = OutputMode::Update;
    let err = c.validate().expect_err("update with sessions");
    let field = err
        .for_field("streaming.output_mode")
        .expect("names the output mode");
    assert_eq!(field.problem, Problem::SessionUpdate);
    assert!(field.to_string().contains("SPARK-36463"), "{field}");
    c.streaming.output_mode = OutputMode::Complete;
    assert!(c.validate().is_ok());
    c.window.gap_ms = 5;
    assert!(c
        .validate()
        .unwrap_err()
        .for_field("window.gap_ms")
        .is_some());
}

/// Complete mode republishes the whole result table, so when a late event merges
/// two sessions, the one merged away must leave the output: the published sessions
/// of a key never touch (each ends, last event + gap, before the next starts), in
/// both streaming modes. A merged-away session left published lies inside the
/// session that swallowed it.
#[test]
fn complete_mode_retracts_the_sessions_a_late_event_merged_away() {
    let late = late_delay();
    for streaming in streamings()
        .into_iter()
        .filter(|s| s.output_mode == OutputMode::Complete)
    {
        let mut merges = 0;
        for seed in 0..6 {
            let label = format!("seed {seed}, {streaming:?}");
            let r = run(config(seed, streaming.clone(), late.clone()));
            merges += r.streaming.session_merges.unwrap_or(0);
            let mut by_key: BTreeMap<String, Vec<(TimeMs, TimeMs)>> = BTreeMap::new();
            for row in r.windows.expect("full report") {
                if row.streaming.is_some() {
                    let end = row.streaming_end_ms.unwrap_or(row.window_end_ms);
                    by_key
                        .entry(format!("{:?}", row.key))
                        .or_default()
                        .push((row.window_start_ms, end));
                }
            }
            for (key, mut sessions) in by_key {
                sessions.sort_unstable();
                for pair in sessions.windows(2) {
                    assert!(
                        pair[0].1 < pair[1].0,
                        "{label}: key {key} published sessions that touch: {pair:?}"
                    );
                }
            }
        }
        assert!(
            merges > 0,
            "{streaming:?}: no late event merged two sessions over six seeds"
        );
    }
}
