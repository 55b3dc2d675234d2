//! Presenter keys (what a clicker sends, too): Space play/pause, → / PgDn / `.`
//! step to the next moment (Shift: to the next arrival), ← / PgUp step back, R reset,
//! `+` / `−` speed. In a lesson, PgDn / → and PgUp / ← are the next and previous beat;
//! F5 enters presentation mode, Esc leaves it, and there `.` blanks the screen.
//! Typing in a field, or pressing a key on a focused button, keeps its usual meaning.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

use crate::driver::{step_once, RunnerCell};
use crate::state::{Action, AppState};
use crate::stepping::StepTo;
use crate::{browser, timeline};

/// What the page is in, for the keys (updated at every render).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyMode {
    /// A lesson is open (PgUp goes back through its beats).
    pub lesson: bool,
    /// Its last beat is behind (PgDn steps the run again: the sandbox).
    pub lesson_over: bool,
    /// Presentation mode.
    pub presenting: bool,
}

/// What a key does, if anything (`tag`: upper-case tag name of the focused element;
/// `modifiers`: Ctrl, Alt or Meta held; `shift`: Shift held).
pub fn action_for(
    key: &str,
    tag: &str,
    modifiers: bool,
    shift: bool,
    mode: KeyMode,
) -> Option<KeyAction> {
    if modifiers || matches!(tag, "INPUT" | "SELECT" | "TEXTAREA") {
        return None;
    }
    match key {
        "Escape" if mode.presenting => return Some(KeyAction::Present(false)),
        "Escape" => return Some(KeyAction::Close),
        "F5" => return Some(KeyAction::Present(true)),
        "." if mode.presenting => return Some(KeyAction::Blank),
        _ => {}
    }
    // A focused chart (or the event-time picture) uses ← and → for its read-out.
    if (tag.eq_ignore_ascii_case("svg") || tag == "CANVAS")
        && matches!(key, "ArrowLeft" | "ArrowRight")
    {
        return None;
    }
    match key {
        "PageDown" | "ArrowRight" if mode.lesson && !mode.lesson_over && !shift => {
            return Some(KeyAction::NextBeat)
        }
        "PageUp" | "ArrowLeft" if mode.lesson => return Some(KeyAction::PreviousBeat),
        _ => {}
    }
    let on_control = matches!(tag, "BUTTON" | "SUMMARY" | "A");
    Some(match key {
        " " | "Spacebar" if !on_control => KeyAction::TogglePlay,
        "ArrowRight" | "PageDown" | "." if shift => KeyAction::Step(StepTo::Arrival),
        "ArrowRight" | "PageDown" | "." => KeyAction::Step(StepTo::Moment),
        "ArrowLeft" | "PageUp" => KeyAction::StepBack,
        "r" | "R" => KeyAction::Reset,
        "+" | "=" => KeyAction::Faster,
        "-" | "_" => KeyAction::Slower,
        _ => return None,
    })
}

/// A presenter key's effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Play or pause.
    TogglePlay,
    /// One step, to the next moment or arrival.
    Step(StepTo),
    /// Back to t = 0.
    Reset,
    /// One speed up.
    Faster,
    /// One speed down.
    Slower,
    /// Close the side panel.
    Close,
    /// One step back.
    StepBack,
    /// The lesson's next beat (or reveal).
    NextBeat,
    /// The lesson's previous beat.
    PreviousBeat,
    /// Enter or leave presentation mode.
    Present(bool),
    /// Blank the screen.
    Blank,
}

/// Listens to keydown on the document until the returned listener is dropped.
pub fn listen(
    runner: RunnerCell,
    dispatch: UseReducerDispatcher<AppState>,
    mode: Rc<Cell<KeyMode>>,
) -> Option<EventListener> {
    let document = browser::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &document,
        "keydown",
        options,
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let modifiers = event.ctrl_key() || event.meta_key() || event.alt_key();
            let (key, tag) = (event.key(), browser::target_tag(event));
            let Some(action) = action_for(&key, &tag, modifiers, event.shift_key(), mode.get())
            else {
                return;
            };
            event.prevent_default();
            match action {
                KeyAction::TogglePlay => dispatch.dispatch(Action::TogglePlay),
                KeyAction::Step(to) => step_once(&runner, &dispatch, to),
                KeyAction::Reset => dispatch.dispatch(Action::Reset),
                KeyAction::Faster => dispatch.dispatch(Action::Faster),
                KeyAction::Slower => dispatch.dispatch(Action::Slower),
                KeyAction::Close => dispatch.dispatch(Action::CloseConcepts),
                KeyAction::StepBack => timeline::step_back(&runner, &dispatch),
                KeyAction::NextBeat => dispatch.dispatch(Action::LessonNext),
                KeyAction::PreviousBeat => dispatch.dispatch(Action::LessonPrevious),
                KeyAction::Present(on) => dispatch.dispatch(Action::Present(on)),
                KeyAction::Blank => dispatch.dispatch(Action::ToggleBlank),
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_except_while_typing() {
        assert_eq!(
            action_for(" ", "BODY", false, false, KeyMode::default()),
            Some(KeyAction::TogglePlay)
        );
        assert_eq!(
            action_for(" ", "BUTTON", false, false, KeyMode::default()),
            None
        );
        assert_eq!(
            action_for("ArrowRight", "BUTTON", false, false, KeyMode::default()),
            Some(KeyAction::Step(StepTo::Moment))
        );
        assert_eq!(
            action_for("R", "DIV", false, false, KeyMode::default()),
            Some(KeyAction::Reset)
        );
        assert_eq!(
            action_for("r", "INPUT", false, false, KeyMode::default()),
            None
        );
        assert_eq!(
            action_for("r", "BODY", true, false, KeyMode::default()),
            None
        );
        assert_eq!(
            action_for("x", "BODY", false, false, KeyMode::default()),
            None
        );
        assert_eq!(
            action_for("Escape", "BUTTON", false, false, KeyMode::default()),
            Some(KeyAction::Close)
        );
        assert_eq!(
            action_for("ArrowRight", "svg", false, false, KeyMode::default()),
            None
        );
        assert_eq!(
            action_for("PageDown", "BODY", false, true, KeyMode::default()),
            Some(KeyAction::Step(StepTo::Arrival))
        );
    }

    #[test]
    fn a_clicker_goes_through_a_lesson_and_presentation_mode() {
        let lesson = KeyMode {
            lesson: true,
            lesson_over: false,
            presenting: true,
        };
        let key = |k| action_for(k, "BODY", false, false, lesson);
        assert_eq!(key("PageDown"), Some(KeyAction::NextBeat));
        assert_eq!(key("ArrowRight"), Some(KeyAction::NextBeat));
        assert_eq!(key("PageUp"), Some(KeyAction::PreviousBeat));
        assert_eq!(key("ArrowLeft"), Some(KeyAction::PreviousBeat));
        assert_eq!(key("."), Some(KeyAction::Blank));
        assert_eq!(key("Escape"), Some(KeyAction::Present(false)));
        let free = |k| action_for(k, "BODY", false, false, KeyMode::default());
        assert_eq!(free("F5"), Some(KeyAction::Present(true)));
        assert_eq!(free("PageUp"), Some(KeyAction::StepBack));
        assert_eq!(free("."), Some(KeyAction::Step(StepTo::Moment)));
        assert_eq!(free("Escape"), Some(KeyAction::Close));
        let over = KeyMode {
            lesson_over: true,
            ..lesson
        };
        let sandbox = |k| action_for(k, "BODY", false, false, over);
        assert_eq!(sandbox("PageDown"), Some(KeyAction::Step(StepTo::Moment)));
        assert_eq!(sandbox("PageUp"), Some(KeyAction::PreviousBeat));
    }
}
