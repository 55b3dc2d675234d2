//! The "PNG", "SVG" and "Save all" actions: compose the picture, then download it.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{dom, grid, raster, standalone_svg, Picture};
use crate::browser;
use crate::i18n::{Key, Lang};

/// A picture's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PNG at twice the on-screen size.
    Png,
    /// SVG (scales to any size).
    Svg,
}

/// What a button saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The chart the button is drawn in, by name (the file is `bslab-<name>.<format>`).
    Chart(&'static str),
    /// Every chart, in one PNG (`bslab-charts.png`).
    All,
}

/// Columns of "Save all" (the comparison reads in pairs, as on a wide screen).
const SAVE_ALL_COLUMNS: usize = 2;

/// Pixels per SVG unit that make a PNG twice as wide as `figure` is on screen
/// (a projector's resolution); 2 if the figure is not laid out.
fn projector_scale(figure: &Element, picture_w: f64) -> f64 {
    let on_screen = figure.get_bounding_client_rect().width();
    if on_screen > 0.0 {
        2.0 * on_screen / picture_w
    } else {
        2.0
    }
}

/// The picture a button saves, its PNG scale and its file name without extension.
fn prepare(button: &Element, target: Target) -> Option<(Picture, f64, String)> {
    match target {
        Target::Chart(name) => {
            let figure = button.closest("figure").ok()??;
            let picture = dom::chart(&figure)?;
            let scale = projector_scale(&figure, picture.w);
            Some((picture, scale, format!("bslab-{name}")))
        }
        Target::All => {
            let body = browser::window()?.document()?.body()?;
            let figures = dom::all(&body, ".charts figure.chart");
            let pictures: Vec<Picture> = figures.iter().filter_map(dom::chart).collect();
            let scale = projector_scale(figures.first()?, pictures.first()?.w);
            let text = |selector: &str| {
                let element = body.query_selector(selector).ok().flatten();
                element.and_then(|e| e.text_content()).unwrap_or_default()
            };
            let title = format!(
                "{} · {}",
                text(".charts-title"),
                text("[data-testid=clock]")
            );
            let whole = grid(&title, &pictures, SAVE_ALL_COLUMNS);
            Some((whole, scale, "bslab-charts".to_string()))
        }
    }
}

/// Marks `button` as failed: the browser could not make its picture.
fn failed(button: &Element, lang: Lang) {
    button.set_class_name("failed");
    let _ = button.set_attribute("title", lang.t(Key::SaveFailed));
}

/// A save button was clicked: saves its picture (a PNG is drawn in the background);
/// if the browser cannot make it, the button says so (its tooltip, and a mark drawn
/// by the page's CSS): never a click that silently does nothing.
pub fn clicked(event: &web_sys::MouseEvent, target: Target, format: Format, lang: Lang) {
    // The clicked element's button: Yew delegates events, so `current_target` is not it.
    let target_element = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let Some(button) = target_element.and_then(|e| e.closest("button").ok().flatten()) else {
        return;
    };
    let document = browser::window().and_then(|w| w.document());
    let (Some(document), Some((picture, scale, stem))) = (document, prepare(&button, target))
    else {
        return failed(&button, lang);
    };
    let svg = standalone_svg(&picture, &dom::chart_css(&document));
    match format {
        Format::Svg => {
            if browser::download(&format!("{stem}.svg"), svg.as_bytes(), "image/svg+xml").is_err() {
                failed(&button, lang);
            }
        }
        Format::Png => wasm_bindgen_futures::spawn_local(async move {
            let url = raster::png(&svg, picture.w, picture.h, scale).await;
            if url.is_none_or(|url| browser::download_url(&format!("{stem}.png"), &url).is_err()) {
                failed(&button, lang);
            }
        }),
    }
}
