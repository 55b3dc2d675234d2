//! The page's layout as plain functions returning `Html` (not components: a
//! component type costs page wasm): the sticky top (header, lesson card,
//! notices) and the stage (pipelines, charts, event-time picture, tables).

use std::rc::Rc;

use yew::prelude::*;

use super::handlers::Handlers;
use crate::charts::panel::ChartsPanel;
use crate::components::csv_export;
use crate::components::engine_names::{engine_names, EngineNamesProps};
use crate::components::ghost_note::{ghost_note, GhostNoteProps};
use crate::components::header::{header, HeaderProps};
use crate::components::lesson_card::{lesson_card, LessonCardProps};
use crate::components::notice::{notice_bar, restart_prompt, NoticeProps, RestartProps};
use crate::components::pipeline::{pipeline_panel, PipelinePanelProps};
use crate::components::print_sheet;
use crate::embed;
use crate::event_time::EventTimePanel;
use crate::runner::Snapshot;
use crate::state::{Action, AppState};

/// The sticky top: header, the timeline bar while presenting, the lesson
/// card, notices and the restart prompt.
pub(super) fn top(state: &AppState, h: &Handlers, timeline_bar: &Html) -> Html {
    let (lang, d) = (state.lang, &h.d);
    html! {
        <div class="top">
            { header(&HeaderProps { lang, preset: state.preset, playing: state.playing, speed: state.speed,
                seed: state.config.seed, view: state.view.clone(), share: state.share.clone(),
                params_open: state.params_open, export: state.export.clone(), dispatch: d.action.clone(), on_step: h.on_step.clone(), stepped: state.stepped,
                on_spike: (*h.on_spike).clone(), on_share: h.on_share.clone(), on_export: h.on_export.clone() }) }
            if state.presenting { { timeline_bar.clone() } }
            if let Some(at) = state.lesson {
                { lesson_card(&LessonCardProps { lang, at, view: state.view.clone(), on_next: d.action.reform(|()| Action::LessonNext),
                    on_previous: d.action.reform(|()| Action::LessonPrevious), on_exit: d.action.reform(|()| Action::CloseLesson) }) }
            }
            if !state.notices.is_empty() {
                { notice_bar(&NoticeProps { lang, notices: state.notices.clone(), on_dismiss: d.dismiss.clone() }) }
            }
            if let Some(pending) = &state.pending {
                { restart_prompt(&RestartProps { lang, current: state.config.clone(), pending: pending.clone(),
                    on_confirm: d.confirm.clone(), on_cancel: d.cancel.clone() }) }
            }
        </div>
    }
}

/// The stage: the print sheet, then, once a picture is drawn, the pipelines,
/// the ghost's note, the charts, the CSV buttons, the event-time picture, the
/// report's `tables` and the engines' names; the Sweep view's host last.
pub(super) fn stage(
    state: &AppState,
    h: &Handlers,
    ghost: Option<Rc<Snapshot>>,
    tables: &Html,
) -> Html {
    let lang = state.lang;
    html! {
        <main class="stage">
            if state.layout == embed::View::Print {
                // The handout, drawn by the lazy module (crate::components::print_sheet::show).
                <div id={print_sheet::HOST_ID} />
            }
            if let Some(view) = &state.view {
                <div class="pipelines">
                    { pipeline_panel(&PipelinePanelProps { lang, batch: true, config: state.config.clone(), view: view.clone() }) }
                    { pipeline_panel(&PipelinePanelProps { lang, batch: false, config: state.config.clone(), view: view.clone() }) }
                </div>
                if let Some(before) = state.ghost.clone() {
                    { ghost_note(&GhostNoteProps { lang, before, now: state.config.clone(), on_dismiss: h.d.action.reform(|()| Action::DismissGhost) }) }
                }
                <ChartsPanel {lang} view={view.clone()} config={state.config.clone()} {ghost} />
                { csv_export::csv_buttons(lang, &state.config, &h.on_csv) }
                // Under the charts: above them, it would push them off a 1024×768 screen.
                if let Some(picture) = &view.picture {
                    <EventTimePanel {lang} picture={picture.clone()} t_ms={view.live.t_ms} ask={(*h.on_ask).clone()}
                        output={state.config.streaming.output_mode} />
                }
                { tables.clone() }
                { engine_names(&EngineNamesProps { lang, mode: state.config.streaming.mode.clone(), latest: view.latest_progress.clone(),
                    points: view.spark.clone(), pools: view.pools.1 }) }
            }
            // The Sweep view, its own wasm mounted here (crate::sweep::lazy).
            <div id={crate::sweep::lazy::HOST_ID} class="sweep-host" />
        </main>
    }
}
