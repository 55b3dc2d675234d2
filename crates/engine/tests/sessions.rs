//! Property tests of session windows over a seed sweep of web-traffic-like
//! page views (visitors as keys, visits of several pages separated by pauses,
//! delays in transit): sessions partition each key's events, no two sessions of
//! a key are within the gap, every event is accounted for under Spark's
//! micro-batch rule, and with no late data the streaming sessions equal the
//! batch ones and a ground truth computed independently (sort, split on pauses
//! longer than the gap). Every failure message names its seed.

use std::collections::BTreeMap;

use bslab_engine::time::TimeMs;
use bslab_engine::window::{sessionize, MicroBatchSessions, SessionRow};

mod page_views;
use page_views::{page_views, View, GAP_MS};

const SEEDS: u64 = 200;

/// Sessions as (start, key) → (end, count, sum).
type Sessions = BTreeMap<(TimeMs, u32), (TimeMs, u64, i64)>;

/// Sessions by a different method than the engine's: per key, sort by event
/// time and cut where the pause is longer than the gap. (start, key) → (end, count, sum).
fn ground_truth(views: &[View]) -> Sessions {
    let mut by_key: BTreeMap<u32, Vec<(TimeMs, i64)>> = BTreeMap::new();
    for v in views {
        by_key.entry(v.row.0).or_default().push((v.row.1, v.row.2));
    }
    let mut out = BTreeMap::new();
    for (key, mut events) in by_key {
        events.sort_unstable();
        let mut current: Option<(TimeMs, TimeMs, u64, i64)> = None;
        for (t, amount) in events {
            current = match current {
                Some((start, last, n, sum)) if t - last <= GAP_MS => {
                    Some((start, t, n + 1, sum + amount))
                }
                other => {
                    if let Some((start, last, n, sum)) = other {
                        out.insert((start, key), (last + GAP_MS, n, sum));
                    }
                    Some((t, t, 1, amount))
                }
            };
        }
        if let Some((start, last, n, sum)) = current {
            out.insert((start, key), (last + GAP_MS, n, sum));
        }
    }
    out
}

/// Replays the views in micro-batches of `trigger_ms` of arrival time, then
/// no-data batches while the watermark moves. Returns the state, the emitted
/// sessions and the rows dropped.
fn stream(
    views: &[View],
    trigger_ms: TimeMs,
    delay_ms: TimeMs,
    seed: u64,
) -> (MicroBatchSessions, Sessions, u64) {
    let mut m = MicroBatchSessions::new(GAP_MS, delay_ms);
    let mut emitted = BTreeMap::new();
    let mut dropped = 0;
    let mut i = 0;
    let mut now = 0;
    let mut batches = 0;
    while i < views.len() || m.needs_batch() {
        now += trigger_ms;
        let rows: Vec<SessionRow> = views[i..]
            .iter()
            .take_while(|v| v.arrival_ms < now)
            .map(|v| v.row)
            .collect();
        i += rows.len();
        if rows.is_empty() && !m.needs_batch() {
            continue;
        }
        let wm_before = m.watermark_ms();
        let batch = m.run_batch(&rows);
        batches += 1;
        assert!(batches < 100_000, "seed {seed}: the replay does not end");
        dropped += batch.dropped_rows;
        for (key, s) in batch.emitted {
            assert!(
                s.end <= wm_before,
                "seed {seed}: session {s:?} emitted before the watermark {wm_before} passed it"
            );
            let previous = emitted.insert((s.start, key), (s.end, s.agg.count, s.agg.sum_cents));
            assert!(
                previous.is_none(),
                "seed {seed}: session {s:?} emitted twice"
            );
        }
        // State holds open sessions only: each ends after the watermark that closed the rest.
        let open = m.open();
        assert_eq!(open.len(), m.open_sessions(), "seed {seed}: open count");
        for (key, s) in open {
            assert!(
                s.end > wm_before,
                "seed {seed}: key {key} keeps {s:?}, closed by the watermark {wm_before}"
            );
        }
    }
    (m, emitted, dropped)
}

#[test]
fn sessions_partition_each_keys_events_and_are_further_apart_than_the_gap() {
    for seed in 0..SEEDS {
        let views = page_views(seed, 20, 0);
        let rows: Vec<SessionRow> = views.iter().map(|v| v.row).collect();
        let sessions = sessionize(&rows, GAP_MS);
        for &(key, t, _) in &rows {
            let holding = sessions
                .iter()
                .filter(|((_, k), s)| *k == key && s.start <= t && t + GAP_MS <= s.end)
                .count();
            assert_eq!(
                holding, 1,
                "seed {seed}: event ({key}, {t}) in {holding} sessions"
            );
        }
        let total: u64 = sessions.values().map(|s| s.agg.count).sum();
        assert_eq!(total, rows.len() as u64, "seed {seed}: events in sessions");
        let mut last_end: BTreeMap<u32, TimeMs> = BTreeMap::new();
        for (&(start, key), s) in &sessions {
            if let Some(&end) = last_end.get(&key) {
                assert!(
                    start > end,
                    "seed {seed}: key {key}: a session starts at {start}, within the gap of \
                     the previous one (its last event + gap = {end})"
                );
            }
            last_end.insert(key, s.end);
        }
    }
}

#[test]
fn batch_sessions_equal_an_independent_ground_truth() {
    for seed in 0..SEEDS {
        let views = page_views(seed, 20, 0);
        let rows: Vec<SessionRow> = views.iter().map(|v| v.row).collect();
        let batch: BTreeMap<_, _> = sessionize(&rows, GAP_MS)
            .into_iter()
            .map(|(k, s)| (k, (s.end, s.agg.count, s.agg.sum_cents)))
            .collect();
        assert_eq!(batch, ground_truth(&views), "seed {seed}");
    }
}

#[test]
fn every_page_view_is_emitted_held_or_dropped_under_late_data() {
    for seed in 0..SEEDS {
        // Delays up to 3 minutes against a 1-minute watermark delay: many late rows.
        let views = page_views(seed, 20, 180_000);
        let (m, emitted, dropped) = stream(&views, 10_000, 60_000, seed);
        let in_emitted: u64 = emitted.values().map(|e| e.1).sum();
        let in_open: u64 = m.open().iter().map(|(_, s)| s.agg.count).sum();
        assert_eq!(
            in_emitted + in_open + dropped,
            views.len() as u64,
            "seed {seed}: emitted {in_emitted} + open {in_open} + dropped {dropped}"
        );
    }
}

#[test]
fn with_no_late_data_streaming_sessions_equal_batch_and_ground_truth() {
    for seed in 0..SEEDS {
        // Every delay is below the watermark delay: no row is late.
        let views = page_views(seed, 20, 20_000);
        let (m, mut sessions, dropped) = stream(&views, 5_000, 20_000, seed);
        assert_eq!(dropped, 0, "seed {seed}: no row should be late");
        for (key, s) in m.open() {
            sessions.insert((s.start, key), (s.end, s.agg.count, s.agg.sum_cents));
        }
        let rows: Vec<SessionRow> = views.iter().map(|v| v.row).collect();
        let batch: BTreeMap<_, _> = sessionize(&rows, GAP_MS)
            .into_iter()
            .map(|(k, s)| (k, (s.end, s.agg.count, s.agg.sum_cents)))
            .collect();
        assert_eq!(sessions, batch, "seed {seed}: streaming vs batch");
        assert_eq!(
            sessions,
            ground_truth(&views),
            "seed {seed}: streaming vs truth"
        );
    }
}

#[test]
fn a_late_page_view_merges_two_open_sessions() {
    // Visitor 0 reads at 0 s and 40 s (two sessions, gap 30 s); the view at
    // 20 s arrives late, while both are still open, and joins them.
    let mut m = MicroBatchSessions::new(GAP_MS, 60_000);
    assert_eq!(m.run_batch(&[(0, 0, 1), (0, 40_000, 1)]).merging_rows, 0);
    assert_eq!(m.open_sessions(), 2);
    assert_eq!(m.run_batch(&[(0, 20_000, 1)]).merging_rows, 1);
    let open: Vec<_> = m
        .open()
        .into_iter()
        .map(|(_, s)| (s.start, s.end, s.agg.count))
        .collect();
    assert_eq!(open, [(0, 70_000, 3)]);
}
