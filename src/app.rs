//! The root component: owns the UI state (a reducer), the running simulation
//! (a cell beside it, never inside the reducer) and the frame loop, and lays
//! out the page: header, parameter panel, the Batch | Streaming panels, the
//! run summary and the comparison charts.

use yew::prelude::*;

use crate::components::concepts::concepts_panel;
use crate::components::header;
use crate::components::params::{param_panel_if_open, ParamPanelProps};
use crate::components::summary;
use crate::components::timeline_bar::{timeline_bar, TimelineBarProps};
use crate::i18n::Key;
use crate::state::{self, Action, AppState};
use crate::{browser, embed};

mod callbacks;
mod handlers;
mod layout;
mod page_effects;
mod simulation;

/// Root component of the page. Its state and effects are custom hooks
/// (`simulation`, `handlers`, `page_effects`) and its parts plain functions
/// (`layout`): a component type of its own each would cost page wasm.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let boot = state::boot(
            &browser::location_hash(),
            browser::stored_config().as_deref(),
        );
        let layout = embed::current_view();
        AppState {
            params_open: browser::params_open_at_start() && layout == embed::View::Page,
            layout,
            ..AppState::new(browser::initial_lang(), boot)
        }
    });
    let sim = simulation::use_simulation(&state);
    let ghost_view = simulation::use_ghost_view(&state, &sim.ghost);
    let h = handlers::use_handlers(&state, &sim.runner);
    // Classroom mode: the part of the page the beat talks about.
    let highlight = state
        .lesson
        .and_then(|at| at.current())
        .map(|b| b.highlight.clone());
    let run_state = match &state.view {
        None => "loading",
        Some(v) if v.catching_up.is_some() => "catching-up",
        Some(v) if v.finished => "finished",
        Some(_) if state.playing => "playing",
        Some(_) => "paused",
    };
    let settled = !state.animating()
        && state.view.as_ref().is_some_and(|v| {
            v.report
                .as_ref()
                .is_some_and(|r| r.report.t_ms == v.live.t_ms)
        });
    page_effects::use_page_effects(&state, &sim.runner, &h.d.action, settled, highlight.clone());
    let lang = state.lang;
    // The report's tables, drawn again only when the report changes, not at every frame.
    let tables = use_memo(summary::deps(lang, state.view.as_deref()), summary::tables);
    let params = state.params_open.then(|| ParamPanelProps {
        lang,
        config: state.config.clone(),
        on_apply: h.d.apply.clone(),
        on_spike: (*h.on_spike).clone(),
        on_remove_burst: (*h.on_remove_burst).clone(),
        on_close: h.d.params.clone(),
    });
    let params = use_memo(params, param_panel_if_open);
    let d = &h.d;
    let timeline_bar = timeline_bar(&TimelineBarProps {
        lang,
        now_ms: state.now_ms(),
        duration_ms: state.config.duration_ms,
        on_seek: h.on_seek.clone(),
        on_back: h.on_back.clone(),
        lesson: state.lesson.map(|at| at.lesson),
        on_lesson: d.action.reform(Action::OpenLesson),
        presenting: state.presenting,
        on_present: d.action.reform(Action::Present),
    });

    html! {
        <div class={classes!("app", state.presenting.then_some("presenting"),
            (state.layout == embed::View::Embed).then_some("embed"),
            (state.layout == embed::View::Print).then_some("print"))} lang={lang.tag()}
            data-highlight={highlight} data-testid="app">
            <span hidden=true data-testid="run-state" data-state={run_state} data-settled={settled.to_string()}
                data-t={state.now_ms().to_string()} data-duration={state.config.duration_ms.to_string()} />
            { layout::top(&state, &h, &timeline_bar) }
            // Under the sticky top (a projector's first screen keeps the pipelines and charts);
            // in it while presenting, where the header and the story give way.
            if !state.presenting {
                { header::story(lang, state.preset) }
                { timeline_bar }
            }
            <div class={classes!("workspace", (!state.params_open).then_some("no-params"))}>
                { (*params).clone() }
                { layout::stage(&state, &h, ghost_view, &tables) }
            </div>
            if state.concepts_open {
                { concepts_panel(lang, &d.concepts) }
            }
            <footer class="keys">{ lang.t(Key::KeyboardHelp) }</footer>
            if state.blank {
                <div class="blank" data-testid="blank" onclick={d.action.reform(|_| Action::ToggleBlank)}>{ lang.t(Key::Blanked) }</div>
            }
        </div>
    }
}
