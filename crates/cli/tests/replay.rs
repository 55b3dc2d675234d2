//! `bslab run --events`: replaying an exported bundle's events reproduces the
//! original run, every field of the report.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::bslab;

fn ok(out: Output) -> Vec<u8> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8")
}

/// Fraud with several bursts in half an hour (the preset has 2 per hour over 4 h).
fn fraud_config(dir: &Path) -> PathBuf {
    let preset = ok(bslab(&["config", "--preset", "fraud-time-is-money"]));
    let mut c: serde_json::Value = serde_json::from_slice(&preset).expect("JSON");
    c["duration_ms"] = 1_800_000.into();
    c["scenario"]["bursts_per_hour"] = 8.0.into();
    c["batch"]["interval_ms"] = 600_000.into();
    c["batch"]["offset_ms"] = 0.into();
    c["batch"]["startup_ms"] = 60_000.into();
    let file = dir.join("fraud.json");
    std::fs::write(&file, c.to_string()).expect("write config");
    file
}

#[test]
fn replaying_a_fraud_bundle_reproduces_every_field_of_the_run() {
    let dir = std::env::temp_dir().join(format!("bslab-replay-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let config = fraud_config(&dir);
    let bundle = dir.join("bundle");
    ok(bslab(&[
        "export",
        "--config",
        path(&config),
        "--out",
        path(&bundle),
    ]));
    let exported = bundle.join("config.json");
    let detail = ["--windows", "--runs", "--samples"];
    let original = ok(bslab(
        &[&["run", "--config", path(&exported)][..], &detail].concat(),
    ));
    let events = bundle.join("events").join("csv");
    let replayed = ok(bslab(
        &[
            &[
                "run",
                "--config",
                path(&exported),
                "--events",
                path(&events),
            ][..],
            &detail,
        ]
        .concat(),
    ));
    let report: serde_json::Value = serde_json::from_slice(&original).expect("JSON");
    let fraud = &report["fraud"];
    let bursts = fraud["bursts"].as_array().expect("bursts").len();
    assert!(bursts >= 2, "the experiment injects bursts: {fraud}");
    assert!(
        fraud["streaming_detected"].as_u64() > Some(0),
        "and streaming catches some: {fraud}"
    );
    let replay: serde_json::Value = serde_json::from_slice(&replayed).expect("JSON");
    assert_eq!(replay["fraud"], report["fraud"], "the fraud report");
    assert!(original == replayed, "every other field, byte for byte");
    let _ = std::fs::remove_dir_all(&dir);
}
