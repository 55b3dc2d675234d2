//! "Why this number?" and the event-time picture: the events an explanation
//! lists re-add to the number, for every window of a run, and every event's
//! fate agrees with the pipelines' own counters.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::config::{OutputMode, ServiceTime, StreamingMode};
use bslab_engine::explain::{Pipeline, EXPLAIN_LIMIT};
use bslab_engine::explain_latency::Percentile;
use bslab_engine::fate::{BatchFate, StreamFate};
use bslab_engine::window::Agg;
use bslab_engine::*;

/// A recording simulation of `preset`, shortened, that forgets nothing.
fn recording(preset: &str, minutes: i64, seed: u64) -> Simulation {
    let mut config = presets::by_name(preset).expect("built-in preset").config;
    config.duration_ms = minutes * 60_000;
    config.seed = seed;
    let limits = RecentLimits {
        span_ms: config.duration_ms * 2,
        max_events: 10_000_000,
    };
    Simulation::with_recent(config, limits).expect("valid preset")
}

/// Every published row of `pipeline`: the events behind it add up to its
/// value, the listed ones are the first of them and the rest are counted.
fn every_row_re_adds(sim: &Simulation, pipeline: Pipeline, what: &str) -> usize {
    let rows = sim.published_rows(pipeline);
    for (&(start, key), row) in rows {
        let story = sim
            .explain_row(pipeline, start, key)
            .unwrap_or_else(|| panic!("{what}: row ({start}, {key}) unexplained"));
        assert!(story.complete, "{what}: nothing was forgotten");
        assert_eq!(
            story.behind, row.value,
            "{what}: window {start} key {key}: events behind ≠ published value"
        );
        let listed: Agg = story.events.iter().fold(Agg::default(), |mut a, e| {
            a.count += 1;
            a.sum_cents += e.arrival.amount_cents;
            a.max_cents = a.max_cents.max(e.arrival.amount_cents);
            a
        });
        assert_eq!(
            story.events.len(),
            (row.value.count as usize).min(EXPLAIN_LIMIT)
        );
        assert_eq!(
            listed.count + story.more,
            row.value.count,
            "{what}: listed + rest"
        );
        if story.more == 0 {
            assert_eq!(listed, row.value, "{what}: all listed, they re-add");
        }
    }
    rows.len()
}

#[test]
fn window_values_fraud_alerts_and_late_counts_re_add_for_every_window() {
    let cases = [
        ("late-data-watermark", 90),   // append mode, many late events
        ("batch-late-but-cheap", 240), // update mode, batch runs miss late data
        ("fraud-time-is-money", 240),  // a published row is a fraud alert
        ("sales-daily-vs-live", 60),
        // Session windows: a row is a session, its bounds set by its events.
        ("sales-sessions", 240),
        ("web-traffic-sessions", 90),
    ];
    let mut batch_rows = 0;
    for (preset, minutes) in cases {
        for seed in [1, 7] {
            let what = format!("{preset} seed {seed}");
            let mut sim = recording(preset, minutes, seed);
            // Midway and at the end: rows still updating and final ones.
            for t in [minutes * 30_000, minutes * 60_000] {
                sim.step_until(t).expect("forward");
                let report = sim.report(ReportDetail::default());
                let streaming = every_row_re_adds(&sim, Pipeline::Streaming, &what);
                batch_rows += every_row_re_adds(&sim, Pipeline::Batch, &what);
                assert!(streaming > 0, "{what} at {t}: no streaming row published");
                let late = sim.explain_late(Pipeline::Streaming).expect("recorded");
                assert_eq!(
                    late.counted, report.streaming.dropped_late,
                    "{what}: dropped by watermark"
                );
                assert!(late.late >= late.counted);
                let missed = sim.explain_late(Pipeline::Batch).expect("recorded");
                assert_eq!(
                    missed.counted, report.batch.dropped_late,
                    "{what}: missed by batch runs"
                );
                assert_eq!(late.events.len() as u64 + late.more, late.late);
                // The batch's missed count: listed + rest re-add to it, each a miss.
                assert_eq!(missed.events.len() as u64 + missed.more, missed.late);
                assert_eq!(
                    missed.late, missed.counted,
                    "{what}: misses count on arrival"
                );
                assert!(missed
                    .events
                    .iter()
                    .all(|e| matches!(e.batch, BatchFate::Missed { run_start_ms } if e.arrival.arrival_time_ms > run_start_ms)));
            }
        }
    }
    assert!(batch_rows > 0, "batch rows were explained too");
}

#[test]
fn late_data_preset_explains_drops_and_batch_rows() {
    let mut sim = recording("late-data-watermark", 90, 3);
    sim.step_until(90 * 60_000).expect("forward");
    let late = sim.explain_late(Pipeline::Streaming).expect("recorded");
    assert!(late.late > 0, "the preset drops late events");
    for e in &late.events {
        let StreamFate::Dropped { watermark_ms, .. } = e.streaming else {
            panic!("a listed late event is dropped: {e:?}");
        };
        assert!(
            e.window.1 <= watermark_ms,
            "dropped: its window ended by the watermark"
        );
    }
    assert!(
        !sim.published_rows(Pipeline::Batch).is_empty(),
        "batch published"
    );
}

/// The picture's counts agree with the pipeline's: the watermark is the
/// report's, every drawn mark arrived in view, late marks are drops.
#[test]
fn picture_counts_agree_with_the_report() {
    let mut config = presets::by_name("late-data-watermark")
        .expect("preset")
        .config;
    config.duration_ms = 30 * 60_000;
    let span = event_time::picture_span_ms(&config);
    let limits = RecentLimits {
        span_ms: span,
        max_events: RecentLimits::APP_MAX_EVENTS,
    };
    let mut sim = Simulation::with_recent(config, limits).expect("valid");
    sim.step_until(20 * 60_000).expect("forward");
    let report = sim.report(ReportDetail::default());
    let p = sim
        .event_time_picture(event_time::MAX_MARKS)
        .expect("recorded");
    let c = p.counts;
    assert_eq!(Some(c.watermark_ms), report.streaming.watermark_ms);
    assert_eq!(c.drawn, p.marks.len() as u64);
    assert_eq!(c.late, p.marks.iter().filter(|m| m.late).count() as u64);
    assert!(c.late > 0 && c.late < c.arrived);
    assert!(p
        .marks
        .iter()
        .all(|m| m.arrival_time_ms >= c.from_ms && m.arrival_time_ms <= c.t_ms));
    assert!(c.open + c.fired + c.closed >= 1);
    // Thinning: at most the cap plus the late marks, 1 in `stride` by id.
    let thin = sim.event_time_picture(100).expect("recorded");
    assert!(thin.counts.stride > 1);
    assert!(thin.marks.len() as u64 <= 100 + thin.counts.late);
    assert!(thin
        .marks
        .iter()
        .all(|m| m.late || m.id % thin.counts.stride == 0));
    assert_eq!(
        thin.counts.late, c.late,
        "thinning never hides a late event"
    );
}

/// One latency percentile of `pipeline`: the events ranked around it are the
/// measured events in latency order, the one at its rank sets it, and with
/// nothing forgotten the ranking counts every event the pipeline measured and
/// lands on the pipeline's own percentile (to a histogram bucket). Returns
/// whether anything was measured.
fn percentile_is_set_by_the_listed_events(
    sim: &Simulation,
    pipeline: Pipeline,
    percentile: Percentile,
    summary: LatencySummary,
    what: &str,
) -> bool {
    let value = match percentile {
        Percentile::P50 => summary.p50,
        Percentile::P99 => summary.p99,
    };
    // Window events are measured at their bucket's middle (1/32 of a window).
    let bucket = (sim.config().window.size_ms + 31) / 32;
    let what = format!("{what} {pipeline:?} {percentile:?}");
    let s = sim.explain_latency(pipeline, percentile).expect("recorded");
    assert!(s.complete, "{what}: nothing forgotten");
    assert_eq!(
        s.measured, summary.count,
        "{what}: every measured event ranked"
    );
    if s.measured == 0 {
        return false;
    }
    assert_eq!(
        s.faster + s.events.len() as u64 + s.slower,
        s.measured,
        "{what}"
    );
    let ranks: Vec<u64> = s.events.iter().map(|e| e.rank).collect();
    let expected: Vec<u64> = (s.faster + 1..=s.faster + ranks.len() as u64).collect();
    assert_eq!(ranks, expected, "{what}: consecutive ranks");
    assert!(s
        .events
        .windows(2)
        .all(|w| w[0].latency_ms <= w[1].latency_ms));
    for e in &s.events {
        assert_eq!(e.latency_ms, e.published_ms - e.story.arrival.event_time_ms);
        assert!(e.published_ms >= e.story.arrival.arrival_time_ms, "{what}");
    }
    let at = s
        .events
        .iter()
        .find(|e| e.rank == s.rank)
        .expect("the rank is listed");
    assert_eq!(at.latency_ms, s.value_ms, "{what}");
    // The histogram's rank may differ by one: its neighbours bound it.
    let near = |r: u64| {
        s.events
            .iter()
            .find(|e| e.rank == r)
            .unwrap_or(at)
            .latency_ms
    };
    let tolerance = bucket + value as i64 / 500 + 1;
    let (low, high) = (near(s.rank - 1) - tolerance, near(s.rank + 1) + tolerance);
    assert!(
        (low..=high).contains(&(value as i64)),
        "{what}: the pipeline's {value} ms outside [{low}, {high}] around rank {} of {}",
        s.rank,
        s.measured
    );
    true
}

/// Every latency percentile of both pipelines is set by the events listed.
#[test]
fn latency_percentiles_are_set_by_the_listed_events() {
    let mut checked = Vec::new();
    for (preset, minutes) in [("late-data-watermark", 150), ("batch-late-but-cheap", 240)] {
        for seed in [2, 9] {
            let mut sim = recording(preset, minutes, seed);
            sim.step_until(minutes * 60_000).expect("forward");
            let report = sim.report(ReportDetail::default());
            for (pipeline, summary) in [
                (Pipeline::Streaming, report.streaming.latency_ms),
                (Pipeline::Batch, report.batch.latency_ms),
            ] {
                for percentile in [Percentile::P50, Percentile::P99] {
                    let what = format!("{preset} seed {seed}");
                    if percentile_is_set_by_the_listed_events(
                        &sim, pipeline, percentile, summary, &what,
                    ) {
                        checked.push(pipeline);
                    }
                }
            }
        }
    }
    assert!(checked.contains(&Pipeline::Batch) && checked.contains(&Pipeline::Streaming));
}

/// Per-record (continuous) streaming: each event's fate is the completion that
/// served it, so every window's value re-adds from its events, the drops are
/// the pipeline's dropped count and the latency percentiles are set by the
/// events listed, in append and update mode.
#[test]
fn per_record_fates_re_add_for_every_window() {
    for output in [OutputMode::Append, OutputMode::Update] {
        for seed in [4, 11] {
            let what = format!("per record {output:?} seed {seed}");
            let mut config = presets::by_name("late-data-watermark")
                .expect("preset")
                .config;
            config.duration_ms = 30 * 60_000;
            config.seed = seed;
            config.streaming.output_mode = output;
            config.streaming.mode = StreamingMode::Continuous {
                workers: 4,
                service: ServiceTime::Exponential,
                service_mean_ms: 100.0,
            };
            let limits = RecentLimits {
                span_ms: config.duration_ms * 2,
                max_events: 10_000_000,
            };
            let mut sim = Simulation::with_recent(config, limits).expect("valid");
            for t in [30 * 60_000, 60 * 60_000] {
                sim.step_until(t).expect("forward");
                let report = sim.report(ReportDetail::default());
                assert!(
                    every_row_re_adds(&sim, Pipeline::Streaming, &what) > 0,
                    "{what}"
                );
                let late = sim.explain_late(Pipeline::Streaming).expect("recorded");
                assert_eq!(
                    late.counted, report.streaming.dropped_late,
                    "{what}: dropped"
                );
                assert_eq!(late.late, late.counted, "{what}: a drop counts when served");
                assert!(late.late > 0, "{what}: the preset drops late events");
                for percentile in [Percentile::P50, Percentile::P99] {
                    let summary = report.streaming.latency_ms;
                    assert!(percentile_is_set_by_the_listed_events(
                        &sim,
                        Pipeline::Streaming,
                        percentile,
                        summary,
                        &what
                    ));
                }
            }
        }
    }
}
