//! The rows of the parameter table, in the order the parameter panel shows
//! them and validation reports them. Bounds are the engine's limits: each keeps
//! a run within the resource model (`crate::resources`) or the model's meaning.

use super::{Access, Bounds, Kind, Param, Slot, Unit};
use crate::config::{
    DailyProfile, ExperimentConfig, OutputMode, ScenarioConfig as S, ServiceTime,
    StreamingMode as M, WindowKind, MAX_DURATION_MS,
};
use crate::flink_rules::LateDataOutput;
use crate::time::{DAY_MS, HOUR_MS, MINUTE_MS};
use crate::validate::{MAX_DELAY_MS, MIN_SERVICE_MEAN_MS};
use crate::window::MAX_WINDOWS_PER_EVENT;

type Get = fn(&mut ExperimentConfig, usize) -> Option<Slot<'_>>;

const fn number(
    path: &'static str,
    kind: Kind,
    unit: Unit,
    bounds: fn(&ExperimentConfig) -> Bounds,
    get: Get,
    doc: &'static str,
) -> Param {
    super::bounded(path, kind, unit, bounds, Access::Number(get), doc)
}

const fn int(
    path: &'static str,
    unit: Unit,
    bounds: fn(&ExperimentConfig) -> Bounds,
    get: Get,
    doc: &'static str,
) -> Param {
    number(path, Kind::Int, unit, bounds, get, doc)
}

const fn float(
    path: &'static str,
    unit: Unit,
    bounds: fn(&ExperimentConfig) -> Bounds,
    get: Get,
    doc: &'static str,
) -> Param {
    number(path, Kind::Float, unit, bounds, get, doc)
}

const fn choice(
    path: &'static str,
    names: &'static [&'static str],
    get: fn(&ExperimentConfig) -> Option<usize>,
    set: fn(&mut ExperimentConfig, usize),
    doc: &'static str,
) -> Param {
    Param {
        path,
        kind: Kind::Choice(names),
        unit: Unit::None,
        doc: super::doc_text(doc),
        bounds: None,
        access: Access::Choice(get, set),
    }
}

const MAX_DELAY: f64 = MAX_DELAY_MS as f64;
const WEEK: f64 = 7.0 * DAY_MS as f64;
const DAY: f64 = DAY_MS as f64;
const HOUR: f64 = HOUR_MS as f64;
const MINUTE: f64 = MINUTE_MS as f64;

/// The rows before the scenarios'.
const HEAD: [Param; 7] = [
    Param { path: "seed", kind: Kind::Int, unit: Unit::None, bounds: None, access: Access::Number(|c, _| Some(Slot::U64(&mut c.seed))),
        doc: super::doc_text("Seed of every random choice: same seed + same config ⇒ identical run.") },
    int("duration_ms", Unit::Ms, |_| Bounds::new(1_000.0, MAX_DURATION_MS as f64), |c, _| Some(Slot::I64(&mut c.duration_ms)),
        "Simulated duration; events have event times in [0, duration)."),
    int("sample_every_ms", Unit::Ms, |_| Bounds::new(10.0, DAY), |c, _| Some(Slot::I64(&mut c.sample_every_ms)),
        "Interval between two metric samples (chart points)."),
    choice("window.kind", WindowKind::NAMES,
        |c| Some(c.window.kind as usize),
        set_window_kind,
        "Kind of event-time window: tumbling (one per event), sliding (size every slide), cumulative (grows by a step from each period start) or session (per key, closes after a gap without events)."),
    int("window.size_ms", Unit::Ms, |_| Bounds::new(10.0, DAY),
        |c, _| c.window.uses("size_ms").then_some(Slot::I64(&mut c.window.size_ms)),
        "Event-time window of the query, shared by both pipelines: tumbling and sliding, each window's length; cumulative, the period it grows over."),
    int("window.slide_ms", Unit::Ms, slide_bounds,
        |c, _| c.window.uses("slide_ms").then_some(Slot::I64(&mut c.window.slide_ms)),
        "Sliding: a window starts every slide; cumulative: the window grows by this step. The size is a multiple of it, at most 100 times it."),
    int("window.gap_ms", Unit::Ms, |_| Bounds::new(10.0, DAY),
        |c, _| c.window.uses("gap_ms").then_some(Slot::I64(&mut c.window.gap_ms)),
        "Session windows: a key's session ends once no event of it came for this gap (Spark's session_window gap)."),
];

/// Every parameter, once: the rows above, each registered scenario's
/// (`crate::scenario::registry`; a row several scenarios list stands where
/// the last lists it), then the rows below. Built at compile time, so the
/// table is plain data, as it was when every row was written here.
pub static PARAMS: [Param; LEN] = {
    let mut out = [HEAD[0]; LEN];
    let mut n = 0;
    while n < HEAD.len() {
        out[n] = HEAD[n];
        n += 1;
    }
    let (mut g, mut i) = (0, 0);
    while g < S::PARAMS.len() {
        while i < S::PARAMS[g].len() {
            if kept(g, i) {
                out[n] = S::PARAMS[g][i];
                n += 1;
            }
            i += 1;
        }
        (g, i) = (g + 1, 0);
    }
    let mut t = 0;
    while t < TAIL.len() {
        out[n + t] = TAIL[t];
        t += 1;
    }
    out
};

/// Number of rows of [`PARAMS`].
const LEN: usize = {
    let mut n = HEAD.len() + TAIL.len();
    let (mut g, mut i) = (0, 0);
    while g < S::PARAMS.len() {
        while i < S::PARAMS[g].len() {
            n += kept(g, i) as usize;
            i += 1;
        }
        (g, i) = (g + 1, 0);
    }
    n
};

/// Whether scenario row `i` of scenario `g` is kept: no later scenario lists its path.
const fn kept(g: usize, i: usize) -> bool {
    let path = S::PARAMS[g][i].path.as_bytes();
    let (mut h, mut j) = (g, i + 1);
    while h < S::PARAMS.len() {
        while j < S::PARAMS[h].len() {
            if same(S::PARAMS[h][j].path.as_bytes(), path) {
                return false;
            }
            j += 1;
        }
        (h, j) = (h + 1, 0);
    }
    true
}

/// `a == b`, in a constant.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The rows after the scenarios'.
const TAIL: [Param; 28] = [
    float("workload.rate_eps", Unit::EventsPerSecond, |_| Bounds::positive(1_000_000.0), |c, _| Some(Slot::F64(&mut c.workload.rate_eps)),
        "Base arrival rate (Poisson), per second of event time."),
    choice("workload.daily_profile", &["flat", "diurnal"],
        |c| Some(usize::from(matches!(c.workload.daily_profile, DailyProfile::Diurnal { .. }))),
        |c, i| match (i, &c.workload.daily_profile) {
            (0, _) => c.workload.daily_profile = DailyProfile::Flat,
            (_, DailyProfile::Flat) => c.workload.daily_profile = DailyProfile::Diurnal { amplitude: 0.5, peak_hour: 20.0 },
            _ => {}
        },
        "Daily shape of the rate: flat, or a sinusoidal day."),
    float("workload.daily_profile.amplitude", Unit::Fraction, |_| Bounds::new(0.0, 0.99),
        |c, _| match &mut c.workload.daily_profile { DailyProfile::Diurnal { amplitude, .. } => Some(Slot::F64(amplitude)), DailyProfile::Flat => None },
        "Diurnal: relative swing of the rate around its base."),
    float("workload.daily_profile.peak_hour", Unit::HourOfDay, |_| Bounds::new(0.0, 24.0),
        |c, _| match &mut c.workload.daily_profile { DailyProfile::Diurnal { peak_hour, .. } => Some(Slot::F64(peak_hour)), DailyProfile::Flat => None },
        "Diurnal: hour of the day (UTC) when the rate peaks."),
    int("workload.bursts[].start_ms", Unit::Ms, |c| Bounds::new(0.0, c.duration_ms.max(0) as f64),
        |c, i| c.workload.bursts.get_mut(i).map(|b| Slot::I64(&mut b.start_ms)),
        "Load spike: start, in event time (within the duration)."),
    int("workload.bursts[].duration_ms", Unit::Ms, |c| Bounds::new(1.0, c.duration_ms.max(1) as f64),
        |c, i| c.workload.bursts.get_mut(i).map(|b| Slot::I64(&mut b.duration_ms)),
        "Load spike: duration."),
    float("workload.bursts[].multiplier", Unit::Times, |_| Bounds::new(1.0, 1_000.0),
        |c, i| c.workload.bursts.get_mut(i).map(|b| Slot::F64(&mut b.multiplier)),
        "Load spike: the arrival rate is multiplied by this during the spike."),
    float("delay.mean_ms", Unit::Ms, |_| Bounds::new(0.0, MAX_DELAY), |c, _| Some(Slot::F64(&mut c.delay.mean_ms)),
        "Mean normal ingestion delay (arrival = event time + delay)."),
    float("delay.jitter_ms", Unit::Ms, |_| Bounds::new(0.0, MAX_DELAY), |c, _| Some(Slot::F64(&mut c.delay.jitter_ms)),
        "Standard deviation of the normal delay; delays are cut at 0."),
    float("delay.late_fraction", Unit::Fraction, |_| Bounds::new(0.0, 1.0), |c, _| Some(Slot::F64(&mut c.delay.late_fraction)),
        "Fraction of events that are very late (a phone that was offline)."),
    float("delay.late_mean_ms", Unit::Ms, |_| Bounds::new(0.0, MAX_DELAY), |c, _| Some(Slot::F64(&mut c.delay.late_mean_ms)),
        "Mean extra delay of a very late event (exponential)."),
    int("batch.interval_ms", Unit::Ms, |_| Bounds::new(1_000.0, WEEK), |c, _| Some(Slot::I64(&mut c.batch.interval_ms)),
        "Batch schedule interval and length of the event-time period a run covers (a multiple of the window)."),
    int("batch.offset_ms", Unit::Ms, |_| Bounds::new(0.0, WEEK), |c, _| Some(Slot::I64(&mut c.batch.offset_ms)),
        "Delay between the end of a period and the start of its run (the wait for late data)."),
    int("batch.startup_ms", Unit::Ms, |_| Bounds::new(0.0, DAY), |c, _| Some(Slot::I64(&mut c.batch.startup_ms)),
        "Batch job start-up overhead (cluster spin-up, planning)."),
    float("batch.per_event_cost_us", Unit::Us, |_| Bounds::new(0.0, 1_000_000.0), |c, _| Some(Slot::F64(&mut c.batch.per_event_cost_us)),
        "Batch: processing cost of one event on one worker."),
    int("batch.workers", Unit::Workers, |_| Bounds::new(1.0, 1_024.0), |c, _| Some(Slot::U32(&mut c.batch.workers)),
        "Batch: workers of the job (paid only while it runs)."),
    choice("streaming.mode", &["micro_batch", "continuous"],
        |c| Some(usize::from(matches!(c.streaming.mode, M::Continuous { .. }))),
        |c, i| match (i, &c.streaming.mode) {
            // Flink's rules apply only to per-record mode: reset with it.
            (0, M::Continuous { .. }) => {
                c.streaming.mode = M::default();
                c.streaming.flink = crate::FlinkRules::default();
            }
            // 100 events/s of capacity, with the shortest service time the
            // 1 ms clock allows without biasing latency.
            (1, M::MicroBatch { .. }) => c.streaming.mode = M::Continuous { workers: 10, service: ServiceTime::Exponential, service_mean_ms: MIN_SERVICE_MEAN_MS },
            _ => {}
        },
        "Streaming scheduling: Spark-style micro-batches or per-record (Flink-like)."),
    int("streaming.mode.trigger_ms", Unit::Ms, |_| Bounds::new(10.0, HOUR),
        |c, _| match &mut c.streaming.mode { M::MicroBatch { trigger_ms, .. } => Some(Slot::I64(trigger_ms)), M::Continuous { .. } => None },
        "Micro-batch: trigger interval."),
    int("streaming.mode.batch_overhead_ms", Unit::Ms, |_| Bounds::new(0.0, HOUR),
        |c, _| match &mut c.streaming.mode { M::MicroBatch { batch_overhead_ms, .. } => Some(Slot::I64(batch_overhead_ms)), M::Continuous { .. } => None },
        "Micro-batch: fixed overhead of one micro-batch (planning, commit)."),
    float("streaming.mode.per_event_cost_us", Unit::Us, |_| Bounds::new(0.0, 1_000_000.0),
        |c, _| match &mut c.streaming.mode { M::MicroBatch { per_event_cost_us, .. } => Some(Slot::F64(per_event_cost_us)), M::Continuous { .. } => None },
        "Micro-batch: processing cost of one event on one worker."),
    int("streaming.mode.workers", Unit::Workers, |_| Bounds::new(1.0, 1_024.0),
        |c, _| match &mut c.streaming.mode { M::MicroBatch { workers, .. } | M::Continuous { workers, .. } => Some(Slot::U32(workers)) },
        "Streaming workers (always on)."),
    choice("streaming.mode.service", &["fixed", "exponential"],
        |c| match c.streaming.mode { M::Continuous { service, .. } => Some(usize::from(service == ServiceTime::Exponential)), M::MicroBatch { .. } => None },
        |c, i| if let M::Continuous { service, .. } = &mut c.streaming.mode {
            *service = if i == 0 { ServiceTime::Fixed } else { ServiceTime::Exponential };
        },
        "Per-record: service time distribution, fixed (M/D/c) or exponential (M/M/c)."),
    float("streaming.mode.service_mean_ms", Unit::Ms, |_| Bounds::new(MIN_SERVICE_MEAN_MS, HOUR),
        |c, _| match &mut c.streaming.mode { M::Continuous { service_mean_ms, .. } => Some(Slot::F64(service_mean_ms)), M::MicroBatch { .. } => None },
        "Per-record: mean service time of one event."),
    int("streaming.watermark_delay_ms", Unit::Ms, |_| Bounds::new(0.0, MAX_DELAY), |c, _| Some(Slot::I64(&mut c.streaming.watermark_delay_ms)),
        "Watermark delay (bounded out-of-orderness): watermark = max event time seen − delay."),
    choice("streaming.output_mode", &["append", "update", "complete"],
        |c| Some(c.streaming.output_mode as usize),
        |c, i| c.streaming.output_mode = [OutputMode::Append, OutputMode::Update, OutputMode::Complete][i.min(2)],
        "What streaming publishes: final windows only (append), every change (update) or the whole result table every trigger, evicting nothing (complete)."),
    // Flink's late-data rules: per-record mode only (`crate::flink_rules`).
    int("streaming.flink.auto_watermark_interval_ms", Unit::Ms, |_| Bounds::new(0.0, MINUTE),
        |c, _| flink(c).map(|f| Slot::I64(&mut f.auto_watermark_interval_ms)),
        "Per-record: processing time between two periodic watermarks (Flink's auto-watermark interval, 200 ms there); 0: a watermark after every record."),
    int("streaming.flink.allowed_lateness_ms", Unit::Ms, |_| Bounds::new(0.0, MAX_DELAY),
        |c, _| flink(c).map(|f| Slot::I64(&mut f.allowed_lateness_ms)),
        "Per-record: how long after a window fired it still takes late events, each firing it again (Flink's allowed lateness)."),
    choice("streaming.flink.late_data", &["drop", "side_output"],
        |c| matches!(c.streaming.mode, M::Continuous { .. }).then_some(c.streaming.flink.late_data as usize),
        |c, i| c.streaming.flink.late_data = [LateDataOutput::Drop, LateDataOutput::SideOutput][i.min(1)],
        "Per-record: events later than the allowed lateness are dropped (counted as numLateRecordsDropped) or sent to a side output (counted and listed)."),
];

/// Flink's rules of a per-record config (None in micro-batch mode: they do not apply).
fn flink(c: &mut ExperimentConfig) -> Option<&mut crate::FlinkRules> {
    matches!(c.streaming.mode, M::Continuous { .. }).then_some(&mut c.streaming.flink)
}

/// Bounds of `window.slide_ms`: at most [`MAX_WINDOWS_PER_EVENT`] windows per event.
fn slide_bounds(c: &ExperimentConfig) -> Bounds {
    let size = c.window.size_ms as f64;
    Bounds::new(
        (size / MAX_WINDOWS_PER_EVENT as f64).ceil().max(10.0),
        size.max(10.0),
    )
}

/// Switches the window kind; the kind sets what it needs and lacks (a
/// slide, a gap: `crate::window::kinds`).
fn set_window_kind(c: &mut ExperimentConfig, i: usize) {
    c.window.kind = WindowKind::ALL[i.min(WindowKind::ALL.len() - 1)];
    (c.window.kind.spec().prepare)(&mut c.window);
}
