//! `bslab run --csv DIR`: the charts' series and the dashboard table as the web
//! app exports them (format in `docs/csv-format.md`), every group of the
//! dashboard included. It never overwrites a file: a directory that already
//! holds one of them is refused.

use std::fs;
use std::path::Path;

use bslab_engine::{csv, Simulation};

/// Writes the CSV files of `sim`'s run so far into `dir` (created if needed).
pub fn write(sim: &Simulation, dir: &Path) -> Result<(), String> {
    let files = csv::of_run(sim);
    if let Some(f) = files.iter().find(|f| dir.join(f.name).exists()) {
        return Err(format!(
            "--csv: {} already exists; give an empty or new directory (nothing is overwritten)",
            dir.join(f.name).display()
        ));
    }
    fs::create_dir_all(dir).map_err(|e| format!("--csv: {}: {e}", dir.display()))?;
    for f in &files {
        let path = dir.join(f.name);
        fs::write(&path, &f.text).map_err(|e| format!("--csv: {}: {e}", path.display()))?;
    }
    Ok(())
}
