//! "Data (CSV)": one button per chart and for the dashboard table, each
//! downloading that file of the run at the current instant, the same file
//! `bslab run --csv` writes (format in `docs/csv-format.md`).

use bslab_engine::csv;
use yew::prelude::*;

use crate::browser;
use crate::driver::RunnerCell;
use crate::i18n::{Key, Lang};

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

/// Downloads the named file of the run in `runner` (nothing while it is busy
/// or not built yet: the next click works).
pub fn download_callback(runner: &RunnerCell) -> Callback<&'static str> {
    let runner = runner.clone();
    Callback::from(move |name: &'static str| {
        let Ok(cell) = runner.try_borrow() else {
            return;
        };
        let Some(run) = cell.as_ref() else { return };
        if let Some(file) = csv::of_run(run.sim()).into_iter().find(|f| f.name == name) {
            let saved = format!("bslab-{name}");
            // A refused CSV download leaves the page as it was: nothing to report.
            let _ = browser::download(&saved, file.text.as_bytes(), "text/csv;charset=utf-8");
        }
    })
}

/// Properties of [`CsvExport`].
#[derive(Properties, PartialEq)]
pub struct CsvExportProps {
    /// Language.
    pub lang: Lang,
    /// Called with the file name to download.
    pub on_download: Callback<&'static str>,
}

/// The row of CSV buttons under the charts.
#[function_component(CsvExport)]
pub fn csv_export(p: &CsvExportProps) -> Html {
    let lang = p.lang;
    html! {
        <section class="csv-export" aria-label={lang.t(Key::CsvTitle)} title={lang.t(Key::CsvHelp)}>
            <span class="muted">{ lang.t(Key::CsvTitle) }</span>
            { for FILES.iter().map(|&(name, key)| {
                let click = p.on_download.reform(move |_: MouseEvent| name);
                let id = format!("csv-{}", name.trim_end_matches(".csv"));
                html! { <button data-testid={id} onclick={click}>{ lang.t(key) }</button> }
            }) }
        </section>
    }
}
