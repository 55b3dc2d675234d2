//! The Sweep view's own wasm (`src/bin/sweep-view.rs`), run inside the page: the
//! page hands it the experiment as JSON, the language and a function to open a
//! point's run ([`update`]); it mounts [`SweepPanel`] in the page's host element, or
//! gives the mounted one its new props. A second Yew app in the same document: the
//! page's wasm carries neither the view nor its charts (docs/architecture.md).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::{AppHandle, Callback};

use super::panel::{SweepPanel, SweepPanelProps};
use crate::i18n::Lang;
use crate::state::Action;

thread_local! {
    /// The mounted view and the element it is mounted in.
    static MOUNTED: RefCell<Option<(web_sys::Element, AppHandle<SweepPanel>)>> =
        const { RefCell::new(None) };
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
    MOUNTED.with_borrow_mut(|mounted| match mounted {
        Some((root, app)) if *root == host => app.update(props),
        _ => {
            // A new host element (the page drew it again): the old view goes with it.
            if let Some((_, app)) = mounted.take() {
                app.destroy();
            }
            skip_page_tree_ids(&host);
            let app =
                yew::Renderer::<SweepPanel>::with_root_and_props(host.clone(), props).render();
            *mounted = Some((host, app));
        }
    });
}

/// The property in which Yew keeps the id of the app (its "subtree") an element belongs to.
const TREE_ID: &str = "__yew_subtree_id";

fn tree_id(element: &web_sys::Element) -> Option<f64> {
    js_sys::Reflect::get(element, &JsValue::from_str(TREE_ID))
        .ok()?
        .as_f64()
}

/// An app that draws nothing, mounted only to use up an id.
#[yew::function_component(Nothing)]
fn nothing() -> yew::Html {
    yew::Html::default()
}

/// Makes the next app of this wasm take an id that no app of the page around
/// `host` has. Yew routes an event to the app whose id it finds on the element
/// nearest the target, and each wasm module counts its ids from 1: the view's
/// first app would carry the page's own id (on the body), so the page took the
/// view's clicks for its own and ran the page listener that has the same number
/// as the clicked one (a click on "Run" sometimes pressed "Spike now", and the
/// sweep ran another experiment than the page's). Ids come in order, so
/// mounting an empty app on a detached element and reading its id tells the
/// next one.
fn skip_page_tree_ids(host: &web_sys::Element) {
    let mut page_ids = Vec::new();
    let mut element = host.parent_element();
    while let Some(e) = element {
        page_ids.extend(tree_id(&e));
        element = e.parent_element();
    }
    let Some(document) = host.owner_document() else {
        return;
    };
    // The page has one app (a handful at most): a few turns reach a free id.
    for _ in 0..64 {
        let Ok(spare) = document.create_element("div") else {
            return;
        };
        let app = yew::Renderer::<Nothing>::with_root(spare.clone()).render();
        let next = tree_id(&spare).map(|id| id + 1.0);
        app.destroy();
        if next.is_none_or(|next| !page_ids.contains(&next)) {
            return;
        }
    }
}
