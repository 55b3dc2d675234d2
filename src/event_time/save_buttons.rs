//! The event-time picture's "PNG" and "SVG" buttons. Only the page holds the
//! picture's data, so a click draws it again here at twice its on-screen size
//! into a canvas of its own (not the pixels on screen enlarged: its lines and
//! labels redrawn at that scale) and hands that canvas, with its frame's times,
//! to the lazy module, which frames it ([`crate::picture::event_time`]).

use std::rc::Rc;

use bslab_engine::event_time::EventTimePicture;
use bslab_engine::TimeMs;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::canvas;
use crate::components::save_picture::button_with;
use crate::i18n::pictures::{t, Text};
use crate::i18n::Lang;
use crate::picture::lazy::clicked_with;
use crate::picture::save::Save;
use crate::picture::PROJECTOR;

/// `[canvas, x_from, x_to, y_from, y_to]`: `picture` drawn at [`PROJECTOR`] scale
/// without the axes' labels, and its frame's times (from which the lazy module
/// writes the labels as text); `None` if it cannot be drawn.
fn draw_again(picture: &Rc<EventTimePicture>, shown: &NodeRef, lang: Lang) -> Option<JsValue> {
    let shown = shown.cast::<HtmlCanvasElement>()?;
    let size = (shown.width(), shown.height());
    let document = crate::browser::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    let f = canvas::draw_at(&canvas, picture, lang, size, PROJECTOR as u32, false)?;
    let time = |t: TimeMs| JsValue::from(t as f64);
    let (x_from, x_to) = (time(f.x_from), time(f.x_to));
    let (y_from, y_to) = (time(f.y_from), time(f.y_to));
    Some(js_sys::Array::of5(&canvas, &x_from, &x_to, &y_from, &y_to).into())
}

/// "PNG" and "SVG" for `picture`, drawn on screen in `shown`: the files are
/// `bslab-event-time.png` / `.svg`.
pub fn buttons(lang: Lang, picture: &Rc<EventTimePicture>, shown: &NodeRef) -> Html {
    let button = |save: Save, label: &str, help: Text, testid: &str| {
        let (picture, shown) = (Rc::clone(picture), shown.clone());
        let onclick = Callback::from(move |e: MouseEvent| {
            let drawn = draw_again(&picture, &shown, lang).unwrap_or(JsValue::UNDEFINED);
            clicked_with(&e, save, lang, drawn);
        });
        button_with(label.into(), t(lang, help), testid.into(), onclick)
    };
    html! {
        <p class="save-picture et-save">
            { button(Save::PicturePng, "PNG", Text::PngHelp, "png-event-time") }
            { button(Save::PictureSvg, "SVG", Text::SvgHelp, "svg-event-time") }
        </p>
    }
}
