//! Breadth is cheap: a scenario and a window kind defined here, in test code
//! alone, run through both pipelines with nothing else changed, and obey the
//! engine's oracle (with no late data and ample capacity, every final window of
//! batch and streaming equals the ground truth). `docs/architecture.md` gives
//! the recipe that turns each into a built-in one.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::sync::Arc;

use bslab_engine::scenario::{
    Column, ColumnType, EventSchema, Field, GroupKey, Query, Scenario, ScenarioKind,
};
use bslab_engine::window::{Tumbling, Window, WindowAssigner};
use bslab_engine::*;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

mod common;

const SENSORS: u32 = 8;
const HOUR: TimeMs = 3_600_000;

/// IoT monitoring: sensors sending temperature readings (centi-degrees in
/// `amount_cents`); the query counts and sums readings per sensor per window.
#[derive(Debug)]
struct Iot;

impl ScenarioKind for Iot {
    fn name(&self) -> &'static str {
        "iot"
    }
    fn key_space(&self) -> u32 {
        SENSORS
    }
    fn payload_space(&self) -> (u32, u8) {
        (SENSORS, 1)
    }
    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        event.entity = rng.random_range(0..SENSORS);
        event.detail = 0;
        event.amount_cents = rng.random_range(1_500..3_500);
    }
    fn decode_key(&self, key: u32) -> GroupKey {
        GroupKey::Card { card_id: key }
    }
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("sensor_id", ColumnType::Int, Field::Entity),
            Column::new("reading_centi_c", ColumnType::Long, Field::Amount),
        ]
    }
    fn query(&self) -> Query {
        Query {
            keys: &["sensor_id"],
            amount: Some("reading_centi_c"),
            count_above: None,
            max_above: None,
        }
    }
}

/// Uneven windows that repeat every hour: [0, 10 min), [10, 30 min), [30, 60 min).
/// They tile event time and align with hourly batch periods.
#[derive(Debug)]
struct Uneven;

const BOUNDS_MIN: [i64; 4] = [0, 10, 30, 60];

impl WindowAssigner for Uneven {
    fn assign(&self, t: TimeMs) -> Window {
        let hour = t.div_euclid(HOUR) * HOUR;
        let minute = (t - hour) / 60_000;
        let i = BOUNDS_MIN.iter().rposition(|&b| b <= minute).unwrap_or(0);
        self.window_at(hour + BOUNDS_MIN[i] * 60_000)
    }
    fn window_at(&self, start: TimeMs) -> Window {
        let hour = start.div_euclid(HOUR) * HOUR;
        let minute = (start - hour) / 60_000;
        let i = BOUNDS_MIN.iter().position(|&b| b == minute).unwrap_or(0);
        Window {
            start,
            end: hour + BOUNDS_MIN[i + 1] * 60_000,
        }
    }
    fn max_length_ms(&self) -> TimeMs {
        30 * 60_000
    }
}

/// An on-time, ample-capacity experiment (the config's scenario and window
/// fields only pass validation: the parts given to the simulation replace them).
fn config(seed: u64, streaming: StreamingConfig) -> ExperimentConfig {
    ExperimentConfig {
        seed,
        duration_ms: 3 * HOUR,
        sample_every_ms: 60_000,
        workload: WorkloadConfig {
            rate_eps: 5.0,
            ..WorkloadConfig::default()
        },
        delay: common::on_time_delay(),
        batch: common::hourly_batch(),
        streaming,
        ..ExperimentConfig::default()
    }
}

fn streaming_modes() -> Vec<StreamingConfig> {
    let mut continuous = common::continuous(10, ServiceTime::Exponential, 100.0);
    continuous.watermark_delay_ms = 5_000;
    vec![
        common::micro_batch(2_000, 100, 50.0, 2, 5_000, OutputMode::Append),
        common::micro_batch(2_000, 100, 50.0, 2, 5_000, OutputMode::Update),
        continuous,
    ]
}

/// Runs `parts` and checks the oracle; returns the final windows compared.
fn final_windows(
    config: ExperimentConfig,
    scenario: Arc<dyn ScenarioKind>,
    windows: Arc<dyn WindowAssigner>,
) -> Vec<WindowRow> {
    let label = format!("seed {}, {:?}", config.seed, config.streaming);
    let mut sim = Simulation::with_parts(config, scenario, windows).expect("valid");
    sim.step_until(sim.config().duration_ms).expect("forward");
    let report = sim.report(ReportDetail::FULL);
    assert_eq!(
        report.generated,
        report.in_transit
            + report.streaming.waiting
            + report.streaming.processed
            + report.streaming.dropped_late,
        "{label}: conservation"
    );
    assert_eq!(report.streaming.dropped_late, 0, "{label}");
    let horizon = report
        .batch_runs
        .iter()
        .flatten()
        .map(|r| r.period_start_ms + HOUR)
        .max()
        .unwrap_or(0);
    let rows: Vec<WindowRow> = report
        .windows
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.window_end_ms <= horizon)
        .collect();
    assert!(rows.len() > 10, "{label}: {} final windows", rows.len());
    for row in &rows {
        assert_eq!(row.batch, Some(row.truth), "{label}: batch at {row:?}");
        assert_eq!(
            row.streaming,
            Some(row.truth),
            "{label}: streaming at {row:?}"
        );
    }
    rows
}

#[test]
fn a_scenario_defined_in_a_test_runs_through_both_pipelines() {
    for seed in 0..3 {
        for streaming in streaming_modes() {
            let rows = final_windows(
                config(seed, streaming),
                Arc::new(Iot),
                Arc::new(Tumbling::new(60_000)),
            );
            let sensors: BTreeSet<u32> = rows
                .iter()
                .map(|r| match r.key {
                    GroupKey::Card { card_id } => card_id,
                    ref other => panic!("seed {seed}: not a sensor: {other:?}"),
                })
                .collect();
            assert_eq!(
                sensors,
                (0..SENSORS).collect(),
                "seed {seed}: every sensor reports"
            );
            // Readings are 15.00 to 34.99 °C: every window's mean is in range.
            for r in &rows {
                let mean = r.truth.sum_cents / r.truth.count as i64;
                assert!((1_500..3_500).contains(&mean), "seed {seed}: {r:?}");
            }
        }
    }
}

#[test]
fn a_scenario_defined_in_a_test_has_its_event_files_read_back() {
    let schema = EventSchema::new(&Scenario::from_kind(Arc::new(Iot)));
    assert_eq!(
        schema.header(),
        "event_id,event_time_ms,arrival_time_ms,sensor_id,reading_centi_c"
    );
    let event = Event {
        id: 3,
        event_time_ms: 1_000,
        arrival_time_ms: 1_250,
        entity: 5,
        detail: 0,
        amount_cents: 2_217,
    };
    let mut line = Vec::new();
    schema.write_csv(&mut line, &event);
    assert_eq!(line, b"3,1000,1250,5,2217\n");
    let text = String::from_utf8(line).expect("ASCII");
    assert_eq!(schema.read_csv(text.trim_end()), Some(event));
    assert_eq!(schema.read_csv("3,1000,1250,five,2217"), None);
}

#[test]
fn a_window_kind_defined_in_a_test_shapes_every_window() {
    for seed in 0..3 {
        for streaming in streaming_modes() {
            let sales = scenario::kind(&ScenarioConfig::default());
            let rows = final_windows(config(seed, streaming), sales, Arc::new(Uneven));
            let shapes: BTreeSet<(TimeMs, TimeMs)> = rows
                .iter()
                .map(|r| {
                    (
                        r.window_start_ms % HOUR,
                        r.window_end_ms - r.window_start_ms,
                    )
                })
                .collect();
            let expected: BTreeSet<(TimeMs, TimeMs)> = [
                (0, 10 * 60_000),
                (10 * 60_000, 20 * 60_000),
                (30 * 60_000, 30 * 60_000),
            ]
            .into();
            assert_eq!(shapes, expected, "seed {seed}");
        }
    }
}
