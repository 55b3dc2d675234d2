//! The parameter table: every editable parameter of an [`ExperimentConfig`]
//! written once ([`table`]), with its dotted path, kind, [`Unit`], bounds
//! (some depend on other fields), where it lives in the config and its doc.
//!
//! Validation walks it ([`crate::validate`]); the app's parameter panel, its
//! parsing and formatting, the CLI's parameter reference and the JSON parser's
//! messages read it. A parameter applies to a config when it can be read there
//! (a scenario's or a streaming mode's own fields apply only to it). Adding a
//! parameter is one row here and its label in each UI language.
//!
//! ```
//! use bslab_engine::{params::FieldId, ExperimentConfig};
//! let config = ExperimentConfig::default();
//! let workers = FieldId::from_path("batch.workers").expect("a parameter");
//! assert_eq!(workers.param().bounds(&config).map(|b| b.max), Some(1024.0));
//! ```

mod table;
mod unit;

use crate::config::ExperimentConfig;
use crate::error::FieldError;
pub use table::PARAMS;
pub use unit::Unit;

/// What kind of value a parameter holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number.
    Int,
    /// A decimal number.
    Float,
    /// One of a few machine names (serde's names in the JSON config).
    Choice(&'static [&'static str]),
}

/// The allowed values of a number: `min..=max`, or `(min, max]` when `min_excluded`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Smallest value (excluded when `min_excluded`).
    pub min: f64,
    /// Largest value, included.
    pub max: f64,
    /// The minimum itself is not allowed (a rate must be more than 0).
    pub min_excluded: bool,
}

impl Bounds {
    /// `min..=max`.
    pub const fn new(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            min_excluded: false,
        }
    }

    /// More than 0, at most `max`.
    pub const fn positive(max: f64) -> Self {
        Self {
            min: 0.0,
            max,
            min_excluded: true,
        }
    }

    /// The bounds in English, as the CLI writes them (`1 to 1024 workers`,
    /// `more than 0, at most 5`).
    pub fn english(&self, unit: Unit) -> String {
        let max = unit.english(self.max);
        if self.min_excluded {
            format!("more than {}, at most {max}", unit.number(self.min))
        } else {
            format!("{} to {max}", unit.number(self.min))
        }
    }

    /// Whether `x` is allowed (never for NaN or infinities).
    pub fn contains(&self, x: f64) -> bool {
        x.is_finite() && x <= self.max && (x > self.min || (!self.min_excluded && x == self.min))
    }
}

/// A parameter's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// The index of a choice in [`Kind::Choice`].
    Choice(usize),
}

impl Value {
    /// The value as a number (a choice's index).
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            Value::Choice(i) => i as f64,
        }
    }
}

/// Where a number lives in the config.
pub(crate) enum Slot<'a> {
    U64(&'a mut u64),
    I64(&'a mut i64),
    U32(&'a mut u32),
    F64(&'a mut f64),
}

/// How a row reads and writes its field (`None`: it does not apply to this config).
#[derive(Clone, Copy)]
pub(crate) enum Access {
    /// A number: the slot for list item `i` (0 for fields that are not in a list).
    Number(fn(&mut ExperimentConfig, usize) -> Option<Slot<'_>>),
    /// A choice: which one, and setting one (a new variant starts from its defaults).
    Choice(
        fn(&ExperimentConfig) -> Option<usize>,
        fn(&mut ExperimentConfig, usize),
    ),
    /// A scenario's field (`scenario.<field>`): its slot in whichever
    /// registered scenario has it (`crate::scenario::registry`).
    Scenario,
}

/// One row of the table.
#[derive(Clone, Copy)]
pub struct Param {
    /// Dotted path; `[]` marks a list (`workload.bursts[].multiplier`).
    pub path: &'static str,
    /// Kind of value.
    pub kind: Kind,
    /// Unit of the value and its bounds.
    pub unit: Unit,
    /// What it means, for the generated reference (empty in wasm: [`doc_text`]).
    pub doc: &'static str,
    /// Allowed values given the rest of the config (`None`: any value of its kind).
    bounds: Option<fn(&ExperimentConfig) -> Bounds>,
    access: Access,
}

/// A scenario's row (`scenario.<field>`), declared in its module: it applies
/// to any scenario with that field.
pub(crate) const fn scenario_row(
    path: &'static str,
    kind: Kind,
    unit: Unit,
    bounds: fn(&ExperimentConfig) -> Bounds,
    doc: &'static str,
) -> Param {
    bounded(path, kind, unit, bounds, Access::Scenario, doc)
}

/// A row with numeric bounds, whatever reaches its value (the table's rows and
/// the scenarios' rows are built by this one constructor).
pub(crate) const fn bounded(
    path: &'static str,
    kind: Kind,
    unit: Unit,
    bounds: fn(&ExperimentConfig) -> Bounds,
    access: Access,
    doc: &'static str,
) -> Param {
    Param {
        path,
        kind,
        unit,
        doc: doc_text(doc),
        bounds: Some(bounds),
        access,
    }
}

/// A row's `doc` as the table keeps it: empty in wasm, where only [`reference`]
/// (the CLI's `bslab params`) would read it, so that the page and its other wasm
/// files do not carry every row's English sentence (the app's own help texts come
/// from its language files).
pub(crate) const fn doc_text(doc: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        doc
    }
}

impl Param {
    /// Allowed values in `config` (`None` for the seed and choices).
    pub fn bounds(&self, config: &ExperimentConfig) -> Option<Bounds> {
        self.bounds.map(|b| b(config))
    }

    /// Whether the row is one field per item of a list.
    pub fn is_list(&self) -> bool {
        self.path.contains("[]")
    }

    /// Where a number lives in `config` (None: not here, or not a number).
    fn slot<'a>(&self, config: &'a mut ExperimentConfig, item: usize) -> Option<Slot<'a>> {
        match self.access {
            Access::Number(slot) => slot(config, item),
            Access::Scenario => config.scenario.slot(self.path.strip_prefix("scenario.")?),
            Access::Choice(..) => None,
        }
    }
}

/// One parameter of a config: a row of the table and, for a list, the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldId {
    row: usize,
    item: usize,
}

impl FieldId {
    /// Its row.
    pub fn param(self) -> &'static Param {
        &PARAMS[self.row]
    }

    /// The list item (0 for a field that is not in a list).
    pub fn item(self) -> usize {
        self.item
    }

    /// The dotted path (`batch.workers`, `workload.bursts[2].multiplier`).
    pub fn path(self) -> String {
        self.param().path.replace("[]", &format!("[{}]", self.item))
    }

    /// The field at a path.
    pub fn from_path(path: &str) -> Option<FieldId> {
        if let Some(row) = PARAMS.iter().position(|p| p.path == path && !p.is_list()) {
            return Some(FieldId { row, item: 0 });
        }
        let (head, rest) = path.split_once('[')?;
        let (index, tail) = rest.split_once(']')?;
        let template = format!("{head}[]{tail}");
        let row = PARAMS.iter().position(|p| p.path == template)?;
        Some(FieldId {
            row,
            item: index.parse().ok()?,
        })
    }

    /// Whether the value is a duration in ms.
    pub fn is_ms(self) -> bool {
        self.param().unit == Unit::Ms
    }

    /// The value in `config` (`None`: the field does not apply to it).
    pub fn get(self, config: &ExperimentConfig) -> Option<Value> {
        match self.param().access {
            Access::Number(_) | Access::Scenario => {
                let mut copy = config.clone();
                Some(match self.param().slot(&mut copy, self.item)? {
                    Slot::U64(x) => Value::Int(i64::try_from(*x).unwrap_or(i64::MAX)),
                    Slot::I64(x) => Value::Int(*x),
                    Slot::U32(x) => Value::Int(i64::from(*x)),
                    Slot::F64(x) => Value::Float(*x),
                })
            }
            Access::Choice(get, _) => get(config).map(Value::Choice),
        }
    }

    /// `config` with the field set to `value`, NOT validated. `Ok(None)`: the
    /// field does not apply or the value is not of its kind; `Err`: a whole
    /// number that does not even fit the field's type (named with the typed value).
    pub fn set(
        self,
        config: &ExperimentConfig,
        value: Value,
    ) -> Result<Option<ExperimentConfig>, FieldError> {
        let mut c = config.clone();
        let p = self.param();
        let out_of_type = |x: i64, max: f64| {
            let b = p.bounds(config).unwrap_or(Bounds::new(0.0, max));
            FieldError::out_of_range(self.path(), x as f64, p.unit, b.min, b.max)
        };
        match (&p.access, value) {
            (Access::Choice(get, set), Value::Choice(i)) if get(config).is_some() => set(&mut c, i),
            (Access::Number(_) | Access::Scenario, v) => match (p.slot(&mut c, self.item), v) {
                (None, _) => return Ok(None),
                (Some(Slot::U64(x)), Value::Int(i)) => {
                    *x = u64::try_from(i).map_err(|_| out_of_type(i, u64::MAX as f64))?
                }
                (Some(Slot::I64(x)), Value::Int(i)) => *x = i,
                (Some(Slot::U32(x)), Value::Int(i)) => {
                    *x = u32::try_from(i).map_err(|_| out_of_type(i, u32::MAX.into()))?
                }
                (Some(Slot::F64(x)), Value::Float(f)) => *x = f,
                _ => return Ok(None),
            },
            _ => return Ok(None),
        }
        Ok(Some(c))
    }
}

/// Every field that applies to `config`, in table order (a list's fields item
/// by item; none of them unless `lists`, so a hostile list costs nothing).
pub fn applying(config: &ExperimentConfig, lists: bool) -> Vec<FieldId> {
    let mut out = Vec::new();
    for (row, p) in PARAMS.iter().enumerate() {
        // A list's items are read until one is missing; other fields have item 0 only.
        let items = match (p.is_list(), lists) {
            (false, _) => 1,
            (true, true) => usize::MAX,
            (true, false) => 0,
        };
        out.extend(
            (0..items)
                .map(|item| FieldId { row, item })
                .take_while(|id| id.get(config).is_some()),
        );
    }
    out
}

/// The parameter reference as a Markdown table (`bslab params`, and
/// `docs/parameters.md`, which a test keeps equal to it). Bounds that depend
/// on other fields are given for the default config.
pub fn reference() -> String {
    let defaults = ExperimentConfig::default();
    let mut out = String::from("| parameter | kind | allowed | meaning |\n|---|---|---|---|\n");
    for p in PARAMS.iter() {
        let kind = match p.kind {
            Kind::Int => "whole number".to_string(),
            Kind::Float => "number".to_string(),
            Kind::Choice(names) => format!("one of `{}`", names.join("`, `")),
        };
        let allowed = p
            .bounds(&defaults)
            .map_or_else(String::new, |b| b.english(p.unit));
        out.push_str(&format!(
            "| `{}` | {kind} | {allowed} | {} |\n",
            p.path, p.doc
        ));
    }
    out
}

#[cfg(test)]
mod tests;
