//! A line chart in SVG: title, "what am I seeing?", axes with units, legend with
//! line style and marker, and a hover read-out of every series at the cursor.

use std::rc::Rc;

use bslab_engine::float_text::Fixed;
use yew::prelude::*;

use super::band::Band;
use super::scale::{time_ticks, Scale};
use super::{Marker, Series, Unit};
use crate::format::{self, fixed, short};
use crate::i18n::{Key, Lang};

/// Width and height of the plot's `viewBox`, in SVG units (also the picture's plot size).
pub const W: f64 = 540.0;
pub const H: f64 = 260.0;
/// Margins of the plot inside its view box (the sweep's charts share them).
pub const LEFT: f64 = 104.0;
pub const RIGHT: f64 = 16.0;
pub const TOP: f64 = 12.0;
pub const BOTTOM: f64 = 48.0;

/// Properties of [`LineChart`].
#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    /// `data-testid` of the chart.
    pub testid: &'static str,
    /// Language.
    pub lang: Lang,
    /// Title key.
    pub title: Key,
    /// Explanation key.
    pub what: Key,
    /// A one-line explanation shown under the title (the "what" stays folded).
    #[prop_or_default]
    pub note: Option<Key>,
    /// Y axis label key.
    pub y_label: Key,
    /// X axis label key.
    pub x_label: Key,
    /// Value format.
    pub unit: Unit,
    /// The lines.
    pub series: Rc<Vec<Series>>,
    /// X range end, in ms (the experiment's duration: all charts share the time axis).
    pub x_max: f64,
    /// Offer a log-scale switch for the y axis (values spanning several orders of magnitude).
    #[prop_or_default]
    pub log_option: bool,
    /// Start on the log scale.
    #[prop_or_default]
    pub log_default: bool,
    /// Fixed top of the y axis (percentages: 100).
    #[prop_or_default]
    pub y_max: Option<f64>,
    /// Stretches shaded and named as overload (input above capacity).
    #[prop_or_default]
    pub bands: Rc<Vec<Band>>,
}

/// Formats a value of `unit` for the read-out.
pub fn fmt_value(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Duration => format::duration_in(v.round() as i64, lang),
        Unit::Count => format::count(v.max(0.0).round() as u64, lang),
        Unit::Rate => format::number(v, if v < 10.0 { 1 } else { 0 }, lang),
        Unit::Percent => format!("{} %", format::number(v, 0, lang)),
        Unit::WorkerSeconds => format::number(v, 0, lang),
    }
}

pub fn tick_label(v: f64, unit: Unit, scale: &Scale, lang: Lang) -> String {
    match unit {
        Unit::Duration if scale.log => format::duration_short(v.round() as i64, lang),
        Unit::Duration => format::duration_tick(v, scale.max, scale.step, lang),
        Unit::Percent => format!("{} %", format::number(v, 0, lang)),
        _ if v >= 10_000.0 => format!("{} k", format::number(v / 1_000.0, 0, lang)),
        // A log axis has no step: its ticks are powers of ten, and one below 1
        // needs as many decimals as its magnitude (0.1, 0.01), or it reads "0".
        _ if scale.log => format::number(v, log_tick_decimals(v), lang),
        _ => {
            let decimals = if scale.step.fract() == 0.0 {
                0
            } else if (scale.step * 10.0).fract() == 0.0 {
                1
            } else {
                2
            };
            format::number(v, decimals, lang)
        }
    }
}

/// Decimals that show a log axis tick `v` (a power of ten) without rounding it away.
fn log_tick_decimals(v: f64) -> usize {
    if v >= 1.0 || v <= 0.0 {
        0
    } else {
        (-v.log10().floor()).min(6.0) as usize
    }
}

fn x_pos(x: f64, x_max: f64) -> f64 {
    LEFT + (x / x_max.max(1.0)).clamp(0.0, 1.0) * (W - LEFT - RIGHT)
}

fn y_pos(y: f64, s: &Scale) -> f64 {
    H - BOTTOM - s.pos(y) * (H - TOP - BOTTOM)
}

fn path_of(series: &Series, x_max: f64, s: &Scale) -> String {
    let mut d = String::with_capacity(series.points.len() * 14);
    let mut pen_down = false;
    for (x, y) in &series.points {
        match y.filter(|y| s.shows(*y)) {
            Some(y) => {
                let cmd = if pen_down { 'L' } else { 'M' };
                d.push_str(&format!(
                    "{cmd}{} {}",
                    Fixed(x_pos(*x, x_max), 1),
                    Fixed(y_pos(y, s), 1)
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

/// One marker shape centred at (x, y).
pub fn marker(m: Marker, x: f64, y: f64, color: &'static str) -> Html {
    match m {
        Marker::None => html! {},
        Marker::Square => html! {
            <rect x={fixed(x - 4.0, 1)} y={fixed(y - 4.0, 1)} width="8" height="8" fill={color} stroke="#000" stroke-width="1" />
        },
        Marker::Circle => html! {
            <circle cx={fixed(x, 1)} cy={fixed(y, 1)} r="4.5" fill={color} stroke="#000" stroke-width="1" />
        },
    }
}

fn markers(series: &Series, x_max: f64, s: &Scale) -> Html {
    let pts: Vec<_> = series
        .points
        .iter()
        .filter_map(|(x, y)| y.filter(|y| s.shows(*y)).map(|y| (*x, y)))
        .collect();
    let every = (pts.len() / 8).max(1);
    pts.iter()
        .enumerate()
        .filter(|(i, _)| i % every == every / 2)
        .map(|(_, (x, y))| marker(series.marker, x_pos(*x, x_max), y_pos(*y, s), series.color))
        .collect()
}

fn axes(p: &LineChartProps, scale: &Scale, log_y: bool) -> Html {
    let lang = p.lang;
    let y_ticks = scale.ticks().into_iter().map(|v| {
        let y = y_pos(v, scale);
        html! { <g>
            <line x1={short(LEFT)} x2={short(W - RIGHT)} y1={fixed(y, 1)} y2={fixed(y, 1)} class="grid" />
            <text x={short(LEFT - 6.0)} y={fixed(y + 5.0, 1)} text-anchor="end" class="tick">{ tick_label(v, p.unit, scale, lang) }</text>
        </g> }
    });
    let (ticks, step) = time_ticks(p.x_max, 6.0);
    let x_ticks = ticks.into_iter().map(|v| {
        let x = x_pos(v, p.x_max);
        html! { <g>
            <line x1={fixed(x, 1)} x2={fixed(x, 1)} y1={short(H - BOTTOM)} y2={short(H - BOTTOM + 5.0)} class="axis" />
            <text x={fixed(x, 1)} y={short(H - BOTTOM + 21.0)} text-anchor="middle" class="tick">{ format::clock_tick(v, step) }</text>
        </g> }
    });
    let log = if log_y { " (log)" } else { "" };
    html! { <>
        { for y_ticks }
        { for x_ticks }
        <line x1={short(LEFT)} x2={short(LEFT)} y1={short(TOP)} y2={short(H - BOTTOM)} class="axis" />
        <line x1={short(LEFT)} x2={short(W - RIGHT)} y1={short(H - BOTTOM)} y2={short(H - BOTTOM)} class="axis" />
        <text x={short((LEFT + W - RIGHT) / 2.0)} y={short(H - 6.0)} text-anchor="middle" class="axis-label">
            { lang.t(p.x_label) }{ " (h:mm)" }
        </text>
        <text transform={format!("translate(13 {}) rotate(-90)", Fixed((TOP + H - BOTTOM) / 2.0, 1))} text-anchor="middle" class="axis-label">
            { lang.t(p.y_label) }{ log }
        </text>
    </> }
}

/// Line chart component.
#[function_component(LineChart)]
pub fn line_chart(p: &LineChartProps) -> Html {
    let hover = use_state(|| None::<f64>);
    let log_state = use_state(|| p.log_default);
    let log_y = p.log_option && *log_state;
    let lang = p.lang;
    let values = p
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|(_, y)| *y));
    let whole = matches!(p.unit, Unit::Count | Unit::WorkerSeconds);
    let scale = match p.y_max {
        Some(max) if !log_y => Scale::linear_to(max),
        // Counts are whole: never ticks at 0.25 events.
        _ if whole && !log_y => Scale::linear_to(values.fold(4.0, f64::max) * 1.05),
        _ => Scale::fit(values, log_y, p.unit == Unit::Duration),
    };
    let svg_ref = use_node_ref();
    let onmousemove = {
        let (hover, svg_ref) = (hover.clone(), svg_ref.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(ux) = pointer_x(&svg_ref, &e) {
                hover.set(Some(((ux - LEFT) / (W - LEFT - RIGHT)).clamp(0.0, 1.0)));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };
    // Keyboard: focus the chart, then ← / → move the read-out cursor (a 50th of the axis).
    let onfocus = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(Some(hover.unwrap_or(1.0))))
    };
    let onblur = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(None))
    };
    let onkeydown = {
        let hover = hover.clone();
        Callback::from(move |e: KeyboardEvent| {
            let delta = match e.key().as_str() {
                "ArrowLeft" => -0.02,
                "ArrowRight" => 0.02,
                _ => return,
            };
            e.prevent_default();
            hover.set(Some((hover.unwrap_or(1.0) + delta).clamp(0.0, 1.0)));
        })
    };
    let empty = p
        .series
        .iter()
        .all(|s| s.points.iter().all(|(_, y)| y.is_none()));
    let readout = hover.map(|f| readout(p, f * p.x_max));
    let cursor = hover.map(|f| {
        let x = x_pos(f * p.x_max, p.x_max);
        html! { <line x1={fixed(x, 1)} x2={fixed(x, 1)} y1={short(TOP)} y2={short(H - BOTTOM)} class="cursor" /> }
    });
    let title = lang.t(p.title);
    html! {
        <figure class="chart" data-testid={p.testid}>
            <figcaption>
                <h3>{ title }</h3>
                if let Some(note) = p.note { <p class="chart-note">{ lang.t(note) }</p> }
                if p.log_option {
                    <label class="log-toggle">
                        <input type="checkbox" data-testid={format!("log-{}", p.testid)} checked={log_y}
                            onchange={let log_state = log_state.clone(); move |_: Event| log_state.set(!*log_state)} />
                        { lang.t(Key::LogScale) }
                    </label>
                }
            </figcaption>
            <svg ref={svg_ref} class="plot" viewBox={format!("0 0 {} {}", short(W), short(H))} role="img" aria-label={title} tabindex="0"
                {onmousemove} {onmouseleave} {onfocus} {onblur} {onkeydown}>
                { overload_shading(p) }
                { axes(p, &scale, log_y) }
                { for p.series.iter().map(|s| html! {
                    <g>
                        <path data-series={s.id} d={path_of(s, p.x_max, &scale)} fill="none" stroke={s.color} stroke-width={short(s.width)}
                            stroke-dasharray={s.dash.unwrap_or("none")} stroke-linejoin="round" />
                        { markers(s, p.x_max, &scale) }
                    </g>
                }) }
                { cursor.unwrap_or_default() }
                if empty {
                    <text x={short((LEFT + W - RIGHT) / 2.0)} y={short((TOP + H - BOTTOM) / 2.0)} text-anchor="middle" class="empty">
                        { lang.t(Key::NoDataYet) }
                    </text>
                }
            </svg>
            { super::legend::legend(&super::legend::LegendProps { series: p.series.clone() }) }
            { overload_note(p) }
            <p class="readout" aria-live="polite">{ readout.unwrap_or_else(|| lang.t(Key::HoverHint).to_string()) }</p>
            <div class="chart-foot">
                <details class="what"><summary>{ lang.t(Key::WhatAmISeeing) }</summary><p>{ lang.t(p.what) }</p></details>
                { crate::components::save_picture::chart_buttons(lang, p.testid) }
            </div>
        </figure>
    }
}

/// The pointer's x in the chart's own units (0..W), or `None` if the chart is not laid out.
/// Measured against the chart's `<svg>` itself: with Yew's event delegation the event's
/// current target is the app's root, not the chart, so its box would be the wrong one. The
/// inverse of the screen transform also covers any letterboxing of the view box.
fn pointer_x(svg_ref: &NodeRef, e: &MouseEvent) -> Option<f64> {
    let svg = svg_ref.cast::<web_sys::SvgGraphicsElement>()?;
    let m = svg.get_screen_ctm()?;
    let [a, b, c, d, tx, ty] = [m.a(), m.b(), m.c(), m.d(), m.e(), m.f()].map(f64::from);
    let det = a * d - b * c;
    if det.abs() < 1e-9 {
        return None;
    }
    let (x, y) = (f64::from(e.client_x()) - tx, f64::from(e.client_y()) - ty);
    Some((d * x - c * y) / det)
}

/// The overload stretches, shaded behind the lines, each named at its top.
fn overload_shading(p: &LineChartProps) -> Html {
    p.bands
        .iter()
        .map(|b| {
            let (x0, x1) = (x_pos(b.from_ms, p.x_max), x_pos(b.to_ms, p.x_max));
            html! { <g class="overload">
                <rect x={fixed(x0, 1)} y={short(TOP)} width={fixed((x1 - x0).max(1.0), 1)}
                    height={short(H - TOP - BOTTOM)} fill={super::CAPACITY} fill-opacity="0.14" />
                <text x={fixed(x0 + 4.0, 1)} y={short(TOP + 18.0)} class="band-label">
                    { p.lang.t(Key::FallingBehindShort) }
                </text>
            </g> }
        })
        .collect()
}

/// The overload stretches in words, under the chart: when, and what it means.
fn overload_note(p: &LineChartProps) -> Html {
    if p.bands.is_empty() {
        return html! {};
    }
    let spans: Vec<String> = p
        .bands
        .iter()
        .map(|b| {
            format!(
                "{} – {}",
                format::clock(b.from_ms.round() as i64),
                format::clock(b.to_ms.round() as i64)
            )
        })
        .collect();
    let text = p
        .lang
        .fill(Key::FallingBehind, &[("when", spans.join(", "))]);
    html! { <p class="overload-note" data-testid={format!("{}-overload", p.testid)}>{ text }</p> }
}

fn readout(p: &LineChartProps, x: f64) -> String {
    let mut parts = vec![format!("t = {}", format::clock(x.round() as i64))];
    for s in p.series.iter() {
        let nearest = s
            .points
            .iter()
            .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()));
        if let Some((_, y)) = nearest {
            let v = y.map_or("—".to_string(), |y| fmt_value(y, p.unit, p.lang));
            parts.push(format!("{}: {v}", s.name));
        }
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_below_one_keep_their_digits() {
        let scale = Scale::fit([0.05, 3.0].into_iter(), true, false);
        let labels: Vec<String> = [0.01, 0.1, 1.0, 10.0]
            .iter()
            .map(|v| tick_label(*v, Unit::Rate, &scale, Lang::En))
            .collect();
        assert_eq!(labels, ["0.01", "0.1", "1", "10"]);
        assert_eq!(tick_label(0.1, Unit::Rate, &scale, Lang::Pt), "0,1");
    }
}
