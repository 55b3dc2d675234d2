//! `bslab run --csv DIR`: every file read back with Python's `csv` module, its
//! numbers checked against the JSON report of the same run.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::temp_dir;

const FILES: [&str; 7] = [
    "latency.csv",
    "throughput.csv",
    "backlog.csv",
    "freshness.csv",
    "cost.csv",
    "completeness.csv",
    "dashboard.csv",
];

/// Reads every CSV file of `dir` with Python's `csv.DictReader`: file → rows.
fn read_with_python(dir: &Path) -> Value {
    let script = r#"
import csv, json, sys, pathlib
out = {}
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        out[path.name] = list(csv.DictReader(f))
print(json.dumps(out))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from Python")
}

/// Runs `preset` for long enough that windows have ended (fraud's only exist
/// where an alert fired: its first burst needs a few hours).
fn run(preset: &str, dir: &Path) -> std::process::Output {
    let duration = if preset.starts_with("fraud") {
        "4h"
    } else {
        "70m"
    };
    Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args(["run", "--preset", preset, "--duration", duration])
        .args(["--samples", "--windows", "--csv"])
        .arg(dir)
        .output()
        .expect("bslab runs")
}

/// A CSV cell against a report value: empty for null, else the same number.
fn same(cell: &Value, expected: &Value, what: &str) {
    let text = cell.as_str().unwrap_or_else(|| panic!("{what}: no cell"));
    match expected.as_f64() {
        None => assert_eq!(text, "", "{what}"),
        Some(v) => {
            let got: f64 = text.parse().unwrap_or_else(|_| panic!("{what}: `{text}`"));
            // serde_json's default float parser (reading the report) may be one
            // ulp off; Rust's `str::parse` (reading the CSV) is exact.
            assert!(
                (got - v).abs() <= 1e-12 * v.abs().max(1.0),
                "{what}: {got} vs {v}"
            );
        }
    }
}

fn check_samples(csv: &Value, report: &Value, preset: &str) {
    let samples = report["samples"].as_array().expect("samples");
    let columns: [(&str, &str, &str); 14] = [
        ("latency.csv", "p50_ms", "latency_p50_ms"),
        ("latency.csv", "p99_ms", "latency_p99_ms"),
        ("latency.csv", "oldest_waiting_ms", "oldest_waiting_ms"),
        ("throughput.csv", "eps", "throughput_eps"),
        ("backlog.csv", "waiting", "waiting"),
        ("freshness.csv", "freshness_ms", "freshness_ms"),
        ("cost.csv", "provisioned_worker_s", "provisioned_worker_s"),
        ("cost.csv", "busy_worker_s", "busy_worker_s"),
        ("throughput.csv", "", ""),
        ("latency.csv", "", ""),
        ("backlog.csv", "", ""),
        ("freshness.csv", "", ""),
        ("cost.csv", "", ""),
        ("throughput.csv", "input", ""),
    ];
    for (file, col, field) in columns {
        let rows = csv[file].as_array().expect(file);
        assert_eq!(rows.len(), samples.len(), "{preset} {file}");
        for (row, s) in rows.iter().zip(samples) {
            let what = format!("{preset} {file} t={}", s["t_ms"]);
            same(&row["t_ms"], &s["t_ms"], &what);
            if col == "input" {
                same(&row["input_eps"], &s["arrival_rate_eps"], &what);
            } else if !col.is_empty() {
                for p in ["batch", "streaming"] {
                    same(&row[format!("{p}_{col}")], &s[p][field], &what);
                }
            }
        }
    }
}

fn check_windows_and_dashboard(csv: &Value, report: &Value, preset: &str) {
    let now = report["t_ms"].as_i64().expect("t_ms");
    let ended: Vec<&Value> = report["windows"]
        .as_array()
        .expect("windows")
        .iter()
        .filter(|w| w["window_end_ms"].as_i64() <= Some(now))
        .collect();
    let rows = csv["completeness.csv"].as_array().expect("completeness");
    assert!(!rows.is_empty(), "{preset}: windows ended");
    for row in rows {
        let start: Option<i64> = row["window_start_ms"].as_str().and_then(|s| s.parse().ok());
        let of_window: Vec<&&Value> = ended
            .iter()
            .filter(|w| w["window_start_ms"].as_i64() == start)
            .collect();
        for (col, field) in [
            ("truth", "truth"),
            ("batch", "batch"),
            ("streaming", "streaming"),
        ] {
            let sum: u64 = of_window
                .iter()
                .map(|w| w[field]["count"].as_u64().unwrap_or(0))
                .sum();
            same(&row[format!("{col}_count")], &Value::from(sum), preset);
        }
    }
    let dashboard = csv["dashboard.csv"].as_array().expect("dashboard");
    let count = |row: &Value, col: &str| -> u64 {
        row[col].as_str().and_then(|v| v.parse().ok()).expect(col)
    };
    // The dashboard's truth is the sum of the query's output rows: of every
    // window row of the report (fraud: only the windows of an alert).
    let truth: u64 = dashboard.iter().map(|r| count(r, "truth_count")).sum();
    let windows_truth: u64 = report["windows"]
        .as_array()
        .expect("windows")
        .iter()
        .map(|w| w["truth"]["count"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(truth, windows_truth, "{preset}: dashboard vs window rows");
    for row in dashboard {
        assert!(
            count(row, "batch_count") <= count(row, "truth_count"),
            "{preset}"
        );
    }
}

/// `late_side_output.csv`: only with Flink's side output, one row per event
/// the side output took (the first 1,000), each later than its window's end
/// plus the allowed lateness by the watermark it met.
fn check_side_output(csv: &Value, report: &Value, preset: &str) {
    let late = &report["late_data"];
    let Some(rows) = csv["late_side_output.csv"].as_array() else {
        assert!(
            late["side_output"].as_u64().unwrap_or(0) == 0,
            "{preset}: a side output and no file"
        );
        return;
    };
    let num = |row: &Value, col: &str| -> i64 {
        row[col]
            .as_str()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{preset}: {col} in {row}"))
    };
    let sent = late["side_output"].as_u64().expect("side_output counted");
    assert!(sent > 0, "{preset}: the side output took events");
    assert_eq!(rows.len() as u64, sent.min(1_000), "{preset}: one row each");
    let allowed = late["rules"]["allowed_lateness_ms"].as_i64().unwrap_or(0);
    let mut ids = std::collections::BTreeSet::new();
    for row in rows {
        assert!(ids.insert(num(row, "event_id")), "{preset}: an event once");
        assert!(!row["group"].as_str().unwrap_or("").is_empty(), "{preset}");
        let (t, arrived) = (num(row, "event_time_ms"), num(row, "arrival_time_ms"));
        assert!(arrived <= num(row, "side_output_ms"), "{preset}: {row}");
        assert!(
            t + allowed < num(row, "watermark_ms"),
            "{preset}: later than the allowed lateness: {row}"
        );
        assert!(num(row, "amount_cents") >= 0, "{preset}");
    }
}

#[test]
fn every_csv_file_reads_back_with_python_and_matches_the_report() {
    for preset in [
        "sales-daily-vs-live",
        "social-viral-post",
        "fraud-time-is-money",
        "late-data-spark-vs-flink",
    ] {
        let dir = temp_dir(preset);
        let out = run(preset, &dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).expect("report");
        let csv = read_with_python(&dir);
        for file in FILES {
            assert!(csv[file].is_array(), "{preset}: {file} written");
        }
        check_samples(&csv, &report, preset);
        check_windows_and_dashboard(&csv, &report, preset);
        check_side_output(&csv, &report, preset);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = temp_dir("again");
    assert!(run("sales-daily-vs-live", &dir).status.success());
    let before = std::fs::read(dir.join("latency.csv")).expect("written");
    std::fs::write(dir.join("latency.csv"), b"mine").expect("write");
    let again = run("fraud-time-is-money", &dir);
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("latency.csv") && err.contains("--csv"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(dir.join("latency.csv")).expect("kept"),
        b"mine"
    );
    assert!(!before.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
