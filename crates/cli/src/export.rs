//! `bslab export`: the experiment as a bundle for real Apache Spark (events per
//! micro-batch, PySpark jobs, expected results, README), written to a directory
//! or, with `--zip`, to one `.zip` file (the app's download).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use bslab_engine::ExperimentConfig;
use clap::Args;

/// Arguments of `bslab export`.
#[derive(Args)]
pub struct ExportArgs {
    /// Experiment config (JSON); see `bslab config --preset NAME`.
    #[arg(long, conflicts_with = "preset")]
    pub config: Option<PathBuf>,
    /// Export a built-in preset instead of a config file.
    #[arg(long)]
    pub preset: Option<String>,
    /// Override the duration (ms, or with a unit: 90s, 15 min, 2h, 1 d).
    #[arg(long, value_parser = bslab_engine::duration::parse_whole_ms)]
    pub duration: Option<i64>,
    /// Override the seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Directory to write the bundle to (created; must be empty unless --force).
    #[arg(long)]
    pub out: PathBuf,
    /// Write into an existing non-empty directory: the bundle's files are
    /// overwritten and part files of an earlier export removed; nothing else is touched.
    #[arg(long)]
    pub force: bool,
    /// Write one .zip file at --out instead of a directory (what the app downloads).
    #[arg(long)]
    pub zip: bool,
}

/// Exports `config` as `args` say; returns the one-line summary. Files are
/// written as they are made (event files part by part), so memory does not grow
/// with the number of events.
pub fn run(mut config: ExperimentConfig, args: &ExportArgs) -> Result<String, String> {
    if let Some(d) = args.duration {
        config.duration_ms = d;
    }
    if let Some(s) = args.seed {
        config.seed = s;
    }
    check_target(&args.out, args.force, args.zip)?;
    let export = bslab_spark::Export::prepare(&config).map_err(|e| e.to_string())?;
    let summary = export.summary();
    let what = format!(
        "{} events of scenario {} in {} micro-batch files (CSV and JSON Lines)",
        summary.events, summary.scenario, summary.micro_batches
    );
    if args.zip {
        let bytes = write_zip(&export, &bslab_spark::bundle_name(&config), &args.out)?;
        return Ok(format!(
            "exported {what}: {} ({bytes} bytes)",
            args.out.display()
        ));
    }
    let (bytes, replaced) = write_dir(&export, &args.out)?;
    Ok(format!(
        "exported {what} to {} ({bytes} bytes{replaced}); run: spark-submit {}",
        args.out.display(),
        args.out.join("streaming_job.py").display()
    ))
}

/// Writes the zip to `out` as its files are made; returns its size in bytes.
fn write_zip(export: &bslab_spark::Export, root: &str, out: &Path) -> Result<u64, String> {
    let file = fs::File::create(out).map_err(|e| io_error(out, &e))?;
    let file = bslab_spark::zip_export(export, root, std::io::BufWriter::new(file))
        .map_err(|e| format!("{}: {e}", out.display()))?;
    let file = file.into_inner().map_err(|e| io_error(out, e.error()))?;
    file.sync_all().map_err(|e| io_error(out, &e))?;
    file.metadata()
        .map(|m| m.len())
        .map_err(|e| io_error(out, &e))
}

fn io_error(path: &Path, e: &std::io::Error) -> String {
    format!("{}: {e}", path.display())
}

/// Refuses to overwrite anything without `--force`.
fn check_target(out: &Path, force: bool, zip: bool) -> Result<(), String> {
    if zip {
        return crate::io::check_file_target("--out", out, force);
    }
    if out.exists() && !out.is_dir() {
        return Err(format!("{}: exists and is not a directory", out.display()));
    }
    let non_empty = out.is_dir()
        && fs::read_dir(out)
            .map_err(|e| io_error(out, &e))?
            .next()
            .is_some();
    if non_empty && !force {
        return Err(format!(
            "{}: directory is not empty (use --force to write into it)",
            out.display()
        ));
    }
    Ok(())
}

/// Part files of an earlier export in the bundle's event directories, which
/// this one does not overwrite (Spark would read them as events). Refuses any
/// other file there: the export did not write it, so it does not remove it.
fn stale_parts(paths: &BTreeSet<String>, out: &Path) -> Result<Vec<PathBuf>, String> {
    let dirs: BTreeSet<&Path> = paths
        .iter()
        .filter(|p| p.starts_with("events/"))
        .filter_map(|p| Path::new(p).parent())
        .collect();
    let mut stale = Vec::new();
    for dir in dirs {
        let dir = out.join(dir);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.map_err(|e| io_error(&dir, &e))?.path();
            let relative = path.strip_prefix(out).unwrap_or(&path);
            if paths.contains(relative.to_string_lossy().as_ref()) {
                continue;
            }
            if !path.is_file() || !is_part_name(&path) {
                return Err(format!(
                    "{}: not written by bslab export; move it out of {} (Spark would read it as events)",
                    path.display(),
                    dir.display()
                ));
            }
            stale.push(path);
        }
    }
    Ok(stale)
}

/// `part-<digits>.csv` or `part-<digits>.jsonl`: the names the export writes.
fn is_part_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let digits = stem.strip_prefix("part-").unwrap_or_default();
    matches!(ext, "csv" | "jsonl")
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Writes every file as it is made; event file k gets modification time
/// `base + k` s, so Spark's file source (which orders by modification time)
/// replays them in order. Returns the bytes written and what it replaced, for
/// the summary (empty in a new directory).
fn write_dir(export: &bslab_spark::Export, out: &Path) -> Result<(u64, String), String> {
    let paths: BTreeSet<String> = export.paths().into_iter().collect();
    let stale = stale_parts(&paths, out)?;
    let overwritten = paths.iter().filter(|p| out.join(p).exists()).count();
    drop(paths);
    for path in &stale {
        fs::remove_file(path).map_err(|e| io_error(path, &e))?;
    }
    // In the recent past, 1 s apart (as Spark's own tests and the probes do).
    let base = SystemTime::now() - Duration::from_secs(export.summary().micro_batches + 60);
    let mut bytes = 0;
    export
        .write(|file| {
            let path = out.join(&file.path);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
            }
            fs::write(&path, &file.bytes).map_err(|e| io_error(&path, &e))?;
            bytes += file.bytes.len() as u64;
            if let Some(k) = file.micro_batch {
                fs::File::options()
                    .write(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(base + Duration::from_secs(k)))
                    .map_err(|e| io_error(&path, &e))?;
            }
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    let replaced = if overwritten + stale.len() == 0 {
        String::new()
    } else {
        format!(
            "; overwrote {overwritten} files of the bundle and removed {} part files of an earlier export, nothing else",
            stale.len()
        )
    };
    Ok((bytes, replaced))
}
