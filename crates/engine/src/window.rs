//! Event-time windows: assignment as a pure function ([`WindowAssigner`]), and
//! the state of one window (per-key aggregates plus the event-time histogram
//! that lets a pipeline score result latency without keeping a struct per event).

mod assign;
mod assigner;
mod cumulative;
mod geometry;
mod kinds;
mod open_sessions;
mod session;
mod session_kind;
mod session_summary;
mod sliding;

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;
use std::sync::Arc;

pub(crate) use assign::{Assign, TumblingGeometry};
pub use assigner::{Tumbling, Window, WindowAssigner, WindowIds};
pub use cumulative::Cumulative;
pub(crate) use geometry::Geometry;
pub(crate) use open_sessions::OpenSessions;
pub use session::{
    sessionize, EventTimeSum, Inserted, KeySessions, MicroBatchSessions, Session, SessionBatch,
    SessionRow,
};
pub use session_summary::SessionSummary;
pub use sliding::Sliding;

use crate::config::WindowConfig;
use crate::divisor::Divisor;
use crate::time::TimeMs;

// The built-in window kinds: one line each, its module holding its spec
// (`kinds::window_kinds!`; `docs/architecture.md`, "A new window kind").
kinds::window_kinds! {
    /// Windows that tile event time: each event in one window.
    Tumbling(assigner::TUMBLING) = "tumbling",
    /// Windows of `size_ms` every `slide_ms`: each event in `size / slide` windows.
    Sliding(sliding::SPEC) = "sliding",
    /// "So far" windows: from each period start, a window ending at every step.
    Cumulative(cumulative::SPEC) = "cumulative",
    /// Per-key sessions that close after `gap_ms` without an event of the key
    /// (`crate::window::session`): they merge, so they are not a window assigner.
    Session(session_kind::SPEC) = "session",
}

/// The window assigner a config asks for. Sessions are not assigned (the
/// pipelines keep [`OpenSessions`] instead): their assigner is the gap's
/// tumbling windows, which only size the latency histograms.
pub fn assigner(config: &WindowConfig) -> Arc<dyn WindowAssigner> {
    (config.kind.spec().assigner)(config)
}

/// The windows of a config holding event time `t`, earliest end first, without
/// building a shared assigner: for callers outside a simulation's hot loop
/// (the event-time picture, the explanations). None for sessions: their
/// bounds depend on the key's other events, not on `t` alone.
pub fn windows_in(config: &WindowConfig, t: TimeMs) -> impl Iterator<Item = Window> {
    let config = config.clone();
    let ids = (config.kind.spec().windows_of)(&config, t);
    ids.map(move |id| window_at(&config, id))
}

/// Whether `window` is one of the windows of the longest length `longest`
/// that start at its multiples: they tile event time (every tumbling window;
/// sliding windows starting at a multiple of their size; each whole period of
/// cumulative windows), so summing a key over them counts each event once.
/// Dashboards total those (with overlapping windows, a sum over every window
/// would count an event size/slide times).
pub fn counts_once(window: Window, longest: TimeMs) -> bool {
    window.end - window.start == longest && window.start.rem_euclid(longest.max(1)) == 0
}

/// The window of a config whose id is `id` (see [`WindowAssigner::windows_of`]).
/// A session's id is its start; its shortest extent (one event) is returned.
pub fn window_at(config: &WindowConfig, id: TimeMs) -> Window {
    (config.kind.spec().window_at)(config, id)
}

/// Most windows one event may be in (sliding `size / slide`, cumulative
/// `size / step`): each is one state update per event, so this bounds the cost
/// of a window kind to this many times tumbling's.
pub const MAX_WINDOWS_PER_EVENT: i64 = 100;

impl WindowConfig {
    /// Distance between two consecutive window ends, in ms: the size for
    /// tumbling windows, the slide (or step) otherwise. A batch run covers a
    /// whole number of them.
    /// Sessions: the gap (a key's sessions are more than a gap apart, so at
    /// most one per gap per key, which bounds results and open state).
    pub fn spacing_ms(&self) -> TimeMs {
        (self.kind.spec().spacing_ms)(self)
    }

    /// The field holding [`WindowConfig::spacing_ms`] (`window.size_ms`…).
    pub(crate) fn spacing_field(&self) -> &'static str {
        self.kind.spec().spacing_field
    }

    /// Windows an event is in (the largest number, for cumulative windows).
    pub fn windows_per_event(&self) -> i64 {
        (self.kind.spec().windows_per_event)(self)
    }

    /// Whether the kind reads `field` (`size_ms`, `slide_ms`, `gap_ms`).
    pub(crate) fn uses(&self, field: &str) -> bool {
        self.kind.spec().fields.contains(&field)
    }
}

/// Start of the tumbling window of size `size` containing `t`: windows are
/// `[k·size, (k+1)·size)`, aligned to time 0, as Spark's `window()` aligns them
/// to the epoch.
///
/// # Examples
/// ```
/// use bslab_engine::window::window_start;
/// assert_eq!(window_start(59_999, 60_000), 0);
/// assert_eq!(window_start(60_000, 60_000), 60_000); // the end belongs to the next window
/// ```
#[inline]
pub fn window_start(t: TimeMs, size: TimeMs) -> TimeMs {
    t.div_euclid(size) * size
}

/// Aggregate of one (window, key): the row a query publishes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agg {
    /// Number of events.
    pub count: u64,
    /// Sum of their amounts, in cents.
    pub sum_cents: i64,
    /// Largest of their amounts (0 when empty; amounts are positive): the IoT
    /// scenario's window maximum, which its alert rule reads. Not serialized:
    /// the report format of the other scenarios stays as it was (the Spark
    /// bundle's `expected.json` writes it for the IoT query).
    #[serde(skip)]
    pub max_cents: i64,
}

impl Agg {
    #[inline]
    pub(crate) fn add(&mut self, amount_cents: i64) {
        self.count += 1;
        self.sum_cents += amount_cents;
        self.max_cents = self.max_cents.max(amount_cents);
    }
}

/// Buckets of the event-time histogram of one window.
const TIME_BUCKETS: i64 = 32;

/// Event times of the events of one window, bucketed: enough to score their
/// result latency when the window is published (percentiles to a bucket width,
/// mean and max exact).
#[derive(Debug, Clone)]
pub(crate) struct TimeHist {
    /// Events per bucket, inline: a window's 128 bytes beside its per-key
    /// aggregates, with no allocation at its first event to test for at
    /// every event.
    counts: [u32; TIME_BUCKETS as usize],
    /// Number of events.
    pub(crate) count: u64,
    /// Sum of their event times, in ms (exact mean latency).
    pub(crate) sum_ms: i128,
    /// Earliest event time (exact max latency); meaningless while `count` is 0.
    pub(crate) min_ms: TimeMs,
}

impl Default for TimeHist {
    fn default() -> Self {
        Self {
            counts: [0; TIME_BUCKETS as usize],
            count: 0,
            sum_ms: 0,
            min_ms: TimeMs::MAX,
        }
    }
}

impl TimeHist {
    /// Counts event time offset `offset` from the window's start in its
    /// bucket only: the caller adds the count, sum and earliest
    /// ([`TimeHist::add_totals`]). Always inlined natively, as
    /// [`WindowState::add_stretch`] (its only caller) is: out of line it cost a
    /// call and saved registers per event.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add_bucket(&mut self, offset: TimeMs, width: &Divisor) {
        // Unsigned: an offset before the window counts in the first bucket
        // (as `clamp` did), without signed division's checks.
        let b = width.div(offset.max(0) as u64).min(TIME_BUCKETS as u64 - 1) as usize;
        self.counts[b] += 1;
    }

    /// Adds the events of `stretch`, already counted in their buckets.
    #[inline(always)]
    fn add_totals(&mut self, stretch: &Stretch) {
        self.count += stretch.count;
        self.sum_ms += stretch.sum_ms;
        self.min_ms = self.min_ms.min(stretch.min_ms);
    }

    /// (representative event time, count) per non-empty bucket.
    pub(crate) fn buckets(
        &self,
        start: TimeMs,
        width: TimeMs,
    ) -> impl Iterator<Item = (TimeMs, u64)> + '_ {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(move |(i, &c)| (start + i as TimeMs * width + (width - 1) / 2, u64::from(c)))
    }
}

/// What [`WindowState::add_stretch`] added: its events' number, and the
/// sum, earliest and latest of their event times, in ms.
pub(crate) struct Stretch {
    pub(crate) count: u64,
    pub(crate) sum_ms: i128,
    pub(crate) min_ms: TimeMs,
    pub(crate) max_ms: TimeMs,
}

/// State of one open window in one pipeline.
#[derive(Debug, Clone)]
pub(crate) struct WindowState {
    /// Aggregate per group key (dense: key spaces are small by validation).
    pub(crate) aggs: Vec<Agg>,
    /// Keys changed since the last emission (update mode; not noted by the
    /// batch store's [`WindowState::store_stretch`]).
    pub(crate) dirty: Vec<u32>,
    dirty_flag: Vec<bool>,
    /// Keys with at least one event: the (window, key) rows a state store
    /// holds (a micro-batch's statistics; not noted by the batch store).
    rows: u64,
    /// Event times of what was added.
    pub(crate) times: TimeHist,
    /// Events whose latest-ending window this is: each event is counted in one
    /// window however many hold it (the batch pipeline's run sizes).
    pub(crate) owned: u64,
}

impl WindowState {
    pub(crate) fn new(keys: u32) -> Self {
        Self {
            aggs: vec![Agg::default(); keys as usize],
            dirty: Vec::new(),
            dirty_flag: vec![false; keys as usize],
            rows: 0,
            times: TimeHist::default(),
            owned: 0,
        }
    }

    /// Adds one event of group `key` at event time `t` to the window starting
    /// at `start`; `bucket` is the width of its event-time histogram buckets.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn add(
        &mut self,
        bucket: &Divisor,
        start: TimeMs,
        key: u32,
        t: TimeMs,
        amount_cents: i64,
    ) {
        self.add_stretch(bucket, start, std::iter::once((key, t, amount_cents)));
    }

    /// Adds a stretch of events, (group key, event time, amount) each, to the
    /// window starting at `start`, and returns what it added, noting the keys
    /// it changed and the rows it made (what a micro-batch emits and reports).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn add_stretch(
        &mut self,
        bucket: &Divisor,
        start: TimeMs,
        events: impl Iterator<Item = (u32, TimeMs, i64)>,
    ) -> Stretch {
        self.add_events::<true>(bucket, start, events)
    }

    /// [`WindowState::add_stretch`] for the batch store, which publishes every
    /// non-empty key of a window once and reports no state rows: the keys
    /// changed and the rows made are not noted (a flag read, a branch and a
    /// count per event; `dirty` and `rows` stay empty).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn store_stretch(
        &mut self,
        bucket: &Divisor,
        start: TimeMs,
        events: impl Iterator<Item = (u32, TimeMs, i64)>,
    ) -> Stretch {
        self.add_events::<false>(bucket, start, events)
    }

    /// Adds a stretch of events; `NOTE` notes the keys changed and the rows
    /// made. The event-time histogram's count, sum and earliest are kept in
    /// registers over the stretch and stored once: per event they were loads
    /// and stores the loop could not keep in registers (the aggregates are
    /// written through the same reference). The latest is returned for a
    /// caller that needs it (the micro-batch's statistics; unused, it is not
    /// computed). Always inlined natively: the pipelines' loops over their
    /// stretches called it out of line, and saving and restoring registers
    /// cost half of its instructions. Not in wasm, where the page's size
    /// counts more (one copy, not one per loop).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add_events<const NOTE: bool>(
        &mut self,
        bucket: &Divisor,
        start: TimeMs,
        events: impl Iterator<Item = (u32, TimeMs, i64)>,
    ) -> Stretch {
        let mut stretch = Stretch {
            count: 0,
            sum_ms: 0,
            min_ms: TimeMs::MAX,
            max_ms: TimeMs::MIN,
        };
        for (key, t, amount_cents) in events {
            let k = key as usize;
            if !NOTE {
                if let Some(agg) = self.aggs.get_mut(k) {
                    agg.add(amount_cents);
                }
            } else if self.aggregate(key, amount_cents) && !self.dirty_flag[k] {
                self.dirty_flag[k] = true;
                self.dirty.push(key);
            }
            self.times.add_bucket(t - start, bucket);
            stretch.count += 1;
            stretch.sum_ms += i128::from(t);
            stretch.min_ms = stretch.min_ms.min(t);
            stretch.max_ms = stretch.max_ms.max(t);
        }
        self.times.add_totals(&stretch);
        stretch
    }

    /// Adds one event's amount to the aggregate of `key` only: for a caller that
    /// publishes the row and scores the event itself. False if `key` is out of range.
    #[inline]
    pub(crate) fn aggregate(&mut self, key: u32, amount_cents: i64) -> bool {
        match self.aggs.get_mut(key as usize) {
            Some(agg) => {
                self.rows += u64::from(agg.count == 0);
                agg.add(amount_cents);
                true
            }
            None => false,
        }
    }

    /// (window, key) rows with at least one event.
    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }

    /// Takes the keys changed since the last call, in the order they first
    /// changed: not sorted, as their rows go into the output's ordered map and
    /// its totals are sums (a sort of keys was one more copy of the sort in
    /// every wasm, and work on the hot path).
    pub(crate) fn take_dirty(&mut self) -> Vec<u32> {
        let keys = std::mem::take(&mut self.dirty);
        for &k in &keys {
            self.dirty_flag[k as usize] = false;
        }
        keys
    }

    /// Takes the event-time histogram (its events are now published).
    pub(crate) fn take_times(&mut self) -> TimeHist {
        std::mem::take(&mut self.times)
    }
}

/// Adds one event to the window `id` in `windows` (created empty, with `keys`
/// group keys, if absent); `owner` counts the event in that window's
/// [`WindowState::owned`]. Most events belong to the newest open window, so
/// that one is found without a tree search. Always inlined: it runs once per
/// (event, window) in every pipeline's loop.
#[inline(always)]
pub(crate) fn add_to_window(
    windows: &mut BTreeMap<TimeMs, WindowState>,
    geometry: &impl Assign,
    keys: u32,
    (id, owner): (TimeMs, bool),
    (key, t, amount_cents): (u32, TimeMs, i64),
) {
    let start = geometry.origin(id);
    let add = |w: &mut WindowState| {
        w.add(geometry.bucket(), start, key, t, amount_cents);
        w.owned += u64::from(owner);
    };
    match windows.last_entry() {
        Some(mut last) if *last.key() == id => add(last.get_mut()),
        _ => add(windows.entry(id).or_insert_with(|| WindowState::new(keys))),
    }
}

/// The state of window `id` in `windows`, created empty with `keys` group
/// keys if absent: for a caller that adds a run of events to one window, so
/// a tree search per run costs less than [`add_to_window`]'s newest-window
/// test per event.
#[inline]
pub(crate) fn window_mut(
    windows: &mut BTreeMap<TimeMs, WindowState>,
    id: TimeMs,
    keys: u32,
) -> &mut WindowState {
    windows.entry(id).or_insert_with(|| WindowState::new(keys))
}

/// The earliest event time a streaming pipeline still holds in unpublished
/// windows (append mode): the first open window's start, or the oldest open
/// session's. Results are complete only up to it.
pub(crate) fn oldest_held(
    state: &BTreeMap<TimeMs, WindowState>,
    geometry: &Geometry,
    sessions: Option<&OpenSessions>,
) -> Option<TimeMs> {
    let window = state.keys().next().map(|&id| geometry.origin(id));
    let session = sessions.and_then(OpenSessions::oldest);
    window.into_iter().chain(session).min()
}
