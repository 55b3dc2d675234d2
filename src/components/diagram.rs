//! The animated pipeline diagram: source → transit → storage/queue → workers →
//! published. Every number and every pile of dots comes from `Simulation::live()`
//! counters; the drawing never simulates anything itself. Dots moving along an
//! arrow (a CSS animation) mean "events are flowing here now"; piles grow with
//! the number of events waiting (one dot per event up to 12, then logarithmic).
//! HTML rather than SVG so that labels keep their real font size and wrap.

use yew::prelude::*;

use crate::format;
use crate::i18n::{Key, Lang};

/// What the diagram shows, read from the live counters of one pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramData {
    /// Batch (true) or streaming.
    pub batch: bool,
    /// Events generated.
    pub generated: u64,
    /// Events in transit.
    pub in_transit: u64,
    /// Events stored / queued.
    pub waiting: u64,
    /// Events processed.
    pub processed: u64,
    /// Events dropped late.
    pub dropped: u64,
    /// A job running / a worker busy.
    pub busy: bool,
    /// Workers of the pipeline.
    pub workers: u32,
    /// Text lines under the boxes.
    pub status: Vec<String>,
    /// Whether events are being generated (the run is not over).
    pub flowing: bool,
    /// Streaming: the pools' time per second, as Flink names it.
    pub pools: Option<crate::flink::FlinkPools>,
}

/// What [`diagram`] draws.
pub struct DiagramProps {
    /// Language.
    pub lang: Lang,
    /// What to draw.
    pub data: DiagramData,
}

/// How many dots stand for `n` events: one each up to 12, then logarithmic (≤ 40).
pub fn dots_for(n: u64) -> u32 {
    if n <= 12 {
        n as u32
    } else {
        (12.0 + 10.0 * (n as f64 / 12.0).log10()).min(40.0) as u32
    }
}

/// Dots per row of a pile.
const PILE_COLUMNS: u32 = 7;

/// A pile of `dots_for(n)` dots, drawn as two boxes with a repeating dot
/// background (full rows, then the last row): no element per dot, so a changing
/// count only restyles two boxes (cheap to lay out at 60 frames per second).
fn pile(n: u64, class: &'static str) -> Html {
    let dots = dots_for(n);
    let (rows, rest) = (dots / PILE_COLUMNS, dots % PILE_COLUMNS);
    html! {
        <div class={classes!("pile", class)} aria-hidden="true">
            if rest > 0 { <div class="dots" style={format!("width:calc({rest} * var(--dot));height:var(--dot)")} /> }
            if rows > 0 { <div class="dots" style={format!("width:calc({PILE_COLUMNS} * var(--dot));height:calc({rows} * var(--dot))")} /> }
        </div>
    }
}

fn arrow(active: bool, class: &'static str) -> Html {
    html! {
        // Flowing: dots march along the arrow. The dots are a strip moved by a `transform`
        // animation inside a clipping box (`.march`): the compositor moves it, so the
        // marching costs the main thread no style, layout or paint at any frame (an animated
        // background position repainted the page's layer 60 times a second).
        // The box stays when the arrow stops (hidden by style): nothing added or removed.
        <div class={classes!("arrow", class, active.then_some("flowing"))} aria-hidden="true">
            <span class="march" />
        </div>
    }
}

fn stage(title: &'static str, count: Option<String>, body: Html, testid: String) -> Html {
    html! {
        <div class="stage-box" data-testid={testid}>
            <div class="box-title">{ title }</div>
            if let Some(c) = count { <div class="box-count">{ c }</div> }
            { body }
        </div>
    }
}

/// Pipeline diagram (a plain function, not a component: see `ghost_note`).
pub fn diagram(p: &DiagramProps) -> Html {
    let (d, lang) = (&p.data, p.lang);
    let name = if d.batch { "batch" } else { "streaming" };
    let id = |part: &str| format!("{name}-{part}");
    let n = |v: u64| Some(format::count(v, lang));
    let shown = d.workers.clamp(1, 8);
    let workers = html! {
        <div class="workers" aria-hidden="true">
            { for (0..shown).map(|_| html! { <span class={classes!("worker", d.busy.then_some("busy"))} /> }) }
        </div>
    };
    let published = html! {
        <div class="dropped" title={lang.t(Key::DroppedLate)}>
            <span class={classes!("dropped-count", (d.dropped == 0).then_some("none"))} data-testid={id("dropped")}>{ "✖ " }{ format::count(d.dropped, lang) }</span>
            <span class="dropped-label">{ lang.t(Key::DroppedLate) }</span>
        </div>
    };
    let label = format!(
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}",
        lang.t(if d.batch { Key::Batch } else { Key::Streaming }),
        lang.t(Key::Transit),
        d.in_transit,
        lang.t(if d.batch { Key::Storage } else { Key::Queue }),
        d.waiting,
        lang.t(Key::Published),
        d.processed,
        lang.t(Key::DroppedLate),
        d.dropped,
        lang.t(Key::Workers),
        d.workers,
    );
    html! {
        <figure class={classes!("diagram-wrap", name)}>
            <div class="diagram" role="img" aria-label={label}>
                { stage(lang.t(Key::Source), n(d.generated), html! {}, id("source")) }
                { arrow(d.flowing, "grey") }
                { stage(lang.t(Key::Transit), n(d.in_transit), pile(d.in_transit, "grey"), id("transit")) }
                { arrow(d.in_transit > 0, "grey") }
                { stage(lang.t(if d.batch { Key::Storage } else { Key::Queue }), n(d.waiting), pile(d.waiting, "own"), id("waiting")) }
                { arrow(d.busy, "own") }
                { stage(lang.t(Key::Workers), Some(format!("× {}", d.workers)), workers, id("workers")) }
                { arrow(d.busy, "own") }
                { stage(lang.t(Key::Published), n(d.processed), published, id("published")) }
            </div>
            if let Some(pools) = d.pools {
                { super::pool_time::pool_times(lang, &pools) }
            }
            <figcaption class="diagram-status">
                { for d.status.iter().map(|s| html! { <span>{ s }</span> }) }
            </figcaption>
        </figure>
    }
}
