//! `bslab export`: the Spark bundle on disk.

use std::path::Path;
use std::process::Output;

mod common;
use common::{bslab, temp_dir};

fn stderr_line(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text}");
    text
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_writes_the_bundle_with_files_in_spark_order() {
    let out = temp_dir("ok");
    let o = bslab(&[
        "export",
        "--preset",
        "late-data-watermark",
        "--duration",
        "3m",
        "--seed",
        "9",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let top = names(&out);
    for f in [
        "README.md",
        "batch_job.py",
        "config.json",
        "events",
        "expected.json",
        "streaming_job.py",
    ] {
        assert!(top.contains(&f.to_string()), "{f} in {top:?}");
    }
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("expected.json")).expect("read"))
            .expect("JSON");
    assert_eq!(expected["seed"], 9);
    let batches = expected["streaming"]["micro_batches"]
        .as_array()
        .expect("batches")
        .len();
    for format in ["csv", "jsonl"] {
        let dir = out.join("events").join(format);
        let files = names(&dir);
        assert_eq!(files.len(), batches, "{format}");
        // Spark's file source replays by modification time: strictly increasing in name order.
        let mtimes: Vec<_> = files
            .iter()
            .map(|f| {
                std::fs::metadata(dir.join(f))
                    .and_then(|m| m.modified())
                    .expect("mtime")
            })
            .collect();
        assert!(
            mtimes.windows(2).all(|w| w[0] < w[1]),
            "{format}: mtimes increase"
        );
    }

    // Not over a non-empty directory, unless --force.
    let again = bslab(&[
        "export",
        "--preset",
        "late-data-watermark",
        "--duration",
        "3m",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr_line(&again).contains("not empty"));
    let forced = bslab(&[
        "export",
        "--preset",
        "late-data-watermark",
        "--duration",
        "2m",
        "--force",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn export_zip_and_errors() {
    let dir = temp_dir("zip");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let zip = dir.join("bundle.zip");
    let o = bslab(&[
        "export",
        "--preset",
        "fraud-time-is-money",
        "--duration",
        "2m",
        "--zip",
        "--out",
        zip.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(&std::fs::read(&zip).expect("zip")[..2], b"PK");

    // Continuous mode has no Spark equivalent for aggregations: one line, exit 2.
    let o = bslab(&[
        "export",
        "--preset",
        "queue-mm1",
        "--out",
        dir.join("q").to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_line(&o).contains("continuous"));
    // An invalid config: one line naming the field, exit 2.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"window": {"size_ms": 0}}"#).expect("write");
    let o = bslab(&[
        "export",
        "--config",
        bad.to_str().expect("utf-8"),
        "--out",
        dir.join("b").to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_line(&o).contains("window.size_ms"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_replays_an_exported_bundle_with_the_same_results() {
    let out = temp_dir("replay");
    common::export("fraud-time-is-money", "10m", &out);
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("expected.json")).expect("read"))
            .expect("JSON");
    let until = expected["simulated_until_ms"]
        .as_i64()
        .expect("until")
        .to_string();
    let o = bslab(&[
        "run",
        "--config",
        out.join("config.json").to_str().expect("utf-8"),
        "--events",
        out.join("events/csv").to_str().expect("utf-8"),
        "--duration",
        &until,
        "--runs",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report["generated"], expected["events"]);
    assert_eq!(
        report["batch"]["dropped_late"],
        expected["batch"]["missed_late_rows"]
    );
    assert_eq!(
        report["streaming"]["dropped_late"],
        expected["streaming"]["dropped_late_rows"]
    );
    let watermarks = |batches: &serde_json::Value| -> Vec<i64> {
        batches
            .as_array()
            .expect("batches")
            .iter()
            .map(|b| b["watermark_ms"].as_i64().expect("wm"))
            .collect()
    };
    assert_eq!(
        watermarks(&report["micro_batches"]),
        watermarks(&expected["streaming"]["micro_batches"])
    );
    let _ = std::fs::remove_dir_all(&out);
}
