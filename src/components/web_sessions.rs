//! The web-traffic scenario's sessions: rows of the run summary (sessions,
//! pages per session, bounce rate, length; Batch = every session whole,
//! Streaming = sessions the watermark closed; each pipeline's merged sessions;
//! late views dropped) and the table of sessions per landing page.

use bslab_engine::{PipelineReport, SessionFigures, WebReport};
use yew::prelude::*;

use crate::format;
use crate::i18n::web::{t, Text};
use crate::i18n::Lang;

/// A bounce rate as a percentage with one decimal.
fn percent(x: f64, lang: Lang) -> String {
    format!("{} %", format::number(100.0 * x, 1, lang))
}

/// Summary rows of a web-traffic run (`batch`, `streaming`: the pipelines' reports).
pub fn session_rows(lang: Lang, w: &WebReport, pipelines: [&PipelineReport; 2]) -> Html {
    let (batch, stream) = (&w.complete, &w.stream.closed);
    let row = |text: Text, f: &dyn Fn(&SessionFigures) -> String| {
        html! {
            <tr data-testid="session-row"><th scope="row">{ t(lang, text) }</th>
                <td class="num">{ f(batch) }</td><td class="num">{ f(stream) }</td></tr>
        }
    };
    let cell = |n: Option<u64>| n.map_or_else(|| "—".to_string(), |n| format::count(n, lang));
    let pair = |text: Text, [b, s]: [Option<u64>; 2], id: &'static str| {
        html! {
            <tr data-testid={id}><th scope="row">{ t(lang, text) }</th>
                <td class="num">{ cell(b) }</td><td class="num">{ cell(s) }</td></tr>
        }
    };
    let merges = pipelines.map(|p| p.session_merges);
    html! { <>
        { row(Text::Sessions, &|s| format::count(s.sessions, lang)) }
        { row(Text::PagesPerSession, &|s| format::number(s.pages_per_session, 2, lang)) }
        { row(Text::BounceRate, &|s| percent(s.bounce_rate, lang)) }
        { row(Text::SessionLength, &|s| format::duration_in(s.mean_length_ms.round() as i64, lang)) }
        { pair(Text::Merged, merges, "sessions-merged") }
        { pair(Text::DroppedViews, [None, Some(w.stream.dropped_views)], "views-dropped") }
        <tr><td colspan="3" class="muted">{ t(lang, Text::SessionsNote) }</td></tr>
    </> }
}

/// The table of complete sessions per landing page.
pub fn landing_pages(lang: Lang, w: &WebReport) -> Html {
    html! {
        <table class="landing-pages" data-testid="landing-pages">
            <caption>{ t(lang, Text::LandingCaption) }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, Text::LandingPage) }</th>
                <th scope="col" class="num">{ t(lang, Text::Sessions) }</th>
                <th scope="col" class="num">{ t(lang, Text::PagesPerSession) }</th>
                <th scope="col" class="num">{ t(lang, Text::BounceRate) }</th>
            </tr></thead>
            <tbody>
                { for w.landing_pages.iter().map(|p| html! { <tr>
                    <th scope="row"><code>{ p.page }</code></th>
                    <td class="num">{ format::count(p.figures.sessions, lang) }</td>
                    <td class="num">{ format::number(p.figures.pages_per_session, 2, lang) }</td>
                    <td class="num">{ percent(p.figures.bounce_rate, lang) }</td>
                </tr> }) }
            </tbody>
        </table>
    }
}
