//! The web-traffic scenario's sessions: rows of the run summary (sessions,
//! pages per session, bounce rate, length; Batch = every session whole,
//! Streaming = sessions the watermark closed, merges and late views dropped)
//! and the table of sessions per landing page.

use bslab_engine::{SessionFigures, WebReport};
use yew::prelude::*;

use crate::format;
use crate::i18n::web::{t, Text};
use crate::i18n::Lang;

/// A bounce rate as a percentage with one decimal.
fn percent(x: f64, lang: Lang) -> String {
    format!("{} %", format::number(100.0 * x, 1, lang))
}

/// Summary rows of a web-traffic run.
pub fn session_rows(lang: Lang, w: &WebReport) -> Html {
    let (batch, stream) = (&w.complete, &w.stream.closed);
    let row = |text: Text, f: &dyn Fn(&SessionFigures) -> String| {
        html! {
            <tr data-testid="session-row"><th scope="row">{ t(lang, text) }</th>
                <td class="num">{ f(batch) }</td><td class="num">{ f(stream) }</td></tr>
        }
    };
    let stream_only = |text: Text, n: u64, id: &'static str| {
        html! {
            <tr data-testid={id}><th scope="row">{ t(lang, text) }</th>
                <td class="num">{ "—" }</td><td class="num">{ format::count(n, lang) }</td></tr>
        }
    };
    html! { <>
        { row(Text::Sessions, &|s| format::count(s.sessions, lang)) }
        { row(Text::PagesPerSession, &|s| format::number(s.pages_per_session, 2, lang)) }
        { row(Text::BounceRate, &|s| percent(s.bounce_rate, lang)) }
        { row(Text::SessionLength, &|s| format::duration_in(s.mean_length_ms.round() as i64, lang)) }
        { stream_only(Text::Merged, w.stream.merging_views, "sessions-merged") }
        { stream_only(Text::DroppedViews, w.stream.dropped_views, "views-dropped") }
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
