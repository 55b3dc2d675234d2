//! The `bslab` binary as teachers and scripts use it.

mod common;
use common::bslab;

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("bslab-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn run_prints_the_documented_report_fields() {
    let out = bslab(&[
        "run",
        "--preset",
        "sales-daily-vs-live",
        "--duration",
        "70m",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for field in ["generated", "in_transit"] {
        assert!(report[field].is_u64(), "{field}");
    }
    for pipeline in ["batch", "streaming"] {
        let p = &report[pipeline];
        for field in ["processed", "waiting", "dropped_late", "backlog_max"] {
            assert!(p[field].is_u64(), "{pipeline}.{field}");
        }
        for field in [
            "throughput_eps",
            "backlog_mean",
            "freshness_ms_mean",
            "busy_worker_s",
            "provisioned_worker_s",
        ] {
            assert!(p[field].is_f64(), "{pipeline}.{field}");
        }
        for field in ["mean", "p50", "p95", "p99", "max"] {
            assert!(
                p["latency_ms"][field].is_number(),
                "{pipeline}.latency_ms.{field}"
            );
        }
    }
    assert!(
        report.get("windows").is_none(),
        "windows only with --windows"
    );
}

#[test]
fn same_config_same_seed_same_bytes() {
    let config = bslab(&["config", "--preset", "late-data-watermark"]);
    assert!(config.status.success());
    let path = temp_file("late.json", &String::from_utf8_lossy(&config.stdout));
    let a = bslab(&[
        "run",
        "--config",
        &path,
        "--duration",
        "30m",
        "--windows",
        "--seed",
        "7",
    ]);
    let b = bslab(&[
        "run",
        "--config",
        &path,
        "--duration",
        "30m",
        "--windows",
        "--seed",
        "7",
    ]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let report: serde_json::Value = serde_json::from_slice(&a.stdout).expect("JSON");
    assert!(report["windows"].as_array().is_some_and(|w| !w.is_empty()));
    let c = bslab(&[
        "run",
        "--config",
        &path,
        "--duration",
        "30m",
        "--windows",
        "--seed",
        "8",
    ]);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn bad_config_exits_2_with_one_line_naming_the_field() {
    let path = temp_file("bad.json", r#"{"batch": {"interval_ms": 0}}"#);
    let out = bslab(&["run", "--config", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("batch.interval_ms"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for (args, needle) in [
        (vec!["run", "--preset", "nope"], "unknown preset"),
        (vec!["run", "--config", "/nonexistent/x.json"], "x.json"),
        (
            vec!["run", "--preset", "queue-mm1", "--duration", "36500d"],
            "duration_ms",
        ),
    ] {
        let out = bslab(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(needle),
            "{args:?}"
        );
    }
}

#[test]
fn presets_and_config_round_trip() {
    let list = bslab(&["presets"]);
    assert!(list.status.success());
    let names: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(names.len() >= 6);
    for name in names {
        let out = bslab(&["config", "--preset", &name]);
        assert!(out.status.success(), "{name}");
        let parsed =
            bslab_engine::ExperimentConfig::from_json(&String::from_utf8_lossy(&out.stdout))
                .expect("parses back");
        assert_eq!(
            parsed,
            bslab_engine::presets::by_name(&name)
                .expect("exists")
                .config
        );
    }
}

/// One duration grammar for the CLI and the web app (`bslab_engine::duration`):
/// `15m` and `15 min` are the same run.
#[test]
fn durations_are_typed_as_in_the_app() {
    let run = |d: &str| {
        let out = bslab(&["run", "--preset", "queue-mm1", "--duration", d]);
        assert!(
            out.status.success(),
            "{d}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    assert_eq!(run("5 min"), run("5m"));
    assert_eq!(run("5 min"), run("300000"));
    let out = bslab(&["run", "--preset", "queue-mm1", "--duration", "5 weeks"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown unit"));
}

/// `--at T --event-time` prints the picture's counts at T, the numbers the
/// page shows beside the picture (the e2e compares them); an instant past the
/// end is refused with the allowed range.
#[test]
fn event_time_counts_at_an_instant() {
    let out = bslab(&[
        "run",
        "--preset",
        "late-data-watermark",
        "--at",
        "20min",
        "--event-time",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counts: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(counts["t_ms"], 20 * 60_000);
    for field in [
        "arrived",
        "drawn",
        "late",
        "open",
        "fired",
        "closed",
        "watermark_ms",
    ] {
        assert!(counts[field].is_u64(), "{field} in {counts}");
    }
    let report = bslab(&[
        "run",
        "--preset",
        "late-data-watermark",
        "--duration",
        "20min",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    assert_eq!(counts["watermark_ms"], report["streaming"]["watermark_ms"]);
    let late = bslab(&[
        "run",
        "--preset",
        "late-data-watermark",
        "--at",
        "3h",
        "--event-time",
    ]);
    assert_eq!(late.status.code(), Some(2));
    let message = String::from_utf8_lossy(&late.stderr);
    assert!(
        message.contains("--at") && message.contains("0 to 7200000"),
        "{message}"
    );
}
