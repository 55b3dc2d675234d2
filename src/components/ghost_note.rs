//! Above the charts while a ghost is drawn: what changed at the fork (each
//! parameter, old → new) and a button to hide the ghost.

use std::rc::Rc;

use bslab_engine::ExperimentConfig;
use yew::prelude::*;

use crate::fields;
use crate::i18n::{Key, Lang};

/// What [`ghost_note`] shows.
pub struct GhostNoteProps {
    /// Language.
    pub lang: Lang,
    /// The experiment before the fork (the ghost's).
    pub before: Rc<ExperimentConfig>,
    /// The experiment now.
    pub now: Rc<ExperimentConfig>,
    /// Hide the ghost.
    pub on_dismiss: Callback<()>,
}

/// Every parameter that differs, as `Label: old → new`, in `lang`.
pub fn differences(before: &ExperimentConfig, now: &ExperimentConfig, lang: Lang) -> Vec<String> {
    fields::fields_for(now)
        .into_iter()
        .flat_map(|(_, ids)| ids)
        .filter_map(|id| {
            let old = fields::get(before, id, lang).unwrap_or_else(|| "—".into());
            let new = fields::get(now, id, lang).unwrap_or_else(|| "—".into());
            (old != new).then(|| {
                format!(
                    "{}: {} → {}",
                    lang.field(id).0,
                    lang.word(&old),
                    lang.word(&new)
                )
            })
        })
        .collect()
}

/// The ghost's note (a plain function: a component type would cost the page's
/// wasm its own copy of Yew's component machinery).
pub fn ghost_note(p: &GhostNoteProps) -> Html {
    let lang = p.lang;
    let diff = differences(&p.before, &p.now, lang).join("; ");
    html! {
        <div class="ghost-note" role="status" data-testid="ghost-note">
            <span>{ lang.fill(Key::GhostNote, &[("diff", diff)]) }</span>
            <button data-testid="ghost-dismiss" onclick={p.on_dismiss.reform(|_| ())}>{ lang.t(Key::GhostDismiss) }</button>
        </div>
    }
}
