//! The page's callbacks that do more than dispatch an action (spike now, export
//! for Spark, copy the link, questions to the picture), and the ones made once.
//! Apart from the root component (`app.rs`) so that it stays a layout.

use std::cell::RefCell;
use std::rc::Rc;

use bslab_engine::{ExperimentConfig, TimeMs, ValidConfig};
use yew::prelude::*;

use crate::driver::RunnerCell;
use crate::event_time::ask::{self, Answer, Question};
use crate::i18n::{Key, Lang};
use crate::runner::Runner;
use crate::state::{Action, AppState, ExportStatus, Notice, ShareStatus};
use crate::{browser, bursts, export, share};

/// Callbacks made once (the dispatcher never changes), so that components whose
/// other props did not change are not re-rendered at every animation frame.
pub(super) struct Callbacks {
    pub(super) action: Callback<Action>,
    pub(super) apply: Callback<ValidConfig>,
    pub(super) dismiss: Callback<()>,
    pub(super) confirm: Callback<()>,
    pub(super) cancel: Callback<()>,
    pub(super) concepts: Callback<()>,
    pub(super) params: Callback<()>,
}

impl Callbacks {
    pub(super) fn new(dispatch: &UseReducerDispatcher<AppState>) -> Self {
        let action = dispatch.to_callback();
        let fixed = |a: Action| action.reform(move |()| a.clone());
        Self {
            apply: action.reform(|c: ValidConfig| Action::Apply(Rc::new(c))),
            dismiss: fixed(Action::DismissNotice),
            confirm: fixed(Action::ConfirmRestart),
            cancel: fixed(Action::CancelRestart),
            concepts: fixed(Action::ToggleConcepts),
            params: fixed(Action::ToggleParams),
            action,
        }
    }
}

/// "Spike now": a load spike from the current instant (read from the runner when
/// clicked), applied as a fork; a notice says why when the engine refuses it.
pub(super) fn spike(
    runner: &RunnerCell,
    dispatch: &UseReducerDispatcher<AppState>,
    config: &Rc<ExperimentConfig>,
) -> Callback<()> {
    let (runner, dispatch, config) = (runner.clone(), dispatch.clone(), Rc::clone(config));
    Callback::from(move |()| {
        let now = runner
            .try_borrow()
            .ok()
            .and_then(|r| r.as_ref().map(Runner::now))
            .unwrap_or(0);
        match bursts::spike_at(&config, now) {
            Ok(spiked) => dispatch.dispatch(Action::Apply(Rc::new(spiked))),
            Err(why) => dispatch.dispatch(Action::Notify(Notice::NoSpike(why))),
        }
    })
}

/// Questions of the event-time picture, answered by the running simulation.
pub(super) fn ask(runner: &RunnerCell) -> Callback<Question, Option<Answer>> {
    let runner = runner.clone();
    Callback::from(move |q| {
        let cell = runner.try_borrow().ok()?;
        ask::answer(cell.as_ref()?.sim(), q)
    })
}

/// "Export for Spark": refused with a reason, or built in the worker and downloaded;
/// the job is kept in `job` (replacing a previous job stops its worker).
pub(super) fn export(
    config: &Rc<ExperimentConfig>,
    lang: Lang,
    dispatch: &UseReducerDispatcher<AppState>,
    job: &Rc<RefCell<Option<export::ExportJob>>>,
) -> Callback<()> {
    let (config, dispatch, export_job) = (Rc::clone(config), dispatch.clone(), Rc::clone(job));
    Callback::from(move |()| {
        if let Some(why) = export::refusal(&config, lang) {
            dispatch.dispatch(Action::Export(ExportStatus::Failed(why)));
            return;
        }
        dispatch.dispatch(Action::Export(ExportStatus::Working));
        let d = dispatch.clone();
        let note = export::spark_note(&config, lang);
        let started = export::start(
            &config,
            export::Job::Spark,
            Box::new(move |outcome| {
                let status = match outcome {
                    Ok((name, bytes)) => {
                        match browser::download(&name, &bytes, "application/zip") {
                            Ok(()) => ExportStatus::Done(format!("{name}{note}")),
                            Err(why) => {
                                ExportStatus::Failed(crate::messages::download_failed(lang, why))
                            }
                        }
                    }
                    Err(why) => {
                        ExportStatus::Failed(format!("{} {why}", lang.t(Key::ExportFailed)))
                    }
                };
                d.dispatch(Action::Export(status));
            }),
        );
        match started {
            // Replacing a previous job stops its worker; this one lives until the next.
            Ok(job) => *export_job.borrow_mut() = Some(job),
            Err(why) => dispatch.dispatch(Action::Export(ExportStatus::Failed(format!(
                "{} {why}",
                lang.t(Key::ExportFailed)
            )))),
        }
    })
}

/// "Copy link": the link to this experiment at instant `t`, copied to the clipboard.
pub(super) fn share(
    config: &Rc<ExperimentConfig>,
    t: TimeMs,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Callback<()> {
    let (config, dispatch) = (Rc::clone(config), dispatch.clone());
    Callback::from(move |()| {
        let url = browser::share_url(&share::encode_hash(&config, t));
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let status = if browser::copy_text(url.clone()).await {
                ShareStatus::Copied(url)
            } else {
                ShareStatus::Failed(url)
            };
            dispatch.dispatch(Action::Shared(status));
        });
    })
}
