//! The header's simulated clock: time, duration, progress and status. Apart from
//! the header (`header.rs`) because it changes at every frame and the rest does not.

use yew::prelude::*;

use crate::format;
use crate::i18n::{Key, Lang};
use crate::messages;
use crate::runner::Snapshot;
use crate::stepping::Moment;

/// The simulated clock, its progress bar and what it is doing (catching up,
/// held back by the CPU, stopped at a Step's moment, finished).
pub fn clock(lang: Lang, view: Option<&Snapshot>, stepped: Option<Moment>) -> Html {
    let (t, dur) = view.map_or((0, 1), |v| (v.live.t_ms, v.duration_ms));
    let status = view.and_then(|v| {
        if let Some(progress) = v.catching_up {
            Some(
                html! { <span class="clock-status" data-testid="catching-up">
                    { lang.t(Key::CatchingUp) }{ format!(" {} %", format::fixed(progress * 100.0, 0)) }
                </span> },
            )
        } else if let Some(x) = v.limited_to {
            Some(
                html! { <span class="clock-status" data-testid="speed-limited">
                    { lang.t(Key::SpeedLimited) }{ format!(" ≈ {}×", format::number(x, 0, lang)) }
                </span> },
            )
        } else if let Some(m) = stepped {
            Some(
                html! { <span class="clock-status stepped" data-testid="stepped" role="status">
                    { messages::moment(lang, m) }
                </span> },
            )
        } else if v.finished {
            Some(html! { <span class="clock-status done">{ lang.t(Key::Finished) }</span> })
        } else {
            None
        }
    });
    html! {
        <div class="clock" role="group" aria-label={lang.t(Key::Clock)}>
            <span class="clock-label">{ lang.t(Key::Clock) }</span>
            <span class="clock-time">
                <span data-testid="clock" class="clock-value">{ format::clock(t) }</span>
                <span class="clock-of">{ " / " }{ format::clock(dur) }</span>
            </span>
            <progress max="1" value={format::short(t as f64 / dur.max(1) as f64)} aria-hidden="true" />
            { status.unwrap_or_default() }
        </div>
    }
}
