//! The page's side of the lazily loaded Sweep view ([`super::host`], in the page's
//! lazy module, [`crate::lazy_module`]): the page draws an empty host element and,
//! once it has its first picture, loads the module, then hands the view the
//! experiment and the language each time they change. A picked point comes back as
//! a config JSON, read and validated again here like a shared link's.

use std::cell::RefCell;

use bslab_engine::{ExperimentConfig, TimeMs};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use yew::Callback;

use crate::i18n::Lang;
use crate::state::Action;

/// The id of the element the view is mounted in.
pub const HOST_ID: &str = "sweep-host";

/// The view's way back: `(config JSON, instant in ms)` of a picked point's run.
type OnOpen = Closure<dyn Fn(String, f64)>;

thread_local! {
    /// The function the view calls with a picked point's run, made once.
    static ON_OPEN: RefCell<Option<OnOpen>> = const { RefCell::new(None) };
}

/// The function handed to the view: a picked point's run, opened on the page.
fn on_open(dispatch: &Callback<Action>) -> JsValue {
    ON_OPEN.with_borrow_mut(|f| {
        let f = f.get_or_insert_with(|| {
            let dispatch = dispatch.clone();
            Closure::new(move |json: String, t_ms: f64| {
                if let Ok(config) = crate::share::parse_config(&json) {
                    dispatch.emit(Action::Open(std::rc::Rc::new(config), t_ms as TimeMs));
                }
            })
        });
        f.as_ref().clone()
    })
}

/// Shows the view for `config` in `lang` (loading it the first time).
pub fn show(config: &ExperimentConfig, lang: Lang, dispatch: &Callback<Action>) {
    let Ok(json) = serde_json::to_string(config) else {
        return;
    };
    let args = vec![
        JsValue::from_str(&json),
        JsValue::from_str(lang.tag()),
        on_open(dispatch),
    ];
    crate::lazy_module::show_in(HOST_ID, "sweep_update", args);
}
