//! `expected_progress.json` against Spark's rules replayed on the bundle's own
//! event files (the reference model of `spark/probe/model.py`, which matches real
//! Spark on 32 probe runs): batch ids, input rows, event-time min/max/avg,
//! watermark, and the state store's rows total, updated and dropped by watermark.

use std::collections::{BTreeMap, BTreeSet};

use bslab_engine::progress::spark_timestamp;
use bslab_engine::{presets, ExperimentConfig, OutputMode};
use bslab_spark::{bundle, Bundle, EventFormat};
use serde_json::{json, Value};

/// A small experiment with late data crossing the watermark.
fn config(preset: &str, seed: u64, output: OutputMode) -> ExperimentConfig {
    let mut c = presets::by_name(preset).expect("preset").config;
    c.seed = seed;
    c.duration_ms = 4 * 60_000;
    c.delay.late_fraction = 0.1;
    c.delay.late_mean_ms = 40_000.0;
    c.streaming.output_mode = output;
    c
}

fn json_file(b: &Bundle, path: &str) -> Value {
    serde_json::from_slice(&b.file(path).expect(path).bytes).expect("JSON")
}

/// (event time, group key) of every row of each micro-batch file, in file order.
fn batches(b: &Bundle, keys: &[String]) -> Vec<Vec<(i64, String)>> {
    b.event_files(EventFormat::Csv)
        .map(|f| {
            let text = std::str::from_utf8(&f.bytes).expect("UTF-8");
            let mut lines = text.lines();
            let header: Vec<&str> = lines.next().expect("header").split(',').collect();
            let col = |name: &str| header.iter().position(|h| *h == name).expect("column");
            let (t, k): (usize, Vec<usize>) =
                (col("event_time_ms"), keys.iter().map(|k| col(k)).collect());
            lines
                .map(|line| {
                    let cells: Vec<&str> = line.split(',').collect();
                    let key: Vec<&str> = k.iter().map(|&i| cells[i]).collect();
                    (cells[t].parse().expect("event time"), key.join("|"))
                })
                .collect()
        })
        .collect()
}

/// Spark's progress of each batch by its rules (docs/spark-semantics.md): the
/// watermark of batch k comes from the rows of batches < k; late groups are those
/// whose window ends at or before batch k−1's watermark; state evicts windows
/// ending at or before batch k's watermark.
fn model(files: &[Vec<(i64, String)>], window: i64, delay: i64) -> Vec<Value> {
    let (mut wm, mut previous_wm) = (0i64, 0i64);
    let mut store: BTreeSet<(i64, String)> = BTreeSet::new();
    let mut out = Vec::new();
    for (k, rows) in files.iter().enumerate() {
        let (evict_wm, late_wm) = (wm, if k == 0 { 0 } else { previous_wm });
        let groups: BTreeSet<(i64, String)> = rows
            .iter()
            .map(|(t, key)| (t.div_euclid(window) * window, key.clone()))
            .collect();
        let (late, kept): (Vec<_>, Vec<_>) =
            groups.into_iter().partition(|g| g.0 + window <= late_wm);
        let updated = kept.len();
        store.extend(kept);
        store.retain(|g| g.0 + window > evict_wm);
        let mut event_time = BTreeMap::from([("watermark", json!(spark_timestamp(evict_wm)))]);
        if !rows.is_empty() {
            let times: Vec<i64> = rows.iter().map(|r| r.0).collect();
            let (min, max) = (
                *times.iter().min().expect("rows"),
                *times.iter().max().expect("rows"),
            );
            let avg =
                (times.iter().map(|&t| i128::from(t)).sum::<i128>() / times.len() as i128) as i64;
            event_time.insert("min", json!(spark_timestamp(min)));
            event_time.insert("max", json!(spark_timestamp(max)));
            event_time.insert("avg", json!(spark_timestamp(avg)));
            wm = wm.max(max - delay);
        }
        previous_wm = evict_wm;
        out.push(json!({
            "batchId": k,
            "numInputRows": rows.len(),
            "eventTime": event_time,
            "numRowsTotal": store.len(),
            "numRowsUpdated": updated,
            "numRowsDroppedByWatermark": late.len(),
        }));
    }
    out
}

/// The fields of one progress object the model predicts.
fn deterministic_fields(p: &Value) -> Value {
    let op = &p["stateOperators"][0];
    json!({
        "batchId": p["batchId"],
        "numInputRows": p["numInputRows"],
        "eventTime": p["eventTime"],
        "numRowsTotal": op["numRowsTotal"],
        "numRowsUpdated": op["numRowsUpdated"],
        "numRowsDroppedByWatermark": op["numRowsDroppedByWatermark"],
    })
}

/// The parity test's experiments: one per scenario, late data crossing the watermark.
const PARITY: [(&str, &str); 5] = [
    ("sales", include_str!("../../../spark/parity/sales.json")),
    ("social", include_str!("../../../spark/parity/social.json")),
    ("fraud", include_str!("../../../spark/parity/fraud.json")),
    (
        "fraud-append",
        include_str!("../../../spark/parity/fraud-append.json"),
    ),
    (
        "boundary",
        include_str!("../../../spark/parity/boundary.json"),
    ),
];

#[test]
fn progress_follows_spark_rules_on_the_exported_files() {
    let seeds = [
        ("late-data-watermark", 1, OutputMode::Append),
        ("late-data-watermark", 2, OutputMode::Update),
    ];
    let generated = seeds
        .iter()
        .map(|&(preset, seed, output)| (preset, config(preset, seed, output)));
    let parity = PARITY
        .iter()
        .map(|(name, text)| (*name, ExperimentConfig::from_json(text).expect("config")));
    for (preset, c) in generated.chain(parity) {
        let seed = c.seed;

        let b = bundle(&c).expect("exports");
        let expected = json_file(&b, "expected.json");
        let keys: Vec<String> =
            serde_json::from_value(expected["key_columns"].clone()).expect("keys");
        let files = batches(&b, &keys);
        let progress = json_file(&b, "expected_progress.json");
        let progress = progress.as_array().expect("array");
        let model = model(&files, c.window.size_ms, c.streaming.watermark_delay_ms);
        assert_eq!(
            progress.len(),
            model.len(),
            "{preset} seed {seed}: one object per file"
        );
        let dropped: u64 = model
            .iter()
            .map(|m| m["numRowsDroppedByWatermark"].as_u64().unwrap_or(0))
            .sum();
        assert!(
            dropped > 0,
            "{preset} seed {seed}: late data must cross the watermark"
        );
        for (p, m) in progress.iter().zip(&model) {
            assert_eq!(&deterministic_fields(p), m, "{preset} seed {seed}");
        }
    }
}

#[test]
fn rates_and_duration_are_simulated_seconds() {
    let b = bundle(&config("late-data-watermark", 5, OutputMode::Update)).expect("exports");
    let expected = json_file(&b, "expected.json");
    let log = expected["streaming"]["micro_batches"]
        .as_array()
        .expect("log");
    let progress = json_file(&b, "expected_progress.json");
    for (k, (p, m)) in progress
        .as_array()
        .expect("array")
        .iter()
        .zip(log)
        .enumerate()
    {
        let f = |v: &Value| v.as_f64().expect("number");
        let duration = f(&m["end_ms"]) - f(&m["start_ms"]);
        assert_eq!(
            f(&p["durationMs"]["triggerExecution"]),
            duration,
            "batch {k}"
        );
        let rows = f(&p["numInputRows"]);
        // serde_json parses floats to within an ulp or two, not exactly.
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        let processed = rows * 1_000.0 / duration.max(1.0);
        assert!(
            close(f(&p["processedRowsPerSecond"]), processed),
            "batch {k}"
        );
        let input_rate = if k == 0 {
            0.0
        } else {
            rows * 1_000.0 / (f(&m["start_ms"]) - f(&log[k - 1]["start_ms"]))
        };
        assert!(close(f(&p["inputRowsPerSecond"]), input_rate), "batch {k}");
    }
}
