//! The parameter panel: every engine parameter, grouped.

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, ValidConfig};
use yew::prelude::*;

use super::field::Field;
use crate::fields::{self, fields_for, FieldId, Group};
use crate::i18n::{Key, Lang};

/// Properties of [`param_panel`] (compared as a component's props would be: the page
/// keeps the panel in a memo keyed by them).
#[derive(PartialEq)]
pub struct ParamPanelProps {
    /// Language.
    pub lang: Lang,
    /// The applied config.
    pub config: Rc<ExperimentConfig>,
    /// A valid edited config, to apply (fork from now).
    pub on_apply: Callback<ValidConfig>,
    /// Add a load spike at the current instant.
    pub on_spike: Callback<()>,
    /// Remove load spike number `i`.
    pub on_remove_burst: Callback<usize>,
    /// Close the panel (its button shows where the panel is a drawer).
    pub on_close: Callback<()>,
}

/// The workload group's spike controls: remove each spike, add one now.
fn spike_buttons(p: &ParamPanelProps) -> Html {
    let lang = p.lang;
    let count = p.config.workload.bursts.len();
    html! {
        <div class="spike-buttons">
            { for (0..count).map(|i| html! {
                <button data-testid={format!("remove-spike-{i}")} onclick={p.on_remove_burst.reform(move |_| i)}>
                    { "✕ " }{ lang.fill(Key::RemoveSpike, &[("n", (i + 1).to_string())]) }
                </button>
            }) }
            <button data-testid="add-spike" onclick={p.on_spike.reform(|_| ())}>
                { "+ " }{ lang.t(Key::AddSpike) }
            </button>
        </div>
    }
}

/// The title of a parameter group.
pub fn group_title(g: Group) -> Key {
    match g {
        Group::Experiment => Key::GroupExperiment,
        Group::Workload => Key::GroupWorkload,
        Group::Delay => Key::GroupDelay,
        Group::Batch => Key::GroupBatch,
        Group::Streaming => Key::GroupStreaming,
    }
}

/// The parameter panel if it is open (`Some`), else nothing. The page keeps it in a
/// memo keyed by its props, so it is drawn again only when they change, as a
/// component would be, for less of the page's wasm than a component type.
pub fn param_panel_if_open(p: &Option<ParamPanelProps>) -> Html {
    p.as_ref().map_or_else(Html::default, param_panel)
}

/// Parameter panel.
pub fn param_panel(p: &ParamPanelProps) -> Html {
    let lang = p.lang;
    let field = |id: FieldId| {
        html! {
            <Field key={id.path()} {lang} config={p.config.clone()} {id} on_apply={p.on_apply.clone()} />
        }
    };
    html! {
        <aside class="params" aria-label={lang.t(Key::Parameters)}>
            <button class="params-close" data-testid="params-close" onclick={p.on_close.reform(|_| ())}>{ lang.t(Key::Close) }</button>
            <h2>{ lang.t(Key::Parameters) }</h2>
            <p class="fork-note">{ lang.t(Key::ForkNote) }</p>
            { field(fields::seed()) }
            { for fields_for(&p.config).into_iter().map(|(g, ids)| html! {
                <fieldset class={classes!("group", format!("group-{g:?}").to_ascii_lowercase())}>
                    <legend>{ lang.t(group_title(g)) }</legend>
                    { for ids.into_iter().map(field) }
                    if g == Group::Workload { { spike_buttons(p) } }
                </fieldset>
            }) }
        </aside>
    }
}
