//! Browser test of the Yew app: mounts `App` in headless Chromium (wasm-bindgen-test-runner,
//! configured in `.cargo/config.toml` and `webdriver.json`). Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` appended to the document body, to mount a component into.
fn mount_point() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Yew renders asynchronously: wait (a few short sleeps at most) until `selector` matches.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..50 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!(
        "nothing matched {selector:?} after 500 ms: {}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn app_shows_title_and_engine_version() {
    let root = mount_point();
    let _app = yew::Renderer::<batch_stream_lab::App>::with_root(root.clone()).render();

    let version = wait_for(&root, "[data-testid=engine-version]").await;
    assert_eq!(version.text_content().unwrap(), bslab_engine::VERSION);

    let title = wait_for(&root, "h1").await;
    assert_eq!(title.text_content().unwrap(), "Batch × Stream Lab");
}
