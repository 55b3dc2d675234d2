//! Property tests over random valid configs: no panic, and every generated
//! event accounted for at every sample: generated = in transit + waiting +
//! processed + dropped late, for each pipeline.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;
use proptest::prelude::*;

mod common;

fn scenario() -> impl Strategy<Value = ScenarioConfig> {
    prop_oneof![
        (
            1u32..3_000,
            (2.0f64..12.0, 0.0f64..1.0),
            1i64..300_000,
            (0.0f64..0.5, 1i64..1_800_000)
        )
            .prop_map(
                |(
                    visitors,
                    (pages_per_visit, bounce_fraction),
                    think_ms,
                    (offline_fraction, offline_ms),
                )| {
                    ScenarioConfig::Web(WebConfig {
                        visitors,
                        pages_per_visit,
                        bounce_fraction,
                        think_ms,
                        offline_fraction,
                        offline_ms,
                    })
                }
            ),
        (1u32..20, 1i64..100_000).prop_map(|(categories, mean_amount_cents)| {
            ScenarioConfig::Sales(SalesConfig {
                categories,
                mean_amount_cents,
            })
        }),
        (1u32..200, 0.2f64..3.0).prop_map(|(posts, zipf_exponent)| ScenarioConfig::Social(
            SocialConfig {
                posts,
                zipf_exponent
            }
        )),
        (1u32..500, 1u32..10, 0.0f64..30.0, 1u32..30, 1i64..600_000).prop_map(
            |(cards, alert_threshold, bursts_per_hour, burst_transactions, burst_duration_ms)| {
                ScenarioConfig::Fraud(FraudConfig {
                    cards,
                    mean_amount_cents: 3_000,
                    alert_threshold,
                    bursts_per_hour,
                    burst_transactions,
                    burst_duration_ms,
                })
            }
        ),
        (
            1u32..500,
            0i64..500,
            1.0f64..30.0,
            1u32..30,
            (0.0f64..0.5, 1i64..1_800_000)
        )
            .prop_map(
                |(
                    sensors,
                    noise_centi,
                    anomalies_per_hour,
                    anomaly_readings,
                    (offline_fraction, offline_ms),
                )| {
                    ScenarioConfig::Iot(IotConfig {
                        sensors,
                        mean_centi: 2_000,
                        noise_centi,
                        alert_above_centi: 2_500,
                        anomalies_per_hour,
                        anomaly_readings,
                        anomaly_duration_ms: 120_000,
                        offline_fraction,
                        offline_ms,
                    })
                }
            ),
    ]
}

fn streaming() -> impl Strategy<Value = StreamingConfig> {
    let output = prop_oneof![
        Just(OutputMode::Append),
        Just(OutputMode::Update),
        Just(OutputMode::Complete)
    ];
    let mode = prop_oneof![
        (10i64..60_000, 0i64..5_000, 0.0f64..50_000.0, 1u32..8).prop_map(|(t, o, c, w)| {
            StreamingMode::MicroBatch {
                trigger_ms: t,
                batch_overhead_ms: o,
                per_event_cost_us: c,
                workers: w,
            }
        }),
        (
            1u32..8,
            prop_oneof![Just(ServiceTime::Fixed), Just(ServiceTime::Exponential)],
            bslab_engine::validate::MIN_SERVICE_MEAN_MS..2_000.0
        )
            .prop_map(|(w, s, m)| {
                StreamingMode::Continuous {
                    workers: w,
                    service: s,
                    service_mean_ms: m,
                }
            }),
    ];
    (mode, 0i64..600_000, output).prop_map(|(mode, watermark_delay_ms, output_mode)| {
        StreamingConfig {
            mode,
            watermark_delay_ms,
            output_mode,
            ..StreamingConfig::default()
        }
    })
}

prop_compose! {
    fn config()(
        seed in any::<u64>(),
        duration_min in 1i64..90,
        scenario in scenario(),
        rate in 0.1f64..60.0,
        burst in proptest::option::of((0i64..60, 1i64..30, 1.0f64..10.0)),
        diurnal in proptest::option::of((0.0f64..0.9, 0.0f64..24.0)),
        delay in (0.0f64..5_000.0, 0.0f64..5_000.0, 0.0f64..0.3, 0.0f64..900_000.0),
        window_s in prop_oneof![Just(1i64), Just(10), Just(60), Just(300)],
        // Tumbling, or sliding / cumulative with size = slide × 1..12.
        kind in (prop_oneof![Just(WindowKind::Tumbling), Just(WindowKind::Sliding), Just(WindowKind::Cumulative)], 1i64..12),
        batch in (1i64..4, 0i64..1_200_000, 0i64..300_000, 0.0f64..20_000.0, 1u32..16),
        streaming in streaming(),
        sample_s in 1i64..120,
    ) -> ExperimentConfig {
        let window = window_s * 1_000;
        let (kind, per_event) = kind;
        let slide = if kind == WindowKind::Tumbling { 0 } else { window };
        let size = if kind == WindowKind::Tumbling { window } else { window * per_event };
        ExperimentConfig {
            seed,
            duration_ms: duration_min * 60_000,
            sample_every_ms: sample_s * 1_000,
            scenario,
            workload: WorkloadConfig {
                rate_eps: rate,
                daily_profile: diurnal.map_or(DailyProfile::Flat, |(amplitude, peak_hour)| DailyProfile::Diurnal { amplitude, peak_hour }),
                bursts: burst
                    .filter(|b| b.0 < duration_min)
                    .map(|(start, len, multiplier)| vec![Burst { start_ms: start * 60_000, duration_ms: len * 60_000, multiplier }])
                    .unwrap_or_default(),
            },
            delay: DelayConfig { mean_ms: delay.0, jitter_ms: delay.1, late_fraction: delay.2, late_mean_ms: delay.3 },
            window: WindowConfig { kind, size_ms: size, slide_ms: slide, ..WindowConfig::default() },
            batch: BatchConfig {
                interval_ms: batch.0 * 600_000,
                offset_ms: batch.1,
                startup_ms: batch.2,
                per_event_cost_us: batch.3,
                workers: batch.4,
            },
            streaming,
        }
    }
}

fn accounted(generated: u64, in_transit: u64, p: &PipelineSample) -> bool {
    generated == in_transit + p.waiting + p.processed + p.dropped_late
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn conservation_at_every_sample(config in config(), steps in proptest::collection::vec(1i64..400_000, 1..20)) {
        prop_assume!(config.validate().is_ok());
        let mut sim = Simulation::new(config.clone()).expect("validated");
        // Step in uneven pieces, as the browser does, then to the end.
        let mut t = 0;
        for s in steps {
            t += s;
            sim.step_until(t).expect("forward");
            let live = sim.live();
            prop_assert_eq!(live.generated, live.in_transit + live.batch.waiting + live.batch.processed + live.batch.dropped_late, "batch at {} ms, seed {}", live.t_ms, config.seed);
            prop_assert_eq!(live.generated, live.in_transit + live.streaming.waiting + live.streaming.processed + live.streaming.dropped_late, "streaming at {} ms, seed {}", live.t_ms, config.seed);
        }
        sim.step_until(config.duration_ms).expect("forward");
        for s in sim.samples() {
            prop_assert!(accounted(s.generated, s.in_transit, &s.batch), "batch sample at {} ms, seed {}: {:?}", s.t_ms, config.seed, s);
            prop_assert!(accounted(s.generated, s.in_transit, &s.streaming), "streaming sample at {} ms, seed {}: {:?}", s.t_ms, config.seed, s);
        }
        let r = sim.report(ReportDetail::FULL);
        prop_assert_eq!(r.generated, r.in_transit + r.batch.waiting + r.batch.processed + r.batch.dropped_late);
        prop_assert_eq!(r.generated, r.in_transit + r.streaming.waiting + r.streaming.processed + r.streaming.dropped_late);
        // Latency is scored per published (event, window): up to windows-per-event
        // per event read (an event is processed once its last window is published).
        let per_event = config.window.windows_per_event() as u64;
        prop_assert!(r.batch.latency_ms.count <= (r.batch.processed + r.batch.waiting) * per_event, "seed {}", config.seed);
        prop_assert!(r.batch.busy_worker_s <= r.batch.provisioned_worker_s + 1e-6);
        prop_assert!(r.streaming.busy_worker_s <= r.streaming.provisioned_worker_s + 1e-6);
    }

    /// Arbitrary (mostly invalid) numbers: the engine rejects or runs, never panics.
    #[test]
    fn arbitrary_numbers_never_panic(
        rate in prop_oneof![any::<f64>(), -10.0f64..1e7],
        duration in prop_oneof![any::<i64>(), -10i64..10_000_000],
        window in any::<i64>(),
        interval in any::<i64>(),
        trigger in any::<i64>(),
        late in any::<f64>(),
        wm in any::<i64>(),
    ) {
        let config = ExperimentConfig {
            duration_ms: duration,
            workload: WorkloadConfig { rate_eps: rate, ..WorkloadConfig::default() },
            delay: DelayConfig { late_fraction: late, ..DelayConfig::default() },
            window: WindowConfig { size_ms: window, ..WindowConfig::default() },
            batch: BatchConfig { interval_ms: interval, ..BatchConfig::default() },
            streaming: StreamingConfig {
                watermark_delay_ms: wm,
                ..common::micro_batch(trigger, 0, 10.0, 1, 0, OutputMode::Update)
            },
            ..ExperimentConfig::default()
        };
        if let Ok(mut sim) = Simulation::new(config) {
            // Valid by chance: a short piece must run.
            sim.step_until(sim.now() + 60_000).expect("forward");
        }
    }
}
