//! Buttons that save charts as pictures for slides and handouts: "PNG" and "SVG"
//! on each chart, "Save all" (every chart in one PNG) over them. See [`crate::picture`].
//!
//! Plain functions rather than components: each Yew component type adds kilobytes of
//! wasm to the page, and these buttons hold no state (a failure is marked on the
//! button itself, [`crate::picture::save::clicked`]).

use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::picture::save::{self, Format, Target};

fn button(
    lang: Lang,
    target: Target,
    format: Format,
    label: String,
    help: Key,
    testid: String,
) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| save::clicked(&e, target, format, lang));
    html! { <button data-testid={testid} title={lang.t(help)} {onclick}>{ label }</button> }
}

/// "PNG" and "SVG" buttons for the chart `name` (its test id, e.g. `chart-latency`),
/// drawn in its caption: the files are `bslab-<name>.png` / `.svg`.
pub fn chart_buttons(lang: Lang, name: &'static str) -> Html {
    let target = Target::Chart(name);
    html! {
        <span class="save-picture">
            { button(lang, target, Format::Png, "PNG".into(), Key::SavePngHelp, format!("png-{name}")) }
            { button(lang, target, Format::Svg, "SVG".into(), Key::SaveSvgHelp, format!("svg-{name}")) }
        </span>
    }
}

/// "Save all": every chart of the comparison in one PNG (`bslab-charts.png`).
pub fn save_all_button(lang: Lang) -> Html {
    let label = lang.t(Key::SaveAll).to_string();
    button(
        lang,
        Target::All,
        Format::Png,
        label,
        Key::SaveAllHelp,
        "save-all".into(),
    )
}
