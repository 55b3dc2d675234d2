//! The header: preset picker, play/pause, step, reset, speed, simulated clock,
//! seed, language, concepts, parameters and share; and the preset's story, shown
//! under the sticky top rather than in it (see [`story`]).

use std::rc::Rc;

use bslab_engine::presets;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{clock, header_status};
use crate::format;
use crate::i18n::{Key, Lang};
use crate::runner::{Snapshot, SPEEDS};
use crate::state::{Action, ExportStatus, ShareStatus};
use crate::stepping::{Moment, StepTo};

/// Properties of [`header`].
pub struct HeaderProps {
    /// Language.
    pub lang: Lang,
    /// Selected preset name (`None`: edited).
    pub preset: Option<&'static str>,
    /// Running.
    pub playing: bool,
    /// Speed index.
    pub speed: usize,
    /// Seed of the applied config.
    pub seed: u64,
    /// Current picture (clock).
    pub view: Option<Rc<Snapshot>>,
    /// Share result.
    pub share: ShareStatus,
    /// The parameter panel is shown.
    pub params_open: bool,
    /// Actions up.
    pub dispatch: Callback<Action>,
    /// Step button (Shift+click: to the next arrival).
    pub on_step: Callback<StepTo>,
    /// What the last Step reached.
    pub stepped: Option<Moment>,
    /// "Spike now" button.
    pub on_spike: Callback<()>,
    /// Copy link button.
    pub on_share: Callback<()>,
    /// State of "Export for Spark".
    pub export: ExportStatus,
    /// "Export for Spark" button.
    pub on_export: Callback<()>,
}

fn select_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
}

/// Name of speed `i` in `lang`: `1×`, `10×`, `1 min/s`, …, `max`.
pub fn speed_name(i: usize, lang: Lang) -> String {
    match SPEEDS.get(i).copied().flatten() {
        None => lang.t(Key::SpeedMax).to_string(),
        Some(x) if x < 60.0 => format!("{}×", format::number(x, 0, lang)),
        Some(x) => format!("{}/s", format::duration_short((x * 1_000.0) as i64, lang)),
    }
}

/// Page header.
pub fn header(p: &HeaderProps) -> Html {
    let lang = p.lang;
    let d = p.dispatch.clone();
    let on_preset = d.reform(|e: Event| Action::LoadPreset(select_value(&e).unwrap_or_default()));
    let on_speed = d.reform(|e: Event| {
        Action::SetSpeed(select_value(&e).and_then(|v| v.parse().ok()).unwrap_or(0))
    });
    let all = presets::all();
    html! {
        <header class="app-header">
            <div class="header-row">
                <div class="brand">
                    <h1>{ "Batch × Stream Lab" }</h1>
                    <span class="engine-version">{ "engine v" }<span data-testid="engine-version">{ bslab_engine::VERSION }</span></span>
                </div>
                <label class="control preset">
                    <span>{ lang.t(Key::Preset) }</span>
                    <select data-testid="preset" onchange={on_preset}>
                        if p.preset.is_none() { <option value="" selected=true disabled=true>{ lang.t(Key::Edited) }</option> }
                        { for all.iter().map(|pr| html! {
                            <option value={pr.name} selected={p.preset == Some(pr.name)}>
                                { lang.preset(pr.name).0 }
                            </option>
                        }) }
                    </select>
                </label>
                <div class="transport" role="group" aria-label={lang.t(Key::Transport)}>
                    <button data-testid="play" class="primary play" onclick={d.reform(|_| Action::TogglePlay)}
                        aria-pressed={p.playing.to_string()} aria-keyshortcuts="Space">
                        <span aria-hidden="true">{ if p.playing { "❚❚ " } else { "▶ " } }</span>
                        { lang.t(if p.playing { Key::Pause } else { Key::Play }) }
                    </button>
                    <button data-testid="step" title={lang.t(Key::StepMoment)} aria-keyshortcuts="ArrowRight PageDown"
                        onclick={p.on_step.reform(|e: MouseEvent| if e.shift_key() { StepTo::Arrival } else { StepTo::Moment })}>
                        <span aria-hidden="true">{ "▶| " }</span><span class="btn-text">{ lang.t(Key::Step) }</span>
                    </button>
                    <button data-testid="reset" onclick={d.reform(|_| Action::Reset)} aria-keyshortcuts="R">
                        <span aria-hidden="true">{ "↺ " }</span><span class="btn-text">{ lang.t(Key::Reset) }</span>
                    </button>
                    <label class="control speed">
                        <span>{ lang.t(Key::Speed) }</span>
                        <select data-testid="speed" onchange={on_speed}>
                            { for (0..SPEEDS.len()).map(|i| html! {
                                <option value={i.to_string()} selected={i == p.speed}>{ speed_name(i, lang) }</option>
                            }) }
                        </select>
                    </label>
                    <button data-testid="spike-now" title={lang.t(Key::SpikeNowHelp)} onclick={p.on_spike.reform(|_| ())}>
                        <span aria-hidden="true">{ "⚡ " }</span><span class="btn-text">{ lang.t(Key::SpikeNow) }</span>
                    </button>
                </div>
                { clock::clock(lang, p.view.as_deref(), p.stepped) }
                <span class="seed">{ lang.t(Key::Seed) }{ " " }<code data-testid="seed">{ p.seed }</code></span>
                <div class="header-tools">
                    <button data-testid="lang" onclick={crate::i18n::tables::switch_to(lang.other(), &d)}
                        lang={lang.other().tag()} title={lang.t(Key::Language)}>
                        { lang.other().name() }
                    </button>
                    <button data-testid="params-toggle" aria-pressed={p.params_open.to_string()}
                        onclick={d.reform(|_| Action::ToggleParams)}>{ lang.t(Key::Parameters) }</button>
                    <button data-testid="concepts" onclick={d.reform(|_| Action::ToggleConcepts)}>{ lang.t(Key::Concepts) }</button>
                    <button data-testid="export" onclick={p.on_export.reform(|_| ())} title={lang.t(Key::ExportHelp)}
                        disabled={p.export == ExportStatus::Working}>
                        { lang.t(Key::ExportSpark) }
                    </button>
                    <button data-testid="share" onclick={p.on_share.reform(|_| ())}>
                        { lang.t(Key::Share) }
                    </button>
                </div>
            </div>
            { header_status::share_box(lang, &p.share) }
            { header_status::export_box(lang, &p.export) }
        </header>
    }
}

/// The preset's story, in `lang`; nothing for an edited experiment. It is
/// drawn under the sticky top, not in it: two to four lines at 1024 px that
/// would otherwise stay on a projector's screen while the class looks at the
/// event-time picture further down.
pub fn story(lang: Lang, preset: Option<&'static str>) -> Html {
    match preset.map(|name| lang.preset(name).1) {
        Some(text) if !text.is_empty() => html! {
            <p class="lesson" data-testid="lesson">{ text }</p>
        },
        _ => Html::default(),
    }
}
