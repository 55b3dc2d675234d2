//! Under a copied share link in the single HTML file built without a public
//! address: says that the link only opens where this same file is.

use yew::prelude::*;

use crate::i18n::{Key, Lang};
use crate::standalone;

/// The note, or nothing on a served page or a file built with a public address.
pub fn share_note(lang: Lang) -> Html {
    if !standalone::is_single_file() || standalone::public_url().is_some() {
        return html! {};
    }
    html! { <p data-testid="share-note" class="share-note">{ lang.t(Key::ShareNoPublicUrl) }</p> }
}
