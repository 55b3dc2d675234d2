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
    // Opening the panel moves the focus into it (Escape or Close leave it).
    let close = use_node_ref();
    {
        let close = close.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <aside class="concepts" role="dialog" aria-labelledby="concepts-title" data-testid="concepts-panel">
            <div class="concepts-head">
                <h2 id="concepts-title">{ t(Key::Concepts) }</h2>
                <button ref={close} onclick={p.on_close.reform(|_| ())} data-testid="concepts-close" aria-keyshortcuts="Escape">{ t(Key::Close) }</button>
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
