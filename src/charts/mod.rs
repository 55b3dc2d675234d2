//! Charts drawn as SVG from Rust: crisp at any projector size, hoverable, no
//! extra dependency (the wasm bundle stays small). One generic line chart, the
//! series builders, and the panel that lays the comparison charts out.

pub mod band;
pub mod data;
pub mod legend;
pub mod line;
pub mod panel;
pub mod scale;
pub mod spark;
pub mod spark_points;

/// Marker shape of a series (the non-colour encoding of the pipeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// No marker.
    None,
    /// Square (batch).
    Square,
    /// Circle (streaming).
    Circle,
}

/// How a chart formats its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Milliseconds shown as a duration.
    Duration,
    /// Events (a count).
    Count,
    /// Events per second.
    Rate,
    /// Percentage.
    Percent,
    /// Worker-seconds.
    WorkerSeconds,
}

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Stable machine name (`data-series` of its path: tests find it by this).
    pub id: &'static str,
    /// Legend name.
    pub name: String,
    /// Stroke colour (Okabe–Ito).
    pub color: &'static str,
    /// SVG dash pattern (`None`: solid).
    pub dash: Option<&'static str>,
    /// Line width, in chart units.
    pub width: f64,
    /// Marker shape.
    pub marker: Marker,
    /// (x in ms, y) points; `None` y breaks the line.
    pub points: Vec<(f64, Option<f64>)>,
}

/// Batch colour (Okabe–Ito orange), everywhere.
pub const BATCH: &str = "#E69F00";
/// Streaming colour (Okabe–Ito blue), everywhere.
pub const STREAMING: &str = "#0072B2";
/// Input (arrival rate) colour.
pub const INPUT: &str = "#333333";
/// Capacity line and overload band colour (Okabe–Ito vermillion).
pub const CAPACITY: &str = "#D55E00";
/// Line style of "the oldest waiting event" while nothing is published: dotted.
pub const WAITING_DASH: Option<&str> = Some("2 5");
/// Batch line style: dashed.
pub const BATCH_DASH: Option<&str> = Some("9 5");
