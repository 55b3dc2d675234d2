//! The drain: every valid micro-batch experiment exports, whatever its batch
//! schedule, and the export simulates exactly until every event's fate is
//! settled — no longer, no shorter.

use bslab_engine::{presets, ExperimentConfig};
use bslab_spark::bundle;
use serde_json::Value;

/// Sales over 20 min with late data and a 240 s batch interval: ≈3,000 events.
fn config(startup_ms: i64) -> ExperimentConfig {
    let mut c = presets::by_name("late-data-watermark")
        .expect("preset")
        .config;
    c.duration_ms = 20 * 60_000;
    c.workload.rate_eps = 2.5;
    c.batch.interval_ms = 240_000;
    c.batch.offset_ms = 0;
    c.batch.startup_ms = startup_ms;
    c
}

fn int(v: &Value) -> i64 {
    v.as_i64().expect("integer")
}

#[test]
fn a_sweep_of_batch_startup_up_to_the_interval_exports_every_config() {
    let interval = 240_000;
    let startups = (0..24)
        .map(|i| i * interval / 24)
        .chain([interval - 1_000, interval - 1]);
    for startup in startups {
        let c = config(startup);
        let events = bslab_engine::events(&c).expect("valid");
        let b = bundle(&c).unwrap_or_else(|e| panic!("batch.startup_ms = {startup}: {e}"));
        let exp: Value =
            serde_json::from_slice(&b.file("expected.json").expect("file").bytes).expect("JSON");
        let n = events.len() as i64;
        assert_eq!(int(&exp["events"]), n, "startup {startup}");

        // Every event's fate is in the bundle: read by a batch run or missed, and
        // read by a micro-batch; the watermark reached its final value.
        let runs = exp["batch"]["runs"].as_array().expect("runs");
        let batch_read: i64 = runs.iter().map(|r| int(&r["events"])).sum();
        let missed = int(&exp["batch"]["missed_late_rows"]);
        assert_eq!(batch_read + missed, n, "startup {startup}: batch");
        let batches = exp["streaming"]["micro_batches"].as_array().expect("log");
        let streamed: i64 = batches.iter().map(|m| int(&m["input_rows"])).sum();
        assert_eq!(streamed, n, "startup {startup}: streaming");
        let max_event = events.iter().map(|e| e.event_time_ms).max().unwrap_or(0);
        assert_eq!(
            int(&exp["streaming"]["final_watermark_ms"]),
            max_event - c.streaming.watermark_delay_ms,
            "startup {startup}"
        );

        // And the drain stops at the first instant where that holds.
        let last_data_run = runs
            .iter()
            .filter(|r| int(&r["events"]) > 0)
            .map(|r| int(&r["end_ms"]))
            .max()
            .unwrap_or(0);
        let last_micro_batch = batches.last().map_or(0, |m| int(&m["end_ms"]));
        let last_arrival = events.iter().map(|e| e.arrival_time_ms).max().unwrap_or(0);
        let rest = [c.duration_ms, last_data_run, last_micro_batch, last_arrival]
            .into_iter()
            .max()
            .unwrap_or(0);
        assert_eq!(
            int(&exp["simulated_until_ms"]),
            rest,
            "startup {startup}: simulated until"
        );
    }
}
