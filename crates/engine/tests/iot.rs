//! The IoT scenario over a seed sweep: offline devices upload their readings
//! together when they reconnect, anomalies trip the rule, every event is
//! accounted for, and alerts are scored consistently.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

fn config(seed: u64) -> ExperimentConfig {
    let mut c = presets::by_name("iot-offline-sensors")
        .expect("the IoT preset")
        .config;
    c.seed = seed;
    c.duration_ms = 90 * 60_000;
    c.workload.rate_eps = 10.0;
    if let ScenarioConfig::Iot(iot) = &mut c.scenario {
        iot.offline_fraction = 0.2;
        iot.anomalies_per_hour = 10.0;
    }
    c
}

/// An offline reading arrives at its slot's end plus a normal delay; an
/// online one within the normal delays; anomalous readings are above the
/// threshold; and readings of one offline slot of one sensor arrive together.
#[test]
fn offline_readings_arrive_together_when_the_sensor_reconnects() {
    for seed in 0..6 {
        let c = config(seed);
        let ScenarioConfig::Iot(IotConfig {
            alert_above_centi, ..
        }) = c.scenario
        else {
            unreachable!("the IoT preset")
        };
        let outages = scenario::kind(&c.scenario)
            .outages()
            .unwrap_or_else(|| panic!("seed {seed}: outages configured"));
        let normal_max = 5_000; // 500 ms mean + 200 ms jitter: far below 5 s
        let (mut offline, mut anomalous) = (0u64, 0u64);
        for e in events(&c).expect("valid") {
            let (start, off) = outages.slot(c.seed, e.entity, e.event_time_ms);
            let delay = e.arrival_time_ms - e.event_time_ms;
            if off {
                offline += 1;
                let reconnect = start + outages.slot_ms;
                assert!(
                    (reconnect..reconnect + normal_max).contains(&e.arrival_time_ms),
                    "seed {seed}: offline {e:?} arrived before reconnecting at {reconnect}"
                );
            } else {
                assert!(
                    (0..normal_max).contains(&delay),
                    "seed {seed}: online {e:?}"
                );
            }
            if e.detail == 1 {
                anomalous += 1;
                assert!(e.amount_cents > alert_above_centi, "seed {seed}: {e:?}");
            }
        }
        assert!(offline > 0, "seed {seed}: no offline reading");
        assert!(anomalous > 0, "seed {seed}: no anomaly");
    }
}

/// Every event accounted for in both pipelines, and the alert scores add up.
#[test]
fn conservation_and_alert_scores_over_seeds() {
    for seed in 0..6 {
        let c = config(seed);
        let mut sim = Simulation::new(c.clone()).expect("valid");
        sim.step_until(c.duration_ms).expect("forward");
        let r = sim.report(ReportDetail::default());
        for (name, p) in [("batch", &r.batch), ("streaming", &r.streaming)] {
            assert_eq!(
                r.generated,
                r.in_transit + p.processed + p.waiting + p.dropped_late,
                "seed {seed}: {name} loses events"
            );
        }
        let alerts = r.alerts.as_ref().expect("an IoT report scores alerts");
        assert!(r.fraud.is_none(), "seed {seed}: no fraud section for IoT");
        let n = alerts.anomalies.len() as u32;
        type Pick = fn(&AnomalyReport) -> Option<i64>;
        let pipelines: [(&str, AlertScore, Pick); 2] = [
            ("batch", alerts.batch, |a| a.batch_alert_ms),
            ("streaming", alerts.streaming, |a| a.streaming_alert_ms),
        ];
        for (name, s, at) in pipelines {
            assert_eq!(s.alerted + s.missed, n, "seed {seed}: {name}");
            let times: Vec<i64> = alerts
                .anomalies
                .iter()
                .filter_map(|a| at(a).map(|t| t - a.start_ms))
                .collect();
            assert_eq!(times.len() as u32, s.alerted, "seed {seed}: {name}");
            assert!(
                times.iter().all(|&t| t >= 0),
                "seed {seed}: {name} alerted before the anomaly"
            );
            if let Some(p) = s.time_to_alert_ms {
                assert_eq!(Some(&p.max), times.iter().max(), "seed {seed}: {name}");
                assert!(
                    p.p50 <= p.p99 && p.p99 <= p.max,
                    "seed {seed}: {name} {p:?}"
                );
            }
        }
        // Streaming publishes within seconds of arrival; batch waits for its run.
        if let (Some(s), Some(b)) = (
            alerts.streaming.time_to_alert_ms,
            alerts.batch.time_to_alert_ms,
        ) {
            assert!(s.p50 < b.p50, "seed {seed}: streaming {s:?}, batch {b:?}");
        }
    }
}
