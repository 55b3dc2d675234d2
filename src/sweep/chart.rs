//! One figure of the sweep against the knob: batch and streaming on the same
//! axes (orange dashed squares, blue solid circles, as every chart of the
//! page), the current value marked, each value a button that loads its run.

use std::rc::Rc;

use bslab_engine::params::FieldId;
use bslab_engine::sweep::{PointFigures, SweepPoint};
use yew::prelude::*;

use super::text::{fill, t, T};
use crate::charts::line::{fmt_value, marker, tick_label, BOTTOM, H, LEFT, RIGHT, TOP, W};
use crate::charts::scale::Scale;
use crate::charts::{Marker, Unit, BATCH, BATCH_DASH, STREAMING};
use crate::format::{fixed, short};
use crate::i18n::Lang;

/// Which figure of a point a chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Mean freshness (staleness), ms.
    Freshness,
    /// p99 result latency, ms.
    Latency,
    /// Provisioned worker-seconds.
    Cost,
    /// Exact window rows, % of the truth's.
    Completeness,
}

impl Metric {
    /// All four, in the order they are drawn.
    pub const ALL: [Metric; 4] = [
        Metric::Freshness,
        Metric::Latency,
        Metric::Cost,
        Metric::Completeness,
    ];

    /// The figure, as the report has it (completeness as a percentage).
    pub fn of(self, p: &PointFigures) -> Option<f64> {
        match self {
            Metric::Freshness => Some(p.freshness_ms_mean),
            Metric::Latency => Some(p.latency_p99_ms as f64),
            Metric::Cost => Some(p.provisioned_worker_s),
            Metric::Completeness => p.completeness().map(|c| 100.0 * c),
        }
    }

    fn unit(self) -> Unit {
        match self {
            Metric::Freshness | Metric::Latency => Unit::Duration,
            Metric::Cost => Unit::WorkerSeconds,
            Metric::Completeness => Unit::Percent,
        }
    }

    fn title(self) -> T {
        match self {
            Metric::Freshness => T::Freshness,
            Metric::Latency => T::Latency,
            Metric::Cost => T::Cost,
            Metric::Completeness => T::Completeness,
        }
    }

    /// Machine name (`data-metric`: tests find the chart by it).
    pub fn id(self) -> &'static str {
        match self {
            Metric::Freshness => "freshness",
            Metric::Latency => "latency",
            Metric::Cost => "cost",
            Metric::Completeness => "completeness",
        }
    }
}

/// What [`sweep_chart`] draws.
pub struct SweepChartProps {
    /// Language.
    pub lang: Lang,
    /// The figure drawn.
    pub metric: Metric,
    /// The knob (x axis).
    pub knob: FieldId,
    /// The x axis, shared by the four charts.
    pub x: Rc<XAxis>,
    /// The points so far.
    pub points: Rc<Vec<SweepPoint>>,
    /// The knob's value in the current configuration.
    pub current: f64,
    /// Load the run of point `i`.
    pub on_pick: Callback<usize>,
}

/// The x axis of the four charts, fitted at the click to every value the plan
/// will run and the current one (all known then): an arriving point moves none
/// of the nodes drawn before it, and the ticks are made once, not at each point
/// (re-fitting to the points so far moved every node of the four charts at each
/// point, 20–36 ms of work on the page's thread: docs/performance.md).
pub struct XAxis {
    scale: Scale,
    ticks: Html,
}

impl XAxis {
    /// Log when the values span a decade or more (a range made around the
    /// current value spans sixteen-fold).
    pub fn new(lang: Lang, knob: FieldId, values: &[f64], current: f64) -> Self {
        let xs = values.iter().copied().chain([current]);
        let lo = xs.clone().fold(f64::INFINITY, f64::min);
        let hi = xs.clone().fold(0.0, f64::max);
        let scale = Scale::fit(xs, lo > 0.0 && hi / lo >= 8.0, knob.is_ms());
        let unit = if knob.is_ms() {
            Unit::Duration
        } else {
            Unit::Rate
        };
        let ticks = scale
            .ticks()
            .into_iter()
            .map(|v| {
                let x = px(v, &scale);
                // The last tick ends at the plot's edge rather than being cut by it.
                let anchor = if x > W - RIGHT - 30.0 { "end" } else { "middle" };
                html! { <text x={fixed(x, 1)} y={short(H - BOTTOM + 21.0)} text-anchor={anchor} class="tick">{ tick_label(v, unit, &scale, lang) }</text> }
            })
            .collect();
        Self { scale, ticks }
    }
}

/// The y scale: durations on a log scale when they span two decades (batch
/// freshness in hours next to streaming's seconds), percentages to 100.
fn y_scale(metric: Metric, ys: &[f64]) -> Scale {
    let lo = ys
        .iter()
        .copied()
        .filter(|y| *y > 0.0)
        .fold(f64::INFINITY, f64::min);
    let hi = ys.iter().copied().fold(0.0, f64::max);
    match metric.unit() {
        Unit::Percent => Scale::linear_to(100.0),
        Unit::Duration => Scale::fit(ys.iter().copied(), hi / lo >= 100.0, true),
        _ => Scale::linear_to(hi.max(1.0) * 1.05),
    }
}

fn px(x: f64, s: &Scale) -> f64 {
    LEFT + s.pos(x) * (W - LEFT - RIGHT)
}

fn py(y: f64, s: &Scale) -> f64 {
    H - BOTTOM - s.pos(y) * (H - TOP - BOTTOM)
}

/// One sweep chart (a plain function, not a component: a component type adds
/// kilobytes of wasm to the page).
pub fn sweep_chart(p: &SweepChartProps) -> Html {
    let (lang, metric) = (p.lang, p.metric);
    let xs_scale = &p.x.scale;
    let ys: Vec<f64> = p
        .points
        .iter()
        .flat_map(|q| [&q.batch, &q.streaming])
        .filter_map(|f| metric.of(f))
        .collect();
    let ys_scale = y_scale(metric, &ys);
    let title = t(lang, metric.title());
    let label = crate::messages::label(lang, p.knob);
    let line = |pipeline: &'static str,
                color: &'static str,
                dash: Option<&'static str>,
                shape: Marker,
                pick: fn(&SweepPoint) -> &PointFigures| {
        let pts: Vec<(usize, f64, f64)> = p
            .points
            .iter()
            .enumerate()
            .filter_map(|(i, q)| metric.of(pick(q)).map(|y| (i, q.value, y)))
            .collect();
        let d: String = pts
            .iter()
            .enumerate()
            .map(|(i, (_, x, y))| {
                format!(
                    "{}{} {}",
                    if i == 0 { 'M' } else { 'L' },
                    fixed(px(*x, xs_scale), 1),
                    fixed(py(*y, &ys_scale), 1)
                )
            })
            .collect();
        html! { <g data-pipeline={pipeline}>
            <path d={d} fill="none" stroke={color} stroke-width="2.5" stroke-dasharray={dash.unwrap_or("none")} />
            <g>{ for pts.iter().map(|(i, x, y)| html! {
                <g key={*i} data-testid="sweep-point" data-x={short(*x)} data-y={short(*y)}>{ marker(shape, px(*x, xs_scale), py(*y, &ys_scale), color) }</g>
            }) }</g>
        </g> }
    };
    let ys_ticks = ys_scale.ticks().into_iter().map(|v| {
        let y = py(v, &ys_scale);
        html! { <g key={short(v)}>
            <line x1={short(LEFT)} x2={short(W - RIGHT)} y1={fixed(y, 1)} y2={fixed(y, 1)} class="grid" />
            <text x={short(LEFT - 6.0)} y={fixed(y + 5.0, 1)} text-anchor="end" class="tick">{ tick_label(v, metric.unit(), &ys_scale, lang) }</text>
        </g> }
    });
    let cx = px(p.current, xs_scale);
    // One button per value: a column around its x, as wide as the gap to its neighbours.
    let buttons = p.points.iter().enumerate().map(|(i, q)| {
        let x = px(q.value, xs_scale);
        let value = crate::messages::value_text(lang, p.knob, q.value);
        let aria = fill(lang, T::Load, &[("knob", label.clone()), ("value", value)]);
        let onclick = p.on_pick.reform(move |_: MouseEvent| i);
        let on_pick = p.on_pick.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_pick.emit(i);
            }
        });
        html! { <rect key={i} class="sweep-pick" data-testid="sweep-pick" data-x={short(q.value)} x={fixed(x - 9.0, 1)} y={short(TOP)} width="18"
            height={short(H - TOP - BOTTOM)} role="button" tabindex="0" aria-label={aria.clone()} {onclick} {onkeydown}><title>{ aria }</title></rect> }
    });
    html! {
        <figure class="chart sweep-chart" data-testid={format!("sweep-chart-{}", metric.id())} data-metric={metric.id()}>
            <figcaption><h3>{ title }</h3></figcaption>
            <svg class="plot" viewBox={format!("0 0 {} {}", short(W), short(H))} role="img" aria-label={title}>
                // Each list in an element of its own, a growing list's nodes keyed: Yew
                // matches a list that is not fully keyed from its end, so a list growing
                // among siblings shifts every sibling onto another's node, re-making them.
                <g>{ for ys_ticks }</g>
                <g>{ p.x.ticks.clone() }</g>
                <line x1={short(LEFT)} x2={short(LEFT)} y1={short(TOP)} y2={short(H - BOTTOM)} class="axis" />
                <line x1={short(LEFT)} x2={short(W - RIGHT)} y1={short(H - BOTTOM)} y2={short(H - BOTTOM)} class="axis" />
                <line class="sweep-current" data-testid="sweep-current" x1={fixed(cx, 1)} x2={fixed(cx, 1)} y1={short(TOP)} y2={short(H - BOTTOM)} />
                <text x={short((LEFT + W - RIGHT) / 2.0)} y={short(H - 6.0)} text-anchor="middle" class="axis-label">{ label.clone() }</text>
                { line("batch", BATCH, BATCH_DASH, Marker::Square, |q| &q.batch) }
                { line("streaming", STREAMING, None, Marker::Circle, |q| &q.streaming) }
                <g>{ for buttons }</g>
            </svg>
            <p class="readout">{ p.points.last().map(|q| readout(lang, metric, p.knob, q)).unwrap_or_default() }</p>
        </figure>
    }
}

/// The last point in words (for a reader who cannot see the chart).
fn readout(lang: Lang, metric: Metric, knob: FieldId, q: &SweepPoint) -> String {
    let v = |f: &PointFigures| {
        metric
            .of(f)
            .map_or("—".into(), |y| fmt_value(y, metric.unit(), lang))
    };
    let (b, s) = (crate::i18n::Key::Batch, crate::i18n::Key::Streaming);
    format!(
        "{} = {} · {}: {} · {}: {}",
        crate::messages::label(lang, knob),
        crate::messages::value_text(lang, knob, q.value),
        lang.t(b),
        v(&q.batch),
        lang.t(s),
        v(&q.streaming)
    )
}

/// The legend's two lines: batch and streaming as every chart draws them.
pub fn legend_series(lang: Lang) -> Rc<Vec<crate::charts::Series>> {
    let line = |id, key, color, dash, marker| crate::charts::Series {
        id,
        name: lang.t(key).to_string(),
        color,
        dash,
        width: 2.5,
        marker,
        points: Vec::new(),
    };
    Rc::new(vec![
        line(
            "batch",
            crate::i18n::Key::Batch,
            BATCH,
            BATCH_DASH,
            Marker::Square,
        ),
        line(
            "streaming",
            crate::i18n::Key::Streaming,
            STREAMING,
            None,
            Marker::Circle,
        ),
    ])
}
