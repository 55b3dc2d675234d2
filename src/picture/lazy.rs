//! The page's side of saving pictures: a click on "PNG", "SVG" or "Save all" hands
//! the button to the lazy module ([`crate::lazy_module`], where [`super::save::save`]
//! composes and downloads the picture), so the page's own wasm carries only this.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::save::{failed, Save};
use crate::i18n::Lang;

/// A save button was clicked: its picture is made by the lazy module (loaded now if
/// it is not yet); if the module does not load, the button is marked as failed.
pub fn clicked(event: &web_sys::MouseEvent, save: Save, lang: Lang) {
    clicked_with(event, save, lang, JsValue::UNDEFINED);
}

/// [`clicked`], with what the page drew for the picture (`drawn`: the event-time
/// picture at twice its size, which only the page can draw; see
/// [`crate::picture::event_time`]).
pub fn clicked_with(event: &web_sys::MouseEvent, save: Save, lang: Lang, drawn: JsValue) {
    // The clicked element's button: Yew delegates events, so `current_target` is not it.
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let Some(button) = target.and_then(|e| e.closest("button").ok().flatten()) else {
        return;
    };
    let Some(module) = crate::lazy_module::load() else {
        return failed(&button, lang);
    };
    wasm_bindgen_futures::spawn_local(async move {
        let args = js_sys::Array::of4(
            &button,
            &JsValue::from_str(save.tag()),
            &JsValue::from_str(lang.tag()),
            &drawn,
        );
        if crate::lazy_module::call(module, "picture_save", &args)
            .await
            .is_err()
        {
            failed(&button, lang);
        }
    });
}
