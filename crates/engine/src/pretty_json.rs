//! serde_json's pretty layout (two-space indent, `": "` after a key, `[]` and
//! `{}` when empty) laid over compact JSON.
//!
//! Why not `serde_json::to_string_pretty`: every type serialized is compiled
//! once per output format, and the web page serializes its config compactly
//! already. Writing the report compactly and indenting the text afterwards
//! keeps one set of serializing code in the page's wasm (about 13 KB of code
//! fewer) for the same bytes: the tests compare this with serde_json's own
//! pretty output.

/// `compact`, compact JSON as `serde_json::to_string` writes it, laid out as
/// `serde_json::to_string_pretty` would have written the same value.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        (0..depth).for_each(|_| out.push_str("  "));
    };
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        // Structural bytes are ASCII, so `i` is on a char boundary.
        let piece: &str = match b {
            b'"' => {
                in_string = true;
                continue;
            }
            b'{' | b'[' | b',' | b':' | b'}' | b']' => &compact[start..i],
            _ => continue,
        };
        out.push_str(piece);
        start = i + 1;
        match b {
            b'{' | b'[' => {
                out.push(char::from(b));
                depth += 1;
                if !matches!(bytes.get(i + 1), Some(b'}' | b']')) {
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if !matches!(bytes[i - 1], b'{' | b'[') {
                    newline(&mut out, depth);
                }
                out.push(char::from(b));
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            _ => out.push_str(": "),
        }
    }
    out.push_str(&compact[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::indent;
    use serde_json::{json, Value};

    fn same_as_serde(value: &Value) {
        let compact = serde_json::to_string(value).expect("JSON");
        let pretty = serde_json::to_string_pretty(value).expect("JSON");
        assert_eq!(indent(&compact), pretty, "{compact}");
    }

    #[test]
    fn lays_out_as_serde_json_does() {
        same_as_serde(&json!(null));
        same_as_serde(&json!(1.5e300));
        same_as_serde(&json!("a \"quoted\" {text}, [with] : commas \\"));
        same_as_serde(&json!([]));
        same_as_serde(&json!({}));
        same_as_serde(&json!([[], {}, [[]], {"a": {}}]));
        same_as_serde(&json!({"a": [1, -2, 3.25], "b": {"c": null, "d": "é ✓ \u{1}"}, "e": true}));
    }

    /// Every preset's report as serde_json's pretty printer writes it: its
    /// totals alone, and with every detail part after them (the golden reports
    /// of `tests/determinism.rs` check the detail parts' bytes and order).
    #[test]
    fn reports_as_serde_json_pretty() {
        for preset in crate::presets::all() {
            let end = preset.config.duration_ms;
            let mut sim = crate::Simulation::new(preset.config).expect("a preset is valid");
            // Early (nulls, open windows), then later on, or at the end of a short run.
            for t in [end.min(10 * 60_000), end.min(40 * 60_000)] {
                sim.step_until(t).expect("steps");
                let report = sim.report(crate::ReportDetail::FULL);
                let totals = serde_json::to_string_pretty(&report).expect("JSON");
                assert_eq!(report.totals_json(), totals, "{} at {t}", preset.name);
                let mut whole = serde_json::to_value(&report).expect("JSON");
                let parts = [
                    ("windows", serde_json::to_value(&report.windows)),
                    ("batch_runs", serde_json::to_value(&report.batch_runs)),
                    ("micro_batches", serde_json::to_value(&report.micro_batches)),
                    ("samples", serde_json::to_value(&report.samples)),
                ];
                for (name, part) in parts {
                    whole[name] = part.expect("JSON");
                }
                let read = crate::read_value(&report.to_json()).expect("JSON");
                // Both through text: the same float digits read the same way.
                let whole = crate::read_value(&whole.to_string()).expect("JSON");
                assert_eq!(read, whole, "{} at {t}", preset.name);
                let bare = sim.report(crate::ReportDetail::default());
                assert_eq!(bare.to_json(), bare.totals_json());
                assert_eq!(bare.digest(), bare.totals_digest());
            }
        }
    }
}
