//! An SVG document to a PNG, through an image and a canvas. All in memory (a data
//! URL): nothing is requested, so it works offline and from `file://`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The PNG (as a `data:` URL) of `svg`, `w`×`h` SVG units drawn at `scale` pixels
/// per unit on white; `None` if the browser cannot draw it.
pub async fn png(svg: &str, w: f64, h: f64, scale: f64) -> Option<String> {
    let document = crate::browser::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let encoded = String::from(js_sys::encode_uri_component(svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(image.decode()).await.ok()?;
    let canvas = document
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    let (cw, ch) = ((w * scale).round(), (h * scale).round());
    canvas.set_width(cw as u32);
    canvas.set_height(ch as u32);
    let context = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, cw, ch);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, cw, ch)
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
