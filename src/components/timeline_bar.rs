//! The row under the header: the timeline (drag or use the keys to go to any
//! instant of the run), Step back, the lesson picker and "Present" ("Leave" while presenting).

use bslab_engine::TimeMs;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::format;
use crate::i18n::{Key, Lang};
use crate::lessons;

/// What [`timeline_bar`] shows and does.
pub struct TimelineBarProps {
    /// Language.
    pub lang: Lang,
    /// Current simulated time, in ms.
    pub now_ms: TimeMs,
    /// End of the run, in ms.
    pub duration_ms: TimeMs,
    /// Go to an instant.
    pub on_seek: Callback<TimeMs>,
    /// Step back.
    pub on_back: Callback<()>,
    /// Open a lesson (index into [`lessons::all`]).
    pub on_lesson: Callback<usize>,
    /// The open lesson, if any.
    pub lesson: Option<usize>,
    /// Presentation mode is on.
    pub presenting: bool,
    /// Enter (`true`) or leave presentation mode.
    pub on_present: Callback<bool>,
}

fn input_value(e: &InputEvent) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
}

fn select_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
}

/// The timeline row.
pub fn timeline_bar(p: &TimelineBarProps) -> Html {
    let lang = p.lang;
    let on_input = p.on_seek.reform(|e: InputEvent| {
        input_value(&e)
            .and_then(|v| bslab_engine::decimal::parse(&v))
            .map_or(0, |v| v.round() as TimeMs)
    });
    let on_back = p.on_back.reform(|_: MouseEvent| ());
    let on_present = {
        let enter = !p.presenting;
        p.on_present.reform(move |_: MouseEvent| enter)
    };
    let present = if p.presenting {
        Key::PresentLeave
    } else {
        Key::Present
    };
    let on_lesson = {
        let cb = p.on_lesson.clone();
        Callback::from(move |e: Event| {
            // Give the keys back to the page: a clicker's PgDn on a focused select
            // would pick another lesson instead of the next beat.
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlElement>() {
                let _ = el.blur();
            }
            if let Some(i) = select_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                cb.emit(i);
            }
        })
    };
    let selected = p.lesson.map_or(String::new(), |i| i.to_string());
    html! {
        <div class="timeline-bar" data-testid="timeline-bar">
            <button data-testid="step-back" onclick={on_back} title="← / PgUp">{ lang.t(Key::StepBack) }</button>
            <span class="timeline-clock" data-testid="timeline-clock">{ format::clock(p.now_ms) }</span>
            <label class="timeline">
                <span class="sr-only">{ lang.t(Key::Timeline) }</span>
                <input type="range" data-testid="timeline" min="0" max={p.duration_ms.to_string()}
                    step="1000" value={p.now_ms.to_string()} oninput={on_input}
                    aria-valuetext={format::clock(p.now_ms)} />
            </label>
            <label class="lesson-pick">
                <span class="label">{ lang.t(Key::Lesson) }</span>
                <select data-testid="lesson-pick" onchange={on_lesson} value={selected.clone()}>
                    <option value="" selected={p.lesson.is_none()}>{ lang.t(Key::LessonPick) }</option>
                    { for lessons::all().iter().enumerate().map(|(i, l)| html! {
                        <option value={i.to_string()} selected={p.lesson == Some(i)}>{ l.title.get(lang) }</option>
                    }) }
                </select>
            </label>
            <button data-testid="present" aria-pressed={p.presenting.to_string()} onclick={on_present}>{ lang.t(present) }</button>
        </div>
    }
}
