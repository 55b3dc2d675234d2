//! The "PNG", "SVG" and "Save all" actions: compose the picture, then download it.

use web_sys::Element;

use super::{dom, grid, raster, standalone_svg, Picture};
use crate::browser;

/// A picture's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PNG at twice the on-screen size.
    Png,
    /// SVG (scales to any size).
    Svg,
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

/// Downloads `picture` as `stem.png` or `stem.svg`; `false` if the browser could not.
async fn download(picture: &Picture, scale: f64, stem: &str, format: Format) -> bool {
    let Some(document) = browser::window().and_then(|w| w.document()) else {
        return false;
    };
    let svg = standalone_svg(picture, &dom::chart_css(&document));
    match format {
        Format::Svg => browser::download(&format!("{stem}.svg"), svg.as_bytes(), "image/svg+xml"),
        Format::Png => match raster::png(&svg, picture.w, picture.h, scale).await {
            Some(url) => browser::download_url(&format!("{stem}.png"), &url),
            None => false,
        },
    }
}

/// Saves the chart drawn in `figure` as `stem.png` / `stem.svg`.
pub async fn chart(figure: Element, stem: String, format: Format) -> bool {
    let Some(picture) = dom::chart(&figure) else {
        return false;
    };
    let scale = projector_scale(&figure, picture.w);
    download(&picture, scale, &stem, format).await
}

/// Saves every chart of the page in one PNG, titled with the charts' heading and the clock.
pub async fn all(stem: &str) -> bool {
    let Some(body) = browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return false;
    };
    let figures = dom::all(&body, ".charts figure.chart");
    let pictures: Vec<Picture> = figures.iter().filter_map(dom::chart).collect();
    let (Some(first), Some(picture)) = (figures.first(), pictures.first()) else {
        return false;
    };
    let scale = projector_scale(first, picture.w);
    let text = |selector: &str| {
        body.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let title = format!(
        "{} · {}",
        text(".charts-title"),
        text("[data-testid=clock]")
    );
    let whole = grid(&title, &pictures, SAVE_ALL_COLUMNS);
    download(&whole, scale, stem, Format::Png).await
}
