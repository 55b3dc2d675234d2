//! Browser tests of the Yew app: mount `App` in headless Chromium
//! (wasm-bindgen-test-runner, configured in `.cargo/config.toml` and `webdriver.json`)
//! and check the components with logic: the language switch, inline validation,
//! the share link round trip and the fallback on a damaged link. Run by `scripts/test.sh`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use batch_stream_lab::runner::Runner;
use batch_stream_lab::share;
use bslab_engine::presets;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn storage() -> web_sys::Storage {
    window()
        .local_storage()
        .ok()
        .flatten()
        .expect("localStorage")
}

/// A fresh page state: no saved experiment, English, and `hash` as the URL hash.
/// The strings of every language come from the tables' wasm, which this page has
/// not: the test installs the copy its own wasm carries, as the served page does
/// from that wasm before it draws (the loading is tested end to end,
/// tests/e2e/frame-bench.test.mjs).
fn fresh_page(hash: &str) {
    batch_stream_lab::i18n::tables::install_compiled();
    let s = storage();
    s.clear().expect("clear storage");
    s.set_item("bslab.lang", "en").expect("set lang");
    let url = if hash.is_empty() { " " } else { hash };
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .expect("replace hash");
}

/// Mounts the app into a new `<div>`.
fn mount() -> (Element, AppHandle<batch_stream_lab::App>) {
    let document = window().document().expect("a document");
    let div = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("append");
    let app = yew::Renderer::<batch_stream_lab::App>::with_root(div.clone()).render();
    (div, app)
}

fn unmount(root: Element, app: AppHandle<batch_stream_lab::App>) {
    app.destroy();
    root.remove();
}

async fn sleep(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

/// Yew renders asynchronously: wait (up to `ms`) until `selector` matches.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..300 {
        if let Some(el) = root.query_selector(selector).ok().flatten() {
            return el;
        }
        sleep(10).await;
    }
    panic!(
        "nothing matched {selector:?} after 3 s: {}",
        root.inner_html()
    );
}

/// Waits until `cond` holds (up to 10 s).
async fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..1_000 {
        if cond() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting until {what}");
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no {selector}"))
        .click();
}

/// Types `value` into an input and fires `change`, as a user leaving the field does.
fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no input {selector}"));
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("an event");
    input.dispatch_event(&event).expect("dispatch");
}

fn run_state(root: &Element, attr: &str) -> String {
    root.query_selector("[data-testid=run-state]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(attr))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_shows_title_and_engine_version() {
    fresh_page("");
    let (root, app) = mount();
    let version = wait_for(&root, "[data-testid=engine-version]").await;
    assert_eq!(
        version.text_content().unwrap_or_default(),
        bslab_engine::VERSION
    );
    assert_eq!(text(&root, "h1"), "Batch × Stream Lab");
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn language_switch_translates_and_keeps_the_run() {
    fresh_page("");
    let (root, app) = mount();
    wait_for(&root, "[data-testid=panel-streaming]").await;
    assert!(text(&root, "[data-testid=play]").contains("Play"));
    for _ in 0..3 {
        click(&root, "[data-testid=step]");
        sleep(20).await;
    }
    wait_until("the run has moved", || run_state(&root, "data-t") != "0").await;
    let clock = text(&root, "[data-testid=clock]");
    let seed = text(&root, "[data-testid=seed]");

    click(&root, "[data-testid=lang]");
    wait_until("the page is in Portuguese", || {
        text(&root, "[data-testid=play]").contains("Iniciar")
    })
    .await;
    assert_eq!(text(&root, "[data-testid=clock]"), clock, "time is kept");
    assert_eq!(
        text(&root, "[data-testid=seed]"),
        seed,
        "the experiment is kept"
    );
    assert!(text(&root, "[data-testid=panel-batch]").contains("Guardado"));
    // The document's language and the saved one are set by an effect, which Yew may
    // run after yielding to the browser once the page is drawn: waited for, not read
    // at once.
    wait_until("the document is marked pt-BR", || {
        window()
            .document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .is_some_and(|l| l == "pt-BR")
    })
    .await;
    wait_until("pt-BR is saved", || {
        storage().get_item("bslab.lang").ok().flatten().as_deref() == Some("pt-BR")
    })
    .await;

    click(&root, "[data-testid=lang]");
    wait_until("back in English", || {
        text(&root, "[data-testid=play]").contains("Play")
    })
    .await;
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn an_invalid_value_is_explained_and_never_applied() {
    fresh_page("");
    let (root, app) = mount();
    wait_for(&root, "[data-testid=panel-batch]").await;
    let workers = "[data-testid='field-batch.workers']";
    let line = || text(&root, "[data-testid=panel-batch] .pipeline-mode");
    assert!(line().contains("4 workers"), "{}", line());
    // In a narrow window the parameter panel is a drawer, closed at first.
    if root.query_selector(workers).ok().flatten().is_none() {
        click(&root, "[data-testid=params-toggle]");
        wait_for(&root, workers).await;
    }

    type_into(&root, workers, "0");
    let error = wait_for(&root, "[data-testid='error-batch.workers']").await;
    let why = error.text_content().unwrap_or_default();
    assert!(
        why.contains("Workers: 0 is not allowed") && why.contains("from 1 to 1,024"),
        "{why}"
    );
    assert!(why.contains("not applied"), "{why}");
    sleep(50).await;
    assert!(
        line().contains("4 workers"),
        "the invalid value was applied: {}",
        line()
    );
    let saved = storage()
        .get_item("bslab.config")
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(saved.contains("\"workers\":4"), "{saved}");

    type_into(&root, workers, "lots");
    wait_until("a not-a-number message", || {
        text(&root, "[data-testid='error-batch.workers']").contains("“lots” is not a number")
    })
    .await;

    type_into(&root, workers, "6");
    wait_until("the valid value is applied", || {
        line().contains("6 workers")
    })
    .await;
    assert!(root
        .query_selector("[data-testid='error-batch.workers']")
        .ok()
        .flatten()
        .is_none());
    wait_until("it is saved", || {
        storage()
            .get_item("bslab.config")
            .ok()
            .flatten()
            .is_some_and(|s| s.contains("\"workers\":6"))
    })
    .await;
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn a_share_link_reproduces_the_run_at_its_instant() {
    let preset = presets::by_name("late-data-watermark").expect("a preset");
    let t_ms = 25 * 60_000;
    let hash = share::encode_hash(&preset.config, t_ms);
    let mut expected = Runner::new(preset.config.clone(), 0).expect("valid");
    expected.advance(t_ms, || false);
    expected.refresh_report();
    let digest = expected
        .snapshot()
        .report
        .map(|r| r.digest.clone())
        .unwrap_or_default();

    fresh_page(&hash);
    let (root, app) = mount();
    wait_for(&root, "[data-testid=panel-batch]").await;
    wait_until("the run caught up with the link", || {
        run_state(&root, "data-settled") == "true"
    })
    .await;
    assert_eq!(run_state(&root, "data-t"), t_ms.to_string());
    assert_eq!(text(&root, "[data-testid=digest]"), digest);
    assert_eq!(text(&root, "[data-testid=clock]"), "00:25:00");
    let select: web_sys::HtmlSelectElement = root
        .query_selector("[data-testid=preset]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("the preset picker");
    assert_eq!(select.value(), preset.name);
    assert!(root
        .query_selector("[data-testid=notice]")
        .ok()
        .flatten()
        .is_none());
    unmount(root, app);
}

#[wasm_bindgen_test]
async fn a_damaged_link_falls_back_to_the_defaults_with_a_notice() {
    let good = share::encode_hash(&presets::all()[3].config, 0);
    // The changes from the preset, damaged (a link cut or mistyped in its patch).
    let tampered = good.replacen("&d=", "&d=%%", 1);
    assert_ne!(
        tampered, good,
        "a link of the current format has a patch: {good}"
    );
    for hash in ["#c=%%%not-base64", tampered.as_str(), "#c=eyJzZWVkIjoiYSJ9"] {
        fresh_page(hash);
        let (root, app) = mount();
        let notice = wait_for(&root, "[data-testid=notice]").await;
        let said = notice.text_content().unwrap_or_default();
        assert!(
            said.contains("could not be read") || said.contains("a value that is not allowed"),
            "{hash}: {said}"
        );
        wait_for(&root, "[data-testid=panel-streaming]").await;
        let location = window().location().hash().unwrap_or_default();
        assert_eq!(
            share::decode_hash(&location).map(|r| r.map(|s| s.config)),
            Some(Ok(presets::all()[0].config.clone())),
            "the address bar now holds the defaults"
        );
        unmount(root, app);
    }
}

#[wasm_bindgen_test]
async fn the_error_banner_shows_the_details_and_a_copy_button() {
    fresh_page("");
    batch_stream_lab::browser::show_error_banner("panicked at src/example.rs:1:1: boom");
    let body = window().document().and_then(|d| d.body()).expect("a body");
    let banner = body
        .query_selector("[data-testid=error-banner]")
        .ok()
        .flatten()
        .expect("the banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("boom"), "{text}");
    let button = banner
        .query_selector("button")
        .ok()
        .flatten()
        .expect("a button");
    assert_eq!(button.text_content().as_deref(), Some("Copy details"));
    // Shown once, however many panics follow.
    batch_stream_lab::browser::show_error_banner("again");
    assert_eq!(
        body.query_selector_all("[data-testid=error-banner]")
            .map(|l| l.length())
            .unwrap_or(0),
        1
    );
    banner.remove();
}
