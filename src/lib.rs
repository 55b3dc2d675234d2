//! Batch × Stream Lab: the Yew web app (a thin shell over `bslab-engine`).
//!
//! The components live in this library so that tests (`tests/web.rs`) can mount them;
//! `src/main.rs` only renders [`App`] into the page body.

use yew::prelude::*;

/// Root component of the page.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "Batch × Stream Lab" }</h1>
                <p class="engine-version">
                    { "engine v" }
                    <span data-testid="engine-version">{ bslab_engine::VERSION }</span>
                </p>
            </header>
            <p class="placeholder">
                { "The same events, two pipelines: a scheduled batch job and a streaming job, side by side." }
            </p>
        </main>
    }
}
