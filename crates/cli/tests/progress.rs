//! `bslab run --progress`: Spark's `StreamingQueryProgress` of every micro-batch,
//! one JSON object per line, consistent with the report of the same run.

use std::process::Output;

use serde_json::Value;

mod common;
use common::bslab;

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn one_line_per_micro_batch_of_the_report() {
    let run = [
        "run",
        "--preset",
        "late-data-watermark",
        "--duration",
        "20m",
    ];
    let out = bslab(&[&run[..], &["--progress"]].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = std::str::from_utf8(&out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let report = json(&bslab(&[&run[..], &["--runs"]].concat()));
    let log = report["micro_batches"].as_array().expect("micro-batch log");
    assert_eq!(lines.len(), log.len());
    assert_eq!(report["streaming"]["runs"], log.len());
    let mut dropped_groups = 0;
    for (k, (p, m)) in lines.iter().zip(log).enumerate() {
        assert_eq!(p["batchId"], k, "consecutive ids from 0");
        assert_eq!(p["numInputRows"], m["input_rows"], "batch {k}");
        let ops = &p["stateOperators"][0];
        assert_eq!(
            ops["numRowsDroppedByWatermark"], m["dropped_groups"],
            "batch {k}"
        );
        dropped_groups += ops["numRowsDroppedByWatermark"].as_u64().expect("count");
        // Timestamps in Spark's format: the watermark never moves back.
        let wm = p["eventTime"]["watermark"].as_str().expect("watermark");
        assert!(wm.ends_with('Z') && wm.len() == 24, "{wm}");
        if k > 0 {
            assert!(
                wm >= lines[k - 1]["eventTime"]["watermark"]
                    .as_str()
                    .unwrap_or(""),
                "batch {k}"
            );
        }
    }
    assert!(dropped_groups > 0, "the preset has late rows");
}

#[test]
fn continuous_mode_and_other_parts_are_refused_with_one_line() {
    for (args, needle) in [
        (
            vec!["run", "--preset", "queue-mm1", "--progress"],
            "continuous",
        ),
        (
            vec![
                "run",
                "--preset",
                "late-data-watermark",
                "--progress",
                "--runs",
            ],
            "--runs",
        ),
    ] {
        let out = bslab(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
