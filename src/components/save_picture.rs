//! Buttons that save charts as pictures for slides and handouts: "PNG" and "SVG"
//! on each chart, "Save all" (every chart in one PNG) over them. See [`crate::picture`].

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::picture::save::{self, Format};

/// Properties of [`SaveChart`].
#[derive(Properties, PartialEq)]
pub struct SaveChartProps {
    /// Language.
    pub lang: Lang,
    /// The chart's name (its test id, e.g. `chart-latency`): the file is `bslab-<name>.png`.
    pub name: &'static str,
}

/// Runs `saving` when clicked and shows whether it failed (never a silent no-op).
fn on_click<F>(
    failed: &UseStateHandle<bool>,
    saving: impl Fn(MouseEvent) -> F + 'static,
) -> Callback<MouseEvent>
where
    F: std::future::Future<Output = bool> + 'static,
{
    let failed = failed.clone();
    Callback::from(move |e: MouseEvent| {
        let (failed, work) = (failed.clone(), saving(e));
        wasm_bindgen_futures::spawn_local(async move { failed.set(!work.await) });
    })
}

/// A "PNG" and an "SVG" button for the chart they are drawn in.
#[function_component(SaveChart)]
pub fn save_chart(p: &SaveChartProps) -> Html {
    let failed = use_state(|| false);
    let button = |format: Format, label: &str, help: Key| {
        let name = p.name;
        let onclick = on_click(&failed, move |e: MouseEvent| {
            let figure = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|b| b.closest("figure").ok().flatten());
            async move {
                match figure {
                    Some(f) => save::chart(f, format!("bslab-{name}"), format).await,
                    None => false,
                }
            }
        });
        let testid = format!("{}-{name}", label.to_lowercase());
        html! { <button data-testid={testid} title={p.lang.t(help)} {onclick}>{ label.to_string() }</button> }
    };
    html! {
        <span class="save-picture">
            { button(Format::Png, "PNG", Key::SavePngHelp) }
            { button(Format::Svg, "SVG", Key::SaveSvgHelp) }
            if *failed { <span role="alert" class="save-failed">{ p.lang.t(Key::SaveFailed) }</span> }
        </span>
    }
}

/// Properties of [`SaveAll`].
#[derive(Properties, PartialEq)]
pub struct SaveAllProps {
    /// Language.
    pub lang: Lang,
}

/// "Save all": every chart of the comparison in one PNG (`bslab-charts.png`).
#[function_component(SaveAll)]
pub fn save_all(p: &SaveAllProps) -> Html {
    let failed = use_state(|| false);
    let onclick = on_click(&failed, |_| save::all("bslab-charts"));
    html! {
        <span class="save-picture">
            <button data-testid="save-all" title={p.lang.t(Key::SaveAllHelp)} {onclick}>{ p.lang.t(Key::SaveAll) }</button>
            if *failed { <span role="alert" class="save-failed">{ p.lang.t(Key::SaveFailed) }</span> }
        </span>
    }
}
