//! "Why this number?" and the event-time picture: the events an explanation
//! lists re-add to the number, for every window of a run, and every event's
//! fate agrees with the pipelines' own counters.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::explain::{Pipeline, EXPLAIN_LIMIT};
use bslab_engine::fate::StreamFate;
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
