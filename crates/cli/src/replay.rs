//! `bslab run --events DIR`: replay events exported by `bslab export` (its CSV
//! files) instead of generating them, e.g. to time the simulator on exactly the
//! data Spark reads.

use std::fs;
use std::path::Path;

use bslab_engine::scenario::{category_name, ACTIONS, REGIONS};
use bslab_engine::{check_event, Event, ExperimentConfig, ScenarioConfig};

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
    let decode = Decoder::new(&config.scenario);
    let mut events = Vec::new();
    for path in names {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        if header != decode.header() {
            return Err(format!(
                "{}:1: expected the header line `{}`, got `{}`",
                path.display(),
                decode.header(),
                shorten(header)
            ));
        }
        for (i, line) in lines.enumerate() {
            let at = format!("{}:{}", path.display(), i + 2);
            let event = decode
                .event(line)
                .ok_or_else(|| format!("{at}: not an exported event: {}", shorten(line)))?;
            check_event(config, &event).map_err(|e| format!("{at}: {e}"))?;
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

/// Turns a CSV row back into an [`Event`] of the scenario.
struct Decoder {
    scenario: ScenarioConfig,
    categories: Vec<String>,
}

impl Decoder {
    fn new(scenario: &ScenarioConfig) -> Self {
        let categories = match scenario {
            ScenarioConfig::Sales { categories, .. } => {
                (0..*categories).map(category_name).collect()
            }
            _ => Vec::new(),
        };
        Self {
            scenario: scenario.clone(),
            categories,
        }
    }

    /// The header line `bslab export` writes for the scenario: a part without
    /// it would otherwise lose its first row silently.
    fn header(&self) -> &'static str {
        match self.scenario {
            ScenarioConfig::Sales { .. } => {
                "event_id,event_time_ms,arrival_time_ms,category,region,amount_cents"
            }
            ScenarioConfig::Social { .. } => {
                "event_id,event_time_ms,arrival_time_ms,post_id,action"
            }
            ScenarioConfig::Fraud { .. } => {
                "event_id,event_time_ms,arrival_time_ms,card_id,amount_cents,injected_fraud"
            }
        }
    }

    fn event(&self, line: &str) -> Option<Event> {
        let f: Vec<&str> = line.split(',').collect();
        let int = |i: usize| f.get(i)?.parse::<i64>().ok();
        let index = |names: &[&str], i: usize| names.iter().position(|n| Some(n) == f.get(i));
        let (entity, detail, amount_cents) = match self.scenario {
            ScenarioConfig::Sales { .. } => (
                self.categories
                    .iter()
                    .position(|c| Some(&c.as_str()) == f.get(3))?,
                index(&REGIONS, 4)?,
                int(5)?,
            ),
            ScenarioConfig::Social { .. } => (int(3)? as usize, index(&ACTIONS, 4)?, 0),
            ScenarioConfig::Fraud { .. } => (int(3)? as usize, int(5)? as usize, int(4)?),
        };
        Some(Event {
            id: u64::try_from(int(0)?).ok()?,
            event_time_ms: int(1)?,
            arrival_time_ms: int(2)?,
            entity: u32::try_from(entity).ok()?,
            detail: u8::try_from(detail).ok()?,
            amount_cents,
        })
    }
}
