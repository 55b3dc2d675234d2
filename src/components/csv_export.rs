//! "Data (CSV)": one button per chart and for the dashboard table, each
//! downloading that file of the run at the current instant, the same file
//! `bslab run --csv` writes (format in `docs/csv-format.md`). The export worker
//! writes it ([`export::Job::Csv`]): the CSV writer stays out of the page's wasm.

use std::cell::RefCell;
use std::rc::Rc;

use bslab_engine::csv::{has_side_output, SIDE_OUTPUT_CSV};
use bslab_engine::ExperimentConfig;
use yew::prelude::*;

use crate::browser;
use crate::driver::RunnerCell;
use crate::export::{self, ExportJob, Job};
use crate::i18n::{late_windows, Key, Lang};
use crate::state::{Action, AppState, ExportStatus};

/// The files, in the order of the charts, with the label of their button.
const FILES: [(&str, Key); 7] = [
    ("latency.csv", Key::ChartLatency),
    ("throughput.csv", Key::ChartThroughput),
    ("backlog.csv", Key::ChartBacklog),
    ("freshness.csv", Key::ChartFreshness),
    ("completeness.csv", Key::ChartCompleteness),
    ("cost.csv", Key::ChartCost),
    ("dashboard.csv", Key::CsvDashboard),
];

/// Downloads the named file of the run in `runner` at its current instant (nothing
/// while it is busy or not built yet: the next click works); a failure shows in
/// the export box.
pub fn download_callback(
    runner: &RunnerCell,
    dispatch: &UseReducerDispatcher<AppState>,
    lang: Lang,
) -> Callback<&'static str> {
    let (runner, dispatch) = (runner.clone(), dispatch.clone());
    // The running job: a new click replaces (and stops) the previous one.
    let job: Rc<RefCell<Option<ExportJob>>> = Rc::default();
    Callback::from(move |name: &'static str| {
        let Ok(cell) = runner.try_borrow() else {
            return;
        };
        let Some(run) = cell.as_ref() else { return };
        let (config, t_ms) = (run.sim().config().clone(), run.sim().now());
        let d = dispatch.clone();
        let started = export::start(
            &config,
            Job::Csv { name, t_ms },
            Box::new(move |outcome| {
                let failed = match outcome {
                    Ok((saved, bytes)) => {
                        match browser::download(&saved, &bytes, "text/csv;charset=utf-8") {
                            Ok(()) => return,
                            Err(why) => crate::messages::download_failed(lang, why),
                        }
                    }
                    Err(why) => format!("{} {why}", lang.t(Key::ExportFailed)),
                };
                d.dispatch(Action::Export(ExportStatus::Failed(failed)));
            }),
        );
        match started {
            Ok(started) => *job.borrow_mut() = Some(started),
            Err(why) => dispatch.dispatch(Action::Export(ExportStatus::Failed(format!(
                "{} {why}",
                lang.t(Key::ExportFailed)
            )))),
        }
    })
}

/// The row of CSV buttons under the charts, with Flink's late-data side output
/// when `config` has one; `on_download` is called with the file name.
/// A plain function, not a component: a component type adds kilobytes of wasm to the page.
pub fn csv_buttons(
    lang: Lang,
    config: &ExperimentConfig,
    on_download: &Callback<&'static str>,
) -> Html {
    let side_output = has_side_output(config).then(|| {
        (
            SIDE_OUTPUT_CSV,
            late_windows::t(lang, late_windows::Text::CsvSideOutput),
        )
    });
    html! {
        <section class="csv-export" aria-label={lang.t(Key::CsvTitle)} title={lang.t(Key::CsvHelp)}>
            <span class="muted">{ lang.t(Key::CsvTitle) }</span>
            { for FILES.iter().map(|&(name, key)| (name, lang.t(key))).chain(side_output).map(|(name, label)| {
                let click = on_download.reform(move |_: MouseEvent| name);
                let id = format!("csv-{}", name.trim_end_matches(".csv"));
                html! { <button data-testid={id} onclick={click}>{ label }</button> }
            }) }
        </section>
    }
}
