//! The side panel with the batch vs streaming concepts of the course notes.

use yew::prelude::*;

use crate::i18n::{Key, Lang};

/// Properties of [`ConceptsPanel`].
#[derive(Properties, PartialEq)]
pub struct ConceptsProps {
    /// Language.
    pub lang: Lang,
    /// The close button.
    pub on_close: Callback<()>,
}

/// Concepts side panel.
#[function_component(ConceptsPanel)]
pub fn concepts_panel(p: &ConceptsProps) -> Html {
    let t = |k: Key| p.lang.t(k);
    html! {
        <aside class="concepts" aria-labelledby="concepts-title" data-testid="concepts-panel">
            <div class="concepts-head">
                <h2 id="concepts-title">{ t(Key::Concepts) }</h2>
                <button onclick={p.on_close.reform(|_| ())} data-testid="concepts-close">{ t(Key::Close) }</button>
            </div>
            <section class="concept batch">
                <h3><span class="swatch" aria-hidden="true" />{ t(Key::ConceptsBatchTitle) }</h3>
                <p>{ t(Key::ConceptsBatchText) }</p>
                <p>{ t(Key::ConceptsBatchExample) }</p>
                <ul>
                    <li>{ t(Key::ConceptsBatchEfficiency) }</li>
                    <li>{ t(Key::ConceptsBatchPlanning) }</li>
                </ul>
            </section>
            <section class="concept streaming">
                <h3><span class="swatch" aria-hidden="true" />{ t(Key::ConceptsStreamingTitle) }</h3>
                <p>{ t(Key::ConceptsStreamingText) }</p>
                <p>{ t(Key::ConceptsStreamingExample) }</p>
                <ul>
                    <li>{ t(Key::ConceptsStreamingLatency) }</li>
                    <li>{ t(Key::ConceptsStreamingMonitoring) }</li>
                    <li>{ t(Key::ConceptsStreamingPatterns) }</li>
                </ul>
            </section>
            <section class="concept">
                <h3>{ t(Key::ConceptsWatermarkTitle) }</h3>
                <p>{ t(Key::ConceptsWatermark) }</p>
                <p class="muted">{ t(Key::ConceptsHighWatermark) }</p>
            </section>
            <p class="muted">{ t(Key::ConceptsSource) }</p>
        </aside>
    }
}
