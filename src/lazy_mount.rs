//! The lazy module's apps ([`crate::lazy_module`]): each view it draws in the
//! page (the Sweep view, the print view's handout) is a Yew app of the module's
//! own, mounted in an element the page drew, and given new props when the page
//! hands it new ones. The module's wasm has its own copy of Yew: the page's
//! wasm carries none of these views.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use yew::{AppHandle, BaseComponent};

/// A mounted app and the element it is mounted in (none yet: `default`).
pub struct Mounted<C: BaseComponent>(RefCell<Option<(web_sys::Element, AppHandle<C>)>>);

impl<C: BaseComponent> Default for Mounted<C> {
    fn default() -> Self {
        Self(RefCell::new(None))
    }
}

/// Shows `C` with `props` inside `host`: the mounted app gets the new props, or
/// is mounted there (a new host element, the page drew it again: the old app
/// goes with the old element).
pub fn show<C: BaseComponent>(mounted: &Mounted<C>, host: web_sys::Element, props: C::Properties) {
    let mut mounted = mounted.0.borrow_mut();
    match &mut *mounted {
        Some((root, app)) if *root == host => app.update(props),
        _ => {
            if let Some((_, app)) = mounted.take() {
                app.destroy();
            }
            skip_page_tree_ids(&host);
            let app = yew::Renderer::<C>::with_root_and_props(host.clone(), props).render();
            *mounted = Some((host, app));
        }
    }
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
