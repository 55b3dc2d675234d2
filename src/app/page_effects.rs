//! The effects that tie the page to the world outside its components: the
//! address bar and localStorage, keyboard shortcuts and the embedding page,
//! the focus and scroll of the concepts panel and a lesson's beat, and the
//! lazy module's views (Sweep, the print view's handout, the QR code button).
//! A custom hook, not a component (page wasm).

use std::cell::Cell;

use yew::prelude::*;

use crate::components::concepts::focus_close;
use crate::components::{print_sheet, qr};
use crate::driver::RunnerCell;
use crate::state::{Action, AppState, ShareStatus};
use crate::{browser, embed, keyboard, presenting, share, sweep};

/// The page's effects; `settled` is true once the instant shown is fully drawn,
/// `highlight` the part of the page a lesson's beat talks about.
#[hook]
pub(super) fn use_page_effects(
    state: &UseReducerHandle<AppState>,
    runner: &RunnerCell,
    action: &Callback<Action>,
    settled: bool,
    highlight: Option<String>,
) {
    let dispatch = state.dispatcher();
    // Persistence: the address bar always holds the experiment; so does localStorage,
    // with the language (one effect for both: rewriting either one is harmless).
    use_effect_with((state.config.clone(), state.lang), |(config, lang)| {
        browser::store_config(config);
        browser::replace_hash(&share::encode_hash(config, 0));
        browser::store_lang(*lang);
    });
    // Keyboard shortcuts, for the page's lifetime (what they do depends on the mode).
    let key_mode = use_memo((), |_| Cell::new(keyboard::KeyMode::default()));
    key_mode.set(keyboard::KeyMode {
        lesson: state.lesson.is_some(),
        lesson_over: state.lesson.is_some_and(|at| at.finished()),
        presenting: state.presenting,
    });
    // Embedding: the parent page's commands (where the lesson is is told back below).
    // Both listeners live in one memo for the page's lifetime: an effect would be
    // its own copy of Yew's effect code. Events reach them only after this render.
    {
        let runner = runner.clone();
        use_memo((), move |_| {
            let keys = keyboard::listen(runner.clone(), dispatch.clone(), key_mode);
            (keys, embed::listen(runner, dispatch))
        });
    }
    use_effect_with(state.lesson, {
        let t = state.run.catch_up_to;
        move |at| embed::post_beat(*at, t)
    });
    // Opening the concepts panel moves the focus into it.
    use_effect_with(state.concepts_open, |open| {
        if *open {
            focus_close();
        }
    });
    // A beat brings it into view, again once its instant is drawn (the charts have their height then).
    use_effect_with((state.lesson, state.presenting, settled), move |_| {
        presenting::bring_into_view(highlight.as_deref())
    });
    // The lazy module's views: the Sweep view, loaded once the first picture is
    // drawn, follows the experiment; the print view's handout, its instant too;
    // the QR code button, a copied link. One effect for all three (each effect is
    // its own copy of Yew's effect code).
    let print = (state.layout == embed::View::Print).then(|| (state.preset, state.now_ms()));
    let shared = match &state.share {
        ShareStatus::Copied(url) | ShareStatus::Failed(url) => Some(url.clone()),
        ShareStatus::Idle => None,
    };
    let drawn = state.view.is_some();
    use_effect_with((state.config.clone(), state.lang, drawn, print, shared), {
        let action = action.clone();
        move |(config, lang, drawn, print, shared)| {
            if let Some((preset, t_ms)) = print {
                print_sheet::show(config, *preset, *t_ms, *lang);
            }
            if let Some(url) = shared {
                qr::show(url, *lang);
            }
            if *drawn {
                sweep::lazy::show(config, *lang, &action);
            }
        }
    });
}
