//! The bundle's README names the right fields of `expected.json`, in both
//! languages, and says how to check a Spark run with `check.py`.

use std::collections::BTreeSet;

use bslab_engine::presets;
use bslab_spark::bundle;
use serde_json::Value;

fn keys(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                out.insert(k.clone());
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(path.clone());
                keys(child, &path, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| keys(i, prefix, out)),
        _ => {}
    }
}

/// The `code` spans of a Markdown text.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[test]
fn readme_field_names_are_expected_json_keys_in_both_languages() {
    for preset in [
        "late-data-watermark",
        "fraud-time-is-money",
        "social-viral-post",
    ] {
        let mut c = presets::by_name(preset).expect("preset").config;
        c.duration_ms = 3 * 60_000;
        c.workload.bursts.clear();
        let b = bundle(&c).expect("exports");
        let text = |path: &str| String::from_utf8(b.file(path).expect(path).bytes.clone());
        let readme = text("README.md").expect("UTF-8");
        let expected: Value =
            serde_json::from_str(&text("expected.json").expect("UTF-8")).expect("expected.json");
        let mut names = BTreeSet::new();
        keys(&expected, "", &mut names);
        let (pt, en) = readme.split_once("## English").expect("two sections");

        for (language, section) in [("pt-BR", pt), ("en", en)] {
            // Every expected.json-looking name the README cites exists in expected.json.
            for span in code_spans(section) {
                let looks_like_field = span.starts_with("streaming.")
                    || span.starts_with("batch.")
                    || span.starts_with("truth.")
                    || span.ends_with("_rows")
                    || span.ends_with("_groups")
                    || span == "watermark_ms";
                if looks_like_field {
                    assert!(names.contains(span), "{preset} {language}: `{span}`");
                }
            }
            // Spark's counter is compared with the dropped groups, in the same paragraph.
            let paragraphs: Vec<&str> = section
                .split("\n\n")
                .filter(|p| p.contains("numRowsDroppedByWatermark"))
                .collect();
            assert!(!paragraphs.is_empty(), "{preset} {language}");
            for p in paragraphs {
                assert!(p.contains("`dropped_groups`"), "{preset} {language}: {p}");
            }
            assert!(
                section.contains("check.py"),
                "{preset} {language}: check.py"
            );
        }
        // The Portuguese column table is in Portuguese.
        assert!(pt.contains("| coluna | tipo | significado |"), "{preset}");
        assert!(!pt.contains("| column | type | meaning |"), "{preset}");
        assert!(en.contains("| column | type | meaning |"), "{preset}");
    }
}
