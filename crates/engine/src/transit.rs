//! Events in transit: generated, not yet arrived.
//!
//! Arrivals leave in (arrival time, id) order, so the arrival order is a pure
//! function of the seed. Almost every event arrives within a few seconds of
//! being generated, so transit is a *calendar queue*: a ring covering the next
//! [`HORIZON_MS`], one bucket per 64 ms (a word of the occupancy bitmap, one
//! bit per millisecond). A bucket per millisecond put each event in a vector
//! of its own, not touched since the ring last came round: a cache miss to
//! read its header and one to write the event. Events arriving within 64 ms
//! share a bucket whose end stays in cache; the bucket is put in order when a
//! drain reaches it, by counting its events per millisecond (they come in id
//! order), so push and pop stay O(1).
//! An event due later than that (the very late fraction, devices' outages)
//! waits in a coarser calendar ([`far`]) and moves into its bucket when the
//! ring's horizon comes to it. A binary heap for everything cost a third of
//! the engine's time.

use crate::event::Event;
use crate::time::TimeMs;

mod far;

/// Milliseconds the ring covers ahead of the cursor (a power of two).
const HORIZON_MS: usize = 4_096;
/// Words of the ring's occupancy bitmap.
const WORDS: usize = HORIZON_MS / 64;

/// Events on their way to the processing system.
#[derive(Debug, Clone)]
pub(crate) struct Transit {
    /// `ring[(t % HORIZON_MS) / 64]` holds the events arriving at `t`, for
    /// `t` in `cursor..cursor + HORIZON_MS`.
    ring: Vec<Bucket>,
    /// Events in the ring.
    in_ring: usize,
    /// Bit `s` set when `ring[s]` holds events: a drain visits the occupied
    /// instants only, so its cost does not grow with the idle milliseconds
    /// between arrivals (at 8 events/s, 125 per event).
    occupied: [u64; WORDS],
    /// Every arrival before this instant has been delivered.
    cursor: TimeMs,
    /// Events arriving at or after `cursor + HORIZON_MS` when pushed.
    far: far::Far,
    /// Events pushed into `far` so far: the slow path's work, counted by tests.
    #[cfg(test)]
    pub(crate) far_pushes: u64,
}

impl Default for Transit {
    fn default() -> Self {
        Self {
            ring: vec![Bucket::default(); WORDS],
            in_ring: 0,
            occupied: [0; WORDS],
            cursor: 0,
            far: far::Far::default(),
            #[cfg(test)]
            far_pushes: 0,
        }
    }
}

#[inline]
fn slot(t: TimeMs) -> usize {
    // `rem_euclid` keeps it in range for any `t`; the ring size is a power of two.
    t.rem_euclid(HORIZON_MS as TimeMs) as usize
}

/// The first set bit of the circular bitmap `occupied` at or after bit `from`, around
/// the ring (the word of `from` from its bit, the other words, then its bits before):
/// the ring's and the far buckets' next occupied slot.
fn first_set_from(occupied: &[u64], from: usize) -> Option<usize> {
    let words = occupied.len();
    let (word, bit) = (from / 64, from % 64);
    let first = occupied.get(word)? & (u64::MAX << bit);
    if first != 0 {
        return Some(word * 64 + first.trailing_zeros() as usize);
    }
    (1..=words).find_map(|k| {
        let w = (word + k) % words;
        let bits = occupied[w];
        (bits != 0).then(|| w * 64 + bits.trailing_zeros() as usize)
    })
}

impl Transit {
    /// Longest stretch to generate and deliver at once: well within the ring.
    pub(crate) const SLICE_MS: TimeMs = HORIZON_MS as TimeMs / 2;

    /// Every arrival before this instant has been delivered.
    pub(crate) fn delivered_before(&self) -> TimeMs {
        self.cursor
    }

    /// Adds a run of events, in id order. One arriving before the cursor
    /// (impossible for generated and validated replayed events, whose
    /// arrival is never before their event time) is delivered with the next
    /// drain rather than lost. The ring's count of events is added once per
    /// run: kept in memory across each event's push into its bucket, it was
    /// loaded and stored once per event.
    pub(crate) fn push_run(&mut self, events: &[Event]) {
        let cursor = self.cursor;
        let mut near = 0;
        for &event in events {
            let t = event.arrival_time_ms.max(cursor);
            if t - cursor < HORIZON_MS as TimeMs {
                let s = slot(t);
                self.ring[s / 64].push(event);
                self.occupied[s / 64] |= 1 << (s % 64);
                near += 1;
            } else {
                #[cfg(test)]
                {
                    self.far_pushes += 1;
                }
                self.far.push(event);
            }
        }
        self.in_ring += near;
    }

    /// Appends to `run` every event arriving at or before `until`, in
    /// (arrival time, id) order, and hands `run` to `flush` (which empties
    /// it) whenever a bucket leaves it holding `full` events or more. Each
    /// bucket is placed straight into the run: handed out a bucket at a time
    /// through a closure, each of a few events was copied once more and paid
    /// for a run's growth and keys, a bucket at a time (at the sales preset's
    /// 20 events/s a bucket holds one or two).
    pub(crate) fn drain_until(
        &mut self,
        until: TimeMs,
        run: &mut Vec<Event>,
        full: usize,
        mut flush: impl FnMut(&mut Vec<Event>),
    ) {
        while self.cursor <= until {
            if self.in_ring == 0 {
                // Nothing in the ring: jump to the next far arrival (or past `until`).
                let far = self.far.arrival_bound().unwrap_or(TimeMs::MAX);
                self.cursor = self.cursor.max(far.min(until + 1));
                if self.cursor > until {
                    return;
                }
            }
            // As far as the ring reaches from the cursor, and as far as every
            // far event before it is in the ring.
            let (ring, occupied, in_ring) = (&mut self.ring, &mut self.occupied, &mut self.in_ring);
            let released = self.far.release(self.cursor + HORIZON_MS as TimeMs, |e| {
                let s = slot(e.arrival_time_ms);
                ring[s / 64].push_from_far(e);
                occupied[s / 64] |= 1 << (s % 64);
                *in_ring += 1;
            });
            let last = until.min(released - 1);
            self.drain_ring(last, run, full, &mut flush);
            self.cursor = last + 1;
        }
    }

    /// Appends the ring's events arriving from the cursor to `last` (less than
    /// a horizon ahead) to `run`, a bitmap word at a time: the occupied
    /// instants of a word are visited with one bit trick each, so at a
    /// thousand events per second (most milliseconds occupied) as at eight
    /// (most idle), the cost is per event, not per millisecond or per search.
    fn drain_ring(
        &mut self,
        last: TimeMs,
        run: &mut Vec<Event>,
        full: usize,
        flush: &mut impl FnMut(&mut Vec<Event>),
    ) {
        let mut t = self.cursor;
        while t <= last && self.in_ring > 0 {
            let s = slot(t);
            let (word, bit) = (s / 64, s % 64);
            let word_start = t - bit as TimeMs;
            // The word's instants from `t` to `last`.
            let top = (last.min(word_start + 63) - word_start) as u32;
            let span = (u64::MAX << bit) & (u64::MAX >> (63 - top));
            if self.occupied[word] & span != 0 {
                self.occupied[word] &= !span;
                let bucket = &mut self.ring[word];
                let end = word_start + TimeMs::from(top);
                self.in_ring -= bucket.deliver_until(end, run);
                if run.len() >= full {
                    flush(run);
                }
            }
            t = word_start + 64;
        }
    }

    /// Arrival time of the next event to arrive.
    pub(crate) fn next_arrival(&self) -> Option<TimeMs> {
        let far = self.far.next_arrival();
        if self.in_ring == 0 {
            return far;
        }
        let near = self.next_in_ring();
        match (near, far) {
            (Some(n), Some(f)) => Some(n.min(f)),
            (n, f) => n.or(f),
        }
    }

    /// The first instant at or after the cursor whose bucket holds events:
    /// the first set bit of the bitmap from the cursor's slot, around the ring.
    fn next_in_ring(&self) -> Option<TimeMs> {
        let from = slot(self.cursor);
        let found = first_set_from(&self.occupied, from)?;
        let ahead = (found + HORIZON_MS - from) % HORIZON_MS;
        Some(self.cursor + ahead as TimeMs)
    }

    /// Events in transit.
    pub(crate) fn len(&self) -> u64 {
        (self.in_ring + self.far.len()) as u64
    }
}

/// The events of one bitmap word's 64 instants (and, rarely, of the same
/// instants a ring's turn later).
#[derive(Debug, Clone, Default)]
struct Bucket {
    /// The events, those before `front` delivered already.
    events: Vec<Event>,
    front: usize,
    /// Events moved in from the far calendar since the last sort. Each was
    /// pushed into transit before any event of its instant that came into
    /// the ring directly (it was further than the horizon ahead then, they
    /// were within it), so it has the lower id: the sort puts them first
    /// within their instant, as it finds them.
    far: Vec<Event>,
    /// Whether `far` is out of id order (rare: the far calendar's heap of the
    /// furthest events added one after its buckets' events).
    far_unordered: bool,
}

/// Instants a bucket's events are counted over: its own 64 (one ring turn).
const SPREAD: usize = 64;

/// Buckets with at most this many undelivered events are sorted by
/// insertion, in place: the count over [`SPREAD`] instants (clearing and
/// summing the counters, copying the events out and back) cost more than the
/// sort of the one to three events a bucket holds at the sales preset's own
/// rate (20 events/s: 300,000 sorts in a simulated day of 1.73 M events).
const SMALL_BUCKET: usize = 16;

impl Bucket {
    /// Appends an event (in push order: whether the bucket is in order is
    /// found at the drain, once per bucket rather than once per event).
    #[inline]
    fn push(&mut self, event: Event) {
        self.events.push(event);
    }

    /// An event moved in from the far calendar ([`Bucket::far`]).
    fn push_from_far(&mut self, event: Event) {
        if self.far.last().is_some_and(|last| last.id > event.id) {
            self.far_unordered = true;
        }
        self.far.push(event);
    }

    /// Appends to `run` its events arriving at or before `end`, in (arrival
    /// time, id) order; returns how many.
    fn deliver_until(&mut self, end: TimeMs, run: &mut Vec<Event>) -> usize {
        let waiting = self.events.len() - self.front + self.far.len();
        if waiting <= SMALL_BUCKET {
            // By insertion, which passes once over events in order (alone,
            // one needs nothing).
            if !self.far.is_empty() {
                self.events.append(&mut self.far);
                self.far_unordered = false;
            }
            if waiting > 1 {
                insertion_sort(&mut self.events[self.front..]);
            }
        } else if !self.in_order() {
            match self.counted_base() {
                Some(base) => return self.count_into(base, end, run),
                None => self.sort(),
            }
        }
        let rest = &self.events[self.front..];
        // Most drains take the whole bucket (a step ends inside it only once).
        let n = match rest.last() {
            Some(last) if last.arrival_time_ms <= end => rest.len(),
            _ => rest.partition_point(|e| e.arrival_time_ms <= end),
        };
        // Reserved once, then copied event by event: a bucket here holds a
        // few (more are counted into the run), for which a call to `memcpy`
        // costs more than the copies.
        run.extend(rest[..n].iter().copied());
        self.front += n;
        if self.front == self.events.len() {
            self.events.clear();
            self.front = 0;
        }
        n
    }

    /// Places the undelivered events, with those from the far calendar, in
    /// (arrival time, id) order at the end of `run`, each where it belongs,
    /// keeps those arriving after `end` (a step ending inside the bucket's
    /// instants) and returns how many stay in `run`. They are in id order
    /// within an instant (pushed as generated, each after earlier ones): a
    /// stable placement by arrival instant, counted over the [`SPREAD`]
    /// instants from `base`, the far events first, orders them in two
    /// passes. Only far events out of id order (rare: see
    /// [`Bucket::far_unordered`]) need a pass of insertion sort after it.
    fn count_into(&mut self, base: TimeMs, end: TimeMs, run: &mut Vec<Event>) -> usize {
        let offset = |e: &Event| (e.arrival_time_ms - base) as usize;
        let rest = &self.events[self.front..];
        // Each list in a loop of its own: a chained iterator's test of
        // which list it is in cost a third of the count's instructions.
        let mut starts = [0u32; SPREAD + 1];
        for list in [&self.far[..], rest] {
            list.iter().for_each(|e| starts[offset(e) + 1] += 1);
        }
        for k in 1..=SPREAD {
            starts[k] += starts[k - 1];
        }
        // Those arriving by `end` (all of them unless a step ends inside).
        let kept = starts[((end - base + 1).clamp(0, SPREAD as TimeMs)) as usize] as usize;
        let from = run.len();
        run.extend_from_slice(&self.far);
        run.extend_from_slice(rest);
        let placed = &mut run[from..];
        for list in [&self.far[..], rest] {
            for e in list {
                let k = offset(e);
                placed[starts[k] as usize] = *e;
                starts[k] += 1;
            }
        }
        if self.far_unordered {
            insertion_sort(placed);
        }
        self.events.clear();
        self.events.extend_from_slice(&placed[kept..]);
        run.truncate(from + kept);
        self.far.clear();
        self.front = 0;
        self.far_unordered = false;
        kept
    }

    /// Whether the undelivered events are in (arrival time, id) order with
    /// none from the far calendar, as they are when every event has the same
    /// delay: no sort at the drain. Their arrival times tell: events of the
    /// same instant are in id order already (pushed as generated, after
    /// those a sort left in order). Events out of order are found at the
    /// first pair out of order, usually the first.
    fn in_order(&self) -> bool {
        let rest = &self.events[self.front..];
        let ordered = |w: &[Event]| w[0].arrival_time_ms <= w[1].arrival_time_ms;
        self.far.is_empty() && rest.windows(2).all(ordered)
    }

    /// Puts the undelivered events, with those from the far calendar, in
    /// (arrival time, id) order where they are, by a comparison sort: they
    /// spread over more than a ring's turn (an event a turn later than the
    /// others), beyond what a count spans.
    fn sort(&mut self) {
        self.events.drain(..self.front);
        self.events.append(&mut self.far);
        self.events
            .sort_unstable_by_key(|e| (e.arrival_time_ms, e.id));
        self.front = 0;
        self.far_unordered = false;
    }

    /// The earliest arrival of the undelivered events and the far ones, if
    /// every one of them is less than [`SPREAD`] instants after it (one ring
    /// turn: what the count spans). The earliest and the latest in one pass
    /// over each list (two passes over a chained iterator cost 11
    /// instructions per event).
    fn counted_base(&self) -> Option<TimeMs> {
        let (mut first, mut last) = (TimeMs::MAX, TimeMs::MIN);
        for list in [&self.far[..], &self.events[self.front..]] {
            for e in list {
                first = first.min(e.arrival_time_ms);
                last = last.max(e.arrival_time_ms);
            }
        }
        (first <= last && last - first < SPREAD as TimeMs).then_some(first)
    }
}

/// Sorts nearly sorted events by (arrival time, id): one comparison per
/// event in order, a swap per place an event moves back. Past a few swaps
/// per event (many far events in one instant) a comparison sort takes over,
/// so the time stays O(n log n) whatever the bucket.
fn insertion_sort(events: &mut [Event]) {
    let key = |e: &Event| (e.arrival_time_ms, e.id);
    let mut budget = 4 * events.len();
    for i in 1..events.len() {
        let mut j = i;
        while j > 0 && key(&events[j - 1]) > key(&events[j]) {
            if budget == 0 {
                events.sort_unstable_by_key(key);
                return;
            }
            budget -= 1;
            events.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests;
