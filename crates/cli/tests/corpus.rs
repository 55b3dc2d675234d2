//! The fuzz corpus at the CLI: malformed config files (`tests/corpus/configs`,
//! each with the field its refusal must name), corrupted event parts of an
//! exported bundle, and flag combinations. Nothing panics; every refusal is
//! one short line with exit 2; every replay that is accepted accounts for
//! every event.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{bslab, temp_dir};

fn refusal(out: &Output, what: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{what}: exit 2: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{what}: one line: {err}");
    assert!(err.len() < 1_000, "{what}: {} bytes", err.len());
    err
}

/// Every file of the corpus and the field (or words) its refusal must name.
const CONFIGS: &[(&str, &str)] = &[
    (
        "array-in-daily-profile.json",
        "workload.daily_profile.amplitude",
    ),
    ("array.json", "config: expected an object"),
    ("binary.json", "not UTF-8"),
    ("byte-order-mark.json", "config:"),
    ("deep-nesting.json", "recursion limit"),
    ("duplicate-key.json", "duplicate field `seed`"),
    ("empty.json", "config: EOF"),
    ("float-for-integer.json", "streaming.mode.trigger_ms"),
    ("infinite-number.json", "duration_ms"),
    ("long-key.json", "unknown field"),
    ("long-value.json", "duration_ms"),
    ("nan.json", "streaming.watermark_delay_ms"),
    ("object-as-array.json", "window: expected an object"),
    ("too-many-bursts.json", "workload.bursts"),
    ("too-many-cells.json", "window.size_ms"),
    ("too-many-events.json", "workload.rate_eps"),
    ("trailing-text.json", "trailing characters"),
    ("truncated.json", "EOF"),
    ("type-error-in-mode.json", "streaming.mode.workers"),
    ("type-error-in-scenario.json", "scenario.bursts_per_hour"),
    ("unknown-kind.json", "scenario.kind"),
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/configs")
}

#[test]
fn every_malformed_config_is_one_line_naming_its_field() {
    let mut files: Vec<String> = fs::read_dir(corpus())
        .expect("corpus")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let listed: Vec<&str> = CONFIGS.iter().map(|c| c.0).collect();
    assert_eq!(files, listed, "every corpus file has an expectation");
    for (file, expected) in CONFIGS {
        let path = corpus().join(file);
        let err = refusal(
            &bslab(&["run", "--config", path.to_str().expect("utf-8")]),
            file,
        );
        assert!(err.contains(expected), "{file}: {err}");
    }
}

/// Damaged versions of one CSV part (its text in, the damaged text out).
fn damaged_parts(part: &str) -> Vec<(&'static str, String)> {
    let (header, body) = part.split_once('\n').expect("header");
    let first = body.lines().next().expect("a row");
    vec![
        ("no header", body.to_string()),
        ("header only", format!("{header}\n")),
        ("empty", String::new()),
        (
            "extra column",
            part.replacen(first, &format!("{first},1"), 1),
        ),
        (
            "missing column",
            part.replacen(first, &first[..first.rfind(',').expect("comma")], 1),
        ),
        ("text id", part.replacen(first, &format!("x{first}"), 1)),
        ("huge line", format!("{header}\n{}\n", "9".repeat(200_000))),
        ("binary", format!("{header}\n\u{0}\u{1}\u{7f}\n")),
        ("crlf", part.replace('\n', "\r\n")),
        ("byte-order mark", format!("\u{feff}{part}")),
        ("duplicated rows", format!("{part}{body}")),
        (
            "negative times",
            part.replacen(first, &first.replace(",", ",-"), 1),
        ),
        (
            "card out of range",
            part.replacen(first, &replace_column(first, 3, "999999"), 1),
        ),
        (
            "arrival before event",
            part.replacen(first, &replace_column(first, 2, "0"), 1),
        ),
    ]
}

fn replace_column(line: &str, index: usize, value: &str) -> String {
    let mut fields: Vec<&str> = line.split(',').collect();
    fields[index] = value;
    fields.join(",")
}

#[test]
fn corrupted_event_parts_are_refused_or_replayed_with_every_event_counted() {
    let out = temp_dir("bundle");
    common::export("fraud-time-is-money", "10m", &out);
    let part = out.join("events/csv/part-00001.csv");
    let original = fs::read_to_string(&part).expect("part");
    for (what, text) in damaged_parts(&original) {
        fs::write(&part, &text).expect("write");
        let o = bslab(&[
            "run",
            "--config",
            out.join("config.json").to_str().expect("utf-8"),
            "--events",
            out.join("events/csv").to_str().expect("utf-8"),
        ]);
        if o.status.success() {
            let r: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
            let s = &r["streaming"];
            let sum = ["waiting", "processed", "dropped_late"]
                .iter()
                .map(|f| s[f].as_u64().expect("count"))
                .sum::<u64>()
                + r["in_transit"].as_u64().expect("in transit");
            assert_eq!(r["generated"].as_u64(), Some(sum), "{what}: conservation");
        } else {
            let err = refusal(&o, what);
            assert!(
                err.contains("part-00001.csv"),
                "{what}: names the file: {err}"
            );
        }
    }
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn flag_combinations_exit_0_or_2_without_panicking() {
    let dir = temp_dir("flags");
    fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("a-file");
    fs::write(&file, "x").expect("write");
    let (d, f) = (dir.to_str().expect("utf-8"), file.to_str().expect("utf-8"));
    let combos: &[&[&str]] = &[
        &["run", "--preset", "queue-mm1", "--duration", "0"],
        &["run", "--preset", "queue-mm1", "--duration", "-5"],
        &["run", "--preset", "queue-mm1", "--duration", "99999d"],
        &["run", "--preset", "queue-mm1", "--duration", "401d"],
        &[
            "run",
            "--preset",
            "queue-mm1",
            "--seed",
            "18446744073709551615",
            "--duration",
            "1m",
        ],
        &["run", "--preset", "nope"],
        &["run"],
        &["run", "--preset", "queue-mm1", "--events", d],
        &["run", "--preset", "queue-mm1", "--events", f],
        &["run", "--config", d],
        &[
            "run",
            "--preset",
            "fraud-time-is-money",
            "--duration",
            "400d",
            "--runs",
        ],
        &["export", "--preset", "queue-mm1", "--out", d],
        &[
            "export",
            "--preset",
            "sales-daily-vs-live",
            "--zip",
            "--out",
            d,
        ],
        &[
            "export",
            "--preset",
            "batch-late-but-cheap",
            "--out",
            d,
            "--force",
        ],
        &["config", "--preset", "nope"],
    ];
    for args in combos {
        let o = bslab(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            matches!(o.status.code(), Some(0 | 2)),
            "{args:?}: {:?} {err}",
            o.status
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    let _ = fs::remove_dir_all(&dir);
}
