//! Visible notices: why the defaults are shown (a damaged link or saved value),
//! and the inline "restart to apply?" prompt for changes a fork cannot apply.

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, ValidConfig};
use yew::prelude::*;

use crate::fields::{self, FieldId};
use crate::i18n::{Key, Lang};
use crate::messages;
use crate::state::Notice;

/// What [`notice_bar`] shows.
pub struct NoticeProps {
    /// Language.
    pub lang: Lang,
    /// What to say, oldest first.
    pub notices: Vec<Notice>,
    /// The dismiss button.
    pub on_dismiss: Callback<()>,
}

/// Dismissable notices, each one sentence in the page's language.
pub fn notice_bar(p: &NoticeProps) -> Html {
    let lang = p.lang;
    html! {
        <div class="notice" role="status" data-testid="notice">
            <ul class="notice-text">
                { for p.notices.iter().map(|n| html! { <li>{ "⚠ " }{ messages::notice(lang, n) }</li> }) }
            </ul>
            <button onclick={p.on_dismiss.reform(|_| ())}>{ lang.t(Key::Dismiss) }</button>
        </div>
    }
}

/// What [`restart_prompt`] asks.
pub struct RestartProps {
    /// Language.
    pub lang: Lang,
    /// The applied experiment.
    pub current: Rc<ExperimentConfig>,
    /// The change waiting for a restart.
    pub pending: Rc<ValidConfig>,
    /// Restart with the change.
    pub on_confirm: Callback<()>,
    /// Keep the current run.
    pub on_cancel: Callback<()>,
}

/// "This change needs a restart from t = 0: restart now?"
pub fn restart_prompt(p: &RestartProps) -> Html {
    let lang = p.lang;
    let changes: Vec<String> = ["seed", "duration_ms", "sample_every_ms"]
        .into_iter()
        .filter_map(FieldId::from_path)
        .filter_map(|id| {
            let (old, new) = (
                fields::get(&p.current, id, lang)?,
                fields::get(&p.pending, id, lang)?,
            );
            (old != new).then(|| format!("{}: {old} → {new}", lang.field(id).0))
        })
        .collect();
    html! {
        <div class="notice restart" role="alertdialog" aria-labelledby="restart-text" data-testid="restart-prompt">
            <span id="restart-text" class="notice-text">
                { lang.t(Key::RestartNeeded) }{ " " }<strong>{ changes.join(", ") }</strong>
            </span>
            <button class="primary" data-testid="restart-confirm" onclick={p.on_confirm.reform(|_| ())}>{ lang.t(Key::RestartConfirm) }</button>
            <button data-testid="restart-cancel" onclick={p.on_cancel.reform(|_| ())}>{ lang.t(Key::RestartCancel) }</button>
        </div>
    }
}
