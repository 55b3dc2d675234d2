//! The web-traffic scenario's strings, in both languages: its parameters,
//! units, preset, dashboard and session rows. Kept apart from the main tables
//! (`en.rs`, `pt.rs`), which delegate here for what they do not hold.

use bslab_engine::params::Unit;

use super::Lang;

/// The web-traffic scenario's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Dashboard caption (page views per visitor).
    Dashboard,
    /// A visitor, before its number.
    Visitor,
    /// Summary row: sessions.
    Sessions,
    /// Summary row: pages per session.
    PagesPerSession,
    /// Summary row: bounce rate.
    BounceRate,
    /// Summary row: mean session length.
    SessionLength,
    /// Summary row: sessions merged by a late page view.
    Merged,
    /// Summary row: late page views dropped.
    DroppedViews,
    /// Note under the session rows: what each column counts.
    SessionsNote,
    /// Caption of the landing-page table.
    LandingCaption,
    /// Column: landing page.
    LandingPage,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    use Text::*;
    match (lang, text) {
        (Lang::En, Dashboard) => "Page views per visitor",
        (Lang::Pt, Dashboard) => "Visualizações de página por visitante",
        (Lang::En, Visitor) => "Visitor",
        (Lang::Pt, Visitor) => "Visitante",
        (Lang::En, Sessions) => "Sessions",
        (Lang::Pt, Sessions) => "Sessões",
        (Lang::En, PagesPerSession) => "Pages per session",
        (Lang::Pt, PagesPerSession) => "Páginas por sessão",
        (Lang::En, BounceRate) => "Bounce rate (sessions of one page)",
        (Lang::Pt, BounceRate) => "Taxa de rejeição (sessões de uma página)",
        (Lang::En, SessionLength) => "Mean session length",
        (Lang::Pt, SessionLength) => "Duração média da sessão",
        (Lang::En, Merged) => "Sessions merged by a late page view",
        (Lang::Pt, Merged) => "Sessões unidas por uma visualização atrasada",
        (Lang::En, DroppedViews) => "Page views too late for their session (dropped)",
        (Lang::Pt, DroppedViews) => "Visualizações atrasadas demais para a sessão (descartadas)",
        (Lang::En, SessionsNote) => {
            "Batch: every session whole, as a batch job over all the data sees them. Streaming: sessions closed by the watermark, page views in arrival order."
        }
        (Lang::Pt, SessionsNote) => {
            "Batch: cada sessão inteira, como um job batch sobre todos os dados as vê. Streaming: sessões fechadas pela watermark, visualizações na ordem de chegada."
        }
        (Lang::En, LandingCaption) => "Sessions per landing page (complete sessions)",
        (Lang::Pt, LandingCaption) => "Sessões por página de entrada (sessões completas)",
        (Lang::En, LandingPage) => "Landing page",
        (Lang::Pt, LandingPage) => "Página de entrada",
    }
}

/// Label and help of a web-traffic parameter.
pub fn field(lang: Lang, path: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, path) {
        (Lang::En, "scenario.visitors") => (
            "Visitors",
            "Number of visitors (the groups of the query); each visit is one of them, so visitors come back.",
        ),
        (Lang::Pt, "scenario.visitors") => (
            "Visitantes",
            "Número de visitantes (os grupos da consulta); cada visita é de um deles, então os visitantes voltam.",
        ),
        (Lang::En, "scenario.pages_per_visit") => (
            "Pages per visit",
            "Mean page views of a visit that does not bounce.",
        ),
        (Lang::Pt, "scenario.pages_per_visit") => (
            "Páginas por visita",
            "Média de páginas vistas numa visita que não é rejeição.",
        ),
        (Lang::En, "scenario.bounce_fraction") => (
            "Bounce share",
            "Share of visits that see one page only, from 0 to 1 (blog and social visits bounce more).",
        ),
        (Lang::Pt, "scenario.bounce_fraction") => (
            "Fração de rejeição",
            "Fração das visitas que veem uma página só, de 0 a 1 (visitas do blog e das redes sociais rejeitam mais).",
        ),
        (Lang::En, "scenario.think_ms") => (
            "Think time",
            "Mean time between two page views of one visit.",
        ),
        (Lang::Pt, "scenario.think_ms") => (
            "Tempo de leitura",
            "Tempo médio entre duas visualizações de página da mesma visita.",
        ),
        _ => return None,
    })
}

/// A web-traffic unit's label under an input and the word after a bound.
pub fn unit(lang: Lang, unit: Unit) -> (&'static str, &'static str) {
    match (lang, unit) {
        (Lang::En, Unit::Visitors) => ("visitors", "visitors"),
        (Lang::Pt, Unit::Visitors) => ("visitantes", "visitantes"),
        (Lang::En, Unit::Pages) => ("pages per visit", "pages"),
        (Lang::Pt, Unit::Pages) => ("páginas por visita", "páginas"),
        _ => ("", ""),
    }
}

/// Title and lesson of the web-traffic preset.
pub fn preset(lang: Lang, name: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, name) {
        (Lang::En, "web-traffic-sessions") => (
            "Web traffic: sessions per landing page",
            "2,000 visitors read a few pages per visit; a session ends after 2 minutes without a page view. The batch, run after each hour, sees every session whole. Streaming closes a session when the watermark passes it: a page view from a phone that lost its signal arrives too late and is dropped, or lands between two sessions and merges them — count them under the summary.",
        ),
        (Lang::Pt, "web-traffic-sessions") => (
            "Tráfego web: sessões por página de entrada",
            "2.000 visitantes leem algumas páginas por visita; uma sessão termina depois de 2 minutos sem visualização. O batch, que roda depois de cada hora, vê cada sessão inteira. O streaming fecha a sessão quando a watermark passa por ela: uma visualização de um celular que ficou sem sinal chega tarde demais e é descartada, ou cai entre duas sessões e une as duas — conte-as no resumo.",
        ),
        _ => return None,
    })
}
