//! "QR code" beside a copied share link: the link as a QR code filling the
//! screen, for students to scan from the projector. Click or Escape closes it.
//! Drawn by the page's lazy module ([`update`], mounted in the page's
//! [`HOST_ID`] element by [`show`]): only a copied link shows it.

use yew::prelude::*;

use wasm_bindgen::JsValue;

use crate::i18n::{Key, Lang};
use crate::lazy_mount::{self, Mounted};
use crate::qr_code;

/// The id of the page's element the button is drawn in (beside a copied link).
pub const HOST_ID: &str = "qr-host";

thread_local! {
    /// The button drawn by the lazy module, once shown.
    static MOUNTED: Mounted<QrButton> = Mounted::default();
}

/// The page's side: the button for `url` in `lang`, drawn by the lazy module in
/// the [`HOST_ID`] element.
pub fn show(url: &str, lang: Lang) {
    let args = vec![JsValue::from_str(url), JsValue::from_str(lang.tag())];
    crate::lazy_module::show_in(HOST_ID, "qr_update", args);
}

/// The lazy module's side of [`show`]: the button for `url` in `lang` (a
/// language tag), drawn in `host`.
pub fn update(host: web_sys::Element, url: &str, lang: &str) {
    let props = QrButtonProps {
        lang: Lang::from_tag(lang),
        url: url.to_string(),
    };
    MOUNTED.with(|mounted| lazy_mount::show(mounted, host, props));
}

/// What the overlay shows.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Closed,
    Loading,
    Code(String),
    Failed,
}

/// Properties of [`QrButton`].
#[derive(Properties, PartialEq)]
pub struct QrButtonProps {
    /// Language.
    pub lang: Lang,
    /// The share link.
    pub url: String,
}

/// The button and, when open, the full-screen code.
#[function_component(QrButton)]
pub fn qr_button(p: &QrButtonProps) -> Html {
    let lang = p.lang;
    let shown = use_state(|| Shown::Closed);
    let open = {
        let (shown, url) = (shown.clone(), p.url.clone());
        Callback::from(move |_: MouseEvent| {
            shown.set(Shown::Loading);
            let (shown, url) = (shown.clone(), url.clone());
            qr_code::load(move |ok| {
                shown.set(match ok.then(|| qr_code::svg(&url)).flatten() {
                    Some(svg) => Shown::Code(svg),
                    None => Shown::Failed,
                });
            });
        })
    };
    let close = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(Shown::Closed))
    };
    // Focused when it opens, so that a key (a clicker's) closes it.
    let overlay = use_node_ref();
    {
        let overlay = overlay.clone();
        use_effect_with(*shown == Shown::Closed, move |closed| {
            if !*closed {
                if let Some(el) = overlay.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let body = match &*shown {
        Shown::Closed => {
            return html! { <button data-testid="qr" onclick={open}>{ lang.t(Key::QrShow) }</button> }
        }
        Shown::Loading => html! { <p>{ lang.t(Key::QrLoading) }</p> },
        Shown::Failed => html! { <p role="alert">{ lang.t(Key::QrFailed) }</p> },
        Shown::Code(svg) => html! {
            <div class="qr-code" data-testid="qr-code">{ Html::from_html_unchecked(svg.clone().into()) }</div>
        },
    };
    let on_key = close.reform(|_: KeyboardEvent| ());
    html! {
        <div class="qr-overlay" data-testid="qr-overlay" role="dialog" aria-label={lang.t(Key::QrShow)} ref={overlay}
            tabindex="0" onclick={close.reform(|_: MouseEvent| ())} onkeydown={on_key}>
            { body }
            <p class="qr-url">{ &p.url }</p>
            <p class="muted">{ lang.t(Key::QrClose) }</p>
        </div>
    }
}
