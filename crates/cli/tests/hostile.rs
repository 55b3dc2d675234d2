//! The CLI under hostile use: closed pipes, full disks, endless or malformed
//! files, and `--force` next to files the export did not write. Every refusal is
//! one line with exit code 2; nothing panics; nothing of the user's is deleted.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::bslab;

fn temp_dir(name: &str) -> PathBuf {
    let dir = common::temp_dir(name);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Asserts a refusal: exit 2, one line on stderr, no panic; returns the line.
fn refused(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "exit 2: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn run_config(text: &str) -> Output {
    let dir = temp_dir(&format!(
        "config-{:016x}",
        bslab_engine::fnv1a(text.as_bytes())
    ));
    let path = dir.join("config.json");
    fs::write(&path, text).expect("write");
    let out = bslab(&["run", "--config", path.to_str().expect("utf-8")]);
    let _ = fs::remove_dir_all(&dir);
    out
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args(["run", "--preset", "sales-daily-vs-live", "--windows"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Like `| head -0`: the reader is gone before the report is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_full_disk_is_one_line_and_exit_2() {
    let Ok(full) = fs::File::options().write(true).open("/dev/full") else {
        return; // not a Linux machine
    };
    let out = Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args([
            "run",
            "--preset",
            "sales-daily-vs-live",
            "--duration",
            "10m",
        ])
        .stdout(full)
        .output()
        .expect("bslab runs");
    assert!(refused(&out).contains("writing the output"));
}

#[test]
fn an_endless_config_file_is_refused_after_its_size_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let out = bslab(&["run", "--config", "/dev/zero"]);
    assert!(refused(&out).contains("larger than"));
}

#[test]
fn configs_of_the_wrong_shape_or_with_trailing_text_are_refused() {
    for (text, expected) in [
        ("{}x", "trailing characters"),
        ("[]", "expected an object"),
        ("[42, 3600000]", "expected an object"),
        ("5", "expected an object"),
        (r#"{"batch": [3600000]}"#, "batch: expected an object"),
        (
            r#"{"workload": {"bursts": [[0, 1000, 2.0]]}}"#,
            "workload.bursts[0]: expected an object",
        ),
    ] {
        let err = refused(&run_config(text));
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn type_errors_name_the_innermost_field_and_its_range() {
    for (text, field, range) in [
        (
            r#"{"scenario": {"kind": "sales", "categories": "six", "mean_amount_cents": 8000}}"#,
            "scenario.categories:",
            "1 to 64",
        ),
        (
            r#"{"workload": {"daily_profile": {"kind": "diurnal", "amplitude": "big", "peak_hour": 12}}}"#,
            "workload.daily_profile.amplitude:",
            "0 to 0.99",
        ),
        (
            r#"{"streaming": {"mode": {"kind": "micro_batch", "trigger_ms": "1s", "batch_overhead_ms": 0, "per_event_cost_us": 1, "workers": 1}}}"#,
            "streaming.mode.trigger_ms:",
            "10 to 3600000",
        ),
        (r#"{"duration_ms": "2h"}"#, "duration_ms:", "1000 to"),
    ] {
        let err = refused(&run_config(text));
        assert!(err.contains(field), "{text}: {err}");
        assert!(err.contains(range), "{text}: {err}");
    }
}

#[test]
fn long_values_are_cut_in_refusals() {
    let key = "k".repeat(1_000);
    let value = "v".repeat(20_000);
    for text in [
        format!(r#"{{"{key}": 1}}"#),
        format!(r#"{{"duration_ms": "{value}"}}"#),
    ] {
        let err = refused(&run_config(&text));
        assert!(err.len() < 600, "{} bytes: {err}", err.len());
    }
}

fn export(out: &Path, force: bool) -> Output {
    let mut args = vec![
        "export",
        "--preset",
        "late-data-watermark",
        "--duration",
        "3m",
        "--out",
        out.to_str().expect("utf-8"),
    ];
    if force {
        args.push("--force");
    }
    bslab(&args)
}

#[test]
fn force_replaces_only_what_the_export_writes() {
    let out = temp_dir("force");
    let mine = out.join("events").join("my-notes.txt");
    fs::create_dir_all(out.join("events/csv")).expect("dirs");
    fs::write(&mine, "mine").expect("write");
    let stale = out.join("events/csv/part-99999.csv");
    fs::write(&stale, "event_id\n").expect("write");
    let o = export(&out, true);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(summary.contains("removed 1 part files"), "{summary}");
    assert_eq!(fs::read_to_string(&mine).expect("still there"), "mine");
    assert!(
        !stale.exists(),
        "a stale part of an earlier export is removed"
    );

    // A file the export never writes, where Spark reads events: refused, kept.
    let foreign = out.join("events/csv/extra.csv");
    fs::write(&foreign, "x").expect("write");
    let err = refused(&export(&out, true));
    assert!(err.contains("extra.csv"), "{err}");
    assert!(foreign.exists());
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn replay_refuses_a_part_without_its_header_naming_file_and_line() {
    let out = temp_dir("replay");
    let o = export(&out, true);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let part = out.join("events/csv/part-00001.csv");
    let text = fs::read_to_string(&part).expect("part");
    let (_, body) = text.split_once('\n').expect("header line");
    fs::write(&part, body).expect("write");
    let err = refused(&bslab(&[
        "run",
        "--config",
        out.join("config.json").to_str().expect("utf-8"),
        "--events",
        out.join("events/csv").to_str().expect("utf-8"),
    ]));
    assert!(err.contains("part-00001.csv:1:"), "{err}");
    assert!(err.contains("header"), "{err}");
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn an_export_past_the_in_memory_cap_is_written_part_by_part() {
    // 300 events/s for 1 h: about 1.08 million events, over the 10⁶ that an
    // export built in memory takes (refused before the export was streamed).
    let out = temp_dir("past-cap");
    let mut config = bslab_engine::presets::by_name("batch-late-but-cheap")
        .expect("preset")
        .config;
    config.workload.rate_eps = 300.0;
    config.workload.daily_profile = bslab_engine::DailyProfile::Flat;
    config.duration_ms = 3_600_000;
    let path = out.join("config.json");
    fs::write(&path, config.to_json_pretty()).expect("write");
    let bundle = out.join("bundle");
    let o = bslab(&[
        "export",
        "--config",
        path.to_str().expect("utf-8"),
        "--out",
        bundle.to_str().expect("utf-8"),
    ]);
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let events: u64 = said
        .strip_prefix("exported ")
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("summary: {said}"));
    assert!(events > 1_000_000, "{said}");
    // Every event is in the CSV parts, once (each part: a header and its rows).
    let mut rows = 0;
    for entry in fs::read_dir(bundle.join("events/csv")).expect("parts") {
        let text = fs::read_to_string(entry.expect("entry").path()).expect("part");
        rows += text.lines().count() as u64 - 1;
    }
    assert_eq!(rows, events);
    let _ = fs::remove_dir_all(&out);
}
