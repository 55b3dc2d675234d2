//! `bslab run` prints the queueing part the app's queueing panel shows: the
//! textbook's M/M/1 figures next to the measured ones.

use std::process::Command;

#[test]
fn run_prints_queueing_theory_next_to_the_measurement() {
    let out = Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args(["run", "--preset", "queue-mm1", "--duration", "20m"])
        .output()
        .expect("bslab runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let q = &report["queueing"];
    assert_eq!(q["model"], "M/M/1");
    // λ = 8/s, μ = 10/s: ρ = 0.8, W = 1/(μ − λ) = 500 ms, Wq = 400 ms, L = λW = 4.
    assert_eq!(q["utilisation"].as_f64(), Some(0.8));
    let predicted = &q["predicted"];
    for (field, value) in [
        ("time_in_system_ms", 500.0),
        ("wait_ms", 400.0),
        ("in_system", 4.0),
    ] {
        let got = predicted[field].as_f64().expect(field);
        assert!((got - value).abs() < 1e-9, "{field}: {got}");
    }
    let measured = &q["measured"];
    assert!(measured["completed"].as_u64().is_some_and(|n| n > 5_000));
    for field in [
        "wait_ms",
        "time_in_system_ms",
        "in_system",
        "littles_law_in_system",
    ] {
        assert!(measured[field].as_f64().is_some_and(|v| v > 0.0), "{field}");
    }
    // Micro-batch mode is no M/x/c queue: no queueing part.
    let out = Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args(["run", "--preset", "sales-daily-vs-live", "--duration", "5m"])
        .output()
        .expect("bslab runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(report.get("queueing").is_none());
}
