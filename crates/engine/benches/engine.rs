//! Events simulated per second of wall time, both pipelines on, per scenario.
//!
//! `cargo bench -p bslab-engine` — figures and machine in docs/performance.md.

use bslab_engine::*;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A preset's config at `rate_eps` for `minutes` of simulated time.
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

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulate");
    group.sample_size(10);
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
        let events = match Simulation::new(cfg.clone()) {
            Ok(sim) => sim.run().generated,
            Err(e) => panic!("benchmark config {name} is invalid: {e}"),
        };
        group.throughput(Throughput::Elements(events));
        group.bench_function(name, |b| {
            b.iter(|| {
                Simulation::new(cfg.clone())
                    .map(Simulation::run)
                    .map(|r| r.generated)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
