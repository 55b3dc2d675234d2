//! The app as one self-contained HTML file (`scripts/build-single-file.sh`), opened
//! from disk: what differs from the served app, read from the page.
//!
//! The file's bootstrap script sets `window.bslabStandalone = { workerUrl, publicUrl }`
//! before the app starts: the export worker cannot be loaded from a `file://` path,
//! so it comes from a Blob URL; and a `file:///…` share link opens nothing on a
//! student's machine, so links point to the public address the file was built
//! with (`BSLAB_PUBLIC_URL`), and the share box says so when there is none.
//! On a served page there is no such object and every function answers "none".

use wasm_bindgen::JsValue;

/// The page's `bslabStandalone` object, if this is the single file.
fn settings() -> Option<JsValue> {
    let window = crate::browser::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("bslabStandalone")).ok()?;
    value.is_object().then_some(value)
}

/// A string field of the settings (`None` when absent or empty).
fn setting(key: &str) -> Option<String> {
    let value = js_sys::Reflect::get(&settings()?, &JsValue::from_str(key)).ok()?;
    value.as_string().filter(|s| !s.is_empty())
}

/// Whether the page is the single self-contained file.
pub fn is_single_file() -> bool {
    settings().is_some()
}

/// The export worker's URL in the single file (a Blob URL), else `None`.
pub fn worker_url() -> Option<String> {
    setting("workerUrl")
}

/// The public address share links of the single file point to, if it was built with one.
pub fn public_url() -> Option<String> {
    setting("publicUrl")
}

/// The page address a share link starts with: the public address in a single file
/// built with one, else the page's own URL (`href`) without its hash.
pub fn link_base(href: &str, public: Option<&str>) -> String {
    match public {
        Some(public) => public.split('#').next().unwrap_or_default().to_string(),
        None => href.split('#').next().unwrap_or_default().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_start_with_the_public_address_when_there_is_one() {
        let href = "file:///home/teacher/bslab.html#v=1&c=abc";
        assert_eq!(link_base(href, None), "file:///home/teacher/bslab.html");
        assert_eq!(
            link_base(href, Some("https://example.org/lab/#old")),
            "https://example.org/lab/"
        );
    }

    #[test]
    fn natively_nothing_is_the_single_file() {
        assert!(!is_single_file());
        assert_eq!(worker_url(), None);
        assert_eq!(public_url(), None);
    }
}
