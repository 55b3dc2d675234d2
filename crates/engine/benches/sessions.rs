//! Session windows under Spark's micro-batch rule: the seeded page views of
//! 2,000 visitors over about an hour (`tests/page_views`), transit delays up to
//! 60 s against a 20 s watermark delay, 10 s micro-batches; throughput is in
//! elements (page views) per second.
//!
//! `cargo bench -p bslab-engine --bench sessions` — figures in docs/performance.md.

use bslab_engine::time::TimeMs;
use bslab_engine::window::{MicroBatchSessions, SessionRow};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "../tests/page_views/mod.rs"]
mod page_views;
use page_views::{page_views, GAP_MS};

const TRIGGER_MS: TimeMs = 10_000;

/// The views cut into micro-batches of arrival time.
fn micro_batches() -> Vec<Vec<SessionRow>> {
    let views = page_views(1, 2_000, 60_000);
    let mut batches: Vec<Vec<SessionRow>> = Vec::new();
    for v in views {
        let id = (v.arrival_ms / TRIGGER_MS) as usize;
        if batches.len() <= id {
            batches.resize_with(id + 1, Vec::new);
        }
        batches[id].push(v.row);
    }
    batches
}

fn bench(c: &mut Criterion) {
    let batches = micro_batches();
    let events: usize = batches.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("sessions");
    group.sample_size(20);
    group.throughput(Throughput::Elements(events as u64));
    group.bench_function("micro_batch_append", |b| {
        b.iter(|| {
            let mut m = MicroBatchSessions::new(GAP_MS, 20_000);
            let mut emitted = 0;
            for rows in &batches {
                emitted += m.run_batch(rows).emitted.len();
            }
            emitted + m.open_sessions()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
