//! The golden reports, recomputed in WebAssembly in headless Chromium: equal
//! bytes mean the browser and the native CLI give identical results.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

mod golden;

wasm_bindgen_test_configure!(run_in_browser);

/// Golden files compiled in (the browser has no file system).
const GOLDEN: &[(&str, &str)] = &[
    (
        "sales-daily-vs-live",
        include_str!("golden/sales-daily-vs-live.json"),
    ),
    (
        "batch-late-but-cheap",
        include_str!("golden/batch-late-but-cheap.json"),
    ),
    (
        "streaming-falls-behind",
        include_str!("golden/streaming-falls-behind.json"),
    ),
    (
        "late-data-watermark",
        include_str!("golden/late-data-watermark.json"),
    ),
    (
        "social-viral-post",
        include_str!("golden/social-viral-post.json"),
    ),
    (
        "fraud-time-is-money",
        include_str!("golden/fraud-time-is-money.json"),
    ),
    ("queue-mm1", include_str!("golden/queue-mm1.json")),
    (
        "iot-offline-sensors",
        include_str!("golden/iot-offline-sensors.json"),
    ),
    (
        "sliding-moving-average",
        include_str!("golden/sliding-moving-average.json"),
    ),
    (
        "cumulative-sales-today",
        include_str!("golden/cumulative-sales-today.json"),
    ),
    ("sales-sessions", include_str!("golden/sales-sessions.json")),
    (
        "web-traffic-sessions",
        include_str!("golden/web-traffic-sessions.json"),
    ),
];

#[wasm_bindgen_test]
fn every_preset_has_a_golden_file_here() {
    let names: Vec<&str> = golden::cases().iter().map(|c| c.0).collect();
    let table: Vec<&str> = GOLDEN.iter().map(|g| g.0).collect();
    assert_eq!(names, table, "add the new preset's golden file to GOLDEN");
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
