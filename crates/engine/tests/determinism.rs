#![cfg(not(target_arch = "wasm32"))]
//! Same config + same seed ⇒ byte-identical reports; and the golden reports
//! (one per preset) pin them, natively and — through `wasm.rs` — in the browser.

use bslab_engine::*;

mod golden;

#[test]
fn same_seed_same_report_bytes() {
    for preset in presets::all() {
        let config = golden::shortened(preset.config.clone(), 40 * 60_000);
        let run = || {
            let mut sim = Simulation::new(config.clone()).expect("preset is valid");
            sim.step_until(config.duration_ms).expect("forward");
            sim.report(ReportDetail::FULL).to_json()
        };
        assert_eq!(run(), run(), "preset {}", preset.name);
    }
}

#[test]
fn stepping_in_pieces_equals_one_run() {
    for preset in presets::all() {
        let config = golden::shortened(preset.config.clone(), 30 * 60_000);
        let mut whole = Simulation::new(config.clone()).expect("valid");
        whole.step_until(config.duration_ms).expect("forward");
        let mut pieces = Simulation::new(config.clone()).expect("valid");
        let mut t = 0;
        while !pieces.is_finished() {
            t += 7_919; // a prime, so frame boundaries fall everywhere
            pieces.step_until(t).expect("forward");
        }
        assert_eq!(
            whole.report(ReportDetail::FULL).to_json(),
            pieces.report(ReportDetail::FULL).to_json(),
            "preset {}",
            preset.name
        );
    }
}

#[test]
fn different_seeds_differ() {
    let a = ExperimentConfig {
        duration_ms: 600_000,
        ..ExperimentConfig::default()
    };
    let mut b = a.clone();
    b.seed += 1;
    let ra = Simulation::new(a).expect("valid").run();
    let rb = Simulation::new(b).expect("valid").run();
    assert_ne!(ra.digest(), rb.digest());
}

#[test]
fn golden_reports_match() {
    for (name, config) in golden::cases() {
        let json = golden::report_json(&config);
        let path = golden::path(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &json).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!("missing {path}: run with UPDATE_GOLDEN=1 and review the diff")
        });
        assert!(expected == json, "{name}: report differs from {path} (run with UPDATE_GOLDEN=1 if the change is intended, and review the diff)");
    }
}
