//! The IoT scenario's rows of the run summary: anomalies alerted, time to alert
//! (median, p99, max), anomalies missed and false alerts, Batch | Streaming.

use bslab_engine::{AlertReport, AlertScore};
use yew::prelude::*;

use crate::format;
use crate::i18n::iot::{t, Text};
use crate::i18n::Lang;

/// Summary rows of an IoT run.
pub fn alert_rows(lang: Lang, a: &AlertReport) -> Html {
    let total = a.anomalies.len() as u64;
    let alerted = |s: &AlertScore| {
        format!(
            "{} / {}",
            format::count(s.alerted.into(), lang),
            format::count(total, lang)
        )
    };
    let times = |s: &AlertScore| {
        s.time_to_alert_ms.map_or_else(
            || "—".to_string(),
            |p| {
                [p.p50, p.p99, p.max]
                    .map(|ms| format::duration_in(ms, lang))
                    .join(" · ")
            },
        )
    };
    let row = |text: Text, f: &dyn Fn(&AlertScore) -> String| {
        html! {
            <tr data-testid="alert-row"><th scope="row">{ t(lang, text) }</th>
                <td class="num">{ f(&a.batch) }</td><td class="num">{ f(&a.streaming) }</td></tr>
        }
    };
    html! { <>
        { row(Text::Alerted, &alerted) }
        { row(Text::TimeToAlert, &times) }
        { row(Text::Missed, &|s: &AlertScore| format::count(s.missed.into(), lang)) }
        { row(Text::FalseAlerts, &|s: &AlertScore| format::count(s.false_alerts, lang)) }
    </> }
}
