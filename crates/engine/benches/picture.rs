//! Building the event-time picture on the densest preset: batch-late-but-cheap at
//! 8 h, where the recent arrivals hit their cap (250,000 in view) and the picture
//! thins to 1 in 3 (≈ 83,000 marks). The app rebuilds it twice a second while playing.
//!
//! `cargo bench -p bslab-engine --bench picture` — figures in docs/performance.md.

use bslab_engine::event_time::{picture_span_ms, MAX_MARKS};
use bslab_engine::*;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let config = presets::by_name("batch-late-but-cheap")
        .map(|p| p.config)
        .unwrap_or_default();
    let limits = RecentLimits {
        span_ms: picture_span_ms(&config),
        max_events: RecentLimits::APP_MAX_EVENTS,
    };
    let Ok(mut sim) = Simulation::with_recent(config, limits) else {
        return;
    };
    let _ = sim.step_until(8 * 3_600_000);
    let mut group = c.benchmark_group("event_time");
    group.sample_size(20);
    group.bench_function("picture_250k_arrivals", |b| {
        b.iter(|| sim.event_time_picture(MAX_MARKS).map(|p| p.marks.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
