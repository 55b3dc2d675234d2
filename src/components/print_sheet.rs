//! `?view=print`: the experiment as an A4 handout — its title, seed and instant,
//! every parameter, the questions the lessons ask about it, and a QR code of the
//! run's link so that students get the same run on their phones. The charts
//! under it are the page's own (the CSS lays them out for paper). The handout is
//! drawn by the page's lazy module ([`update`], mounted in the page's [`HOST_ID`]
//! element by [`show`]): the print view is the only one that needs it.

use std::rc::Rc;

use bslab_engine::{presets, ExperimentConfig, TimeMs};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::components::params::group_title;
use crate::fields::{self, FieldId};
use crate::format;
use crate::i18n::{Key, Lang};
use crate::lazy_mount::{self, Mounted};
use crate::{browser, embed, lessons, qr_code, share};

/// The id of the page's element the handout is drawn in (the print view only).
pub const HOST_ID: &str = "print-host";

thread_local! {
    /// The handout drawn by the lazy module, once shown.
    static MOUNTED: Mounted<PrintSheet> = Mounted::default();
}

/// The page's side: the handout of `config` (equal to `preset`, if any) at
/// `t_ms` in `lang`, drawn by the lazy module in the [`HOST_ID`] element.
pub fn show(config: &ExperimentConfig, preset: Option<&str>, t_ms: TimeMs, lang: Lang) {
    let Ok(json) = serde_json::to_string(config) else {
        return;
    };
    let args = vec![
        JsValue::from_str(&json),
        JsValue::from_str(preset.unwrap_or_default()),
        JsValue::from_f64(t_ms as f64),
        JsValue::from_str(lang.tag()),
    ];
    crate::lazy_module::show_in(HOST_ID, "print_update", args);
}

/// Properties of [`PrintSheet`].
#[derive(Properties, PartialEq)]
pub struct PrintSheetProps {
    /// Language.
    pub lang: Lang,
    /// The experiment.
    pub config: Rc<ExperimentConfig>,
    /// The preset it equals.
    pub preset: Option<&'static str>,
    /// The instant shown, in ms.
    pub t_ms: TimeMs,
}

fn parameter(config: &ExperimentConfig, id: FieldId, lang: Lang) -> Html {
    let value = fields::get(config, id, lang).unwrap_or_default();
    let unit = if id.is_ms() {
        ""
    } else {
        lang.unit(id.param().unit).0
    };
    html! { <li><span>{ lang.field(id).0 }</span>{ ": " }<b>{ lang.word(&value) }{ " " }{ unit }</b></li> }
}

/// Every predict-then-reveal question of the lessons that use this preset.
fn questions(preset: Option<&str>, lang: Lang) -> Vec<String> {
    let Some(preset) = preset else {
        return Vec::new();
    };
    lessons::all()
        .iter()
        .flat_map(|l| &l.beats)
        .filter(|b| b.preset == preset)
        .filter_map(|b| b.ask.as_ref())
        .map(|a| a.question.get(lang).to_string())
        .collect()
}

/// The handout's first part (the charts follow it).
#[function_component(PrintSheet)]
pub fn print_sheet(p: &PrintSheetProps) -> Html {
    let lang = p.lang;
    let link = embed::without_view(&browser::share_url(&share::encode_hash(&p.config, p.t_ms)));
    let qr = use_state(|| None::<String>);
    {
        let (qr, link) = (qr.clone(), link.clone());
        use_effect_with(link, move |link| {
            let link = link.clone();
            qr_code::load(move |ok| qr.set(ok.then(|| qr_code::svg(&link)).flatten()));
        });
    }
    let title = p
        .preset
        .and_then(presets::by_name)
        .map_or(lang.t(Key::Preset), |pr| lang.preset(pr.name).0);
    let asked = questions(p.preset, lang);
    html! {
        <section class="print-sheet" data-testid="print-sheet">
            <div class="print-head">
                <div>
                    <h1>{ title }</h1>
                    <p>{ lang.t(Key::Seed) }{ ": " }<b>{ p.config.seed }</b>{ " · " }
                        { lang.t(Key::Clock) }{ ": " }<b>{ format::clock(p.t_ms) }</b></p>
                    <p class="print-link"><code>{ link }</code></p>
                </div>
                <div class="print-qr" data-testid="print-qr">
                    if let Some(svg) = &*qr { { Html::from_html_unchecked(svg.clone().into()) } }
                </div>
            </div>
            <div class="print-params">
                { for fields::fields_for(&p.config).into_iter().map(|(group, ids)| html! {
                    <div><h3>{ lang.t(group_title(group)) }</h3>
                        <ul>{ for ids.into_iter().map(|id| parameter(&p.config, id, lang)) }</ul></div>
                }) }
            </div>
            if !asked.is_empty() {
                <div class="print-questions"><h3>{ lang.t(Key::PrintQuestions) }</h3>
                    <ol>{ for asked.iter().map(|q| html! { <li>{ q }{ " ______" }</li> }) }</ol></div>
            }
        </section>
    }
}

/// The lazy module's side of [`show`]: the handout of `config_json` (a config the
/// page validated), `preset` ("" for none) and `t_ms` in `lang` (a language tag),
/// drawn in `host`. A config that does not read leaves the handout as it was.
pub fn update(host: web_sys::Element, config_json: &str, preset: &str, t_ms: f64, lang: &str) {
    let Ok(config) = share::parse_config(config_json) else {
        return;
    };
    let props = PrintSheetProps {
        lang: Lang::from_tag(lang),
        config: Rc::new(config),
        preset: presets::by_name(preset).map(|p| p.name),
        t_ms: t_ms as TimeMs,
    };
    MOUNTED.with(|mounted| lazy_mount::show(mounted, host, props));
}
