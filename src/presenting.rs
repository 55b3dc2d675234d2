//! Presentation mode's one browser call: a lesson's beat scrolls the part of
//! the page it talks about to just under the sticky header and lesson card, so
//! that the presenter never has to scroll during a beat (the look itself is
//! CSS: `.app.presenting`).

use crate::browser;

/// Scrolls the page so that the element whose `data-testid` is `testid` starts
/// just below the sticky top (`.top`); nothing when there is none.
pub fn bring_into_view(testid: Option<&str>) {
    let Some(testid) = testid else { return };
    let Some(window) = browser::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let selector = format!("[data-testid=\"{testid}\"]");
    let Ok(Some(element)) = document.query_selector(&selector) else {
        return;
    };
    let top = document
        .query_selector(".top")
        .ok()
        .flatten()
        .map_or(0.0, |t| t.get_bounding_client_rect().bottom());
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let y = element.get_bounding_client_rect().top() + scrolled - top - 8.0;
    window.scroll_to_with_x_and_y(0.0, y.max(0.0));
}
