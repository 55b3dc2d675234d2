//! The page's callbacks, made in one custom hook: the ones that depend on the
//! experiment are remade only when it changes (`use_memo`), the others once, so
//! components whose other props did not change skip re-rendering at each frame.

use std::rc::Rc;

use yew::prelude::*;

use super::callbacks::{self, Callbacks};
use crate::components::csv_export;
use crate::driver::{step_once, RunnerCell};
use crate::event_time::ask::{Answer, Question};
use crate::export;
use crate::state::{Action, AppState};
use crate::stepping::StepTo;
use crate::{bursts, timeline};

/// Every callback the page hands down.
pub(super) struct Handlers {
    pub(super) on_seek: Callback<bslab_engine::TimeMs>,
    pub(super) on_back: Callback<()>,
    pub(super) on_step: Callback<StepTo>,
    pub(super) on_spike: Rc<Callback<()>>,
    pub(super) on_remove_burst: Rc<Callback<usize>>,
    pub(super) on_export: Callback<()>,
    pub(super) on_share: Callback<()>,
    pub(super) on_csv: Rc<Callback<&'static str>>,
    pub(super) on_ask: Rc<Callback<Question, Option<Answer>>>,
    /// The ones that only dispatch an action.
    pub(super) d: Rc<Callbacks>,
}

/// The callbacks over the runner and the state's dispatcher.
#[hook]
pub(super) fn use_handlers(state: &UseReducerHandle<AppState>, runner: &RunnerCell) -> Handlers {
    let dispatch = state.dispatcher();
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
    let d = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| Callbacks::new(&dispatch)
    });
    let on_ask = use_memo((), {
        let runner = runner.clone();
        move |_| callbacks::ask(&runner)
    });
    Handlers {
        on_seek,
        on_back,
        on_step,
        on_spike,
        on_remove_burst,
        on_export,
        on_share,
        on_csv,
        on_ask,
        d,
    }
}
