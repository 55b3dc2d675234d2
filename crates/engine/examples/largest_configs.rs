//! Each preset at the largest rate validation accepts (its duration and
//! everything else unchanged), written as `DIR/<preset>.json`, with the
//! resource model's figures on stdout: the configs the app's tab memory is
//! measured with (`scripts/measure-tab-memory.mjs`, `docs/reliability.md`).
//!
//! Usage: `cargo run -p bslab-engine --example largest_configs -- DIR`

use bslab_engine::presets;
use bslab_engine::resources::Resources;
use bslab_engine::ExperimentConfig;

/// The config with its rate multiplied by `factor`.
fn scaled(base: &ExperimentConfig, factor: f64) -> ExperimentConfig {
    let mut c = base.clone();
    c.workload.rate_eps = base.workload.rate_eps * factor;
    c
}

/// The largest factor (to 0.1 %) at which the scaled config is valid.
fn largest_factor(base: &ExperimentConfig) -> f64 {
    let (mut ok, mut too_big) = (1.0_f64, 2.0_f64);
    while scaled(base, too_big).validate().is_ok() && too_big < 1e12 {
        ok = too_big;
        too_big *= 2.0;
    }
    while too_big / ok > 1.001 {
        let mid = (ok * too_big).sqrt();
        if scaled(base, mid).validate().is_ok() {
            ok = mid;
        } else {
            too_big = mid;
        }
    }
    ok
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    std::fs::create_dir_all(&dir)?;
    for preset in presets::all() {
        let factor = largest_factor(&preset.config);
        // Rounded down to 3 significant digits, so the file's rate is accepted too.
        let rate = preset.config.workload.rate_eps * factor;
        let digits = 10_f64.powi(rate.log10().floor() as i32 - 2);
        let mut config = preset.config.clone();
        config.workload.rate_eps = (rate / digits).floor() * digits;
        let r = Resources::of(&config);
        let refused = scaled(&config, 1.01).validate().err();
        println!(
            "{}: rate {} events/s (× {:.1}), {:.3e} events, {:.3e} held, {:.3e} cells, memory formula {:.0} MB; at +1 %: {}",
            preset.name,
            config.workload.rate_eps,
            config.workload.rate_eps / preset.config.workload.rate_eps,
            r.events,
            r.held_events,
            r.result_cells,
            r.memory_bytes() / 1024.0 / 1024.0,
            refused.map_or_else(|| "accepted".to_string(), |e| e.to_string()),
        );
        std::fs::write(
            format!("{dir}/{}.json", preset.name),
            config.to_json_pretty(),
        )?;
    }
    Ok(())
}
