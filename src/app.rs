//! The root component: owns the UI state (a reducer), the running simulation
//! (a cell beside it, never inside the reducer) and the frame loop, and lays
//! out the page: header, parameter panel, the Batch | Streaming panels, the
//! run summary and the comparison charts.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::charts::panel::ChartsPanel;
use crate::components::concepts::{concepts_panel, focus_close};
use crate::components::csv_export;
use crate::components::engine_names::{engine_names, EngineNamesProps};
use crate::components::ghost_note::{ghost_note, GhostNoteProps};
use crate::components::header::{header, HeaderProps};
use crate::components::lesson_card::{lesson_card, LessonCardProps};
use crate::components::notice::{notice_bar, restart_prompt, NoticeProps, RestartProps};
use crate::components::params::{param_panel_if_open, ParamPanelProps};
use crate::components::pipeline::{pipeline_panel, PipelinePanelProps};
use crate::components::print_sheet::PrintSheet;
use crate::components::summary;
use crate::components::timeline_bar::{timeline_bar, TimelineBarProps};
use crate::driver::{step_once, Drive, Driver, RunnerCell};
use crate::event_time::EventTimePanel;
use crate::frame_loop::FrameLoop;
use crate::i18n::Key;
use crate::runner::{Runner, Snapshot};
use crate::state::{self, Action, AppState};
use crate::{browser, bursts, embed, export, keyboard, presenting, share, sweep, timeline};

mod callbacks;

/// Root component of the page.
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
    let dispatch = state.dispatcher();
    let runner: RunnerCell = use_mut_ref(|| None);
    let ghost: RunnerCell = use_mut_ref(|| None);
    let drive = use_memo((), |_| Cell::new(Drive::default()));
    drive.set(Drive {
        playing: state.playing,
        speed: state.speed,
    });
    let frames = {
        let (runner, drive, dispatch) = (runner.clone(), drive.clone(), dispatch.clone());
        use_memo((), move |_| {
            let driver = Driver::new(runner, drive, dispatch);
            FrameLoop::new(move |ts| driver.tick(ts))
        })
    };

    // (Re)build the simulation whenever a new run is requested.
    {
        let (runner, dispatch, frames) = (runner.clone(), dispatch.clone(), frames.clone());
        let (ghost, ghost_of) = (ghost.clone(), state.ghost.clone());
        use_effect_with(state.run.clone(), move |run| {
            if let Some(s) = timeline::reuse(&runner, run) {
                dispatch.dispatch(Action::Frame(Rc::new(s)));
                frames.wake();
                return;
            }
            timeline::ghost::hand_over(&runner, &ghost, ghost_of.as_deref());
            // The config was validated when it was made: building cannot fail.
            let mut built = Runner::from_valid((*run.config).clone(), run.catch_up_to);
            built.id = run.id;
            let snapshot = built.snapshot();
            if let Ok(mut cell) = runner.try_borrow_mut() {
                *cell = Some(built);
            }
            dispatch.dispatch(Action::Frame(Rc::new(snapshot)));
            frames.wake();
        });
    }
    // Frames are needed while playing or re-simulating, and once more after a pause
    // (the report is computed when time stops).
    {
        let needs_frame = state.animating()
            || state.view.as_ref().is_some_and(|v| {
                v.report
                    .as_ref()
                    .is_none_or(|r| r.report.t_ms != v.live.t_ms)
            });
        let frames = frames.clone();
        use_effect(move || {
            if needs_frame {
                frames.wake();
            }
        });
    }
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
    // One effect for both listeners: each effect is its own copy of Yew's effect code.
    {
        let (runner, dispatch, key_mode) = (runner.clone(), dispatch.clone(), key_mode.clone());
        use_effect_with((), move |_| {
            let keys = keyboard::listen(runner.clone(), dispatch.clone(), key_mode);
            let embedding = embed::listen(runner, dispatch);
            move || drop((keys, embedding))
        });
    }
    use_effect_with(state.lesson, {
        let t = state.run.catch_up_to;
        move |at| embed::post_beat(*at, t)
    });
    // The ghost follows the run's instant whenever the charts are redrawn.
    let ghost_view = use_state(|| None::<Rc<Snapshot>>);
    {
        let (ghost, ghost_view) = (ghost.clone(), ghost_view.clone());
        // Not while the new run re-simulates up to the fork: the ghost is there already.
        let drawn = state
            .view
            .as_ref()
            .filter(|v| v.catching_up.is_none())
            .map(|v| (v.samples.len(), v.live.t_ms));
        let on = state.ghost.is_some();
        use_effect_with((drawn, on), move |(drawn, on)| match (drawn, on) {
            (Some((_, t)), true) => ghost_view.set(timeline::ghost::picture(&ghost, *t)),
            _ if ghost_view.is_some() => ghost_view.set(None),
            _ => {}
        });
    }
    // Classroom mode: the part of the page the beat talks about.
    let highlight = state
        .lesson
        .and_then(|at| at.current())
        .map(|b| b.highlight.clone());
    let (on_seek, on_back) = {
        let (r, d) = (runner.clone(), dispatch.clone());
        let seek = Callback::from(move |t| timeline::seek(&r, &d, t));
        let (r, d) = (runner.clone(), dispatch.clone());
        (seek, Callback::from(move |()| timeline::step_back(&r, &d)))
    };

    let on_step = {
        let (runner, dispatch) = (runner.clone(), dispatch.clone());
        Callback::from(move |to| step_once(&runner, &dispatch, to))
    };
    let on_spike = {
        let (runner, dispatch) = (runner.clone(), dispatch.clone());
        use_memo(state.config.clone(), move |config| {
            callbacks::spike(&runner, &dispatch, config)
        })
    };
    let on_remove_burst = {
        let dispatch = dispatch.clone();
        use_memo(state.config.clone(), move |config| {
            let config = Rc::clone(config);
            Callback::from(move |i| {
                // Fewer spikes never break a limit; if it did, nothing is applied.
                if let Ok(valid) = bursts::without(&config, i).validated() {
                    dispatch.dispatch(Action::Apply(Rc::new(valid)));
                }
            })
        })
    };
    let export_job = use_mut_ref(|| None::<export::ExportJob>);
    let on_export = callbacks::export(&state.config, state.lang, &dispatch, &export_job);
    let on_share = callbacks::share(&state.config, state.now_ms(), &dispatch);
    let on_csv = use_memo(state.lang, {
        let (runner, dispatch) = (runner.clone(), dispatch.clone());
        move |lang| csv_export::download_callback(&runner, &dispatch, *lang)
    });
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
    // Opening the concepts panel moves the focus into it.
    use_effect_with(state.concepts_open, |open| {
        if *open {
            focus_close();
        }
    });
    // A beat brings it into view, again once its instant is drawn (the charts have their height then).
    use_effect_with((state.lesson, state.presenting, settled), {
        let highlight = highlight.clone();
        move |_| presenting::bring_into_view(highlight.as_deref())
    });
    let d = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| callbacks::Callbacks::new(&dispatch)
    });
    let on_ask = use_memo((), {
        let runner = runner.clone();
        move |_| callbacks::ask(&runner)
    });
    let lang = state.lang;
    // The Sweep view, loaded once the first picture is drawn, follows the experiment.
    use_effect_with((state.config.clone(), lang, state.view.is_some()), {
        let action = d.action.clone();
        move |(config, lang, drawn)| {
            if *drawn {
                sweep::lazy::show(config, *lang, &action);
            }
        }
    });
    // The report's tables, drawn again only when the report changes, not at every frame.
    let tables = use_memo(summary::deps(lang, state.view.as_deref()), summary::tables);
    let params = state.params_open.then(|| ParamPanelProps {
        lang,
        config: state.config.clone(),
        on_apply: d.apply.clone(),
        on_spike: (*on_spike).clone(),
        on_remove_burst: (*on_remove_burst).clone(),
        on_close: d.params.clone(),
    });
    let params = use_memo(params, param_panel_if_open);

    let timeline_bar = timeline_bar(&TimelineBarProps {
        lang,
        now_ms: state.now_ms(),
        duration_ms: state.config.duration_ms,
        on_seek,
        on_back,
        lesson: state.lesson.map(|at| at.lesson),
        on_lesson: d.action.reform(Action::OpenLesson),
        presenting: state.presenting,
        on_present: d.action.reform(Action::Present),
    });

    html! {
            <div class={classes!("app", state.presenting.then_some("presenting"),
                (state.layout == embed::View::Embed).then_some("embed"),
                (state.layout == embed::View::Print).then_some("print"))} lang={lang.tag()}
                data-highlight={highlight.clone()} data-testid="app">
                <span hidden=true data-testid="run-state" data-state={run_state} data-settled={settled.to_string()}
                    data-t={state.now_ms().to_string()} data-duration={state.config.duration_ms.to_string()} />
    <div class="top">
                { header(&HeaderProps { lang, preset: state.preset, playing: state.playing, speed: state.speed,
                    seed: state.config.seed, view: state.view.clone(), share: state.share.clone(),
                    params_open: state.params_open, export: state.export.clone(), dispatch: d.action.clone(), on_step, stepped: state.stepped,
                    on_spike: (*on_spike).clone(), on_share, on_export }) }
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
                // Under the sticky top (a projector's first screen keeps the pipelines and charts);
                // in it while presenting, where the header gives way.
                if !state.presenting { { timeline_bar } }
                <div class={classes!("workspace", (!state.params_open).then_some("no-params"))}>
                    { (*params).clone() }
                    <main class="stage">
                        if state.layout == embed::View::Print {
                            <PrintSheet {lang} config={state.config.clone()} preset={state.preset} t_ms={state.now_ms()} />
                        }
                        if let Some(view) = &state.view {
                            <div class="pipelines">
                                { pipeline_panel(&PipelinePanelProps { lang, batch: true, config: state.config.clone(), view: view.clone() }) }
                                { pipeline_panel(&PipelinePanelProps { lang, batch: false, config: state.config.clone(), view: view.clone() }) }
                            </div>
                            if let Some(before) = state.ghost.clone() {
                                { ghost_note(&GhostNoteProps { lang, before, now: state.config.clone(), on_dismiss: d.action.reform(|()| Action::DismissGhost) }) }
                            }
                            <ChartsPanel {lang} view={view.clone()} config={state.config.clone()}
                                ghost={state.ghost.as_ref().and((*ghost_view).clone())} />
                            { csv_export::csv_buttons(lang, &state.config, &on_csv) }
                            // Under the charts: above them, it would push them off a 1024×768 screen.
                            if let Some(picture) = &view.picture {
                                <EventTimePanel {lang} picture={picture.clone()} t_ms={view.live.t_ms} ask={(*on_ask).clone()} />
                            }
                            { (*tables).clone() }
                            { engine_names(&EngineNamesProps { lang, mode: state.config.streaming.mode.clone(), latest: view.latest_progress.clone(),
                                points: view.spark.clone(), pools: view.pools.1 }) }
                        }
                        // The Sweep view, its own wasm mounted here (crate::sweep::lazy).
                        <div id={sweep::lazy::HOST_ID} class="sweep-host" />
                    </main>
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
