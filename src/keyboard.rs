//! Presenter keys (what a clicker sends, too): Space play/pause, → / PgDn / `.`
//! step to the next moment (Shift: to the next arrival), R reset, + / − speed. Typing in a field, or pressing a key on a focused
//! button, keeps its usual meaning.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

use crate::browser;
use crate::driver::{step_once, RunnerCell};
use crate::state::{Action, AppState};
use crate::stepping::StepTo;

/// What a key does, if anything (`tag`: upper-case tag name of the focused element;
/// `modifiers`: Ctrl, Alt or Meta held; `shift`: Shift held).
pub fn action_for(key: &str, tag: &str, modifiers: bool, shift: bool) -> Option<KeyAction> {
    if modifiers || matches!(tag, "INPUT" | "SELECT" | "TEXTAREA") {
        return None;
    }
    if key == "Escape" {
        return Some(KeyAction::Close);
    }
    // A focused chart (or the event-time picture) uses ← and → for its read-out.
    if (tag.eq_ignore_ascii_case("svg") || tag == "CANVAS")
        && matches!(key, "ArrowLeft" | "ArrowRight")
    {
        return None;
    }
    let on_control = matches!(tag, "BUTTON" | "SUMMARY" | "A");
    Some(match key {
        " " | "Spacebar" if !on_control => KeyAction::TogglePlay,
        "ArrowRight" | "PageDown" | "." if shift => KeyAction::Step(StepTo::Arrival),
        "ArrowRight" | "PageDown" | "." => KeyAction::Step(StepTo::Moment),
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
}

/// Listens to keydown on the document until the returned listener is dropped.
pub fn listen(
    runner: RunnerCell,
    dispatch: UseReducerDispatcher<AppState>,
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
            let Some(action) = action_for(&key, &tag, modifiers, event.shift_key()) else {
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
            action_for(" ", "BODY", false, false),
            Some(KeyAction::TogglePlay)
        );
        assert_eq!(action_for(" ", "BUTTON", false, false), None);
        assert_eq!(
            action_for("ArrowRight", "BUTTON", false, false),
            Some(KeyAction::Step(StepTo::Moment))
        );
        assert_eq!(action_for("R", "DIV", false, false), Some(KeyAction::Reset));
        assert_eq!(action_for("r", "INPUT", false, false), None);
        assert_eq!(action_for("r", "BODY", true, false), None);
        assert_eq!(action_for("x", "BODY", false, false), None);
        assert_eq!(
            action_for("Escape", "BUTTON", false, false),
            Some(KeyAction::Close)
        );
        assert_eq!(action_for("ArrowRight", "svg", false, false), None);
        assert_eq!(
            action_for("PageDown", "BODY", false, true),
            Some(KeyAction::Step(StepTo::Arrival))
        );
    }
}
