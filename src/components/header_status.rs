//! The status lines under the header row: the shared link and the Spark export.
//! Apart from the header (`header.rs`) so that it keeps to its controls.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::qr;
use crate::i18n::{Key, Lang};
use crate::state::{ExportStatus, ShareStatus};

/// The copied link (or the link to copy by hand), with its QR code and note.
pub fn share_box(lang: Lang, share: &ShareStatus) -> Html {
    let (key, url) = match share {
        ShareStatus::Idle => return html! {},
        ShareStatus::Copied(url) => (Key::ShareCopied, url),
        ShareStatus::Failed(url) => (Key::ShareCopyFailed, url),
    };
    html! {
        <div class="share-box" role="status">
            <span>{ lang.t(key) }</span>
            <input data-testid="share-url" class="share-url" readonly=true value={url.clone()}
                aria-label={lang.t(Key::Share)} onfocus={Callback::from(|e: FocusEvent| {
                    if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        i.select();
                    }
                })} />
            // The QR code button, drawn by the lazy module (crate::components::qr::show).
            <span id={qr::HOST_ID} />
            { crate::components::share_note::share_note(lang) }
        </div>
    }
}

/// Where "Export for Spark" is: building, downloaded, or why it failed.
pub fn export_box(lang: Lang, export: &ExportStatus) -> Html {
    let (class, text) = match export {
        ExportStatus::Idle => return html! {},
        ExportStatus::Working => ("working", lang.t(Key::Exporting).to_string()),
        ExportStatus::Done(name) => ("done", format!("{} {name}", lang.t(Key::Exported))),
        ExportStatus::Failed(why) => ("failed", why.clone()),
    };
    html! { <div class={classes!("export-box", class)} role="status" data-testid="export-status">{ text }</div> }
}
