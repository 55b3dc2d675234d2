//! Event-time windows: assignment as a pure function ([`WindowAssigner`]), and
//! the state of one window (per-key aggregates plus the event-time histogram
//! that lets a pipeline score result latency without keeping a struct per event).

mod assigner;
mod cumulative;
mod open_sessions;
mod session;
mod session_summary;
mod sliding;

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;
use std::sync::Arc;

pub use assigner::{Tumbling, Window, WindowAssigner, WindowIds};
pub use cumulative::Cumulative;
pub(crate) use open_sessions::OpenSessions;
pub use session::{
    sessionize, Inserted, KeySessions, MicroBatchSessions, Session, SessionBatch, SessionRow,
};
pub use session_summary::SessionSummary;
pub use sliding::Sliding;

use crate::config::{WindowConfig, WindowKind};
use crate::time::TimeMs;

/// The window assigner a config asks for. Sessions are not assigned (the
/// pipelines keep [`OpenSessions`] instead): their assigner is the gap's
/// tumbling windows, which only size the latency histograms.
pub fn assigner(config: &WindowConfig) -> Arc<dyn WindowAssigner> {
    match config.kind {
        WindowKind::Tumbling => Arc::new(Tumbling::new(config.size_ms)),
        WindowKind::Session => Arc::new(Tumbling::new(config.gap_ms)),
        WindowKind::Sliding => Arc::new(Sliding::new(config.size_ms, config.slide_ms)),
        WindowKind::Cumulative => Arc::new(Cumulative::new(config.size_ms, config.slide_ms)),
    }
}

/// The windows of a config holding event time `t`, earliest end first, without
/// building a shared assigner: for callers outside a simulation's hot loop
/// (the event-time picture, the explanations). None for sessions: their
/// bounds depend on the key's other events, not on `t` alone.
pub fn windows_in(config: &WindowConfig, t: TimeMs) -> impl Iterator<Item = Window> {
    let config = config.clone();
    let ids = match config.kind {
        WindowKind::Tumbling => WindowIds::one(window_start(t, config.size_ms.max(1))),
        WindowKind::Session => WindowIds {
            first: t,
            step: 0,
            count: 0,
        },
        WindowKind::Sliding => Sliding::new(config.size_ms, config.slide_ms).windows_of(t),
        WindowKind::Cumulative => Cumulative::new(config.size_ms, config.slide_ms).windows_of(t),
    };
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
    match config.kind {
        WindowKind::Tumbling => Tumbling::new(config.size_ms).window_at(id),
        WindowKind::Session => Tumbling::new(config.gap_ms).window_at(id),
        WindowKind::Sliding => Sliding::new(config.size_ms, config.slide_ms).window_at(id),
        WindowKind::Cumulative => Cumulative::new(config.size_ms, config.slide_ms).window_at(id),
    }
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
        match self.kind {
            WindowKind::Tumbling => self.size_ms,
            WindowKind::Session => self.gap_ms,
            WindowKind::Sliding | WindowKind::Cumulative => self.slide_ms,
        }
    }

    /// Windows an event is in (the largest number, for cumulative windows).
    pub fn windows_per_event(&self) -> i64 {
        match self.kind {
            WindowKind::Tumbling | WindowKind::Session => 1,
            WindowKind::Sliding | WindowKind::Cumulative => self.size_ms / self.slide_ms.max(1),
        }
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
#[derive(Debug, Clone, Default)]
pub(crate) struct TimeHist {
    counts: Vec<u32>,
    /// Number of events.
    pub(crate) count: u64,
    /// Sum of their event times, in ms (exact mean latency).
    pub(crate) sum_ms: i128,
    /// Earliest event time (exact max latency).
    pub(crate) min_ms: TimeMs,
}

impl TimeHist {
    #[inline]
    fn add(&mut self, offset: TimeMs, width: TimeMs, t: TimeMs) {
        if self.counts.is_empty() {
            self.counts = vec![0; TIME_BUCKETS as usize];
            self.min_ms = t;
        }
        let b = ((offset / width).clamp(0, TIME_BUCKETS - 1)) as usize;
        self.counts[b] += 1;
        self.count += 1;
        self.sum_ms += i128::from(t);
        self.min_ms = self.min_ms.min(t);
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

/// State of one open window in one pipeline.
#[derive(Debug, Clone)]
pub(crate) struct WindowState {
    /// Aggregate per group key (dense: key spaces are small by validation).
    pub(crate) aggs: Vec<Agg>,
    /// Keys changed since the last emission (update mode).
    pub(crate) dirty: Vec<u32>,
    dirty_flag: Vec<bool>,
    /// Keys with at least one event: the (window, key) rows a state store holds.
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
    /// at `start`; `geometry` is the window's.
    #[inline]
    pub(crate) fn add(
        &mut self,
        geometry: &Geometry,
        start: TimeMs,
        key: u32,
        t: TimeMs,
        amount_cents: i64,
    ) {
        let k = key as usize;
        if self.aggregate(key, amount_cents) && !self.dirty_flag[k] {
            self.dirty_flag[k] = true;
            self.dirty.push(key);
        }
        self.times.add(t - start, geometry.bucket_ms, t);
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

    /// Takes the keys changed since the last call, in key order.
    pub(crate) fn take_dirty(&mut self) -> Vec<u32> {
        let mut keys = std::mem::take(&mut self.dirty);
        keys.sort_unstable();
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
    geometry: &Geometry,
    keys: u32,
    (id, owner): (TimeMs, bool),
    (key, t, amount_cents): (u32, TimeMs, i64),
) {
    let start = geometry.origin(id);
    let add = |w: &mut WindowState| {
        w.add(geometry, start, key, t, amount_cents);
        w.owned += u64::from(owner);
    };
    match windows.last_entry() {
        Some(mut last) if *last.key() == id => add(last.get_mut()),
        _ => add(windows.entry(id).or_insert_with(|| WindowState::new(keys))),
    }
}

/// The window assigner, and the width of the event-time histogram buckets
/// that follows from its longest window.
#[derive(Debug, Clone)]
pub(crate) struct Geometry {
    windows: Assignment,
    pub(crate) bucket_ms: TimeMs,
    /// Session windows' gap, in ms, when the config asks for sessions: each
    /// pipeline then keeps [`OpenSessions`] instead of windows.
    session_gap_ms: Option<TimeMs>,
}

/// A window assigner resolved once, when a simulation is built: tumbling
/// windows (every built-in config) are assigned inline on the per-event path;
/// any other kind is asked through its trait.
#[derive(Debug, Clone)]
enum Assignment {
    Tumbling(Tumbling),
    Other(Arc<dyn WindowAssigner>),
    /// Session windows: no event is assigned a window (the pipelines keep
    /// [`OpenSessions`]); a row's id is its session's start, and the gap's
    /// tumbling window gives its shortest extent.
    Sessions(Tumbling),
}

impl Assignment {
    #[inline]
    fn windows_of(&self, t: TimeMs) -> WindowIds {
        match self {
            Self::Tumbling(w) => WindowIds::one(w.assign(t).start),
            Self::Other(w) => w.windows_of(t),
            Self::Sessions(_) => WindowIds {
                first: t,
                step: 0,
                count: 0,
            },
        }
    }

    #[inline]
    fn window_at(&self, start: TimeMs) -> Window {
        match self {
            Self::Tumbling(w) | Self::Sessions(w) => w.window_at(start),
            Self::Other(w) => w.window_at(start),
        }
    }
}

impl Geometry {
    pub(crate) fn new(windows: Arc<dyn WindowAssigner>) -> Self {
        let longest = windows.max_length_ms();
        Self {
            windows: windows
                .as_tumbling()
                .map_or(Assignment::Other(windows), Assignment::Tumbling),
            bucket_ms: ((longest + TIME_BUCKETS - 1) / TIME_BUCKETS).max(1),
            session_gap_ms: None,
        }
    }

    /// The same geometry, with session windows if `config` asks for them.
    pub(crate) fn with_sessions(mut self, config: &WindowConfig) -> Self {
        if config.kind == WindowKind::Session {
            self.session_gap_ms = Some(config.gap_ms);
            self.windows = Assignment::Sessions(Tumbling::new(config.gap_ms));
        }
        self
    }

    /// Empty session state if the config asks for session windows.
    pub(crate) fn open_sessions(&self) -> Option<OpenSessions> {
        self.session_gap_ms.map(OpenSessions::new)
    }

    /// Whether windows overlap (sliding, cumulative): an event is then in
    /// several windows, and a per-key total over every window would count it
    /// several times.
    pub(crate) fn overlaps(&self) -> bool {
        matches!(self.windows, Assignment::Other(_))
    }

    /// Whether window `id` is one of the windows that tile event time (each
    /// event in exactly one of them): those a dashboard sums, so a key's total
    /// counts each event once whatever the window kind. See [`counts_once`].
    #[inline]
    pub(crate) fn counts_once(&self, id: TimeMs) -> bool {
        match &self.windows {
            Assignment::Tumbling(_) | Assignment::Sessions(_) => true,
            Assignment::Other(w) => counts_once(w.window_at(id), w.max_length_ms()),
        }
    }

    /// The ids of the windows holding event time `t`, earliest end first.
    #[inline]
    pub(crate) fn windows_of(&self, t: TimeMs) -> WindowIds {
        self.windows.windows_of(t)
    }

    /// The window whose id is `id`.
    #[inline]
    pub(crate) fn window_at(&self, id: TimeMs) -> Window {
        self.windows.window_at(id)
    }

    /// Start of the window `id` (its id, except for cumulative windows).
    #[inline]
    pub(crate) fn origin(&self, id: TimeMs) -> TimeMs {
        self.windows.window_at(id).start
    }

    /// End of the window `id`.
    #[inline]
    pub(crate) fn end_of(&self, id: TimeMs) -> TimeMs {
        self.windows.window_at(id).end
    }

    /// Id of the first window still open at `watermark` (its end is after it):
    /// ids order windows by end, so every window with a smaller id is final.
    #[inline]
    pub(crate) fn first_open(&self, watermark: TimeMs) -> TimeMs {
        self.windows.windows_of(watermark).first
    }
}
