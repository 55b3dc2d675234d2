//! The IoT monitoring scenario's strings, in both languages: its parameters,
//! units, preset, dashboard and alert summary. Kept apart from the main tables
//! (`en.rs`, `pt.rs`), which delegate here for what they do not hold.

use bslab_engine::params::Unit;

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
    use Text::*;
    match (lang, text) {
        (Lang::En, Dashboard) => "Sensors in alert: readings in alert windows",
        (Lang::Pt, Dashboard) => "Sensores em alerta: leituras nas janelas com alerta",
        (Lang::En, Sensor) => "Sensor",
        (Lang::Pt, Sensor) => "Sensor",
        (Lang::En, NoAlert) => {
            "No alert yet: no sensor has gone above the threshold in any window."
        }
        (Lang::Pt, NoAlert) => {
            "Nenhum alerta ainda: nenhum sensor passou do limite em nenhuma janela."
        }
        (Lang::En, Alerted) => "Anomalies alerted",
        (Lang::Pt, Alerted) => "Anomalias com alerta",
        (Lang::En, TimeToAlert) => "Time to alert (median · p99 · max)",
        (Lang::Pt, TimeToAlert) => "Tempo até o alerta (mediana · p99 · máx.)",
        (Lang::En, Missed) => "Anomalies missed (late data, watermark, batch not run yet)",
        (Lang::Pt, Missed) => {
            "Anomalias perdidas (dados atrasados, watermark, batch ainda não rodou)"
        }
        (Lang::En, FalseAlerts) => "False alerts (noise above the threshold)",
        (Lang::Pt, FalseAlerts) => "Alertas falsos (ruído acima do limite)",
    }
}

/// Label and help of an IoT parameter.
pub fn field(lang: Lang, path: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, path) {
        (Lang::En, "scenario.sensors") => (
            "Sensors",
            "Number of temperature sensors (the groups of the query).",
        ),
        (Lang::Pt, "scenario.sensors") => (
            "Sensores",
            "Número de sensores de temperatura (os grupos da consulta).",
        ),
        (Lang::En, "scenario.mean_centi") => (
            "Mean temperature",
            "Average normal reading, in hundredths of a degree (2000 = 20 °C).",
        ),
        (Lang::Pt, "scenario.mean_centi") => (
            "Temperatura média",
            "Leitura normal média, em centésimos de grau (2000 = 20 °C).",
        ),
        (Lang::En, "scenario.noise_centi") => (
            "Noise",
            "Spread (standard deviation) of normal readings, in hundredths of a degree.",
        ),
        (Lang::Pt, "scenario.noise_centi") => (
            "Ruído",
            "Dispersão (desvio padrão) das leituras normais, em centésimos de grau.",
        ),
        (Lang::En, "scenario.alert_above_centi") => (
            "Alert above",
            "A sensor whose highest reading in a window is above this raises an alert.",
        ),
        (Lang::Pt, "scenario.alert_above_centi") => (
            "Alerta acima de",
            "Um sensor cuja maior leitura na janela passa deste valor dispara um alerta.",
        ),
        (Lang::En, "scenario.anomalies_per_hour") => (
            "Anomalies per hour",
            "How often a sensor starts spiking above the threshold.",
        ),
        (Lang::Pt, "scenario.anomalies_per_hour") => (
            "Anomalias por hora",
            "Com que frequência um sensor começa a disparar acima do limite.",
        ),
        (Lang::En, "scenario.anomaly_readings") => (
            "Readings per anomaly",
            "Anomalous readings in one anomaly, all above the threshold.",
        ),
        (Lang::Pt, "scenario.anomaly_readings") => (
            "Leituras por anomalia",
            "Leituras anômalas em uma anomalia, todas acima do limite.",
        ),
        (Lang::En, "scenario.anomaly_duration_ms") => {
            ("Anomaly duration", "How long one anomaly lasts.")
        }
        (Lang::Pt, "scenario.anomaly_duration_ms") => {
            ("Duração da anomalia", "Quanto tempo dura uma anomalia.")
        }
        (Lang::En, "scenario.offline_fraction") => (
            "Offline share",
            "Share of stretches during which a sensor (or a visitor's phone) has lost its connection, from 0 to 1.",
        ),
        (Lang::Pt, "scenario.offline_fraction") => (
            "Fração offline",
            "Fração dos períodos em que um sensor (ou o celular de um visitante) perdeu a conexão, de 0 a 1.",
        ),
        (Lang::En, "scenario.offline_ms") => (
            "Outage length",
            "A sensor (or phone) offline keeps its readings (page views) and uploads them all when it reconnects.",
        ),
        (Lang::Pt, "scenario.offline_ms") => (
            "Duração da queda",
            "Um sensor (ou celular) offline guarda as leituras (visualizações) e envia todas juntas quando reconecta.",
        ),
        _ => return None,
    })
}

/// An IoT unit's label under an input and the word after a bound.
pub fn unit(lang: Lang, unit: Unit) -> (&'static str, &'static str) {
    match (lang, unit) {
        (Lang::En, Unit::Sensors) => ("sensors", "sensors"),
        (Lang::Pt, Unit::Sensors) => ("sensores", "sensores"),
        (Lang::En, Unit::CentiDegrees) => ("hundredths of °C", "hundredths of °C"),
        (Lang::Pt, Unit::CentiDegrees) => ("centésimos de °C", "centésimos de °C"),
        (Lang::En, Unit::AnomaliesPerHour) => ("anomalies/hour", "anomalies per hour"),
        (Lang::Pt, Unit::AnomaliesPerHour) => ("anomalias/hora", "anomalias por hora"),
        (Lang::En, Unit::Readings) => ("readings", "readings"),
        (Lang::Pt, Unit::Readings) => ("leituras", "leituras"),
        _ => ("", ""),
    }
}

/// Title and lesson of the IoT preset.
pub fn preset(lang: Lang, name: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, name) {
        (Lang::En, "iot-offline-sensors") => (
            "IoT: sensors that go offline",
            "200 sensors read a temperature; now and then one spikes above 26 °C. Streaming raises the alert seconds later — unless the sensor was offline: its readings arrive ten minutes late, behind the watermark, and only the hourly batch, which waits for them, alerts.",
        ),
        (Lang::Pt, "iot-offline-sensors") => (
            "IoT: sensores que ficam offline",
            "200 sensores medem a temperatura; de vez em quando um dispara acima de 26 °C. O streaming dá o alerta segundos depois — a não ser que o sensor estivesse offline: as leituras chegam dez minutos atrasadas, depois da watermark, e só o batch de hora em hora, que espera por elas, dá o alerta.",
        ),
        _ => return None,
    })
}
