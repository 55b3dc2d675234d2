//! Events simulated per second of wall time, both pipelines on, per scenario,
//! next to the **ceiling**: a tight single-thread loop doing only the essential
//! work per event. Engine and ceiling run in the same invocation, so their ratio
//! holds on a busy machine even when the absolute figures do not.
//!
//! `cargo bench -p bslab-engine --bench engine` — ratios and machine in docs/performance.md.

use bslab_engine::*;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hdrhistogram::Histogram;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};

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

/// The sales preset's own rate, in events/s.
const PRESET_RATE_EPS: f64 = 20.0;
/// Simulated minutes at the preset's rate: about as many events as 30 minutes
/// at 1,000 events/s.
const PRESET_RATE_MINUTES: i64 = 24 * 60;

/// A preset exactly as the app runs it (its rate, trigger, sampling), for
/// [`PRESET_RATE_MINUTES`]: where per-trigger, per-sample and per-run work
/// weighs most against per-event work.
fn at_preset_rate(preset: &str) -> ExperimentConfig {
    let mut c = presets::by_name(preset)
        .map(|p| p.config)
        .unwrap_or_default();
    assert_eq!(c.workload.rate_eps, PRESET_RATE_EPS, "{preset}'s rate");
    c.duration_ms = PRESET_RATE_MINUTES * 60_000;
    c
}

/// The ceiling: the least any engine must do per event, in one loop, on one core.
/// Generate a Poisson arrival with a category and an amount, assign its 1-minute
/// window (closing the previous one), serve it through one FIFO queue (Lindley:
/// start = max(arrival, previous done)) and record its latency in a histogram.
/// Returns the number of events and a checksum, so nothing is optimised away.
fn ceiling(rate_eps: f64, duration_ms: f64, service_mean_ms: f64) -> (u64, u64) {
    const WINDOW_MS: i64 = 60_000;
    const CATEGORIES: usize = 6;
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let mut latency = Histogram::<u64>::new_with_bounds(1, 3_600_000, 3).unwrap_or_else(|e| {
        panic!("constant histogram bounds are valid: {e}");
    });
    let mut window = 0_i64;
    let mut sums = [(0_u64, 0_i64); CATEGORIES];
    let (mut t, mut free, mut events, mut checksum) = (0.0_f64, 0.0_f64, 0_u64, 0_u64);
    loop {
        let gap: f64 = Exp1.sample(&mut rng);
        t += gap * 1_000.0 / rate_eps;
        if t >= duration_ms {
            return (events, checksum ^ latency.len());
        }
        let event_ms = t as i64;
        let start = event_ms.div_euclid(WINDOW_MS) * WINDOW_MS;
        if start != window {
            checksum = sums.iter().fold(checksum, |c, s| c.wrapping_add(s.0));
            sums = [(0, 0); CATEGORIES];
            window = start;
        }
        let slot = &mut sums[rng.random_range(0..CATEGORIES)];
        slot.0 += 1;
        slot.1 += rng.random_range(100..20_000_i64);
        let service: f64 = Exp1.sample(&mut rng);
        free = free.max(t) + service * service_mean_ms;
        let _ = latency.record((free - t).ceil().max(1.0) as u64);
        events += 1;
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulate");
    group.sample_size(10);
    let mut continuous = config("queue-mm1", 1_000.0, 30);
    if let StreamingMode::Continuous { workers, .. } = &mut continuous.streaming.mode {
        // 100 ms per event: 125 workers keep the queue at 80% utilisation.
        *workers = 125;
    }
    // The ceiling at both rates benchmarked, over the same simulated time, served
    // at 80% utilisation (the continuous benchmark's): 0.8 ms each at 1,000
    // events/s, 40 ms at 20.
    for (name, rate_eps, minutes) in [
        ("ceiling", 1_000.0, 30.0),
        (
            "ceiling-preset-rate",
            PRESET_RATE_EPS,
            PRESET_RATE_MINUTES as f64,
        ),
    ] {
        let duration_ms = minutes * 60_000.0;
        let service_ms = 800.0 / rate_eps;
        group.throughput(Throughput::Elements(
            ceiling(rate_eps, duration_ms, service_ms).0,
        ));
        group.bench_function(name, |b| {
            b.iter(|| ceiling(rate_eps, duration_ms, service_ms))
        });
    }
    for (name, cfg) in [
        ("sales", config("sales-daily-vs-live", 1_000.0, 30)),
        ("sales-preset-rate", at_preset_rate("sales-daily-vs-live")),
        ("social", config("social-viral-post", 1_000.0, 30)),
        ("fraud", config("fraud-time-is-money", 1_000.0, 30)),
        ("iot", config("iot-offline-sensors", 1_000.0, 30)),
        ("web", config("web-traffic-sessions", 1_000.0, 30)),
        ("sales-sessions", config("sales-sessions", 1_000.0, 30)),
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
