//! The "PNG", "SVG" and "Save all" actions: compose the picture, then download it.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::{dom, event_time, grid, raster, standalone_svg, Picture, PROJECTOR};
use crate::browser;
use crate::i18n::{Key, Lang};

/// What a button saves; its [`Save::tag`] crosses from the page to the lazy module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    /// The chart the button is drawn in, as a PNG at twice its on-screen size
    /// (the file is `bslab-<the figure's test id>.png`).
    ChartPng,
    /// That chart as SVG (scales to any size).
    ChartSvg,
    /// Every chart, in one PNG (`bslab-charts.png`).
    All,
    /// The event-time picture as a PNG at twice its on-screen size, drawn again at
    /// that scale by the page (`bslab-event-time.png`).
    PicturePng,
    /// The event-time picture as SVG (text as text, the marks an embedded image).
    PictureSvg,
}

impl Save {
    /// Every kind, for [`Save::from_tag`].
    const ALL: [Save; 5] = [
        Save::ChartPng,
        Save::ChartSvg,
        Save::All,
        Save::PicturePng,
        Save::PictureSvg,
    ];

    /// The kind's name between the page and the lazy module.
    pub fn tag(self) -> &'static str {
        match self {
            Save::ChartPng => "png",
            Save::ChartSvg => "svg",
            Save::All => "all",
            Save::PicturePng => "event-time-png",
            Save::PictureSvg => "event-time-svg",
        }
    }

    /// The kind named `tag`, if any.
    pub fn from_tag(tag: &str) -> Option<Save> {
        Save::ALL.into_iter().find(|s| s.tag() == tag)
    }
}

/// Columns of "Save all" (the comparison reads in pairs, as on a wide screen).
const SAVE_ALL_COLUMNS: usize = 2;

/// Pixels per SVG unit that make a PNG twice as wide as `figure` is on screen
/// (a projector's resolution); 2 if the figure is not laid out.
fn projector_scale(figure: &Element, picture_w: f64) -> f64 {
    let on_screen = figure.get_bounding_client_rect().width();
    if on_screen > 0.0 {
        PROJECTOR * on_screen / picture_w
    } else {
        PROJECTOR
    }
}

/// The picture a button saves, its PNG scale and its file name without extension;
/// `drawn` is what the page drew for it (the event-time picture's, else nothing).
fn prepare(
    button: &Element,
    save: Save,
    drawn: &JsValue,
    lang: Lang,
) -> Option<(Picture, f64, String)> {
    if matches!(save, Save::PicturePng | Save::PictureSvg) {
        let picture = event_time::prepare(button, drawn, lang)?;
        return Some((picture, PROJECTOR, "bslab-event-time".to_string()));
    }
    if save != Save::All {
        let figure = button.closest("figure").ok()??;
        let name = figure.get_attribute("data-testid")?;
        let picture = dom::chart(&figure)?;
        let scale = projector_scale(&figure, picture.w);
        return Some((picture, scale, format!("bslab-{name}")));
    }
    let body = browser::window()?.document()?.body()?;
    // The comparison's charts only: the Sweep view's charts (`.sweep-charts`) are another
    // experiment's, drawn in the same document once a sweep has run.
    let figures = dom::all(&body, ".charts:not(.sweep-charts) figure.chart");
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

/// Marks `button` as failed: the browser could not make its picture.
pub fn failed(button: &Element, lang: Lang) {
    button.set_class_name("failed");
    let _ = button.set_attribute("title", lang.t(Key::SaveFailed));
}

/// Saves the picture of `button` (a PNG is drawn in the background; `drawn`: what
/// the page drew for it, see [`prepare`]); if the browser
/// cannot make it, the button says so (its tooltip, and a mark drawn by the page's
/// CSS): never a click that silently does nothing. Runs in the lazy module
/// (`src/bin/sweep-view.rs`); the page's click is [`super::lazy::clicked`].
pub fn save(button: Element, save: Save, lang: Lang, drawn: &JsValue) {
    let document = browser::window().and_then(|w| w.document());
    let prepared = prepare(&button, save, drawn, lang);
    let (Some(document), Some((picture, scale, stem))) = (document, prepared) else {
        return failed(&button, lang);
    };
    let svg = standalone_svg(&picture, &dom::chart_css(&document));
    if matches!(save, Save::ChartSvg | Save::PictureSvg) {
        if browser::download(&format!("{stem}.svg"), svg.as_bytes(), "image/svg+xml").is_err() {
            failed(&button, lang);
        }
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let url = raster::png(&svg, picture.w, picture.h, scale).await;
        if url.is_none_or(|url| browser::download_url(&format!("{stem}.png"), &url).is_err()) {
            failed(&button, lang);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::Save;

    #[test]
    fn every_kind_crosses_to_the_lazy_module_by_its_own_tag() {
        for kind in Save::ALL {
            assert_eq!(Save::from_tag(kind.tag()), Some(kind), "{kind:?}");
        }
        assert_eq!(Save::from_tag("PNG"), None);
        assert_eq!(Save::from_tag(""), None);
    }
}
