//! The animated pipeline diagram: source → transit → storage/queue → workers →
//! published. Every number and every dot comes from `Simulation::live()`
//! counters; the drawing never simulates anything itself.

use yew::prelude::*;

use crate::charts::{BATCH, STREAMING};
use crate::format;
use crate::i18n::{Key, Lang};

/// What the diagram shows, read from the live counters of one pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramData {
    /// Batch (true) or streaming.
    pub batch: bool,
    /// Simulated time, in ms (animation phase).
    pub t_ms: i64,
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
    /// Text lines under the workers box.
    pub status: Vec<String>,
    /// Whether events are being generated (the run is not over).
    pub flowing: bool,
}

/// Properties of [`Diagram`].
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// Language.
    pub lang: Lang,
    /// What to draw.
    pub data: DiagramData,
}

/// How many dots stand for `n` events: one each up to 12, then logarithmic (≤ 48).
pub fn dots_for(n: u64) -> u32 {
    if n <= 12 {
        n as u32
    } else {
        (12.0 + 12.0 * (n as f64 / 12.0).log10()).min(48.0) as u32
    }
}

const BOX_W: f64 = 104.0;
const BOX_Y: f64 = 38.0;
const BOX_H: f64 = 104.0;
const XS: [f64; 5] = [4.0, 128.0, 252.0, 376.0, 500.0];

fn pile(n: u64, x0: f64, color: &'static str) -> Html {
    (0..dots_for(n))
        .map(|i| {
            let (col, row) = (f64::from(i % 8), f64::from(i / 8));
            let cx = x0 + 12.0 + col * 11.5;
            let cy = BOX_Y + BOX_H - 10.0 - row * 11.0;
            html! { <circle cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r="4.2" fill={color} /> }
        })
        .collect()
}

fn flow(from: usize, active: bool, t_ms: i64, color: &'static str) -> Html {
    let x1 = XS[from] + BOX_W;
    let x2 = XS[from + 1];
    let y = BOX_Y + BOX_H / 2.0;
    let phase = (t_ms.rem_euclid(1_500) as f64) / 1_500.0;
    html! {
        <g>
            <line x1={format!("{x1}")} x2={format!("{:.1}", x2 - 4.0)} y1={format!("{y}")} y2={format!("{y}")} stroke="#333" stroke-width="2" marker-end="url(#arrow)" />
            if active {
                { for (0..2).map(|k| {
                    let f = (phase + f64::from(k) / 2.0).fract();
                    html! { <circle cx={format!("{:.1}", x1 + f * (x2 - x1 - 8.0))} cy={format!("{y}")} r="4" fill={color} stroke="#000" stroke-width="0.6" /> }
                }) }
            }
        </g>
    }
}

/// Pipeline diagram.
#[function_component(Diagram)]
pub fn diagram(p: &DiagramProps) -> Html {
    let d = &p.data;
    let lang = p.lang;
    let color = if d.batch { BATCH } else { STREAMING };
    let title = |i: usize, key: Key| {
        html! {
            <text x={format!("{:.1}", XS[i] + BOX_W / 2.0)} y="26" text-anchor="middle" class="box-title">{ lang.t(key) }</text>
        }
    };
    let count = |i: usize, n: u64| {
        html! {
            <text x={format!("{:.1}", XS[i] + BOX_W / 2.0)} y={format!("{:.1}", BOX_Y + 24.0)} text-anchor="middle" class="box-count">{ format::count(n, lang) }</text>
        }
    };
    let worker_w = (BOX_W - 16.0) / f64::from(d.workers.clamp(1, 8));
    html! {
        <svg class="diagram" viewBox="0 0 608 200" role="img" aria-label={lang.t(if d.batch { Key::BatchWhat } else { Key::StreamingWhat })}>
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                    <path d="M0 0 L10 5 L0 10 z" fill="#333" />
                </marker>
            </defs>
            { for XS.iter().map(|x| html! { <rect x={format!("{x}")} y={format!("{BOX_Y}")} width={format!("{BOX_W}")} height={format!("{BOX_H}")} rx="8" class="box" /> }) }
            { title(0, Key::Source) }{ title(1, Key::Transit) }
            { title(2, if d.batch { Key::Storage } else { Key::Queue }) }
            { title(3, Key::Workers) }{ title(4, Key::Published) }
            { count(0, d.generated) }{ count(1, d.in_transit) }{ count(2, d.waiting) }{ count(4, d.processed) }
            { pile(d.in_transit, XS[1], "#999999") }
            { pile(d.waiting, XS[2], color) }
            { for (0..d.workers.clamp(1, 8)).map(|i| {
                let x = XS[3] + 8.0 + f64::from(i) * worker_w;
                html! { <rect x={format!("{:.1}", x + 1.0)} y={format!("{:.1}", BOX_Y + 44.0)} width={format!("{:.1}", worker_w - 2.0)} height="40" rx="3"
                    fill={if d.busy { color } else { "#ffffff" }} stroke="#333" stroke-width="1.2" /> }
            }) }
            <text x={format!("{:.1}", XS[3] + BOX_W / 2.0)} y={format!("{:.1}", BOX_Y + 24.0)} text-anchor="middle" class="box-count">{ format!("× {}", d.workers) }</text>
            { flow(0, d.flowing, d.t_ms, "#999999") }
            { flow(1, d.in_transit > 0, d.t_ms, "#999999") }
            { flow(2, d.busy, d.t_ms, color) }
            { flow(3, d.busy, d.t_ms, color) }
            <text x={format!("{:.1}", XS[4] + BOX_W / 2.0)} y={format!("{:.1}", BOX_Y + 60.0)} text-anchor="middle" class="dropped" data-testid={if d.batch { "batch-dropped" } else { "streaming-dropped" }}>
                { format!("✖ {}", format::count(d.dropped, lang)) }
            </text>
            <text x={format!("{:.1}", XS[4] + BOX_W / 2.0)} y={format!("{:.1}", BOX_Y + 80.0)} text-anchor="middle" class="box-note">{ lang.t(Key::DroppedLate) }</text>
            { for d.status.iter().enumerate().map(|(i, s)| html! {
                <text x="304" y={format!("{:.1}", BOX_Y + BOX_H + 22.0 + 19.0 * i as f64)} text-anchor="middle" class="status">{ s }</text>
            }) }
        </svg>
    }
}
