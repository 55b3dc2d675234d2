//! One parameter input: label, unit and allowed range (from the engine's
//! parameter table), a one-sentence tooltip, and inline validation: an edit is
//! validated once, by `ExperimentConfig::validate`, and an invalid value stays
//! in the box with the reason beside it and is never applied.

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, ValidConfig};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::fields::{self, BadInput, FieldId, Kind, Refusal};
use crate::i18n::{Key, Lang};
use crate::messages;

/// Properties of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Language.
    pub lang: Lang,
    /// The applied config.
    pub config: Rc<ExperimentConfig>,
    /// Which parameter.
    pub id: FieldId,
    /// A valid new config, to apply (validated here, once per edit).
    pub on_apply: Callback<ValidConfig>,
}

/// A refused edit: what was typed, why it was refused, and the config and language it
/// was read against. It is shown only while both are still the page's: a new config or
/// a new language (the text was read in the old one) shows the applied value again.
/// Compared at each render rather than cleared by an effect: Yew may run effects
/// after yielding to the browser, so a reset effect of an earlier render could
/// otherwise erase an edit made in between (the first render of a slow page did).
struct Draft {
    config: Rc<ExperimentConfig>,
    lang: Lang,
    text: String,
    why: Refusal,
}

impl Draft {
    fn is_for(&self, config: &Rc<ExperimentConfig>, lang: Lang) -> bool {
        self.lang == lang && (Rc::ptr_eq(&self.config, config) || self.config == *config)
    }
}

/// The value typed (in `lang`) as a valid config, or why not: the edit's one
/// validation (nothing downstream validates a [`ValidConfig`] again).
pub fn try_value(
    lang: Lang,
    config: &ExperimentConfig,
    id: FieldId,
    text: &str,
) -> Result<ValidConfig, Refusal> {
    let candidate = fields::set(config, id, text, lang)?;
    let errors = match candidate.validated() {
        Ok(valid) => return Ok(valid),
        Err(errors) => errors,
    };
    // This field's own problem first; else the first one it causes elsewhere.
    let e = errors
        .for_field(&id.path())
        .or_else(|| errors.fields.first());
    Err(e.map_or(Refusal::Input(BadInput::NotANumber), |e| {
        Refusal::Field(e.clone())
    }))
}

/// [`try_value`], with the refusal as a sentence in `lang`.
pub fn check(
    lang: Lang,
    config: &ExperimentConfig,
    id: FieldId,
    text: &str,
) -> Result<ValidConfig, String> {
    try_value(lang, config, id, text).map_err(|r| messages::refusal(lang, id, text, &r))
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| {
            t.clone()
                .dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|_| {
                    t.dyn_into::<web_sys::HtmlSelectElement>()
                        .map(|s| s.value())
                })
                .ok()
        })
        .unwrap_or_default()
}

/// A parameter input.
#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    // What was typed and why it was refused (put into words at each render).
    let draft = use_state(|| None::<Draft>);
    let (lang, id) = (p.lang, p.id);
    let Some(current) = fields::get(&p.config, id, lang) else {
        return html! {};
    };
    let path = id.path();
    let (label, help) = (messages::label(lang, id), lang.field(id).1);
    let onchange = {
        let (config, draft, on_apply) = (p.config.clone(), draft.clone(), p.on_apply.clone());
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match try_value(lang, &config, id, &text) {
                Ok(c) => {
                    draft.set(None);
                    on_apply.emit(c);
                }
                Err(why) => draft.set(Some(Draft {
                    config: config.clone(),
                    lang,
                    text,
                    why,
                })),
            }
        })
    };
    let input_id = format!("f-{path}");
    let (err_id, help_id) = (format!("e-{path}"), format!("h-{path}"));
    let (value, error) = match draft.as_ref().filter(|d| d.is_for(&p.config, lang)) {
        Some(d) => (
            d.text.clone(),
            Some(messages::refusal(lang, id, &d.text, &d.why)),
        ),
        None => (current.clone(), None),
    };
    let described = if error.is_some() {
        format!("{help_id} {err_id}")
    } else {
        help_id.clone()
    };
    let allowed = messages::allowed_text(lang, &p.config, id);
    let input = match id.param().kind {
        Kind::Choice(names) => html! {
            <select id={input_id.clone()} data-testid={format!("field-{path}")} {onchange} aria-describedby={described}>
                { for names.iter().map(|n| html! { <option value={*n} selected={*n == value}>{ lang.word(n) }</option> }) }
            </select>
        },
        _ => html! {
            <input id={input_id.clone()} data-testid={format!("field-{path}")} type="text"
                inputmode={if id.is_ms() { "text" } else { "decimal" }} autocomplete="off" spellcheck="false"
                value={value} {onchange} class={classes!(error.is_some().then_some("invalid"))}
                aria-invalid={error.is_some().to_string()} aria-describedby={described} />
        },
    };
    let unit = lang.unit(id.param().unit).0;
    html! {
        <div class={classes!("field", matches!(id.param().kind, Kind::Choice(_)).then_some("choice"))}>
            <label for={input_id}>{ label }</label>
            { input }
            if !unit.is_empty() || allowed.is_some() {
                <span class="unit-row">
                    <span class="unit">{ unit }</span>
                    if let Some(a) = allowed { <span class="allowed">{ a }</span> }
                </span>
            }
            if let Some(why) = error {
                <span id={err_id} class="field-error" role="alert" data-testid={format!("error-{path}")}>
                    { "⚠ " }{ why }{ " — " }{ lang.t(Key::NotApplied) }
                </span>
            }
            <span id={help_id} class="help" role="tooltip">{ help }</span>
        </div>
    }
}
