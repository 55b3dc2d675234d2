//! The side panel with the batch vs streaming concepts of the course notes.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Key, Lang};

/// Concepts side panel (`on_close`: its close button). A plain function, not a
/// component: the page draws it only while it is open, and moves the focus into it
/// when it opens ([`focus_close`]).
pub fn concepts_panel(lang: Lang, on_close: &Callback<()>) -> Html {
    let t = |k: Key| lang.t(k);
    html! {
        <aside class="concepts" role="dialog" aria-labelledby="concepts-title" data-testid="concepts-panel">
            <div class="concepts-head">
                <h2 id="concepts-title">{ t(Key::Concepts) }</h2>
                <button onclick={on_close.reform(|_| ())} data-testid="concepts-close" aria-keyshortcuts="Escape">{ t(Key::Close) }</button>
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

/// Moves the focus to the open panel's close button (Escape or Close leave it).
pub fn focus_close() {
    let button = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("[data-testid=concepts-close]")
            .ok()
            .flatten()
    });
    if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}
