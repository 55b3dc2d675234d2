//! The queueing-theory panel (continuous mode, Poisson arrivals): utilisation,
//! the textbook's Wq, W and L next to what this run measured, and Little's law,
//! live. Every figure is the report's `queueing` part, as `bslab run` prints it.

use bslab_engine::{QueueFigures, QueueingReport};
use yew::prelude::*;

use crate::format;
use crate::i18n::{Key, Lang};
use crate::runner::ReportView;

/// One row: the quantity, how to show it, and which figure it is.
type Row = (
    Key,
    &'static str,
    fn(&QueueFigures) -> f64,
    fn(f64, Lang) -> String,
);

fn ms(v: f64, lang: Lang) -> String {
    format!("{} ms", format::number(v, 1, lang))
}

fn events(v: f64, lang: Lang) -> String {
    format::number(v, 2, lang)
}

const ROWS: [Row; 4] = [
    (Key::QueueWait, "wait", |f| f.wait_ms, ms),
    (
        Key::QueueTime,
        "time-in-system",
        |f| f.time_in_system_ms,
        ms,
    ),
    (Key::QueueInSystem, "in-system", |f| f.in_system, events),
    (
        Key::QueueLittle,
        "littles-law",
        |f| f.littles_law_in_system,
        events,
    ),
];

/// A figure cell: the shown value, and the exact one in `data-value` (tests compare it with the CLI's).
fn cell(v: Option<f64>, show: fn(f64, Lang) -> String, lang: Lang) -> Html {
    match v {
        Some(v) => html! { <td class="num" data-value={format::short(v)}>{ show(v, lang) }</td> },
        None => html! { <td class="num">{ "—" }</td> },
    }
}

fn rates(q: &QueueingReport, lang: Lang) -> String {
    lang.fill(
        Key::QueueRates,
        &[
            ("lambda", format::number(q.arrival_rate_eps, 2, lang)),
            ("mu", format::number(q.service_rate_eps, 2, lang)),
            ("c", q.workers.to_string()),
            (
                "rho",
                format!("{} %", format::number(q.utilisation * 100.0, 1, lang)),
            ),
        ],
    )
}

/// Queueing theory vs this run, from the latest report (shown only if it has a
/// queueing part). A plain function: the page draws it again only when the report
/// changes (`tables` in `app.rs`).
pub fn queueing_panel(lang: Lang, report: Option<&ReportView>) -> Html {
    let Some(q) = report.and_then(|r| r.report.queueing) else {
        return html! {};
    };
    let note = match (q.predicted, q.exact) {
        (None, _) => lang.t(Key::QueueUnstable),
        (Some(_), false) => lang.t(Key::QueueApprox),
        (Some(_), true) => lang.t(Key::QueueExact),
    };
    html! {
        <section class="queueing" data-testid="queueing" aria-labelledby="queueing-title">
            <h2 id="queueing-title">{ lang.t(Key::QueueTitle) }{ " · " }<span data-testid="queue-model">{ q.model }</span></h2>
            <p data-testid="queue-rates" data-utilisation={format::short(q.utilisation)}>{ rates(&q, lang) }</p>
            <table>
                <thead><tr>
                    <th scope="col">{ lang.t(Key::Metric) }</th>
                    <th scope="col">{ lang.t(Key::QueueTheory) }</th>
                    <th scope="col">{ lang.t(Key::QueueMeasured) }</th>
                </tr></thead>
                <tbody>
                    { for ROWS.iter().map(|(key, id, pick, show)| html! {
                        <tr data-testid={format!("queue-{id}")}>
                            <th scope="row">{ lang.t(*key) }</th>
                            { cell(q.predicted.as_ref().map(pick), *show, lang) }
                            { cell(Some(pick(&q.measured)), *show, lang) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="muted">{ note }{ " " }{ lang.fill(Key::QueueServed, &[("n", format::count(q.measured.completed, lang))]) }</p>
        </section>
    }
}
