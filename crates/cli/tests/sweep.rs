//! `bslab sweep`: the trade-off frontier on the command line.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bslab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args(args)
        .output()
        .expect("bslab runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bslab-sweep-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A short sales run: three values of its trigger interval.
const SWEEP: [&str; 7] = [
    "sweep",
    "--preset",
    "sales-daily-vs-live",
    "--param",
    "streaming.mode.trigger_ms",
    "--values",
    "1s,10 s,60000",
];

#[test]
fn the_csv_has_one_row_per_value_equal_to_bslab_run() {
    let dir = temp_dir("csv");
    let csv = dir.join("frontier.csv");
    let mut args = SWEEP.to_vec();
    args.extend(["--csv", csv.to_str().expect("UTF-8 path")]);
    let out = bslab(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("freshness") && table.contains("streaming"),
        "{table}"
    );
    let text = std::fs::read_to_string(&csv).expect("CSV written");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(header[0], "streaming.mode.trigger_ms");
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 3);
    for (row, trigger) in rows.iter().zip(["1000", "10000", "60000"]) {
        assert_eq!(row.len(), header.len());
        assert_eq!(row[0], trigger);
        // The same run through `bslab run`, with the knob set in a config file.
        let config = bslab(&["config", "--preset", "sales-daily-vs-live"]);
        let mut json: serde_json::Value = serde_json::from_slice(&config.stdout).expect("JSON");
        json["streaming"]["mode"]["trigger_ms"] = trigger.parse::<i64>().expect("int").into();
        let file = dir.join(format!("config-{trigger}.json"));
        std::fs::write(&file, json.to_string()).expect("write config");
        let run = bslab(&["run", "--config", file.to_str().expect("UTF-8 path")]);
        assert!(run.status.success(), "{}", stderr(&run));
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("report");
        let cell = |name: &str| row[header.iter().position(|h| *h == name).expect(name)];
        for pipeline in ["batch", "streaming"] {
            let p = &report[pipeline];
            let number = |name: &str| {
                cell(&format!("{pipeline}_{name}"))
                    .parse::<f64>()
                    .expect(name)
            };
            assert_eq!(
                number("freshness_ms_mean"),
                p["freshness_ms_mean"].as_f64().expect("f64")
            );
            assert_eq!(
                number("latency_p99_ms"),
                p["latency_ms"]["p99"].as_f64().expect("f64")
            );
            assert_eq!(
                number("provisioned_worker_s"),
                p["provisioned_worker_s"].as_f64().expect("f64")
            );
            assert_eq!(
                number("busy_worker_s"),
                p["busy_worker_s"].as_f64().expect("f64")
            );
            let (exact, truth) = (&p["windows"]["exact_rows"], &p["windows"]["truth_rows"]);
            assert_eq!(number("exact_rows"), exact.as_f64().expect("u64"));
            assert_eq!(
                number("completeness"),
                exact.as_f64().expect("u64") / truth.as_f64().expect("u64")
            );
        }
    }
    // A longer trigger: staler streaming results.
    let fresh = |r: &Vec<&str>| {
        r[header
            .iter()
            .position(|h| *h == "streaming_freshness_ms_mean")
            .expect("column")]
        .parse::<f64>()
        .expect("f64")
    };
    assert!(fresh(&rows[0]) < fresh(&rows[2]));
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn an_existing_csv_file_is_kept_unless_forced() {
    let dir = temp_dir("force");
    let csv = dir.join("mine.csv");
    std::fs::write(&csv, "a teacher's file\n").expect("write");
    let mut args = SWEEP.to_vec();
    args.extend(["--csv", csv.to_str().expect("UTF-8 path")]);
    let out = bslab(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("already exists (use --force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&csv).expect("kept"),
        "a teacher's file\n"
    );
    args.push("--force");
    let out = bslab(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&csv)
        .expect("written")
        .starts_with("streaming.mode.trigger_ms,"));
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_range_gives_evenly_spaced_values() {
    let out = bslab(&[
        "sweep",
        "--preset",
        "sales-daily-vs-live",
        "--param",
        "batch.workers",
        "--from",
        "1",
        "--to",
        "10",
        "--steps",
        "4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    let firsts: Vec<&str> = table
        .lines()
        .skip(2)
        .map(|l| l.split('|').next().expect("a cell").trim())
        .collect();
    assert_eq!(firsts, ["1", "4", "7", "10"]);
}

#[test]
fn bad_input_names_the_flag_the_value_and_the_range() {
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["--param", "seed", "--values", "1,2"],
            &["--param", "seed", "streaming.mode.trigger_ms"],
        ),
        (
            &["--param", "batch.workers", "--values", "1,2,x"],
            &["--values", "`x`"],
        ),
        (
            &["--param", "batch.workers", "--values", "3"],
            &["--values", "got 1", "2 to 30"],
        ),
        (
            &["--param", "batch.workers", "--values", "2,5000"],
            &["--values", "batch.workers", "5000", "1 to 1024"],
        ),
        (
            &[
                "--param",
                "batch.workers",
                "--from",
                "1",
                "--to",
                "9",
                "--steps",
                "31",
            ],
            &["--steps", "31", "2 to 30"],
        ),
        (
            &["--param", "streaming.mode.workers", "--values", "1,2.5"],
            &["--values", "2.5", "whole"],
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["sweep", "--preset", "sales-daily-vs-live"];
        args.extend(extra);
        let out = bslab(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let message = stderr(&out);
        for e in expected {
            assert!(message.contains(e), "{args:?}: {message}");
        }
    }
    // The same knob in a mode that has none.
    let out = bslab(&[
        "sweep",
        "--preset",
        "queue-mm1",
        "--param",
        "streaming.mode.trigger_ms",
        "--values",
        "1s,2s",
    ]);
    assert!(
        stderr(&out).contains("--param: streaming.mode.trigger_ms: does not apply"),
        "{}",
        stderr(&out)
    );
}
