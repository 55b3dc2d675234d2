//! How the exported jobs window events: Spark's `window(col, size[, slide])`
//! arguments for tumbling and sliding windows, `session_window(col, gap)`'s
//! for session windows; cumulative windows (Flink's
//! CUMULATE) have no Spark equivalent, and the bundle says so.

use bslab_engine::window::assigner;
use bslab_engine::{OutputMode, WindowConfig, WindowKind};
use serde_json::{json, Value};

/// Why the jobs cannot run a cumulative window query, in both languages (the
/// jobs print it; the bundle's README and the app say the same).
pub const NO_SPARK_CUMULATIVE: &str = "Janelas cumulativas (CUMULATE do Flink) não existem no \
Spark: os jobs não as reproduzem e o teste de paridade as pula. / Cumulative windows (Flink's \
CUMULATE) have no Spark equivalent: the jobs do not reproduce them and the parity test skips them.";

/// Whether Spark can run this window kind: sliding and session windows, and
/// any kind whose windows are tumbling ones (`WindowAssigner::as_tumbling`).
pub fn spark_supports(window: &WindowConfig) -> bool {
    match window.kind {
        WindowKind::Sliding | WindowKind::Session => true,
        _ => assigner(window).as_tumbling().is_some(),
    }
}

/// The arguments of `F.window` or `F.session_window` after the column, if
/// Spark has the kind.
fn durations(window: &WindowConfig) -> Option<Value> {
    let ms = |v: i64| format!("{v} milliseconds");
    spark_supports(window).then(|| match window.kind {
        WindowKind::Sliding => json!([ms(window.size_ms), ms(window.slide_ms)]),
        // `F.session_window(col, gap)`.
        WindowKind::Session => json!([ms(window.gap_ms)]),
        _ => json!([ms(window.size_ms)]),
    })
}

/// The window fields of the jobs' parameters: `window_kind`, `window_ms`,
/// `slide_ms` (null for tumbling), `window_durations` (the arguments of
/// `F.window` or `F.session_window` after the column; null when Spark has no
/// equivalent), `no_spark_equivalent` (the message, or null) and, for
/// session windows only, `gap_ms`.
pub(crate) fn fields(window: &WindowConfig) -> Value {
    let slide = match window.kind {
        WindowKind::Sliding | WindowKind::Cumulative => json!(window.slide_ms),
        _ => Value::Null,
    };
    let durations = durations(window);
    let no_spark_equivalent = durations.is_none().then_some(NO_SPARK_CUMULATIVE);
    let mut fields = json!({
        "window_kind": window.kind.name(),
        "window_ms": window.size_ms,
        "slide_ms": slide,
        "window_durations": durations,
        "no_spark_equivalent": no_spark_equivalent,
    });
    // Only session windows have a gap: other bundles' parameters stay as they were.
    if window.kind == WindowKind::Session {
        fields["gap_ms"] = json!(window.gap_ms);
    }
    fields
}

/// The output mode's name, as Spark's `outputMode()` takes it.
pub(crate) fn output_mode_name(mode: OutputMode) -> &'static str {
    match mode {
        OutputMode::Append => "append",
        OutputMode::Update => "update",
        OutputMode::Complete => "complete",
    }
}
