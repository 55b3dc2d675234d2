//! Window assignment over a seed sweep: a sliding window assigner puts every
//! event in exactly `size / slide` windows, the very windows of Spark's
//! `window(col, size, slide)` (start a multiple of the slide, holding the event);
//! a cumulative one in every step window of its period that ends after it.
//! Each property is checked against a brute-force list of windows.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::window::{Cumulative, Sliding, Window, WindowAssigner};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Every window `[k·slide, k·slide + size)` holding `t`, by brute force.
fn sliding_brute_force(size: i64, slide: i64, t: i64) -> Vec<Window> {
    let lowest = (t - size).div_euclid(slide) - 1;
    (lowest..=t.div_euclid(slide) + 1)
        .map(|k| Window {
            start: k * slide,
            end: k * slide + size,
        })
        .filter(|w| w.start <= t && t < w.end)
        .collect()
}

/// Every window `[d, d + j·step)` of the period `d` of `t` holding `t`.
fn cumulative_brute_force(max: i64, step: i64, t: i64) -> Vec<Window> {
    let d = t.div_euclid(max) * max;
    (1..=max / step)
        .map(|j| Window {
            start: d,
            end: d + j * step,
        })
        .filter(|w| t < w.end)
        .collect()
}

#[test]
fn an_event_is_in_exactly_size_over_slide_sliding_windows() {
    for seed in 0..200u64 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let slide = rng.random_range(1..5_000i64);
        let per_event = rng.random_range(1..=100i64);
        let size = slide * per_event;
        let windows = Sliding::new(size, slide);
        for _ in 0..50 {
            let t = rng.random_range(-1_000_000..100_000_000i64);
            let ids: Vec<i64> = windows.windows_of(t).collect();
            assert_eq!(ids.len() as i64, per_event, "seed {seed}, t {t}");
            let got: Vec<Window> = ids.iter().map(|&id| windows.window_at(id)).collect();
            assert_eq!(
                got,
                sliding_brute_force(size, slide, t),
                "seed {seed}, size {size}, slide {slide}, t {t}"
            );
            assert_eq!(windows.assign(t), got[0], "seed {seed}, t {t}");
        }
    }
}

#[test]
fn a_cumulative_window_grows_by_steps_from_its_period_start() {
    for seed in 0..200u64 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let step = rng.random_range(1..5_000i64);
        let max = step * rng.random_range(1..=100i64);
        let windows = Cumulative::new(max, step);
        for _ in 0..50 {
            let t = rng.random_range(-1_000_000..100_000_000i64);
            let ids: Vec<i64> = windows.windows_of(t).collect();
            let got: Vec<Window> = ids.iter().map(|&id| windows.window_at(id)).collect();
            assert_eq!(
                got,
                cumulative_brute_force(max, step, t),
                "seed {seed}, max {max}, step {step}, t {t}"
            );
            // Ids are distinct and in end order: eviction splits state once.
            assert!(ids.windows(2).all(|p| p[0] < p[1]), "seed {seed}, t {t}");
        }
    }
}

/// Complete mode: with a watermark far behind the late data, nothing is
/// dropped or evicted, so once everything has arrived every streaming row
/// equals the truth, for every window kind.
#[test]
fn complete_mode_drops_and_evicts_nothing() {
    use bslab_engine::*;
    let kinds = [
        (WindowKind::Tumbling, 60_000, 0),
        (WindowKind::Sliding, 300_000, 60_000),
        (WindowKind::Cumulative, 3_600_000, 600_000),
    ];
    for seed in 0..3u64 {
        for (kind, size_ms, slide_ms) in kinds {
            let config = ExperimentConfig {
                seed,
                duration_ms: 3_600_000,
                workload: WorkloadConfig {
                    rate_eps: 5.0,
                    ..WorkloadConfig::default()
                },
                delay: DelayConfig {
                    late_fraction: 0.2,
                    late_mean_ms: 600_000.0,
                    ..DelayConfig::default()
                },
                window: WindowConfig {
                    kind,
                    size_ms,
                    slide_ms,
                    ..WindowConfig::default()
                },
                streaming: StreamingConfig {
                    watermark_delay_ms: 1_000,
                    output_mode: OutputMode::Complete,
                    ..StreamingConfig::default()
                },
                ..ExperimentConfig::default()
            };
            let label = format!("seed {seed}, {:?}", config.window);
            // The events of the first hour, run on until every late one has
            // arrived and been read.
            let run = ExperimentConfig {
                duration_ms: 12 * 3_600_000,
                ..config.clone()
            };
            let mut sim = Simulation::past_duration(&config, run).expect("valid");
            sim.step_until(12 * 3_600_000).expect("forward");
            let r = sim.report(ReportDetail::FULL);
            assert_eq!(r.in_transit, 0, "{label}");
            assert_eq!(r.streaming.dropped_late, 0, "{label}");
            assert_eq!(r.streaming.waiting, 0, "{label}");
            let rows = r.windows.unwrap_or_default();
            assert!(!rows.is_empty(), "{label}");
            for row in &rows {
                assert_eq!(row.streaming, Some(row.truth), "{label}: {row:?}");
            }
        }
    }
}
