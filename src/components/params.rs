//! The parameter panel: every engine parameter, grouped.

use std::rc::Rc;

use bslab_engine::ExperimentConfig;
use yew::prelude::*;

use super::field::Field;
use crate::fields::{fields_for, FieldId, Group};
use crate::i18n::{Key, Lang};

/// Properties of [`ParamPanel`].
#[derive(Properties, PartialEq)]
pub struct ParamPanelProps {
    /// Language.
    pub lang: Lang,
    /// The applied config.
    pub config: Rc<ExperimentConfig>,
    /// A valid edited config, to apply (fork from now).
    pub on_apply: Callback<ExperimentConfig>,
}

fn group_title(g: Group) -> Key {
    match g {
        Group::Experiment => Key::GroupExperiment,
        Group::Workload => Key::GroupWorkload,
        Group::Delay => Key::GroupDelay,
        Group::Batch => Key::GroupBatch,
        Group::Streaming => Key::GroupStreaming,
    }
}

/// Parameter panel.
#[function_component(ParamPanel)]
pub fn param_panel(p: &ParamPanelProps) -> Html {
    let lang = p.lang;
    let field = |id: FieldId| {
        html! {
            <Field key={id.path()} {lang} config={p.config.clone()} {id} on_apply={p.on_apply.clone()} />
        }
    };
    html! {
        <aside class="params" aria-label={lang.t(Key::Parameters)}>
            <h2>{ lang.t(Key::Parameters) }</h2>
            <p class="fork-note">{ lang.t(Key::ForkNote) }</p>
            { field(FieldId::Seed) }
            { for fields_for(&p.config).into_iter().map(|(g, ids)| html! {
                <fieldset class={classes!("group", format!("group-{g:?}").to_lowercase())}>
                    <legend>{ lang.t(group_title(g)) }</legend>
                    { for ids.into_iter().map(field) }
                </fieldset>
            }) }
        </aside>
    }
}
