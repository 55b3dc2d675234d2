//! The browser APIs the app's state and shell need: storage, URL, language,
//! clock, clipboard, downloads, panic banner (charts, pictures and the QR code
//! reach the DOM in their own modules). Every function degrades to "nothing",
//! or a typed reason, when the API is missing (natively, or a locked-down
//! browser): no unwrap, no panic.

use bslab_engine::ExperimentConfig;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;

const CONFIG_KEY: &str = "bslab.config";
const LANG_KEY: &str = "bslab.lang";

/// The browser window (`None` natively, where browser APIs do not exist).
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Milliseconds from a monotonic clock (`performance.now()`), 0 when unavailable.
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The URL hash (`#c=…`), empty when none.
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The full URL of the page.
pub fn location_href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's URL without its hash (in the single file: its public address, see
/// [`crate::standalone`]), followed by `hash`: the share link.
pub fn share_url(hash: &str) -> String {
    let public = crate::standalone::public_url();
    let base = crate::standalone::link_base(&location_href(), public.as_deref());
    format!("{base}{hash}")
}

/// Replaces the URL hash without reloading nor adding a history entry.
pub fn replace_hash(hash: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// The saved config JSON, if any.
pub fn stored_config() -> Option<String> {
    storage()?.get_item(CONFIG_KEY).ok().flatten()
}

/// Saves the config (last experiment, restored on the next visit).
pub fn store_config(config: &ExperimentConfig) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(config)) {
        let _ = s.set_item(CONFIG_KEY, &json);
    }
}

/// Narrowest window, in CSS px, where the parameter panel opens with the page (as
/// a column beside the pipelines); below it, it is a drawer, closed at first, so
/// that the pipelines fill the first screen (a 1024×768 projector).
pub const PARAMS_OPEN_MIN_WIDTH: f64 = 1_200.0;

/// Whether the parameter panel is open when the page opens (see [`PARAMS_OPEN_MIN_WIDTH`]).
pub fn params_open_at_start() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= PARAMS_OPEN_MIN_WIDTH)
}

/// The saved language, else the browser's (`navigator.language`), else English.
pub fn wanted_lang() -> Lang {
    if let Some(tag) = storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten()) {
        return Lang::from_tag(&tag);
    }
    window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::default(), |tag| Lang::from_tag(&tag))
}

/// The page's language: [`wanted_lang`] once its strings are loaded
/// (`main.rs` loads them before the page is drawn), else English.
pub fn initial_lang() -> Lang {
    Some(wanted_lang())
        .filter(|l| crate::i18n::tables::ready(*l))
        .unwrap_or_default()
}

/// Saves the language and sets `<html lang>` (screen readers pronounce accordingly).
pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Copies `text` to the clipboard; `false` if the browser refused.
pub async fn copy_text(text: String) -> bool {
    let Some(w) = window() else { return false };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Why the browser did not start a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadError {
    /// No page to download from (natively, or the document is gone).
    NoPage,
    /// The browser refused to hold the bytes as a file (out of memory, or blocked).
    NoFile,
    /// The browser refused a local address for the file (`URL.createObjectURL`).
    NoAddress,
}

/// Offers `bytes` as a file download named `name` (a Blob and an object URL; no network).
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), DownloadError> {
    if window().is_none() {
        return Err(DownloadError::NoPage);
    }
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)
        .map_err(|_| DownloadError::NoFile)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::NoAddress)?;
    let started = download_url(name, &url);
    revoke_later(url);
    started
}

/// Offers the file at `url` (an object or data URL) as a download named `name`.
pub fn download_url(name: &str, url: &str) -> Result<(), DownloadError> {
    let anchor = window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or(DownloadError::NoPage)?;
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// How long a download's object URL stays valid after the click, in ms: the
/// browser starts reading it asynchronously, and some browsers fail the download
/// when it is revoked at once.
pub const REVOKE_AFTER_MS: i32 = 60_000;

/// Revokes an object URL after [`REVOKE_AFTER_MS`] (the Blob is freed then).
fn revoke_later(url: String) {
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            REVOKE_AFTER_MS,
        );
    }
}

/// Installs the panic hook: the console message (console_error_panic_hook) plus a
/// visible banner with a "copy details" button, instead of a silently frozen page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_banner(&info.to_string());
    }));
}

/// Shows the error banner (plain DOM: Yew may be unusable after a panic).
pub fn show_error_banner(details: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("bslab-error-banner").is_some() {
        return;
    }
    let lang = initial_lang();
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_id("bslab-error-banner");
    banner.set_class_name("error-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "error-banner");
    let title = doc.create_element("strong").ok();
    let pre = doc.create_element("pre").ok();
    let button = doc.create_element("button").ok();
    if let (Some(title), Some(pre), Some(button)) = (title, pre, button) {
        title.set_text_content(Some(lang.t(crate::i18n::Key::ErrorTitle)));
        pre.set_id("bslab-error-details");
        pre.set_text_content(Some(&format!("{details}\n{}", location_href())));
        button.set_text_content(Some(lang.t(crate::i18n::Key::CopyDetails)));
        let _ = button.set_attribute(
            "onclick",
            "navigator.clipboard.writeText(document.getElementById('bslab-error-details').textContent)",
        );
        let _ = banner.append_child(&title);
        let _ = banner.append_child(&button);
        let _ = banner.append_child(&pre);
    }
    let _ = body.insert_before(&banner, body.first_child().as_ref());
}

/// The tag name of an event's target, upper case (`INPUT`), to leave typing alone.
pub fn target_tag(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.tag_name())
        .unwrap_or_default()
}
