use super::*;

fn event(id: u64, arrival: TimeMs) -> Event {
    Event {
        id,
        event_time_ms: 0,
        arrival_time_ms: arrival,
        entity: 0,
        detail: 0,
        amount_cents: 0,
    }
}

/// The (arrival, id) of every event drained until `until`, handed on in
/// runs of at least three events (and the rest at the end), as the
/// simulation hands them to its pipelines.
fn drained(t: &mut Transit, until: TimeMs) -> Vec<(TimeMs, u64)> {
    let (mut out, mut run) = (Vec::new(), Vec::new());
    let key = |e: &Event| (e.arrival_time_ms, e.id);
    t.drain_until(until, &mut run, 3, |run| {
        out.extend(run.iter().map(key));
        run.clear();
    });
    out.extend(run.iter().map(key));
    out
}

/// Nearly sorted events are sorted by moving the few out of place, and
/// events far out of order (past the swap budget) are sorted all the same.
#[test]
fn insertion_sort_sorts_near_and_far_from_order() {
    let mut near: Vec<Event> = (0..50).map(|i| event(i, i as TimeMs / 4)).collect();
    near.swap(10, 11);
    near.push(event(0, 3));
    let mut reversed: Vec<Event> = (0..50).rev().map(|i| event(i, 7)).collect();
    for events in [&mut near, &mut reversed] {
        insertion_sort(events);
        assert!(events.is_sorted_by_key(|e| (e.arrival_time_ms, e.id)));
    }
    assert_eq!(
        reversed.iter().map(|e| e.id).collect::<Vec<_>>(),
        (0..50).collect::<Vec<_>>()
    );
}

/// Near, far and same-millisecond arrivals leave in (arrival, id) order,
/// exactly as a single heap would deliver them.
#[test]
fn drains_in_arrival_then_id_order() {
    let mut t = Transit::default();
    let arrivals = [5, 3, 10_000, 3, 70_000, 10_000, 4_095, 4_096, 0];
    for (id, a) in arrivals.iter().enumerate() {
        t.push_run(&[event(id as u64, *a)]);
    }
    // A far event pushed with a lower id than a near one at the same instant.
    assert_eq!(t.len(), arrivals.len() as u64);
    assert_eq!(t.next_arrival(), Some(0));
    let got = drained(&mut t, 9_999);
    assert_eq!(
        got,
        vec![(0, 8), (3, 1), (3, 3), (5, 0), (4_095, 6), (4_096, 7)]
    );
    assert_eq!(t.next_arrival(), Some(10_000));
    t.push_run(&[event(9, 10_000)]);
    let got = drained(&mut t, 100_000);
    assert_eq!(
        got,
        vec![(10_000, 2), (10_000, 5), (10_000, 9), (70_000, 4)]
    );
    assert_eq!(t.len(), 0);
    assert_eq!(t.next_arrival(), None);
}

/// A far event moved into a ring bucket that holds more than a few events
/// (counted, not compared) after near ones of the same instants with higher
/// ids still leaves before them.
#[test]
fn a_far_event_keeps_its_place_in_a_counted_bucket() {
    let mut t = Transit::default();
    t.push_run(&[event(0, 5_000)]);
    drained(&mut t, 999);
    let near = 3 * SMALL_BUCKET as u64;
    for id in 1..=near {
        t.push_run(&[event(id, 5_000 + id as TimeMs % 3)]);
    }
    let out = drained(&mut t, 6_000);
    let mut expected: Vec<_> = (1..=near)
        .map(|id| (5_000 + id as TimeMs % 3, id))
        .collect();
    expected.push((5_000, 0));
    expected.sort_unstable();
    assert_eq!(out, expected);
}

/// An event from the far calendar's heap (pushed further ahead than its
/// buckets reach) and one from its buckets, both of an instant where many near
/// events arrive, moved into the ring together (the bucket's first): they
/// still leave in id order, then the near ones.
#[test]
fn far_events_out_of_id_order_are_put_back_in_order() {
    // The last instant of a far bucket: that bucket and the heap hand on
    // their events at the same drain.
    let at: TimeMs = 1_000 * 2_048 - 1;
    let mut t = Transit::default();
    t.push_run(&[event(0, at)]);
    // An event in a far bucket moves the far calendar on when it is drained,
    // so that the next one at `at` goes into a bucket, not the heap.
    t.push_run(&[event(1, 999_999)]);
    drained(&mut t, 1_000_000);
    t.push_run(&[event(2, at)]);
    drained(&mut t, at - 2_000);
    let last = 3 * SMALL_BUCKET as u64;
    for id in 3..=last {
        t.push_run(&[event(id, at - id as TimeMs % 3)]);
    }
    let out = drained(&mut t, at + 10);
    let mut expected: Vec<_> = (3..=last).map(|id| (at - id as TimeMs % 3, id)).collect();
    expected.extend([(at, 0), (at, 2)]);
    expected.sort_unstable();
    assert_eq!(out, expected);
}

// proptest is a native-only dev-dependency (the wasm test run has none).
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Whatever the arrivals (near, far, past several horizons, some at the
    /// same instant) and wherever the drains stop, every event leaves once,
    /// in (arrival time, id) order, by the drain whose `until` it is at or
    /// before. Steps of half a second cross the ring and the far buckets;
    /// steps of a minute also reach past the far buckets (the heap).
    #[test]
    fn drains_every_event_in_order_at_any_stops(
        steps in proptest::collection::vec(
            (0i64..40, proptest::collection::vec(0i64..24, 0..6)),
            1..60,
        ),
        step_ms in proptest::prop_oneof![proptest::strategy::Just(500i64), proptest::strategy::Just(60_000)],
    ) {
        let mut t = Transit::default();
        let (mut id, mut until, mut pending) = (0, -1, Vec::new());
        // Multiples of a step: later pushes often land on the instant of
        // an earlier far one, with a higher id.
        for (gap, offsets) in steps {
            let gap = gap * step_ms;
            for offset in offsets {
                let arrival = until + 1 + offset * step_ms;
                t.push_run(&[event(id, arrival)]);
                pending.push((arrival, id));
                id += 1;
            }
            until += gap;
            let out = drained(&mut t, until);
            pending.sort_unstable();
            let due = pending.partition_point(|&(a, _)| a <= until);
            let expected: Vec<_> = pending.drain(..due).collect();
            proptest::prop_assert_eq!(out, expected);
            proptest::prop_assert_eq!(t.len(), pending.len() as u64);
            proptest::prop_assert_eq!(t.next_arrival(), pending.first().map(|p| p.0));
        }
    }
}

/// Forty events every 37 ms (buckets of many events, counted rather than
/// compared), most due within a second, some just past the ring's horizon
/// (the far buckets) and some up to ten minutes later: drained every step,
/// every event leaves once, in (arrival time, id) order, by the drain whose
/// `until` it is at or before.
#[test]
fn dense_arrivals_leave_once_in_order() {
    let mut t = Transit::default();
    let mut x: u64 = 7;
    let mut draw = |below: u64| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((x >> 33) % below) as TimeMs
    };
    let (mut id, mut now, mut pending) = (0, 0, Vec::new());
    for _ in 0..2_000 {
        for _ in 0..40 {
            let delay = match draw(10) {
                0 => draw(600_000),
                1 => HORIZON_MS as TimeMs + draw(300),
                _ => draw(1_000),
            };
            t.push_run(&[event(id, now + delay)]);
            pending.push((now + delay, id));
            id += 1;
        }
        now += 37;
        let out = drained(&mut t, now);
        pending.sort_unstable();
        let due = pending.partition_point(|&(a, _)| a <= now);
        assert!(out.iter().eq(&pending[..due]), "drained until {now}");
        pending.drain(..due);
    }
    assert_eq!(t.len(), pending.len() as u64);
}
