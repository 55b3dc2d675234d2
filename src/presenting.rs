//! Presentation mode's one browser call: a lesson's beat scrolls the part of
//! the page it talks about into view, so that the presenter never has to
//! scroll during a beat (the look itself is CSS: `.app.presenting`).

use wasm_bindgen::JsCast;

use crate::browser;

/// Scrolls the element whose `data-testid` is `testid` into view (the bottom of
/// the screen at most, below the sticky header and lesson card); nothing when
/// there is none.
pub fn bring_into_view(testid: Option<&str>) {
    let Some(testid) = testid else { return };
    let Some(document) = browser::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[data-testid=\"{testid}\"]");
    if let Ok(Some(element)) = document.query_selector(&selector) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}
