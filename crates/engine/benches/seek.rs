//! Time to reach an instant of a run, as the app's timeline does it (its
//! `timeline::checkpoints`): restore the latest copy of the simulation kept
//! before the instant (one every 1/24 of the run, fewer when the copies would
//! not fit the engine's memory share: the app's `copies_for`, mirrored here)
//! and step on to it. Measured at the worst instant (just before the next copy)
//! in the middle of the run, for each preset, and against a straight run from
//! t = 0 to the same instant for the first preset.
//!
//! `cargo bench -p bslab-engine --bench seek` — figures in docs/performance.md.

use bslab_engine::resources::{Resources, MAX_MEMORY_BYTES};
use bslab_engine::{presets, Simulation, TimeMs};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

/// Copies per run, as in the app.
const PER_RUN: i64 = 24;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("reach an instant");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (i, preset) in presets::all().into_iter().enumerate() {
        let one = Resources::of(&preset.config).memory_bytes().max(1.0);
        let copies = ((MAX_MEMORY_BYTES / one).floor() as i64 - 1).clamp(1, PER_RUN);
        let every = preset.config.duration_ms / copies;
        let Ok(mut sim) = Simulation::new(preset.config.clone()) else {
            continue;
        };
        // The copy at the middle of the run and the worst instant after it.
        let copy_at: TimeMs = every * (copies / 2);
        let _ = sim.step_until(copy_at);
        let copy = sim.clone();
        let worst = copy_at + every - 1;
        group.bench_function(format!("{}: from the checkpoint", preset.name), |b| {
            b.iter(|| {
                let mut s = copy.clone();
                let _ = s.step_until(worst);
                s.now()
            })
        });
        if i > 0 {
            continue;
        }
        group.bench_function(format!("{}: from t = 0", preset.name), |b| {
            b.iter(|| {
                let mut s = Simulation::new(preset.config.clone()).expect("valid preset");
                let _ = s.step_until(worst);
                s.now()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
