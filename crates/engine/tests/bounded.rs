//! Bounded by design: memory follows the state, not the length of the run;
//! work follows what happens, not the idle time between; validation refuses
//! what would not fit before running anything.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::resources::{self, Resources, MAX_RESULT_CELLS};
use bslab_engine::*;

fn config(json: &str) -> ExperimentConfig {
    ExperimentConfig::from_json(json).expect("config")
}

/// Ten nearly idle days at a 10 ms trigger: ~90 events, 86 million triggers.
/// Steps follow the events, batch runs and samples, not the triggers.
#[test]
fn idle_time_costs_no_steps() {
    let cfg = config(
        r#"{"duration_ms": 864000000, "sample_every_ms": 86400000,
            "workload": {"rate_eps": 0.0001}, "window": {"size_ms": 3600000},
            "batch": {"interval_ms": 86400000},
            "streaming": {"mode": {"kind": "micro_batch", "trigger_ms": 10,
                "batch_overhead_ms": 0, "per_event_cost_us": 100, "workers": 1}}}"#,
    );
    let model = Resources::of(&cfg);
    let mut sim = Simulation::new(cfg.clone()).expect("valid");
    sim.step_until(cfg.duration_ms).expect("forward");
    let report = sim.report(ReportDetail::default());
    assert!(report.generated > 20, "{} events", report.generated);
    let events = report.generated as f64;
    // Per event: its generation, its arrival, its micro-batch and the watermark's
    // no-data batch (each a start and an end); then batch runs and samples.
    let bound = 8.0 * events + 2.0 * model.batch_runs + model.samples + 10.0;
    assert!(
        (sim.steps() as f64) <= bound,
        "{} steps for {events} events (bound {bound})",
        sim.steps()
    );
    assert!((sim.steps() as f64) <= model.work() * 8.0);
}

/// More micro-batches than the log keeps: it keeps the newest, counts them all.
#[test]
fn the_micro_batch_log_is_bounded() {
    let cfg = config(
        r#"{"duration_ms": 1100000, "sample_every_ms": 60000, "workload": {"rate_eps": 1000},
            "batch": {"interval_ms": 1080000, "offset_ms": 0}, "window": {"size_ms": 60000},
            "streaming": {"mode": {"kind": "micro_batch", "trigger_ms": 10,
                "batch_overhead_ms": 0, "per_event_cost_us": 1, "workers": 1}}}"#,
    );
    let mut sim = Simulation::new(cfg.clone()).expect("valid");
    sim.step_until(cfg.duration_ms).expect("forward");
    let report = sim.report(ReportDetail {
        runs: true,
        ..ReportDetail::default()
    });
    let kept = report.micro_batches.expect("runs detail");
    assert!(
        report.streaming.runs > MAX_LOGGED_RUNS as u64,
        "{}",
        report.streaming.runs
    );
    assert_eq!(kept.len(), MAX_LOGGED_RUNS);
    let last = kept.last().expect("entries");
    assert_eq!(last.id + 1, report.streaming.runs, "the newest are kept");
    // A full log cannot be promised for this config: `--runs` and the export refuse it.
    let refused = Resources::of(&cfg)
        .check_full_log(&cfg)
        .expect_err("too long");
    assert_eq!(refused.field, "streaming.mode.trigger_ms");
}

/// A list of 100,000 bursts is one refusal, found without looking at each.
#[test]
fn too_many_bursts_is_one_error() {
    let mut cfg = ExperimentConfig::default();
    cfg.workload.bursts = vec![
        Burst {
            start_ms: -1,
            duration_ms: 0,
            multiplier: 0.5,
        };
        100_000
    ];
    let errors = cfg.validate().expect_err("refused");
    assert_eq!(errors.fields.len(), 1, "{}", errors.fields.len());
    assert_eq!(errors.fields[0].field, "workload.bursts");
}

/// Every accepted config of a sweep fits the memory formula (the engine's share of a tab), and
/// the cell cap is what refuses the rest.
#[test]
fn accepted_configs_fit_a_browser_tab() {
    let limit = resources::MAX_MEMORY_BYTES;
    for p in presets::all() {
        let model = Resources::of(&p.config);
        assert!(model.memory_bytes() < limit, "{}: {model:?}", p.name);
    }
    // Social: 30,000 keys; one-minute windows for 150 minutes is 4.5 million
    // cells, about 1.2 GB at run time (`bslab run` peak RSS): refused.
    let mut cfg = config(
        r#"{"duration_ms": 9000000, "scenario": {"kind": "social", "posts": 10000, "zipf_exponent": 1.0}}"#,
    );
    let errors = cfg.validate().expect_err("too many cells");
    assert_eq!(errors.fields[0].field, "window.size_ms");
    let bslab_engine::Problem::TooManyResults { min } = errors.fields[0].problem else {
        panic!("{errors}");
    };
    assert!(min > cfg.window.size_ms as f64, "{errors}");
    cfg.window.size_ms = 3_600_000;
    cfg.batch.interval_ms = 3_600_000;
    cfg.validate().expect("30,000 keys × 5 windows");
    let model = Resources::of(&cfg);
    assert!(model.result_cells <= MAX_RESULT_CELLS);
    assert!(model.memory_bytes() < limit, "{model:?}");
}

/// Result rows do not pile up with the run: once every party is done with a
/// window (truth, batch run, streaming watermark), its rows are scored and
/// dropped, so the report's row list stays bounded while its scores still
/// cover every row (fraud at 1,000 transactions/s: nearly every card alerts
/// in every window).
#[test]
fn settled_result_rows_are_scored_and_dropped() {
    let cfg = config(
        r#"{"duration_ms": 3600000, "sample_every_ms": 60000,
            "scenario": {"kind": "fraud", "cards": 5000, "mean_amount_cents": 6000,
                "alert_threshold": 5, "bursts_per_hour": 2.0, "burst_transactions": 12,
                "burst_duration_ms": 240000},
            "workload": {"rate_eps": 1000}, "window": {"size_ms": 60000},
            "batch": {"interval_ms": 900000, "offset_ms": 300000}}"#,
    );
    let mut sim = Simulation::new(cfg.clone()).expect("valid");
    sim.step_until(cfg.duration_ms).expect("forward");
    let report = sim.report(ReportDetail::FULL);
    let held = report.windows.as_ref().map_or(0, Vec::len);
    for scores in [report.batch.windows, report.streaming.windows] {
        assert!(scores.truth_rows > 200_000, "{scores:?}");
        assert!(
            held < scores.truth_rows as usize / 2,
            "{held} rows held: {scores:?}"
        );
    }
    assert!(report.streaming.windows.published_rows > 200_000);
}

/// The fraud preset with its 5-minute windows at 200 transactions/s for 12
/// hours (nearly every card alerts in every window): more (window, key) cells
/// and alert rows over the run than the cap, but rows are folded as windows settle, so what is held at once is what validation
/// bounds, and the run stays within that bound.
fn long_fraud() -> ExperimentConfig {
    let mut cfg = presets::by_name("fraud-time-is-money")
        .expect("preset")
        .config;
    cfg.workload.rate_eps = 200.0;
    cfg.workload.bursts.clear();
    cfg.duration_ms = 12 * 3_600_000;
    cfg.sample_every_ms = 60_000;
    cfg
}

#[test]
fn folded_runs_are_bounded_by_the_rows_held_at_once() {
    let cfg = long_fraud();
    assert_eq!(cfg.window.size_ms, 300_000);
    cfg.validate().expect("accepted: its rows are folded");
    let model = Resources::of(&cfg);
    assert!(model.result_cells > MAX_RESULT_CELLS, "{model:?}");
    assert!(model.held_cells <= MAX_RESULT_CELLS, "{model:?}");
    let mut sim = Simulation::new(cfg.clone()).expect("valid");
    let mut most = 0;
    for hour in 1..=12 {
        sim.step_until(hour * 3_600_000).expect("forward");
        most = most.max(sim.window_rows().count());
    }
    let report = sim.report(ReportDetail::default());
    let truth_rows = report.batch.windows.truth_rows;
    assert!(truth_rows as f64 > MAX_RESULT_CELLS, "{truth_rows} rows");
    assert!(
        (most as f64) <= model.held_cells,
        "{most} rows held, bound {}",
        model.held_cells
    );
    assert!(most < truth_rows as usize / 2, "{most} of {truth_rows}");
}

/// The same run where every row is kept (complete mode, session windows) is
/// still refused by the whole run's cells.
#[test]
fn runs_keeping_every_row_keep_the_whole_run_cap() {
    let mut complete = long_fraud();
    complete.streaming.output_mode = OutputMode::Complete;
    let mut sessions = long_fraud();
    sessions.window.kind = WindowKind::Session;
    sessions.window.gap_ms = sessions.window.size_ms;
    // Spark refuses update mode for sessions.
    sessions.streaming.output_mode = OutputMode::Append;
    for (cfg, field) in [(complete, "window.size_ms"), (sessions, "window.gap_ms")] {
        assert_eq!(
            Resources::of(&cfg).held_cells,
            Resources::of(&cfg).result_cells
        );
        let errors = cfg.validate().expect_err("too many cells");
        let refusal = errors.fields.iter().find(|e| e.field == field);
        assert!(
            matches!(
                refusal.map(|e| &e.problem),
                Some(bslab_engine::Problem::TooManyResults { .. })
            ),
            "{errors}"
        );
    }
}

/// A folded run over the cap is refused with a window spacing that fits: the
/// bound it names is one validation then accepts.
#[test]
fn the_folded_refusal_names_a_spacing_that_fits() {
    let mut cfg = long_fraud();
    // 30,000 keys (posts × actions): 13 windows' worth of cells past the fold threshold.
    cfg.scenario = ScenarioConfig::Social(SocialConfig {
        posts: 10_000,
        zipf_exponent: 1.0,
    });
    let errors = cfg.validate().expect_err("too many cells held");
    let refusal = errors.fields.iter().find(|e| e.field == "window.size_ms");
    let Some(bslab_engine::Problem::TooManyResults { min }) = refusal.map(|e| e.problem) else {
        panic!("{errors}");
    };
    let keys = f64::from(bslab_engine::scenario::key_space(&cfg.scenario));
    let whole_run = cfg.duration_ms as f64 * keys / MAX_RESULT_CELLS;
    assert!(min < whole_run, "{min} ms: the folded bound is the smaller");
    cfg.window.size_ms = min as TimeMs;
    let model = Resources::of(&cfg);
    assert!(model.held_cells <= MAX_RESULT_CELLS, "{model:?}");
    assert!(model.result_cells > MAX_RESULT_CELLS, "{model:?}");
    if let Err(errors) = cfg.validate() {
        assert!(
            errors
                .fields
                .iter()
                .all(|e| !matches!(e.problem, bslab_engine::Problem::TooManyResults { .. })),
            "{errors}"
        );
    }
}
