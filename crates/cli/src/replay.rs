//! `bslab run --events DIR`: replay events exported by `bslab export` (its CSV
//! files) instead of generating them, e.g. to time the simulator on exactly the
//! data Spark reads.

use std::fs;
use std::path::Path;

use bslab_engine::scenario::{EventSchema, Scenario};
use bslab_engine::{event_checker, Event, ExperimentConfig};

/// Every event of the `*.csv` files of `dir` (columns as `bslab export` writes them).
pub fn read_events(dir: &Path, config: &ExperimentConfig) -> Result<Vec<Event>, String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{}: no .csv event files", dir.display()));
    }
    let schema = EventSchema::new(&Scenario::new(&config.scenario));
    let header = schema.header();
    let check = event_checker(config);
    let mut events = Vec::new();
    for path in names {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        // A part without its header would otherwise lose its first row silently.
        if first != header {
            return Err(format!(
                "{}:1: expected the header line `{}`, got `{}`",
                path.display(),
                header,
                shorten(first)
            ));
        }
        for (i, line) in lines.enumerate() {
            let at = format!("{}:{}", path.display(), i + 2);
            let event = schema
                .read_csv(line)
                .ok_or_else(|| format!("{at}: not an exported event: {}", shorten(line)))?;
            check(&event).map_err(|e| format!("{at}: {e}"))?;
            events.push(event);
        }
    }
    Ok(events)
}

/// `line` cut to a readable length for a message.
fn shorten(line: &str) -> String {
    const MAX_CHARS: usize = 80;
    if line.chars().count() <= MAX_CHARS {
        return line.to_string();
    }
    let kept: String = line.chars().take(MAX_CHARS - 1).collect();
    format!("{kept}…")
}
