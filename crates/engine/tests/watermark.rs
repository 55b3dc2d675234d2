//! A hand-worked micro-batch example: which late rows are dropped, and when
//! append mode emits each window (Spark Structured Streaming semantics).
//!
//! Trigger every 10 s, no cost; tumbling windows of 10 s; watermark delay 5 s.
//! Batch k reads what arrived up to its start; its watermark is
//! max(event time of batches before k) − 5 s; a row is dropped when its
//! window's end ≤ the watermark of the *previous* batch; append mode emits a
//! window in the first batch whose watermark ≥ its end.
//!
//! | event | event time | arrives | read by batch (starts) | window  | fate                          |
//! |-------|-----------:|--------:|------------------------|---------|-------------------------------|
//! | e1    |  1 s       |  2 s    | 0 (10 s), wm 0         | [0,10)  | kept                          |
//! | e2    |  8 s       |  9 s    | 0 (10 s), wm 0         | [0,10)  | kept                          |
//! | e3    | 12 s       | 13 s    | 1 (20 s), wm 8−5 = 3   | [10,20) | kept                          |
//! | e4    |  3 s       | 15 s    | 1 (20 s), late wm 0    | [0,10)  | kept (10 > 0)                 |
//! | e5    | 26 s       | 27 s    | 2 (30 s), wm 12−5 = 7  | [20,30) | kept                          |
//! | e6    |  4 s       | 28 s    | 2 (30 s), late wm 3    | [0,10)  | kept (10 > 3)                 |
//! | e7    |  9 s       | 35 s    | 3 (40 s), wm 26−5 = 21 | [0,10)  | kept (10 > late wm 7)         |
//! | e8    | 33 s       | 36 s    | 3 (40 s)               | [30,40) | kept                          |
//! | e9    |  5 s       | 45 s    | 4 (50 s), wm 33−5 = 28 | [0,10)  | DROPPED (10 ≤ late wm 21)     |
//! | e10   | 19 s       | 46 s    | 4 (50 s)               | [10,20) | DROPPED (20 ≤ 21)             |
//! | e11   | 20.5 s     | 47 s    | 4 (50 s)               | [20,30) | kept: event time < 21 but end 30 > 21 |
//! | e12   | 41 s       | 55 s    | 5 (60 s), wm 28        | [40,50) | kept                          |
//!
//! Emissions (append): batch 3 (wm 21) emits [0,10) with 5 rows (e1 e2 e4 e6 e7)
//! and [10,20) with 1 (e3); batch 6 at 70 s is a no-data batch (max event time
//! 41 ⇒ wm 36 > 28) and emits [20,30) with 2 (e5 e11). [30,40) and [40,50) stay
//! open: the watermark (36) has not reached their ends.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::*;

mod common;

const S: i64 = 1_000;

fn event(event_time_ms: i64, arrival_time_ms: i64) -> Event {
    Event {
        id: 0,
        event_time_ms,
        arrival_time_ms,
        entity: 0,
        detail: 0,
        amount_cents: 100,
    }
}

fn example(output: OutputMode) -> Report {
    let config = ExperimentConfig {
        duration_ms: 100 * S,
        sample_every_ms: 10 * S,
        scenario: ScenarioConfig::Sales(SalesConfig {
            categories: 1,
            mean_amount_cents: 100,
        }),
        window: WindowConfig {
            size_ms: 10 * S,
            ..WindowConfig::default()
        },
        streaming: common::micro_batch(10 * S, 0, 0.0, 1, 5 * S, output),
        ..ExperimentConfig::default()
    };
    let events = vec![
        event(S, 2 * S),
        event(8 * S, 9 * S),
        event(12 * S, 13 * S),
        event(3 * S, 15 * S),
        event(26 * S, 27 * S),
        event(4 * S, 28 * S),
        event(9 * S, 35 * S),
        event(33 * S, 36 * S),
        event(5 * S, 45 * S),
        event(19 * S, 46 * S),
        event(20_500, 47 * S),
        event(41 * S, 55 * S),
    ];
    let mut sim = Simulation::with_events(config, events).expect("valid example");
    sim.step_until(100 * S).expect("forward");
    sim.report(ReportDetail::FULL)
}

#[test]
fn watermarks_drops_and_batches() {
    let r = example(OutputMode::Append);
    let log = r.micro_batches.expect("runs detail");
    let summary: Vec<(i64, u64, u64, i64)> = log
        .iter()
        .map(|b| (b.start_ms / S, b.input_rows, b.dropped_rows, b.watermark_ms))
        .collect();
    // e9 and e10 fall in two different windows: Spark would report 2 dropped groups too.
    assert_eq!(log.iter().map(|b| b.dropped_groups).sum::<u64>(), 2);
    assert_eq!(
        summary,
        vec![
            (10, 2, 0, 0),
            (20, 2, 0, 3 * S),
            (30, 2, 0, 7 * S),
            (40, 2, 0, 21 * S),
            (50, 3, 2, 28 * S),
            (60, 1, 0, 28 * S),
            (70, 0, 0, 36 * S),
        ]
    );
    assert_eq!(r.streaming.dropped_late, 2);
    assert_eq!(r.streaming.processed, 10);
    assert_eq!(r.streaming.watermark_ms, Some(36 * S));
}

#[test]
fn append_emits_each_window_once_when_the_watermark_passes_its_end() {
    let r = example(OutputMode::Append);
    let rows = r.windows.expect("windows detail");
    let published: Vec<(i64, u64, Option<i64>)> = rows
        .iter()
        .filter_map(|w| {
            w.streaming.map(|s| {
                (
                    w.window_start_ms / S,
                    s.count,
                    w.streaming_first_ms.map(|t| t / S),
                )
            })
        })
        .collect();
    // Batches cost nothing, so each is published at its start instant.
    assert_eq!(
        published,
        vec![(0, 5, Some(40)), (10, 1, Some(40)), (20, 2, Some(70))]
    );
    // Truth counts everything, including the two dropped rows.
    let truth: Vec<(i64, u64)> = rows
        .iter()
        .map(|w| (w.window_start_ms / S, w.truth.count))
        .collect();
    assert_eq!(truth, vec![(0, 6), (10, 2), (20, 2), (30, 1), (40, 1)]);
}

#[test]
fn update_mode_drops_the_same_rows_and_publishes_every_change() {
    let r = example(OutputMode::Update);
    assert_eq!(r.streaming.dropped_late, 2);
    let rows = r.windows.expect("windows detail");
    let first: Vec<(i64, Option<i64>)> = rows
        .iter()
        .map(|w| (w.window_start_ms / S, w.streaming_first_ms.map(|t| t / S)))
        .collect();
    // In update mode a window is published by the first batch that reads it.
    assert_eq!(
        first,
        vec![
            (0, Some(10)),
            (10, Some(20)),
            (20, Some(30)),
            (30, Some(40)),
            (40, Some(60))
        ]
    );
    let counts: Vec<u64> = rows
        .iter()
        .filter_map(|w| w.streaming.map(|s| s.count))
        .collect();
    assert_eq!(counts, vec![5, 1, 2, 1, 1]);
}
