//! The run summary: the report's totals, Batch | Streaming side by side, and the
//! run fingerprint (same fingerprint = identical results, in any browser).

use std::rc::Rc;

use bslab_engine::{FraudReport, LatencySummary, PipelineReport};
use yew::prelude::*;

use crate::format;
use crate::i18n::{Key, Lang};
use crate::runner::{ReportView, Snapshot};

fn latency(l: &LatencySummary, pick: fn(&LatencySummary) -> u64, lang: Lang) -> String {
    if l.count == 0 {
        "—".to_string()
    } else {
        format::duration_in(pick(l) as i64, lang)
    }
}

type Row = (Key, Box<dyn Fn(&PipelineReport) -> String>);

fn rows(lang: Lang) -> Vec<Row> {
    let rate = move |x: f64| {
        format!(
            "{} {}",
            format::number(x, 1, lang),
            lang.t(Key::AxisEventsPerSecond)
        )
    };
    vec![
        (
            Key::LatencyP50,
            Box::new(move |p| latency(&p.latency_ms, |l| l.p50, lang)),
        ),
        (
            Key::LatencyP99,
            Box::new(move |p| latency(&p.latency_ms, |l| l.p99, lang)),
        ),
        (Key::Throughput, Box::new(move |p| rate(p.throughput_eps))),
        (
            Key::Capacity,
            Box::new(move |p| {
                p.capacity_eps
                    .map_or_else(|| lang.t(Key::Unbounded).to_string(), rate)
            }),
        ),
        (
            Key::BacklogMax,
            Box::new(move |p| format::count(p.backlog_max, lang)),
        ),
        (
            Key::FreshnessMean,
            Box::new(move |p| format::duration_in(p.freshness_ms_mean.round() as i64, lang)),
        ),
        (
            Key::DroppedLate,
            Box::new(move |p| format::count(p.dropped_late, lang)),
        ),
        (
            Key::ExactWindows,
            Box::new(move |p| {
                format!(
                    "{} / {}",
                    format::count(p.windows.exact_rows, lang),
                    format::count(p.windows.truth_rows, lang)
                )
            }),
        ),
        (
            Key::CostBusy,
            Box::new(move |p| format::number(p.busy_worker_s, 0, lang)),
        ),
        (
            Key::CostProvisioned,
            Box::new(move |p| format::number(p.provisioned_worker_s, 0, lang)),
        ),
    ]
}

fn fraud_rows(lang: Lang, f: &FraudReport) -> Html {
    let total = f.bursts.len() as u64;
    let ttd = |x: Option<f64>| {
        x.map_or_else(
            || "—".to_string(),
            |ms| format::duration_in(ms.round() as i64, lang),
        )
    };
    let row = |key: Key, b: String, s: String| {
        html! {
            <tr><th scope="row">{ lang.t(key) }</th><td class="num">{ b }</td><td class="num">{ s }</td></tr>
        }
    };
    html! { <>
        { row(Key::FraudDetected,
            format!("{} / {}", format::count(f.batch_detected.into(), lang), format::count(total, lang)),
            format!("{} / {}", format::count(f.streaming_detected.into(), lang), format::count(total, lang))) }
        { row(Key::FraudTimeToDetect, ttd(f.batch_mean_time_to_detect_ms), ttd(f.streaming_mean_time_to_detect_ms)) }
        { row(Key::FraudLost, format::money(f.batch_lost_cents, lang), format::money(f.streaming_lost_cents, lang)) }
    </> }
}

/// Run summary table of the latest report; `stale`: the report is older than the
/// current instant (time is running). A plain function: the page draws it again
/// only when the report changes (`tables` in `app.rs`).
pub fn summary(lang: Lang, report: Option<&ReportView>, stale: bool) -> Html {
    let Some(view) = report else {
        return html! { <section class="summary" data-testid="summary" aria-busy="true" /> };
    };
    let r = &view.report;
    html! {
        <section class={classes!("summary", stale.then_some("stale"))} aria-labelledby="summary-title">
            <h2 id="summary-title">
                { lang.t(Key::Summary) }{ " · t = " }<span data-testid="summary-time">{ format::clock(r.t_ms) }</span>
                { " · " }{ format::count(r.generated, lang) }{ " " }{ lang.t(Key::Events) }
            </h2>
            <table data-testid="summary">
                <thead><tr>
                    <th scope="col">{ lang.t(Key::Metric) }</th>
                    <th scope="col" class="batch-col"><span class="swatch batch" aria-hidden="true" />{ lang.t(Key::Batch) }</th>
                    <th scope="col" class="streaming-col"><span class="swatch streaming" aria-hidden="true" />{ lang.t(Key::Streaming) }</th>
                </tr></thead>
                <tbody>
                    { for rows(lang).into_iter().map(|(key, f)| html! {
                        <tr><th scope="row">{ lang.t(key) }</th><td class="num">{ f(&r.batch) }</td><td class="num">{ f(&r.streaming) }</td></tr>
                    }) }
                    if let Some(f) = &r.fraud { { fraud_rows(lang, f) } }
                    if let Some(a) = &r.alerts { { super::alerts::alert_rows(lang, a) } }
                    if let Some(w) = &r.web { { super::web_sessions::session_rows(lang, w, [&r.batch, &r.streaming]) } }
                </tbody>
            </table>
            if let Some(w) = &r.web { { super::web_sessions::landing_pages(lang, w) } }
            <p class="digest" title={lang.t(Key::DigestNote)}>
                { lang.t(Key::Digest) }{ ": " }<code data-testid="digest">{ &view.digest }</code>
                if stale { <span class="muted">{ " (" }{ lang.t(Key::DigestPending) }{ ")" }</span> }
            </p>
        </section>
    }
}

/// What the report's tables ([`tables`]) are drawn from: the language, the latest
/// report and whether it is stale (`None`: no picture yet).
pub type Deps = Option<(Lang, Option<Rc<ReportView>>, bool)>;

/// The [`Deps`] of the picture `view`.
pub fn deps(lang: Lang, view: Option<&Snapshot>) -> Deps {
    view.map(|view| {
        let stale = view
            .report
            .as_ref()
            .is_none_or(|r| r.report.t_ms != view.live.t_ms);
        (lang, view.report.clone(), stale)
    })
}

/// The queueing panel and the run summary. The page keeps them in a memo keyed by
/// [`Deps`], so they are drawn again only when the report changes: plain functions
/// under one memo cost less of the page's wasm than a component type each.
pub fn tables(deps: &Deps) -> Html {
    let Some((lang, report, stale)) = deps else {
        return html! {};
    };
    html! { <>
        { super::queueing::queueing_panel(*lang, report.as_deref()) }
        { summary(*lang, report.as_deref(), *stale) }
    </> }
}
