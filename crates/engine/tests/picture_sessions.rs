//! The event-time picture of session windows and of Flink's allowed lateness:
//! every session of the events in view is counted and those of the keys shown
//! drawn, a key's sessions never overlap, merges are marked inside their
//! session; a fired window still taking late events is "accepting", and
//! "closed" only once the watermark passed its end plus the allowed lateness.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::event_time::{self, EventTimePicture, WindowStage, SHOWN_KEYS};
use bslab_engine::*;

/// The picture of `preset` (seed `seed`) at each of `instants` (minutes).
fn pictures(preset: &str, seed: u64, instants: &[i64]) -> Vec<EventTimePicture> {
    let mut config = presets::by_name(preset).expect("preset").config;
    config.seed = seed;
    let limits = RecentLimits {
        span_ms: event_time::picture_span_ms(&config),
        max_events: RecentLimits::APP_MAX_EVENTS,
    };
    let mut sim = Simulation::with_recent(config, limits).expect("valid");
    instants
        .iter()
        .map(|&m| {
            sim.step_until(m * 60_000).expect("forward");
            sim.event_time_picture(event_time::MAX_MARKS)
                .expect("recorded")
        })
        .collect()
}

#[test]
fn sessions_are_banded_per_key_shown_and_merges_marked() {
    let mut merges = 0;
    for preset in ["sales-sessions", "web-traffic-sessions"] {
        for seed in [1, 5] {
            let instants: Vec<i64> = (2..=18).map(|i| i * 10).collect();
            for p in pictures(preset, seed, &instants) {
                let what = format!("{preset} seed {seed} at {}", p.counts.t_ms);
                let c = p.counts;
                let stages = c.open + c.fired + c.accepting + c.closed;
                assert!(stages > 0, "{what}: sessions counted");
                assert!(!p.bands.is_empty(), "{what}: sessions drawn");
                assert!(p.session_keys.len() <= SHOWN_KEYS, "{what}");
                assert_eq!(p.session_keys.len(), p.session_groups.len(), "{what}");
                assert!(p.bands.len() as u64 <= stages, "{what}");
                for b in &p.bands {
                    let key = b.key.expect("a session band has its key");
                    assert!(p.session_keys.contains(&key), "{what}: {b:?}");
                    assert!(b.start_ms < b.end_ms, "{what}: {b:?}");
                    if let Some(at) = b.merged_at_ms {
                        merges += 1;
                        assert!(
                            (b.start_ms..b.end_ms).contains(&at),
                            "{what}: the merge is inside its session: {b:?}"
                        );
                    }
                    // Closed only once the watermark (of the last finished
                    // micro-batch, at most the current one) passed its end.
                    assert!(
                        b.stage != WindowStage::Closed || b.end_ms <= c.watermark_ms,
                        "{what}: {b:?}"
                    );
                }
                for &k in &p.session_keys {
                    let of_key: Vec<_> = p.bands.iter().filter(|b| b.key == Some(k)).collect();
                    assert!(!of_key.is_empty(), "{what}: key {k} shown has a session");
                    assert!(
                        of_key.windows(2).all(|w| w[0].end_ms < w[1].start_ms),
                        "{what}: key {k}'s sessions never overlap nor touch"
                    );
                }
            }
        }
    }
    assert!(merges > 0, "a late event joined two sessions somewhere");
}

#[test]
fn flink_windows_accept_late_events_until_end_plus_allowed_lateness() {
    let config = presets::by_name("late-data-spark-vs-flink")
        .expect("preset")
        .config;
    let lateness = config.streaming.flink.allowed_lateness_ms;
    assert!(lateness > 0, "the preset allows lateness");
    let mut accepting = 0;
    for p in pictures("late-data-spark-vs-flink", 42, &[10, 20, 30, 45, 60]) {
        let c = p.counts;
        accepting += c.accepting;
        assert_eq!(
            c.accepting,
            p.bands
                .iter()
                .filter(|b| b.stage == WindowStage::Accepting)
                .count() as u64
        );
        for b in &p.bands {
            let closed = b.end_ms + lateness <= c.watermark_ms;
            let fired = b.end_ms <= c.watermark_ms;
            let expected: &[WindowStage] = match (closed, fired) {
                (true, _) => &[WindowStage::Closed],
                (false, true) => &[WindowStage::Accepting],
                (false, false) => &[WindowStage::Open, WindowStage::Fired],
            };
            assert!(expected.contains(&b.stage), "at {}: {b:?}", c.t_ms);
        }
    }
    assert!(accepting > 0, "windows seen accepting late events");
}

/// A picture built in parts (as the app spreads it over frames) is the picture built at
/// once, whatever the parts; a build the simulation moved past is refused, not finished.
#[test]
fn a_picture_built_in_parts_is_the_picture_built_at_once() {
    for preset in [
        "late-data-spark-vs-flink",
        "sales-sessions",
        "batch-late-but-cheap",
    ] {
        let mut config = presets::by_name(preset).expect("preset").config;
        config.duration_ms = config.duration_ms.min(90 * 60_000);
        let limits = RecentLimits {
            span_ms: event_time::picture_span_ms(&config),
            max_events: RecentLimits::APP_MAX_EVENTS,
        };
        let mut sim = Simulation::with_recent(config, limits).expect("valid");
        for (minute, parts) in [(20, [1, 7, 1_000]), (45, [0, 5_000, 1]), (80, [3, 3, 3])] {
            sim.step_until(minute * 60_000).expect("forward");
            let at_once = sim.event_time_picture(event_time::MAX_MARKS);
            let mut build = sim
                .start_event_time_picture(event_time::MAX_MARKS)
                .expect("recorded");
            let n = build.remaining();
            assert!(n > 10, "{preset} at {minute} min: {n} arrivals in view");
            for n in parts {
                assert!(sim.continue_event_time_picture(&mut build, n));
            }
            let early = sim.start_event_time_picture(event_time::MAX_MARKS);
            assert!(sim.continue_event_time_picture(&mut build, usize::MAX));
            assert_eq!(build.remaining(), 0);
            assert_eq!(
                sim.finish_event_time_picture(build),
                at_once,
                "{preset} at {minute} min"
            );
            // Started here, not finished before the simulation moved on.
            let mut stale = early.expect("recorded");
            sim.step_until(minute * 60_000 + 1_000).expect("forward");
            assert!(!sim.continue_event_time_picture(&mut stale, usize::MAX));
            assert_eq!(sim.finish_event_time_picture(stale), None);
        }
    }
}
