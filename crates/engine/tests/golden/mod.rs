//! Golden reports: one per preset, shortened so the browser test is quick.
//! Shared by `determinism.rs` (native) and `wasm.rs` (headless Chromium).
#![allow(dead_code)]

use bslab_engine::*;

/// Longest golden run, in ms of simulated time.
const GOLDEN_MS: i64 = 75 * 60_000;

/// (preset name, shortened config) for every preset.
pub fn cases() -> Vec<(&'static str, ExperimentConfig)> {
    presets::all()
        .into_iter()
        .map(|p| (p.name, shortened(p.config, GOLDEN_MS)))
        .collect()
}

/// `config` cut to at most `ms` of simulated time (bursts past the end removed).
pub fn shortened(mut config: ExperimentConfig, ms: i64) -> ExperimentConfig {
    config.duration_ms = config.duration_ms.min(ms);
    let end = config.duration_ms;
    config.workload.bursts.retain(|b| b.start_ms < end);
    for b in &mut config.workload.bursts {
        b.duration_ms = b.duration_ms.min(end - b.start_ms);
    }
    config
}

/// The report a golden file holds: the totals, then the digest of the full
/// report (windows, run logs and samples), which pins everything else.
pub fn report_json(config: &ExperimentConfig) -> String {
    let mut sim = match Simulation::new(config.clone()) {
        Ok(sim) => sim,
        Err(e) => return format!("invalid: {e}"),
    };
    let _ = sim.step_until(config.duration_ms);
    let mut json = sim.report(ReportDetail::default()).to_json();
    json.push_str(&format!(
        "\nfull report digest: {}\n",
        sim.report(ReportDetail::FULL).digest()
    ));
    json
}

/// Where the golden file of `name` lives.
pub fn path(name: &str) -> String {
    format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"))
}
