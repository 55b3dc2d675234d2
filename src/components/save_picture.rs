//! Buttons that save charts as pictures for slides and handouts: "PNG" and "SVG"
//! on each chart, "Save all" (every chart in one PNG) over them. See [`crate::picture`].
//!
//! Plain functions rather than components: each Yew component type adds kilobytes of
//! wasm to the page, and these buttons hold no state (a failure is marked on the
//! button itself). A click is handed to the lazy module ([`crate::picture::lazy`]).

use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::picture::lazy;
use crate::picture::save::Save;

fn button(lang: Lang, save: Save, label: String, help: Key, testid: String) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| lazy::clicked(&e, save, lang));
    button_with(label, lang.t(help), testid, onclick)
}

/// A save button with its own click (the event-time picture's draws first).
pub fn button_with(
    label: String,
    help: &'static str,
    testid: String,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! { <button data-testid={testid} title={help} {onclick}>{ label }</button> }
}

/// "PNG" and "SVG" buttons for the chart `name` (its test id, e.g. `chart-latency`),
/// drawn in its caption: the files are `bslab-<name>.png` / `.svg`.
pub fn chart_buttons(lang: Lang, name: &'static str) -> Html {
    html! {
        <span class="save-picture">
            { button(lang, Save::ChartPng, "PNG".into(), Key::SavePngHelp, format!("png-{name}")) }
            { button(lang, Save::ChartSvg, "SVG".into(), Key::SaveSvgHelp, format!("svg-{name}")) }
        </span>
    }
}

/// "Save all": every chart of the comparison in one PNG (`bslab-charts.png`).
pub fn save_all_button(lang: Lang) -> Html {
    let label = lang.t(Key::SaveAll).to_string();
    button(lang, Save::All, label, Key::SaveAllHelp, "save-all".into())
}
