//! Names the parts of a frame's work in a DevTools trace: each [`span`] is a User
//! Timing measure `bslab:<name>` (stepping, the event-time picture's rebuild and
//! drawing, the report), so the frame benchmark
//! (`tests/e2e/event-time-bench.test.mjs`) can say where a frame's time went, and
//! anyone can see it in the Performance panel. Each measure is cleared as soon as
//! it is made: a trace records it when it is made, and the page's performance
//! timeline does not grow over an hour of playing. Natively it only runs `work`.

/// Runs `work` as the User Timing measure `name` (a `&'static str` starting with `bslab:`).
pub fn span<T>(name: &'static str, work: impl FnOnce() -> T) -> T {
    let performance = crate::browser::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark(name);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, name);
        p.clear_marks_with_mark_name(name);
        p.clear_measures_with_measure_name(name);
    }
    out
}
