//! The event-time picture, live: the streaming pipeline's events placed by
//! arrival and event time on a canvas, with the watermark, the windows' stages
//! and the late events counted beside it; point at or focus an event to read
//! it out, and ask "why this number?" of its window or of the late count.

pub mod ask;
pub mod axes;
pub mod bands;
mod canvas;
pub mod layout;
pub mod readout;
mod save_buttons;
mod why;

pub use canvas::{prepare, MAX_EVENT_TIME, WATERMARK};

use std::rc::Rc;

use bslab_engine::event_time::EventTimePicture;
use bslab_engine::explain::Pipeline;
use bslab_engine::float_text::{Fixed, Short};
use bslab_engine::{OutputMode, TimeMs};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::user_timing;
use ask::{Answer, Question};
use layout::{nearest, Frame, LEFT};

/// A picture shared by reference: compared by pointer (100,000 marks are never compared).
#[derive(Debug, Clone)]
pub struct PictureRef(pub Rc<EventTimePicture>);

impl PartialEq for PictureRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`EventTimePanel`].
#[derive(Properties, PartialEq)]
pub struct EventTimeProps {
    /// Language.
    pub lang: Lang,
    /// The picture at its instant.
    pub picture: PictureRef,
    /// The current instant (the cursor), in ms.
    pub t_ms: TimeMs,
    /// Asks the running simulation.
    pub ask: Callback<Question, Option<Answer>>,
    /// The streaming pipeline's output mode (named by the legend).
    pub output: OutputMode,
}

/// The picture, its counts, legend, read-out and answers.
#[function_component(EventTimePanel)]
pub fn event_time_panel(p: &EventTimeProps) -> Html {
    let lang = p.lang;
    let canvas = use_node_ref();
    let frame = use_mut_ref(|| None::<Frame>);
    let selected = use_state(|| None::<u64>);
    let question = use_state(|| None::<Question>);
    // Redrawn at the new size when the window is resized (a projector, a laptop).
    // The listener lives in a memo, dropped with the panel: an effect would be
    // one more copy of Yew's effect code in the page.
    let resized = use_state(|| 0_u32);
    {
        let resized = resized.setter();
        use_memo((), move |_| {
            let count = std::cell::Cell::new(0_u32);
            web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "resize", move |_| {
                    count.set(count.get().wrapping_add(1));
                    resized.set(count.get());
                })
            })
        });
    }
    {
        let (canvas, frame) = (canvas.clone(), frame.clone());
        use_effect_with(
            (p.picture.clone(), lang, *resized),
            move |(pic, lang, _)| {
                if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                    *frame.borrow_mut() =
                        user_timing::span("bslab:picture-draw", || canvas::draw(&c, &pic.0, *lang));
                }
            },
        );
    }
    let pic = Rc::clone(&p.picture.0);
    let select_at = {
        let (pic, frame, selected) = (Rc::clone(&pic), frame.clone(), selected.clone());
        Callback::from(move |e: MouseEvent| {
            let f = *frame.borrow();
            let hit =
                f.and_then(|f| nearest(&pic, &f, f64::from(e.offset_x()), f64::from(e.offset_y())));
            if let Some(i) = hit {
                selected.set(Some(pic.marks[i].id));
            }
        })
    };
    let on_key = {
        let (pic, selected) = (Rc::clone(&pic), selected.clone());
        Callback::from(move |e: KeyboardEvent| {
            let at = (*selected).and_then(|id| pic.marks.iter().position(|m| m.id == id));
            let last = pic.marks.len().checked_sub(1);
            let next = match e.key().as_str() {
                "ArrowRight" => at.map_or(last, |i| Some((i + 1).min(last.unwrap_or(0)))),
                "ArrowLeft" => at.map_or(last, |i| Some(i.saturating_sub(1))),
                "Home" => last.map(|_| 0),
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            if let Some(i) = next {
                selected.set(Some(pic.marks[i].id));
            }
        })
    };
    let mark = (*selected)
        .and_then(|id| pic.marks.iter().find(|m| m.id == id))
        .copied();
    let ring = match (mark, *frame.borrow()) {
        (Some(m), Some(f)) => {
            html! { <div class="et-ring" style={format!("left:{}px;top:{}px", Fixed(f.x(m.arrival_time_ms), 0), Fixed(f.y(m.event_time_ms), 0))} /> }
        }
        _ => html! {},
    };
    let cursor = cursor_left(&pic, p.t_ms);
    // Asked again only when the question or the picture changes (twice a second
    // while playing), not at every frame: an answer can rank 250,000 arrivals.
    let story = {
        let ask = p.ask.clone();
        use_memo((*selected, p.picture.clone()), move |(id, _)| {
            id.and_then(|id| ask.emit(Question::Event(id)))
        })
    };
    let answer = {
        let ask = p.ask.clone();
        use_memo((*question, p.picture.clone()), move |(q, _)| {
            q.and_then(|q| ask.emit(q))
        })
    };
    let on_ask = {
        let question = question.clone();
        Callback::from(move |q| question.set(Some(q)))
    };
    let ask_late = {
        let question = question.clone();
        Callback::from(move |_| question.set(Some(Question::Late(Pipeline::Streaming))))
    };
    let save = save_buttons::buttons(lang, &pic, &canvas);
    html! {
        <section class="event-time" data-testid="event-time" aria-label={lang.t(Key::EtTitle)}>
            <h2>{ lang.t(Key::EtTitle) }</h2>
            <p class="chart-what">{ lang.t(Key::EtWhat) }</p>
            { why::counts(lang, &pic.counts, p.output, &ask_late) }
            <div class="et-canvas-box">
                <canvas ref={canvas} class="et-canvas" tabindex="0" data-testid="event-time-canvas"
                    aria-label={format!("{} {}", lang.t(Key::EtTitle), lang.t(Key::EtFocusHint))}
                    onmousemove={select_at.clone()} onclick={select_at} onkeydown={on_key} />
                <div class="et-cursor" style={cursor} />
                { ring }
            </div>
            { why::legend(&why::LegendProps { lang, stride: pic.counts.stride, late_fired: pic.counts.late_fired > 0,
                accepting: pic.counts.accepting > 0, session_groups: &pic.session_groups, output: p.output }) }
            { save }
            { why::ask_row(lang, &on_ask) }
            { why::readout(lang, &story, &on_ask) }
            { why::why(lang, &answer) }
        </section>
    }
}

/// CSS of the "now" cursor: a box over the plot's width (from the y axis to the right
/// edge, clipped there) whose left border is the line, shifted by the instant's share of
/// the x axis with `transform`, which moves it in its own layer: the instant changing at
/// every rendered frame costs no layout or paint of the page.
fn cursor_left(p: &EventTimePicture, t_ms: TimeMs) -> String {
    let f = Frame::new(p, 1, 1);
    let share = ((t_ms - f.x_from) as f64 / (f.x_to - f.x_from).max(1) as f64).clamp(0.0, 1.0);
    format!(
        "left:{}px;transform:translateX({}%)",
        Short(LEFT),
        Fixed(share * 100.0, 2)
    )
}
