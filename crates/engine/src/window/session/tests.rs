//! Unit tests of session merging and Spark's micro-batch rule.

use super::*;

fn ev(t: TimeMs) -> Session {
    Session::of_event(t, 5_000, 1)
}

#[test]
fn an_event_exactly_one_gap_after_the_last_extends_the_session() {
    let mut s = KeySessions::default();
    assert_eq!(s.insert(ev(1_000)).joined, 0);
    assert_eq!(s.insert(ev(6_000)).joined, 1, "6000 touches [1000, 6000)");
    assert_eq!(s.len(), 1);
    assert_eq!(
        s.insert(ev(11_001)).joined,
        0,
        "11001 is past [1000, 11000)"
    );
    assert_eq!(s.len(), 2);
}

#[test]
fn a_late_event_between_two_sessions_merges_them() {
    let mut s = KeySessions::default();
    s.insert(ev(0));
    s.insert(ev(10_000));
    assert_eq!(s.len(), 2);
    assert_eq!(s.insert(ev(5_000)).joined, 2);
    let only: Vec<_> = s.sessions().copied().collect();
    assert_eq!(only.len(), 1);
    assert_eq!(
        (only[0].start, only[0].end, only[0].agg.count),
        (0, 15_000, 3)
    );
}

/// Spark's rule as measured (`docs/spark-semantics.md`, cases H, H2): gap 5 s, delay 0.
#[test]
fn the_watermark_of_the_previous_batch_drops_and_this_batch_closes() {
    let mut m = MicroBatchSessions::new(5_000, 0);
    assert!(m
        .run_batch(&[(0, 1_000, 1), (0, 3_000, 1)])
        .emitted
        .is_empty());
    let b1 = m.run_batch(&[]);
    assert_eq!((b1.watermark_ms, b1.emitted.len()), (3_000, 0));
    // 7000 is after the watermark 3000 and extends [1000, 8000).
    let b2 = m.run_batch(&[(0, 7_000, 1), (1, 15_000, 1)]);
    assert_eq!((b2.dropped_rows, m.open_sessions()), (0, 2));
    assert!(m.needs_batch(), "the watermark moved to 15000");
    let b3 = m.run_batch(&[]);
    assert_eq!(b3.watermark_ms, 15_000);
    let closed: Vec<_> = b3
        .emitted
        .iter()
        .map(|(k, s)| (*k, s.start, s.end, s.agg.count))
        .collect();
    assert_eq!(closed, [(0, 1_000, 12_000, 3)]);
    assert_eq!(m.open_sessions(), 1);
    // Its own session [9000, 14000) ends before the previous batch's watermark.
    assert_eq!(m.run_batch(&[(0, 9_000, 1)]).dropped_rows, 1);
}
