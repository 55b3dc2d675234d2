//! The series of the charts Spark's Structured Streaming UI draws for a query,
//! with its names: input rate vs process rate, batch duration vs trigger
//! interval, global watermark gap, rows dropped by watermark, state rows. A pure
//! mapping of [`SparkPoint`]s, the numbers are the engine's progress log.

use super::spark_points::SparkPoint;
use super::{Marker, Series, CAPACITY, INPUT, STREAMING};
use crate::i18n::{Key, Lang};

/// Okabe–Ito bluish green: the second line of a streaming-only chart.
const SECOND: &str = "#009E73";

fn line(
    id: &'static str,
    name: Key,
    lang: Lang,
    (color, dash, width): (&'static str, Option<&'static str>, f64),
    points: &[SparkPoint],
    y: impl Fn(&SparkPoint) -> Option<f64>,
) -> Series {
    Series {
        id,
        name: lang.t(name).to_string(),
        color,
        dash,
        width,
        marker: if dash.is_none() {
            Marker::Circle
        } else {
            Marker::Square
        },
        points: points.iter().map(|p| (p.t_ms as f64, y(p))).collect(),
    }
}

/// `inputRowsPerSecond` (dashed) against `processedRowsPerSecond` (solid): where
/// input passes process, each batch takes longer than its trigger and backlog grows.
pub fn rates(points: &[SparkPoint], lang: Lang) -> Vec<Series> {
    vec![
        line(
            "input-rate",
            Key::SparkInputRate,
            lang,
            (INPUT, Some("2 4"), 3.0),
            points,
            SparkPoint::input_rate,
        ),
        line(
            "process-rate",
            Key::SparkProcessRate,
            lang,
            (STREAMING, None, 3.0),
            points,
            SparkPoint::process_rate,
        ),
    ]
}

/// The longest batch duration of each point against the trigger interval (flat).
pub fn duration(points: &[SparkPoint], lang: Lang, trigger_ms: f64, x_max: f64) -> Vec<Series> {
    let mut trigger = line(
        "trigger",
        Key::SparkTrigger,
        lang,
        (CAPACITY, Some("10 4 2 4"), 2.5),
        &[],
        |_| None,
    );
    trigger.marker = Marker::None;
    trigger.points = vec![(0.0, Some(trigger_ms)), (x_max, Some(trigger_ms))];
    vec![
        line(
            "batch-duration",
            Key::SparkBatchDuration,
            lang,
            (STREAMING, None, 3.0),
            points,
            |p| Some(p.max_duration_ms as f64),
        ),
        trigger,
    ]
}

/// Trigger time − watermark: how far behind "now" the query considers event time complete.
pub fn watermark_gap(points: &[SparkPoint], lang: Lang) -> Vec<Series> {
    vec![line(
        "watermark-gap",
        Key::SparkWatermarkGap,
        lang,
        (STREAMING, None, 3.0),
        points,
        |p| Some(p.watermark_gap_ms as f64),
    )]
}

/// `numRowsDroppedByWatermark` summed per point.
pub fn dropped(points: &[SparkPoint], lang: Lang) -> Vec<Series> {
    vec![line(
        "dropped-by-watermark",
        Key::SparkDropped,
        lang,
        (CAPACITY, None, 3.0),
        points,
        |p| Some(p.dropped as f64),
    )]
}

/// `numRowsTotal` (thick) and `numRowsUpdated` (thin, dashed).
pub fn state_rows(points: &[SparkPoint], lang: Lang) -> Vec<Series> {
    vec![
        line(
            "state-rows-total",
            Key::SparkStateTotal,
            lang,
            (STREAMING, None, 3.5),
            points,
            |p| Some(p.state_rows as f64),
        ),
        line(
            "state-rows-updated",
            Key::SparkStateUpdated,
            lang,
            (SECOND, Some("6 4"), 2.0),
            points,
            |p| Some(p.updated_rows as f64),
        ),
    ]
}
