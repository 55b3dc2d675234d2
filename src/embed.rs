//! Embedding: `?view=embed` shows the page without its header, to fit a 16:9
//! slide or a course page in an iframe, and a small `postMessage` API lets the
//! page around it (a reveal.js deck, an LMS) drive it. Messages are objects
//! with a `bslab` field (see the README for the iframe snippet):
//!
//! - in: `{bslab: "play"}`, `{bslab: "pause"}`, `{bslab: "seek", t_ms}`,
//!   `{bslab: "load", link}` (a share link or its `#…` hash), `{bslab: "lesson", id}`,
//!   `{bslab: "next"}`, `{bslab: "previous"}`;
//! - out, to the parent page: `{bslab: "ready"}` once, and
//!   `{bslab: "beat", lesson, beat, beats, revealed, t_ms}` whenever a beat changes.
//!
//! Commands are accepted from any origin: they can only do what a visitor's
//! own clicks can, and the events carry nothing but the lesson's position.

use bslab_engine::TimeMs;
use gloo_events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use yew::UseReducerDispatcher;

use crate::browser;
use crate::driver::RunnerCell;
use crate::lessons::{self, progress::LessonAt};
use crate::share;
use crate::state::{Action, AppState};
use crate::timeline;

/// How the page is laid out, from its `view` query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The whole page.
    #[default]
    Page,
    /// No header: for an iframe.
    Embed,
    /// A printable handout.
    Print,
}

/// The view a query string (`?view=embed&…`) asks for.
pub fn view_of(search: &str) -> View {
    let query = search.trim_start_matches('?');
    match query.split('&').find_map(|p| p.strip_prefix("view=")) {
        Some("embed") => View::Embed,
        Some("print") => View::Print,
        _ => View::Page,
    }
}

/// The view the page's own address asks for.
pub fn current_view() -> View {
    let search = browser::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    view_of(&search)
}

/// `url` without its `view=…` query parameter: a handout's QR code and link
/// open the normal page, not another handout.
pub fn without_view(url: &str) -> String {
    let (head, hash) = url.split_at(url.find('#').unwrap_or(url.len()));
    let Some((base, query)) = head.split_once('?') else {
        return url.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("view="))
        .collect();
    if kept.is_empty() {
        format!("{base}{hash}")
    } else {
        format!("{base}?{}{hash}", kept.join("&"))
    }
}

/// A command from the parent page.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Play.
    Play,
    /// Pause.
    Pause,
    /// Go to an instant, in ms.
    Seek(TimeMs),
    /// Open a share link (or its hash).
    Load(String),
    /// Open a lesson by id.
    Lesson(String),
    /// Next beat.
    Next,
    /// Previous beat.
    Previous,
}

/// The command named `kind`, with its number (`t_ms`) or text (`link`, `id`) argument.
pub fn command(kind: &str, number: Option<f64>, text: Option<String>) -> Option<Command> {
    Some(match kind {
        "play" => Command::Play,
        "pause" => Command::Pause,
        "seek" => Command::Seek(number.filter(|t| t.is_finite())?.round() as TimeMs),
        "load" => Command::Load(text?),
        "lesson" => Command::Lesson(text?),
        "next" => Command::Next,
        "previous" => Command::Previous,
        _ => return None,
    })
}

fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn read(data: &JsValue) -> Option<Command> {
    let kind = field(data, "bslab")?.as_string()?;
    let number = field(data, "t_ms").and_then(|v| v.as_f64());
    let text = field(data, "link")
        .or_else(|| field(data, "id"))
        .and_then(|v| v.as_string());
    command(&kind, number, text)
}

fn run(command: Command, runner: &RunnerCell, dispatch: &UseReducerDispatcher<AppState>) {
    match command {
        Command::Play => dispatch.dispatch(Action::Play),
        Command::Pause => dispatch.dispatch(Action::Pause),
        Command::Seek(t) => timeline::seek(runner, dispatch, t),
        Command::Load(link) => {
            let hash = link.find('#').map_or(link.as_str(), |i| &link[i..]);
            if let Some(Ok(shared)) = share::decode_hash(hash) {
                dispatch.dispatch(Action::Open(shared.config.into(), shared.t_ms));
            }
        }
        Command::Lesson(id) => {
            if let Some((i, _)) = lessons::by_id(&id) {
                dispatch.dispatch(Action::OpenLesson(i));
            }
        }
        Command::Next => dispatch.dispatch(Action::LessonNext),
        Command::Previous => dispatch.dispatch(Action::LessonPrevious),
    }
}

/// Listens to the parent page's commands until the returned listener is dropped.
pub fn listen(
    runner: RunnerCell,
    dispatch: UseReducerDispatcher<AppState>,
) -> Option<EventListener> {
    let window = browser::window()?;
    post(&[("bslab", JsValue::from_str("ready"))]);
    Some(EventListener::new(&window, "message", move |event| {
        let data = Reflect::get(event, &JsValue::from_str("data")).unwrap_or(JsValue::NULL);
        if let Some(command) = read(&data) {
            run(command, &runner, &dispatch);
        }
    }))
}

/// Tells the parent page (if the app is in a frame) where the lesson is.
pub fn post_beat(at: Option<LessonAt>, t_ms: TimeMs) {
    let Some((at, lesson)) = at.and_then(|at| Some((at, at.lesson()?))) else {
        return;
    };
    post(&[
        ("bslab", JsValue::from_str("beat")),
        ("lesson", JsValue::from_str(&lesson.id)),
        ("beat", JsValue::from_f64(at.beat as f64)),
        ("beats", JsValue::from_f64(lesson.beats.len() as f64)),
        ("revealed", JsValue::from_bool(at.revealed)),
        ("t_ms", JsValue::from_f64(t_ms as f64)),
    ]);
}

fn post(fields: &[(&str, JsValue)]) {
    let Some(window) = browser::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&message, &JsValue::from_str(name), value);
    }
    let _ = parent.post_message(&message, "*");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_and_the_commands_are_read() {
        assert_eq!(view_of("?view=embed"), View::Embed);
        assert_eq!(view_of("?x=1&view=print"), View::Print);
        assert_eq!(view_of(""), View::Page);
        assert_eq!(view_of("?view=other"), View::Page);
        assert_eq!(
            command("seek", Some(1500.4), None),
            Some(Command::Seek(1500))
        );
        assert_eq!(command("seek", None, None), None);
        assert_eq!(command("seek", Some(f64::NAN), None), None);
        assert_eq!(
            command("lesson", None, Some("sales".into())),
            Some(Command::Lesson("sales".into()))
        );
        assert_eq!(command("load", None, None), None);
        assert_eq!(command("next", None, None), Some(Command::Next));
        assert_eq!(command("explode", None, None), None);
        assert_eq!(
            without_view("http://h/p/?view=print#v=2&t=5"),
            "http://h/p/#v=2&t=5"
        );
        assert_eq!(
            without_view("http://h/?a=1&view=print&b=2#x"),
            "http://h/?a=1&b=2#x"
        );
        assert_eq!(without_view("http://h/#v=2"), "http://h/#v=2");
    }
}
