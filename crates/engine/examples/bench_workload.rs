//! The four simulations of `benches/engine.rs` as it stood at 090aa1f (the
//! engine before the `Pipeline` trait), each run once: a fixed workload whose
//! instruction count (`valgrind --tool=callgrind`) compares engines across
//! commits without criterion's timing loop or the benchmarks added since.
//! It uses only API that 090aa1f has, so the same file builds there too
//! (commands in docs/performance.md). Prints the events simulated.
//!
//! Usage: `bench_workload [NAME]` (only the simulation NAME: sales, social,
//! fraud, sales-continuous, or one of the bench's configs added since, which
//! run only when named, so the four together stay the workload compared with
//! 090aa1f: sales-preset-rate, the bench's sales preset as the app runs it,
//! 20 events/s for 24 simulated hours; web and sales-sessions, the session
//! windows' presets at 1,000 events/s for 30 minutes).

use bslab_engine::{presets, ExperimentConfig, Simulation, StreamingMode};

/// A preset's config at `rate_eps` for `minutes` of simulated time (as the bench).
fn config(preset: &str, rate_eps: f64, minutes: i64) -> ExperimentConfig {
    let mut c = presets::by_name(preset)
        .map(|p| p.config)
        .unwrap_or_default();
    c.workload.rate_eps = rate_eps;
    c.workload.bursts.clear();
    c.duration_ms = minutes * 60_000;
    c.sample_every_ms = 60_000;
    c
}

/// The sales preset as the app runs it (its own rate, trigger and sampling)
/// for 24 simulated hours, as the bench's `sales-preset-rate`.
fn at_preset_rate() -> ExperimentConfig {
    let mut c = presets::by_name("sales-daily-vs-live")
        .map(|p| p.config)
        .unwrap_or_default();
    c.duration_ms = 24 * 60 * 60_000;
    c
}

fn main() {
    let only = std::env::args().nth(1);
    let mut continuous = config("queue-mm1", 1_000.0, 30);
    if let StreamingMode::Continuous { workers, .. } = &mut continuous.streaming.mode {
        // 100 ms per event: 125 workers keep the queue at 80% utilisation.
        *workers = 125;
    }
    for (name, cfg) in [
        ("sales", config("sales-daily-vs-live", 1_000.0, 30)),
        ("social", config("social-viral-post", 1_000.0, 30)),
        ("fraud", config("fraud-time-is-money", 1_000.0, 30)),
        ("sales-continuous", continuous),
        ("sales-preset-rate", at_preset_rate()),
        ("web", config("web-traffic-sessions", 1_000.0, 30)),
        ("sales-sessions", config("sales-sessions", 1_000.0, 30)),
    ] {
        let named = only.as_deref() == Some(name);
        let only_when_named = ["sales-preset-rate", "web", "sales-sessions"].contains(&name);
        if !named && (only.is_some() || only_when_named) {
            continue;
        }
        match Simulation::new(cfg) {
            Ok(sim) => println!("{name}: {} events", sim.run().generated),
            Err(e) => {
                eprintln!("{name}: invalid config: {e}");
                std::process::exit(2);
            }
        }
    }
}
