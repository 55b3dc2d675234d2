//! The Sweep view's own wasm (`src/bin/sweep-view.rs`), run inside the page: the
//! page hands it the experiment as JSON, the language and a function to open a
//! point's run ([`update`]); it mounts [`SweepPanel`] in the page's host element, or
//! gives the mounted one its new props. A second Yew app in the same document: the
//! page's wasm carries neither the view nor its charts (docs/architecture.md).

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::Callback;

use super::panel::{SweepPanel, SweepPanelProps};
use crate::i18n::Lang;
use crate::lazy_mount::{self, Mounted};
use crate::state::Action;

thread_local! {
    /// The mounted view and the element it is mounted in.
    static MOUNTED: Mounted<SweepPanel> = Mounted::default();
}

/// Shows the view for `config_json` (a config the page validated) in `lang` (a
/// language tag) inside `host`; a picked point's run is handed to `on_open` as
/// `(config JSON, instant in ms)`. A config that does not read leaves the view as
/// it was (the page only sends the ones it runs).
pub fn update(host: web_sys::Element, config_json: &str, lang: &str, on_open: js_sys::Function) {
    let Ok(config) = crate::share::parse_config(config_json) else {
        return;
    };
    let dispatch = Callback::from(move |action: Action| {
        if let Action::Open(config, t_ms) = action {
            let json = serde_json::to_string(&*config).unwrap_or_default();
            let _ = on_open.call2(
                &JsValue::NULL,
                &JsValue::from_str(&json),
                &JsValue::from_f64(t_ms as f64),
            );
        }
    });
    let props = SweepPanelProps {
        lang: Lang::from_tag(lang),
        config: Rc::new(config),
        dispatch,
    };
    MOUNTED.with(|mounted| lazy_mount::show(mounted, host, props));
}
