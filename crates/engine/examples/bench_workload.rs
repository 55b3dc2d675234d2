//! The four simulations of `benches/engine.rs` as it stood at 090aa1f (the
//! engine before the `Pipeline` trait), each run once: a fixed workload whose
//! instruction count (`valgrind --tool=callgrind`) compares engines across
//! commits without criterion's timing loop or the benchmarks added since.
//! It uses only API that 090aa1f has, so the same file builds there too
//! (commands in docs/performance.md). Prints the events simulated.
//!
//! Usage: `bench_workload [NAME]` (only the simulation NAME: sales, social,
//! fraud or sales-continuous).

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
    ] {
        if only.as_deref().is_some_and(|o| o != name) {
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
