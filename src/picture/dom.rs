//! Reads drawn charts from the page: title, plot markup and legend swatches, and
//! the page's chart style rules (so the saved SVG looks like the page).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::{compose, LegendEntry, Picture};

/// Markup of `element`'s children as XML (the HTML serializer writes `&nbsp;`,
/// which XML does not know; numbers in pt-BR contain no-break spaces).
fn inner_xml(element: &Element) -> String {
    element.inner_html().replace("&nbsp;", "&#160;")
}

/// The elements matching `selector` under `root`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The picture of one drawn chart (`figure.chart`): `None` if it is not one.
pub fn chart(figure: &Element) -> Option<Picture> {
    let title = figure.query_selector("h3").ok()??.text_content()?;
    let plot = figure.query_selector("svg.plot").ok()??;
    let entries: Vec<LegendEntry> = all(figure, ".legend li")
        .iter()
        .map(|li| LegendEntry {
            swatch: li
                .query_selector("svg")
                .ok()
                .flatten()
                .map(|s| inner_xml(&s))
                .unwrap_or_default(),
            name: li.text_content().unwrap_or_default().trim().to_string(),
        })
        .collect();
    Some(compose(title.trim(), &inner_xml(&plot), &entries))
}

/// The page's rules for chart parts (`.chart .tick { … }`), without the `.chart`
/// ancestor they need on the page.
pub fn chart_css(document: &Document) -> String {
    let sheets = document.style_sheets();
    let mut css = String::new();
    for sheet in (0..sheets.length()).filter_map(|i| sheets.item(i)) {
        let Some(rules) = sheet
            .dyn_into::<web_sys::CssStyleSheet>()
            .ok()
            .and_then(|s| s.css_rules().ok())
        else {
            continue;
        };
        for rule in (0..rules.length()).filter_map(|j| rules.item(j)) {
            let Ok(rule) = rule.dyn_into::<web_sys::CssStyleRule>() else {
                continue;
            };
            if let Some(part) = rule.selector_text().strip_prefix(".chart .") {
                css.push_str(&format!(".{part} {{ {} }} ", rule.style().css_text()));
            }
        }
    }
    css
}
