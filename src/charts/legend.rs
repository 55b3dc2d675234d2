//! A chart legend: each series' line style, marker and name.

use std::rc::Rc;

use yew::prelude::*;

use super::line::marker;
use super::Series;

/// What [`legend`] names.
pub struct LegendProps {
    /// The series to name.
    pub series: Rc<Vec<Series>>,
}

/// Chart legend (a plain function, not a component: see `event_time::why::legend`).
pub fn legend(p: &LegendProps) -> Html {
    html! {
        <ul class="legend">
            { for p.series.iter().map(|s| html! {
                <li>
                    <svg viewBox="0 0 40 14" width="40" height="14" aria-hidden="true">
                        <line x1="1" x2="39" y1="7" y2="7" stroke={s.color} stroke-width={crate::format::short(s.width)} stroke-dasharray={s.dash.unwrap_or("none")} />
                        { marker(s.marker, 20.0, 7.0, s.color) }
                    </svg>
                    { &s.name }
                </li>
            }) }
        </ul>
    }
}
