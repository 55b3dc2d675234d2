//! The event-time picture's "PNG" and "SVG" buttons. Only the page holds the
//! picture's data, so a click draws it again here at twice its on-screen size
//! into a canvas of its own (not the pixels on screen enlarged: its lines and
//! labels redrawn at that scale) and hands that canvas, with the axes' labels,
//! to the lazy module, which frames it ([`crate::picture::event_time`]).

use std::rc::Rc;

use bslab_engine::event_time::EventTimePicture;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::{axes, canvas};
use crate::components::save_picture::button_with;
use crate::i18n::pictures::{t, Text};
use crate::i18n::Lang;
use crate::picture::lazy::clicked_with;
use crate::picture::save::Save;
use crate::picture::PROJECTOR;

/// `{ canvas, labels }`: `picture` drawn at [`PROJECTOR`] scale without the axes'
/// labels, and the labels as `[text, x, y, bold]`; `None` if it cannot be drawn.
fn draw_again(picture: &EventTimePicture, shown: &NodeRef, lang: Lang) -> Option<JsValue> {
    let shown = shown.cast::<HtmlCanvasElement>()?;
    let size = (shown.width(), shown.height());
    let document = shown.owner_document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    let frame = canvas::draw_at(&canvas, picture, lang, size, PROJECTOR as u32, false)?;
    let labels = js_sys::Array::new();
    for l in axes::labels(&frame, lang) {
        let (text, x, y) = (
            JsValue::from(l.text),
            JsValue::from(l.x),
            JsValue::from(l.y),
        );
        labels.push(&js_sys::Array::of4(&text, &x, &y, &JsValue::from(l.bold)));
    }
    let drawn = js_sys::Object::new();
    js_sys::Reflect::set(&drawn, &"canvas".into(), &canvas).ok()?;
    js_sys::Reflect::set(&drawn, &"labels".into(), &labels).ok()?;
    Some(drawn.into())
}

/// "PNG" and "SVG" for `picture`, drawn on screen in `shown`: the files are
/// `bslab-event-time.png` / `.svg`.
pub fn buttons(lang: Lang, picture: &Rc<EventTimePicture>, shown: &NodeRef) -> Html {
    let button = |save: Save, label: &str, help: Text| {
        let (picture, shown) = (Rc::clone(picture), shown.clone());
        let onclick = Callback::from(move |e: MouseEvent| {
            let drawn = draw_again(&picture, &shown, lang).unwrap_or(JsValue::UNDEFINED);
            clicked_with(&e, save, lang, drawn);
        });
        button_with(
            label.into(),
            t(lang, help),
            format!("{}-event-time", label.to_ascii_lowercase()),
            onclick,
        )
    };
    html! {
        <p class="save-picture et-save">
            { button(Save::PicturePng, "PNG", Text::PngHelp) }
            { button(Save::PictureSvg, "SVG", Text::SvgHelp) }
        </p>
    }
}
