//! One parameter input: label, unit and allowed range (the engine's words),
//! a one-sentence tooltip, and inline validation by `ExperimentConfig::validate`.
//! An invalid value stays in the box with the reason beside it and is never applied.

use std::rc::Rc;

use bslab_engine::ExperimentConfig;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::fields::{self, FieldId, Kind};
use crate::format;
use crate::i18n::{Key, Lang};

/// Properties of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Language.
    pub lang: Lang,
    /// The applied config.
    pub config: Rc<ExperimentConfig>,
    /// Which parameter.
    pub id: FieldId,
    /// A valid new config, to apply.
    pub on_apply: Callback<ExperimentConfig>,
}

/// The problem of a typed value: `None` if it is valid (and was applied).
pub fn check(
    lang: Lang,
    config: &ExperimentConfig,
    id: FieldId,
    text: &str,
) -> Result<ExperimentConfig, String> {
    let candidate =
        fields::set(config, id, text).map_err(|_| lang.t(Key::NotANumber).to_string())?;
    match candidate.validate() {
        Ok(()) => Ok(candidate),
        Err(errors) => {
            let path = id.path();
            let e = errors.for_field(&path).or_else(|| errors.fields.first());
            Err(e.map_or_else(String::new, |e| {
                let other = if e.field == path {
                    String::new()
                } else {
                    format!("{}: ", e.field)
                };
                format!(
                    "{other}{} ({}: {})",
                    lang.word(&e.problem),
                    lang.t(Key::Allowed),
                    lang.word(&e.allowed)
                )
            }))
        }
    }
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
    let draft = use_state(|| None::<(String, String)>);
    {
        let draft = draft.clone();
        use_effect_with(p.config.clone(), move |_| draft.set(None));
    }
    let lang = p.lang;
    let id = p.id;
    let Some(current) = fields::get(&p.config, id) else {
        return html! {};
    };
    let path = id.path();
    let (label, help) = lang.field(id);
    let onchange = {
        let (config, draft, on_apply) = (p.config.clone(), draft.clone(), p.on_apply.clone());
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match check(lang, &config, id, &text) {
                Ok(c) => {
                    draft.set(None);
                    on_apply.emit(c);
                }
                Err(why) => draft.set(Some((text, why))),
            }
        })
    };
    let input_id = format!("f-{path}");
    let err_id = format!("e-{path}");
    let (value, error) = match &*draft {
        Some((text, why)) => (text.clone(), Some(why.clone())),
        None => (current.clone(), None),
    };
    let allowed = fields::allowed(&p.config, id).map(|a| lang.word(&a));
    let hint = if id.is_ms() && error.is_none() {
        current
            .parse::<f64>()
            .ok()
            .map(|ms| format!("= {}", format::duration(ms as i64)))
    } else {
        None
    };
    let input = match id.kind() {
        Kind::Choice(names) => html! {
            <select id={input_id.clone()} data-testid={format!("field-{path}")} {onchange} title={help}>
                { for names.iter().map(|n| html! { <option value={*n} selected={*n == value}>{ lang.word(n) }</option> }) }
            </select>
        },
        _ => html! {
            <input id={input_id.clone()} data-testid={format!("field-{path}")} type="text" inputmode="decimal"
                value={value} {onchange} title={help} class={classes!(error.is_some().then_some("invalid"))}
                aria-invalid={error.is_some().to_string()} aria-describedby={err_id.clone()} />
        },
    };
    html! {
        <div class="field">
            <label for={input_id} title={help}>{ label }</label>
            { input }
            <span class="field-meta">
                if let Some(h) = hint { <span class="hint">{ h }</span> }
                if let Some(a) = allowed { <span class="allowed">{ a }</span> }
            </span>
            if let Some(why) = error {
                <span id={err_id} class="field-error" role="alert" data-testid={format!("error-{path}")}>{ "⚠ " }{ why }{ " — " }{ lang.t(Key::NotApplied) }</span>
            }
            <span class="help">{ help }</span>
        </div>
    }
}
