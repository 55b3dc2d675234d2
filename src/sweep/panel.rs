//! The "Sweep" view: the form (knob, range, number of values), run and cancel,
//! progress as the points arrive from the worker, and the four charts.

use std::rc::Rc;

use bslab_engine::sweep::{SweepPlan, SweepPoint};
use bslab_engine::ExperimentConfig;
use yew::prelude::*;

use super::chart::{sweep_chart, Metric, SweepChartProps};
use super::plan::{self, DEFAULT_COUNT};
use super::text::{fill, t, T};
use super::Update;
use crate::i18n::Lang;
use crate::state::Action;
use crate::worker::WorkerJob;

/// Properties of [`SweepPanel`].
#[derive(Properties, PartialEq)]
pub struct SweepPanelProps {
    /// Language.
    pub lang: Lang,
    /// The applied config (the sweep starts from it; its knob value is marked).
    pub config: Rc<ExperimentConfig>,
    /// The page's actions (a picked point opens its run).
    pub dispatch: Callback<Action>,
}

/// Where the sweep is.
#[derive(Debug, Clone, PartialEq, Default)]
enum Status {
    #[default]
    Idle,
    Running,
    Done,
    Cancelled,
    Failed(String),
}

/// The sweep's state: its plan, the points so far and where it is.
#[derive(Default)]
struct Sweep {
    plan: Option<Rc<SweepPlan>>,
    points: Rc<Vec<SweepPoint>>,
    status: Status,
}

enum Step {
    Start(Rc<SweepPlan>),
    Heard(Update),
    Cancel,
    Refuse(String),
}

impl Reducible for Sweep {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let (plan, mut points) = (self.plan.clone(), (*self.points).clone());
        let status = match step {
            Step::Start(plan) => {
                return Rc::new(Sweep {
                    plan: Some(plan),
                    status: Status::Running,
                    ..Sweep::default()
                })
            }
            Step::Refuse(why) => {
                return Rc::new(Sweep {
                    status: Status::Failed(why),
                    ..Sweep::default()
                })
            }
            Step::Cancel if self.status == Status::Running => Status::Cancelled,
            Step::Heard(Update::Point(p)) if self.status == Status::Running => {
                points.push(p);
                Status::Running
            }
            Step::Heard(Update::Done) if self.status == Status::Running => Status::Done,
            Step::Heard(Update::Failed(why)) if self.status == Status::Running => {
                Status::Failed(why)
            }
            _ => return self,
        };
        Rc::new(Sweep {
            plan,
            points: Rc::new(points),
            status,
        })
    }
}

/// The sweep view.
#[function_component(SweepPanel)]
pub fn sweep_panel(p: &SweepPanelProps) -> Html {
    let lang = p.lang;
    let knobs = plan::knobs(&p.config);
    let chosen = use_state(|| 0_usize);
    let knob = knobs.get(*chosen).or(knobs.first()).copied();
    let range = use_state(|| (String::new(), String::new()));
    let count = use_state(|| DEFAULT_COUNT.to_string());
    let sweep = use_reducer(Sweep::default);
    let job = use_mut_ref(|| None::<WorkerJob>);
    // The default range, around the current value: again for another knob, language or experiment.
    use_effect_with((knob, lang, p.config.clone()), {
        let range = range.clone();
        move |(knob, lang, config)| {
            if let Some(knob) = knob {
                range.set(plan::default_range(config, *knob, *lang));
            }
        }
    });
    let Some(knob) = knob else { return html! {} };
    let text = |s: &UseStateHandle<String>| {
        Callback::from({
            let s = s.clone();
            move |e: InputEvent| {
                s.set(
                    e.target_unchecked_into::<web_sys::HtmlInputElement>()
                        .value(),
                )
            }
        })
    };
    let on_run = {
        let (config, range, count, sweep, job) = (
            p.config.clone(),
            range.clone(),
            count.clone(),
            sweep.clone(),
            job.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            *job.borrow_mut() = None;
            let plan = match plan::prepare(&config, knob, (&range.0, &range.1, &count), lang) {
                Ok(plan) => Rc::new(plan),
                Err(why) => return sweep.dispatch(Step::Refuse(why)),
            };
            let request = super::Request {
                config: (*config).clone(),
                param: plan.path(),
                values: (0..plan.len())
                    .filter_map(|i| plan.at(i).map(|(v, _)| v))
                    .collect(),
            };
            let heard = sweep.dispatcher();
            match super::start(&request, Box::new(move |u| heard.dispatch(Step::Heard(u)))) {
                Ok(started) => {
                    *job.borrow_mut() = Some(started);
                    sweep.dispatch(Step::Start(plan));
                }
                Err(why) => sweep.dispatch(Step::Refuse(format!("{} {why}", t(lang, T::Failed)))),
            }
        })
    };
    let on_cancel = {
        let (sweep, job) = (sweep.clone(), job.clone());
        Callback::from(move |_: MouseEvent| {
            // Terminates the worker: the run in progress stops at once.
            *job.borrow_mut() = None;
            sweep.dispatch(Step::Cancel);
        })
    };
    let on_pick = {
        let (plan, dispatch) = (sweep.plan.clone(), p.dispatch.clone());
        Callback::from(move |i: usize| {
            if let Some((_, config)) = plan.as_ref().and_then(|plan| plan.at(i)) {
                let end = config.duration_ms;
                dispatch.emit(Action::Open(Rc::new((**config).clone()), end));
            }
        })
    };
    let total = sweep.plan.as_ref().map_or(0, |plan| plan.len());
    let done = sweep.points.len();
    let progress = fill(
        lang,
        T::Progress,
        &[("done", done.to_string()), ("total", total.to_string())],
    );
    let values: Vec<String> = sweep
        .plan
        .as_ref()
        .map(|plan| {
            (0..total)
                .filter_map(|i| plan.at(i))
                .map(|(v, _)| v.to_string())
                .collect()
        })
        .unwrap_or_default();
    let state = match &sweep.status {
        Status::Idle => "idle",
        Status::Running => "running",
        Status::Done => "done",
        Status::Cancelled => "cancelled",
        Status::Failed(_) => "failed",
    };
    let current = knob.get(&p.config).map_or(0.0, |v| v.as_f64());
    let on_knob = Callback::from({
        let chosen = chosen.clone();
        move |e: Event| {
            chosen.set(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .selected_index()
                    .max(0) as usize,
            )
        }
    });
    html! {
        <section class="sweep" data-testid="sweep" data-state={state} data-param={knob.path()} data-values={values.join(",")} aria-labelledby="sweep-title">
            <h2 id="sweep-title">{ t(lang, T::Title) }</h2>
            <p class="sweep-intro">{ t(lang, T::Intro) }</p>
            <div class="sweep-form">
                <label>{ t(lang, T::Knob) }
                    <select data-testid="sweep-knob" onchange={on_knob}>
                        { for knobs.iter().map(|k| html! { <option value={k.path()} selected={*k == knob}>{ crate::messages::label(lang, *k) }</option> }) }
                    </select>
                </label>
                <label>{ t(lang, T::From) }<input data-testid="sweep-from" value={range.0.clone()} oninput={{ let r = range.clone(); Callback::from(move |e: InputEvent| r.set((e.target_unchecked_into::<web_sys::HtmlInputElement>().value(), r.1.clone()))) }} /></label>
                <label>{ t(lang, T::To) }<input data-testid="sweep-to" value={range.1.clone()} oninput={{ let r = range.clone(); Callback::from(move |e: InputEvent| r.set((r.0.clone(), e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))) }} /></label>
                <label>{ t(lang, T::Count) }<input data-testid="sweep-count" class="sweep-count" inputmode="numeric" value={(*count).clone()} oninput={text(&count)} /></label>
                if sweep.status == Status::Running {
                    <button data-testid="sweep-cancel" onclick={on_cancel}>{ t(lang, T::Cancel) }</button>
                } else {
                    <button data-testid="sweep-run" class="primary" onclick={on_run}>{ t(lang, T::Run) }</button>
                }
            </div>
            if total > 0 {
                <p class="sweep-progress" aria-live="polite"><progress max={total.to_string()} value={done.to_string()} />{ " " }{ progress }</p>
            }
            if sweep.status == Status::Cancelled {
                <p class="sweep-note" data-testid="sweep-cancelled">{ fill(lang, T::Cancelled, &[("done", done.to_string()), ("total", total.to_string())]) }</p>
            }
            if let Status::Failed(why) = &sweep.status { <p class="sweep-error" role="alert" data-testid="sweep-error">{ why }</p> }
            if done > 0 {
                <p class="sweep-note">{ t(lang, T::Hint) }</p>
                { crate::charts::legend::legend(&crate::charts::legend::LegendProps { series: super::chart::legend_series(lang) }) }
                <div class="charts sweep-charts">
                    { for Metric::ALL.iter().map(|&metric| sweep_chart(&SweepChartProps { lang, metric, knob, points: sweep.points.clone(), current, on_pick: on_pick.clone() })) }
                </div>
            }
        </section>
    }
}
