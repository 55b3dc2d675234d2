//! The golden reports, recomputed in WebAssembly in headless Chromium: equal
//! bytes mean the browser and the native CLI give identical results.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

mod golden;

wasm_bindgen_test_configure!(run_in_browser);

/// Golden files compiled in (the browser has no file system): every file of
/// `tests/golden/`, listed by the crate's build script (`build.rs`).
const GOLDEN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/golden_table.rs"));

#[wasm_bindgen_test]
fn every_preset_has_a_golden_file_here() {
    let mut names: Vec<&str> = golden::cases().iter().map(|c| c.0).collect();
    names.sort_unstable();
    let table: Vec<&str> = GOLDEN.iter().map(|g| g.0).collect();
    assert_eq!(
        names, table,
        "one golden file per preset (UPDATE_GOLDEN=1 cargo test -p bslab-engine --test determinism)"
    );
}

#[wasm_bindgen_test]
fn wasm_reports_equal_native_golden_reports() {
    for (name, config) in golden::cases() {
        let expected = GOLDEN
            .iter()
            .find(|g| g.0 == name)
            .map(|g| g.1)
            .unwrap_or("");
        let json = golden::report_json(&config);
        assert!(
            json == expected,
            "{name}: the wasm report differs from the native golden report"
        );
    }
}
