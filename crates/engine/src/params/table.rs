//! The rows of the parameter table, in the order the parameter panel shows
//! them and validation reports them. Bounds are the engine's limits: each keeps
//! a run within the resource model (`crate::resources`) or the model's meaning.

use super::{Access, Bounds, Kind, Param, Slot, Unit};
use crate::config::{
    DailyProfile, ExperimentConfig, OutputMode, ScenarioConfig as S, ServiceTime,
    StreamingMode as M, WebConfig, WindowKind, MAX_DURATION_MS,
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
    Param {
        path,
        kind,
        unit,
        doc,
        bounds: Some(bounds),
        access: Access::Number(get),
    }
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
        doc,
        bounds: None,
        access: Access::Choice(get, set),
    }
}

const MAX_DELAY: f64 = MAX_DELAY_MS as f64;
const WEEK: f64 = 7.0 * DAY_MS as f64;
const DAY: f64 = DAY_MS as f64;
const HOUR: f64 = HOUR_MS as f64;
const MINUTE: f64 = MINUTE_MS as f64;

/// Every parameter, once.
pub static PARAMS: [Param; 57] = [
    Param { path: "seed", kind: Kind::Int, unit: Unit::None, bounds: None, access: Access::Number(|c, _| Some(Slot::U64(&mut c.seed))),
        doc: "Seed of every random choice: same seed + same config ⇒ identical run." },
    int("duration_ms", Unit::Ms, |_| Bounds::new(1_000.0, MAX_DURATION_MS as f64), |c, _| Some(Slot::I64(&mut c.duration_ms)),
        "Simulated duration; events have event times in [0, duration)."),
    int("sample_every_ms", Unit::Ms, |_| Bounds::new(10.0, DAY), |c, _| Some(Slot::I64(&mut c.sample_every_ms)),
        "Interval between two metric samples (chart points)."),
    choice("window.kind", &["tumbling", "sliding", "cumulative", "session"],
        |c| Some(c.window.kind as usize),
        set_window_kind,
        "Kind of event-time window: tumbling (one per event), sliding (size every slide), cumulative (grows by a step from each period start) or session (per key, closes after a gap without events)."),
    int("window.size_ms", Unit::Ms, |_| Bounds::new(10.0, DAY),
        |c, _| match c.window.kind { WindowKind::Session => None, _ => Some(Slot::I64(&mut c.window.size_ms)) },
        "Event-time window of the query, shared by both pipelines: tumbling and sliding, each window's length; cumulative, the period it grows over."),
    int("window.slide_ms", Unit::Ms, slide_bounds,
        |c, _| match c.window.kind { WindowKind::Tumbling | WindowKind::Session => None, _ => Some(Slot::I64(&mut c.window.slide_ms)) },
        "Sliding: a window starts every slide; cumulative: the window grows by this step. The size is a multiple of it, at most 100 times it."),
    int("window.gap_ms", Unit::Ms, |_| Bounds::new(10.0, DAY),
        |c, _| match c.window.kind { WindowKind::Session => Some(Slot::I64(&mut c.window.gap_ms)), _ => None },
        "Session windows: a key's session ends once no event of it came for this gap (Spark's session_window gap)."),
    int("scenario.categories", Unit::Categories, |_| Bounds::new(1.0, 64.0),
        |c, _| match &mut c.scenario { S::Sales { categories, .. } => Some(Slot::U32(categories)), _ => None },
        "Sales: number of product categories (group keys)."),
    int("scenario.posts", Unit::Posts, |_| Bounds::new(1.0, 10_000.0),
        |c, _| match &mut c.scenario { S::Social { posts, .. } => Some(Slot::U32(posts)), _ => None },
        "Social: number of posts."),
    float("scenario.zipf_exponent", Unit::Exponent, |_| Bounds::positive(5.0),
        |c, _| match &mut c.scenario { S::Social { zipf_exponent, .. } => Some(Slot::F64(zipf_exponent)), _ => None },
        "Social: Zipf exponent of post popularity (1 = classic Zipf; larger = more skewed)."),
    int("scenario.cards", Unit::Cards, |_| Bounds::new(1.0, 5_000.0),
        |c, _| match &mut c.scenario { S::Fraud { cards, .. } => Some(Slot::U32(cards)), _ => None },
        "Fraud: number of cards."),
    int("scenario.mean_amount_cents", Unit::Cents, |_| Bounds::new(1.0, 100_000_000.0),
        |c, _| match &mut c.scenario {
            S::Sales { mean_amount_cents, .. } | S::Fraud { mean_amount_cents, .. } => Some(Slot::I64(mean_amount_cents)),
            S::Social { .. } | S::Iot { .. } | S::Web(_) => None,
        },
        "Sales and fraud: mean order or transaction amount."),
    int("scenario.alert_threshold", Unit::TransactionsPerWindow, |_| Bounds::new(1.0, 1_000.0),
        |c, _| match &mut c.scenario { S::Fraud { alert_threshold, .. } => Some(Slot::U32(alert_threshold)), _ => None },
        "Fraud: a card with more transactions than this in one window raises an alert."),
    float("scenario.bursts_per_hour", Unit::BurstsPerHour, |_| Bounds::new(0.0, 1_000.0),
        |c, _| match &mut c.scenario { S::Fraud { bursts_per_hour, .. } => Some(Slot::F64(bursts_per_hour)), _ => None },
        "Fraud: mean number of fraud bursts per hour of event time."),
    int("scenario.burst_transactions", Unit::Transactions, |_| Bounds::new(1.0, 1_000.0),
        |c, _| match &mut c.scenario { S::Fraud { burst_transactions, .. } => Some(Slot::U32(burst_transactions)), _ => None },
        "Fraud: transactions in one fraud burst."),
    int("scenario.burst_duration_ms", Unit::Ms, |_| Bounds::new(1.0, DAY),
        |c, _| match &mut c.scenario { S::Fraud { burst_duration_ms, .. } => Some(Slot::I64(burst_duration_ms)), _ => None },
        "Fraud: duration of one fraud burst, in event time."),
    // IoT monitoring.
    int("scenario.sensors", Unit::Sensors, |_| Bounds::new(1.0, 5_000.0),
        |c, _| match &mut c.scenario { S::Iot { sensors, .. } => Some(Slot::U32(sensors)), _ => None },
        "IoT: number of sensors."),
    int("scenario.mean_centi", Unit::CentiDegrees, |_| Bounds::new(1.0, 10_000.0),
        |c, _| match &mut c.scenario { S::Iot { mean_centi, .. } => Some(Slot::I64(mean_centi)), _ => None },
        "IoT: mean normal reading."),
    int("scenario.noise_centi", Unit::CentiDegrees, |_| Bounds::new(0.0, 2_000.0),
        |c, _| match &mut c.scenario { S::Iot { noise_centi, .. } => Some(Slot::I64(noise_centi)), _ => None },
        "IoT: standard deviation of the noise of normal readings."),
    int("scenario.alert_above_centi", Unit::CentiDegrees, |_| Bounds::new(0.0, 20_000.0),
        |c, _| match &mut c.scenario { S::Iot { alert_above_centi, .. } => Some(Slot::I64(alert_above_centi)), _ => None },
        "IoT: a sensor whose window maximum is above this raises an alert."),
    float("scenario.anomalies_per_hour", Unit::AnomaliesPerHour, |_| Bounds::new(0.0, 1_000.0),
        |c, _| match &mut c.scenario { S::Iot { anomalies_per_hour, .. } => Some(Slot::F64(anomalies_per_hour)), _ => None },
        "IoT: mean number of anomalies (a sensor spikes) per hour of event time."),
    int("scenario.anomaly_readings", Unit::Readings, |_| Bounds::new(1.0, 1_000.0),
        |c, _| match &mut c.scenario { S::Iot { anomaly_readings, .. } => Some(Slot::U32(anomaly_readings)), _ => None },
        "IoT: anomalous readings in one anomaly, all above the alert threshold."),
    int("scenario.anomaly_duration_ms", Unit::Ms, |_| Bounds::new(1.0, DAY),
        |c, _| match &mut c.scenario { S::Iot { anomaly_duration_ms, .. } => Some(Slot::I64(anomaly_duration_ms)), _ => None },
        "IoT: duration of one anomaly, in event time."),
    float("scenario.offline_fraction", Unit::Fraction, |_| Bounds::new(0.0, 1.0),
        |c, _| match &mut c.scenario {
            S::Iot { offline_fraction, .. } | S::Web(WebConfig { offline_fraction, .. }) => Some(Slot::F64(offline_fraction)),
            _ => None,
        },
        "IoT and web: share of (sensor or visitor, outage slot) pairs where the device is offline."),
    int("scenario.offline_ms", Unit::Ms, |_| Bounds::new(1.0, DAY),
        |c, _| match &mut c.scenario {
            S::Iot { offline_ms, .. } | S::Web(WebConfig { offline_ms, .. }) => Some(Slot::I64(offline_ms)),
            _ => None,
        },
        "IoT and web: outage slot; readings or page views taken offline arrive when it ends (the device reconnects)."),
    // Web traffic.
    int("scenario.visitors", Unit::Visitors, |_| Bounds::new(1.0, 100_000.0),
        |c, _| match &mut c.scenario { S::Web(w) => Some(Slot::U32(&mut w.visitors)), _ => None },
        "Web: number of visitors (group keys); each visit is one of them, so visitors come back."),
    float("scenario.pages_per_visit", Unit::Pages, |_| Bounds::new(2.0, 50.0),
        |c, _| match &mut c.scenario { S::Web(w) => Some(Slot::F64(&mut w.pages_per_visit)), _ => None },
        "Web: mean page views of a visit that does not bounce."),
    float("scenario.bounce_fraction", Unit::Fraction, |_| Bounds::new(0.0, 1.0),
        |c, _| match &mut c.scenario { S::Web(w) => Some(Slot::F64(&mut w.bounce_fraction)), _ => None },
        "Web: share of visits that see one page only, on average (blog and social visits bounce more)."),
    int("scenario.think_ms", Unit::Ms, |_| Bounds::new(1.0, HOUR),
        |c, _| match &mut c.scenario { S::Web(w) => Some(Slot::I64(&mut w.think_ms)), _ => None },
        "Web: mean time between two page views of one visit (think time)."),
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

/// Switches the window kind; a slide is set (a tenth of the size, which
/// divides it) when the new kind needs one and has none.
fn set_window_kind(c: &mut ExperimentConfig, i: usize) {
    c.window.kind = [
        WindowKind::Tumbling,
        WindowKind::Sliding,
        WindowKind::Cumulative,
        WindowKind::Session,
    ][i.min(3)];
    match c.window.kind {
        WindowKind::Tumbling => {}
        WindowKind::Session if c.window.gap_ms == 0 => {
            c.window.gap_ms = (c.window.size_ms / 2).max(10);
        }
        WindowKind::Session => {}
        _ if c.window.slide_ms == 0 => c.window.slide_ms = (c.window.size_ms / 10).max(10),
        _ => {}
    }
}
