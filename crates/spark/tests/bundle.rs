//! The exported bundle: every event exactly once, one file per micro-batch in
//! arrival order, empty files for no-data batches, deterministic bytes.

use std::collections::BTreeSet;

use bslab_engine::{presets, ExperimentConfig, ServiceTime, StreamingMode};
use bslab_spark::{bundle, Bundle, EventFormat, ExportError};
use serde_json::Value;

/// A small experiment with late data (some events later than the watermark delay).
fn config(preset: &str, seed: u64) -> ExperimentConfig {
    let mut c = presets::by_name(preset).expect("preset").config;
    c.seed = seed;
    c.duration_ms = 4 * 60_000;
    c.delay.late_fraction = 0.1;
    c.delay.late_mean_ms = 40_000.0;
    c
}

fn expected(b: &Bundle) -> Value {
    serde_json::from_slice(&b.file("expected.json").expect("expected.json").bytes).expect("JSON")
}

fn lines(bytes: &[u8]) -> Vec<&str> {
    std::str::from_utf8(bytes).expect("UTF-8").lines().collect()
}

#[test]
fn every_event_is_in_exactly_one_file_per_format() {
    for (preset, seed) in [
        ("late-data-watermark", 1),
        ("fraud-time-is-money", 2),
        ("sales-daily-vs-live", 3),
    ] {
        let c = config(preset, seed);
        let events = bslab_engine::events(&c).expect("valid");
        let b = bundle(&c).expect("exports");
        assert_eq!(
            b.summary.events,
            events.len() as u64,
            "{preset} seed {seed}"
        );
        let all: BTreeSet<u64> = events.iter().map(|e| e.id).collect();
        for format in [EventFormat::Csv, EventFormat::Jsonl] {
            let mut seen = BTreeSet::new();
            for f in b.event_files(format) {
                let rows = lines(&f.bytes);
                let data = if format == EventFormat::Csv {
                    &rows[1..]
                } else {
                    &rows[..]
                };
                for row in data {
                    let id: u64 = match format {
                        EventFormat::Csv => row.split(',').next().and_then(|s| s.parse().ok()),
                        EventFormat::Jsonl => serde_json::from_str::<Value>(row)
                            .ok()
                            .and_then(|v| v["event_id"].as_u64()),
                    }
                    .expect("event id");
                    assert!(seen.insert(id), "{preset} seed {seed}: event {id} twice");
                }
            }
            assert_eq!(
                seen, all,
                "{preset} seed {seed} {format:?}: every event once"
            );
        }
    }
}

#[test]
fn one_file_per_micro_batch_with_its_arrivals_in_order() {
    let c = config("late-data-watermark", 4);
    let b = bundle(&c).expect("exports");
    let exp = expected(&b);
    let batches = exp["streaming"]["micro_batches"]
        .as_array()
        .expect("micro-batches");
    let csv: Vec<_> = b.event_files(EventFormat::Csv).collect();
    let jsonl: Vec<_> = b.event_files(EventFormat::Jsonl).collect();
    assert_eq!(csv.len(), batches.len());
    assert_eq!(jsonl.len(), batches.len());
    assert_eq!(b.summary.micro_batches, batches.len() as u64);
    let mut previous_start = i64::MIN;
    for (k, (m, (c_file, j_file))) in batches.iter().zip(csv.iter().zip(&jsonl)).enumerate() {
        assert_eq!(c_file.micro_batch, Some(k as u64));
        assert_eq!(c_file.path, format!("events/csv/part-{k:05}.csv"));
        assert_eq!(j_file.path, format!("events/jsonl/part-{k:05}.jsonl"));
        let rows = &lines(&c_file.bytes)[1..];
        assert_eq!(
            rows.len() as u64,
            m["input_rows"].as_u64().expect("rows"),
            "batch {k}"
        );
        assert_eq!(
            lines(&j_file.bytes).len(),
            rows.len(),
            "batch {k}: CSV and JSONL rows"
        );
        let start = m["start_ms"].as_i64().expect("start");
        let arrivals: Vec<i64> = rows
            .iter()
            .map(|r| {
                r.split(',')
                    .nth(2)
                    .and_then(|s| s.parse().ok())
                    .expect("arrival")
            })
            .collect();
        assert!(
            arrivals.windows(2).all(|w| w[0] <= w[1]),
            "batch {k}: arrival order"
        );
        assert!(
            arrivals.iter().all(|&a| previous_start < a && a <= start),
            "batch {k}"
        );
        previous_start = start;
    }
}

#[test]
fn no_data_batches_get_empty_files() {
    // Sparse arrivals and a short trigger: many intervals with no data; the engine
    // runs a (no-data) batch in some of them because the watermark moved.
    let mut c = config("late-data-watermark", 5);
    c.workload.rate_eps = 0.2;
    if let StreamingMode::MicroBatch { trigger_ms, .. } = &mut c.streaming.mode {
        *trigger_ms = 1_000;
    }
    let b = bundle(&c).expect("exports");
    let exp = expected(&b);
    let batches = exp["streaming"]["micro_batches"]
        .as_array()
        .expect("micro-batches");
    let empty: Vec<usize> = b
        .event_files(EventFormat::Csv)
        .enumerate()
        .filter(|(_, f)| lines(&f.bytes).len() == 1)
        .map(|(k, _)| k)
        .collect();
    assert!(
        empty.len() >= 2,
        "expected several no-data batches, got {empty:?}"
    );
    for &k in &empty {
        assert_eq!(batches[k]["input_rows"], 0);
        assert_eq!(
            b.event_files(EventFormat::Jsonl)
                .nth(k)
                .expect("jsonl")
                .bytes
                .len(),
            0
        );
    }
    // The last batch is the no-data batch that lets append mode emit (Spark's
    // availableNow runs it too, without a file; an empty file gives the same batch).
    assert_eq!(batches.last().expect("a batch")["input_rows"], 0);
}

#[test]
fn bytes_are_deterministic_and_jobs_carry_their_parameters() {
    let c = config("fraud-time-is-money", 6);
    let a = bundle(&c).expect("exports");
    assert_eq!(a, bundle(&c).expect("exports"));
    let paths: Vec<&str> = a.files.iter().take(7).map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "README.md",
            "config.json",
            "batch_job.py",
            "streaming_job.py",
            "check.py",
            "expected.json",
            "expected_progress.json"
        ]
    );
    for job in ["batch_job.py", "streaming_job.py", "check.py"] {
        let text = String::from_utf8(a.file(job).expect("job").bytes.clone()).expect("UTF-8");
        assert!(!text.contains("__BSLAB_PARAMS__"), "{job}");
        assert!(!text.contains("__BSLAB_COMMON__"), "{job}");
        let start = text.find("r\"\"\"").expect("params start") + 4;
        let end = start + text[start..].find("\"\"\"").expect("params end");
        let params: Value = serde_json::from_str(&text[start..end]).expect("params JSON");
        assert_eq!(params["scenario"], "fraud");
        assert_eq!(params["count_above"], 5);
        assert_eq!(params["output_mode"], "update");
    }
    let config_back = ExperimentConfig::from_json(
        std::str::from_utf8(&a.file("config.json").expect("config").bytes).expect("UTF-8"),
    )
    .expect("config.json parses");
    assert_eq!(config_back, c);
    let readme =
        String::from_utf8(a.file("README.md").expect("readme").bytes.clone()).expect("UTF-8");
    assert!(readme.contains("## Português") && readme.contains("## English"));
    assert!(!readme.contains("{{"), "every placeholder filled");
}

#[test]
fn continuous_mode_cannot_be_exported() {
    let mut c = config("sales-daily-vs-live", 7);
    c.streaming.mode = StreamingMode::Continuous {
        workers: 1,
        service: ServiceTime::Exponential,
        service_mean_ms: 100.0,
    };
    assert!(matches!(bundle(&c), Err(ExportError::NotMicroBatch)));
    c.window.size_ms = 0;
    assert!(matches!(bundle(&c), Err(ExportError::Config(_))));
}

#[cfg(feature = "zip")]
#[test]
fn zip_holds_every_file_under_one_folder() {
    let c = config("late-data-watermark", 8);
    let b = bundle(&c).expect("exports");
    let bytes = bslab_spark::bundle_zip(&c).expect("zips");
    assert_eq!(
        bytes,
        bslab_spark::bundle_zip(&c).expect("zips"),
        "deterministic"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    assert_eq!(archive.len(), b.files.len());
    for (i, f) in b.files.iter().enumerate() {
        let mut entry = archive.by_index(i).expect("entry");
        assert_eq!(entry.name(), format!("bslab-social-seed8/{}", f.path));
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).expect("inflates");
        assert_eq!(content, f.bytes);
    }
}

#[test]
fn written_file_by_file_the_bundle_has_the_same_files_and_paths() {
    let c = config("fraud-time-is-money", 5);
    let b = bundle(&c).expect("exports");
    let export = bslab_spark::Export::prepare(&c).expect("prepares");
    let mut written = Vec::new();
    export
        .write(|f| {
            written.push(f);
            Ok(())
        })
        .expect("writes");
    assert_eq!(written, b.files);
    let paths: Vec<String> = b.files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(export.paths(), paths);
    assert_eq!(export.summary(), b.summary);
    // A sink's error stops the export and is returned as is.
    let err = export
        .write(|f| Err(format!("{}: disk full", f.path)))
        .expect_err("stops");
    assert_eq!(err.to_string(), "README.md: disk full");
}

#[cfg(feature = "zip")]
#[test]
fn a_zip_written_as_it_goes_is_the_zip_built_in_memory() {
    let c = config("late-data-watermark", 8);
    let export = bslab_spark::Export::prepare(&c).expect("prepares");
    let root = bslab_spark::bundle_name(&c);
    let out =
        bslab_spark::zip_export(&export, &root, std::io::Cursor::new(Vec::new())).expect("zips");
    let packed = bslab_spark::zip_bundle(&bundle(&c).expect("exports"), &root).expect("zips");
    assert_eq!(out.into_inner(), packed);
    assert_eq!(bslab_spark::bundle_zip(&c).expect("zips"), packed);
}
