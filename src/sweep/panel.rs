//! The "Sweep" view: the form (knob, range, number of values), run and cancel,
//! progress as the points arrive from the worker, and the four charts.

use std::rc::Rc;

use bslab_engine::params::FieldId;
use bslab_engine::ExperimentConfig;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::chart::{legend_series, sweep_chart, Metric, SweepChartProps, XAxis};
use super::plan::{self, DEFAULT_COUNT};
use super::progress::{per_frame, Status, Step, Sweep};
use super::range::{Context, Edit, End, Typed};
use super::text::{fill, t, T};
use crate::charts::legend::{legend, LegendProps};
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

/// A text input showing `value`; each edit goes to `on_text`.
fn input(
    testid: &'static str,
    label: &'static str,
    value: String,
    on_text: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        on_text.emit(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    html! { <label>{ label }<input data-testid={testid} class={testid} {value} {oninput} /></label> }
}

/// Starts the sweep the form describes (a refusal is shown instead).
fn run(
    config: &ExperimentConfig,
    knob: FieldId,
    form: [&str; 3],
    lang: Lang,
    sweep: &UseReducerHandle<Sweep>,
    job: &Rc<std::cell::RefCell<Option<WorkerJob>>>,
) {
    *job.borrow_mut() = None;
    let plan = match plan::prepare(config, knob, (form[0], form[1], form[2]), lang) {
        Ok(plan) => Rc::new(plan),
        Err(why) => return sweep.dispatch(Step::Refuse(why)),
    };
    let request = super::Request {
        config: config.clone(),
        param: plan.path(),
        values: plan.values(),
    };
    let heard = sweep.dispatcher();
    let on_update = per_frame(move |updates| heard.dispatch(Step::Heard(updates)));
    match super::start(&request, Box::new(on_update)) {
        Ok(started) => {
            *job.borrow_mut() = Some(started);
            sweep.dispatch(Step::Start(plan));
        }
        Err(why) => sweep.dispatch(Step::Refuse(format!("{} {why}", t(lang, T::Failed)))),
    }
}

/// The sweep view.
#[function_component(SweepPanel)]
pub fn sweep_panel(p: &SweepPanelProps) -> Html {
    let lang = p.lang;
    let knobs = plan::knobs(&p.config);
    let chosen = use_state(|| 0_usize);
    let knob = knobs.get(*chosen).or(knobs.first()).copied();
    // The range typed, shown while its knob, language and experiment are the form's.
    let typed = use_reducer(Typed::default);
    let count = use_state(|| DEFAULT_COUNT.to_string());
    let sweep = use_reducer(Sweep::default);
    let job = use_mut_ref(|| None::<WorkerJob>);
    let current = knob
        .and_then(|k| k.get(&p.config))
        .map_or(0.0, |v| v.as_f64());
    let x = use_memo(
        (lang, knob, sweep.values(), current),
        |(lang, knob, values, current)| {
            knob.map(|knob| Rc::new(XAxis::new(*lang, knob, values, *current)))
        },
    );
    let (Some(knob), Some(x)) = (knob, (*x).clone()) else {
        return html! {};
    };
    let context = Context {
        knob,
        lang,
        config: p.config.clone(),
    };
    let (from, to) = typed.shown(&context);
    let on_end = |end: End| {
        let (typed, context) = (typed.dispatcher(), context.clone());
        Callback::from(move |text: String| {
            typed.dispatch(Edit {
                context: context.clone(),
                end,
                text,
            })
        })
    };
    let on_count = {
        let count = count.clone();
        Callback::from(move |text: String| count.set(text))
    };
    let on_run = {
        let (config, form, sweep, job) = (
            p.config.clone(),
            (from.clone(), to.clone(), (*count).clone()),
            sweep.clone(),
            job.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            run(
                &config,
                knob,
                [form.0.as_str(), form.1.as_str(), form.2.as_str()],
                lang,
                &sweep,
                &job,
            )
        })
    };
    let on_cancel = {
        let (sweep, job) = (sweep.clone(), job.clone());
        // Dropping the job terminates the worker: the run in progress stops at once.
        Callback::from(move |_: MouseEvent| {
            *job.borrow_mut() = None;
            sweep.dispatch(Step::Cancel);
        })
    };
    let on_pick = {
        let (plan, dispatch) = (sweep.plan.clone(), p.dispatch.clone());
        // The run behind the point, opened at its end: its summary shows the point's figures.
        Callback::from(move |i: usize| {
            if let Some((_, config)) = plan.as_ref().and_then(|plan| plan.at(i)) {
                dispatch.emit(Action::Open(
                    Rc::new((**config).clone()),
                    config.duration_ms,
                ));
            }
        })
    };
    let on_knob = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .selected_index()
                    .max(0) as usize,
            )
        })
    };
    let (total, done) = (
        sweep.plan.as_ref().map_or(0, |plan| plan.len()),
        sweep.points.len(),
    );
    let counts = [("done", done.to_string()), ("total", total.to_string())];
    let values: Vec<String> = sweep
        .values()
        .iter()
        .map(|v| crate::format::short(*v))
        .collect();
    html! {
        <section class="sweep" data-testid="sweep" data-state={sweep.status.id()} data-param={knob.path()} data-values={values.join(",")} aria-labelledby="sweep-title">
            <h2 id="sweep-title">{ t(lang, T::Title) }</h2>
            <p class="sweep-intro">{ t(lang, T::Intro) }</p>
            <div class="sweep-form">
                <label>{ t(lang, T::Knob) }
                    <select data-testid="sweep-knob" onchange={on_knob}>
                        { for knobs.iter().map(|k| html! { <option value={k.path()} selected={*k == knob}>{ crate::messages::label(lang, *k) }</option> }) }
                    </select>
                </label>
                { input("sweep-from", t(lang, T::From), from, on_end(End::From)) }
                { input("sweep-to", t(lang, T::To), to, on_end(End::To)) }
                { input("sweep-count", t(lang, T::Count), (*count).clone(), on_count) }
                if sweep.status == Status::Running {
                    <button data-testid="sweep-cancel" onclick={on_cancel}>{ t(lang, T::Cancel) }</button>
                } else {
                    <button data-testid="sweep-run" class="primary" onclick={on_run}>{ t(lang, T::Run) }</button>
                }
            </div>
            if total > 0 {
                <p class="sweep-progress" aria-live="polite"><progress max={total.to_string()} value={done.to_string()} />{ fill(lang, T::Progress, &counts) }</p>
            }
            if sweep.status == Status::Cancelled {
                <p class="sweep-note" data-testid="sweep-cancelled">{ fill(lang, T::Cancelled, &counts) }</p>
            }
            if let Status::Failed(why) = &sweep.status { <p class="sweep-error" role="alert" data-testid="sweep-error">{ why }</p> }
            if done > 0 {
                <p class="sweep-note">{ t(lang, T::Hint) }</p>
                { legend(&LegendProps { series: legend_series(lang) }) }
                <div class="charts sweep-charts">
                    { for Metric::ALL.iter().map(|&metric| sweep_chart(&SweepChartProps { lang, metric, knob, x: x.clone(), points: sweep.points.clone(), current, on_pick: on_pick.clone() })) }
                </div>
            }
        </section>
    }
}
