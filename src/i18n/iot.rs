//! The IoT monitoring scenario's own texts (its dashboard and alert summary);
//! their wording is in each language file's `[iot]` section, its parameters, units
//! and preset in `[fields]`, `[units]` and `[presets]`.

use super::Lang;

/// The IoT scenario's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Dashboard caption.
    Dashboard,
    /// A sensor, before its number.
    Sensor,
    /// Dashboard with no alert row yet.
    NoAlert,
    /// Summary row: anomalies alerted / all.
    Alerted,
    /// Summary row: time to alert (median · p99 · max).
    TimeToAlert,
    /// Summary row: anomalies not alerted.
    Missed,
    /// Summary row: alerts with no anomaly.
    FalseAlerts,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    lang.lookup_iot(text)
}
