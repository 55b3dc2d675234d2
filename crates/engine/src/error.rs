//! Typed errors of the engine.
//!
//! None of them is fatal to the host program: a configuration error means
//! "fix the field and try again", a step error means "that call did nothing".
//! A field error is data (the field, the value, what is wrong with its bounds
//! as numbers and their [`Unit`]): the CLI words it in English with its
//! `Display`, the app in the user's language from its own string table.

use std::fmt;

use crate::params::{Bounds, Unit};

/// What is wrong with a field's value, with the numbers a message needs (in the
/// field's unit, unless the variant says otherwise).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Problem {
    /// Outside `min..=max` (or NaN / infinite).
    OutOfRange {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// Must be more than 0 and at most `max`.
    NotPositive {
        /// Largest allowed value.
        max: f64,
    },
    /// A per-record service time so short that the 1 ms clock would bias the
    /// latency by more than 1 % (`min..=max` is allowed).
    TooShortForClock {
        /// Shortest allowed mean service time.
        min: f64,
        /// Longest allowed mean service time.
        max: f64,
    },
    /// More chart samples than an experiment may have: at least `min` is needed.
    TooManySamples {
        /// Shortest sampling interval for this duration.
        min: f64,
    },
    /// A batch run must cover whole windows: the value must be a multiple of `window`.
    NotWholeWindows {
        /// The window size, in the field's unit.
        window: f64,
    },
    /// Sliding and cumulative windows: the size must be a multiple of `slide`.
    NotWholeSlides {
        /// The slide (or step), in the field's unit.
        slide: f64,
    },
    /// Complete mode scans the whole state every micro-batch: too much work
    /// for this run; the trigger must be at least `min`.
    CompleteTooLarge {
        /// Shortest trigger interval, in ms.
        min: f64,
    },
    /// More load spikes than allowed (the value is their count).
    TooManyBursts {
        /// Most spikes.
        max: f64,
    },
    /// More events than one experiment may generate (rate × peak × duration).
    TooManyEvents {
        /// Most expected events.
        max: f64,
        /// Expected events of this config.
        expected: f64,
    },
    /// More events held at once than the engine keeps (in transit, or piling up
    /// beyond the streaming capacity).
    TooManyHeld {
        /// Most events held at once.
        max: f64,
        /// Events this config would hold.
        expected: f64,
    },
    /// More (window, key) results than allowed: the window must be at least `min`.
    TooManyResults {
        /// Smallest window size for this duration and number of keys.
        min: f64,
    },
    /// More memory than a browser tab has, in MB.
    TooMuchMemory {
        /// Most memory, in MB.
        max_mb: f64,
        /// Memory this config needs, in MB.
        need_mb: f64,
    },
    /// A log too long to list every entry (`bslab run --runs`, the export): the
    /// interval must be at least `min`.
    TooManyToList {
        /// Shortest interval for this duration.
        min: f64,
    },
    /// Session windows with the update output mode, which Spark (≥ 3.2)
    /// refuses: "update output mode not supported for session window" (SPARK-36463).
    SessionUpdate,
    /// One of Flink's late-data rules (`streaming.flink.*`) set in micro-batch
    /// mode, which follows Spark's rules and would ignore it: it applies only to
    /// per-record streaming mode. The default (0 ms, `drop`) is allowed.
    PerRecordOnly,
    /// More events than an export holds.
    TooManyToExport {
        /// Most events exported.
        max: f64,
        /// Expected events of this config.
        expected: f64,
    },
}

/// One invalid configuration field (or replayed event field).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Dotted path of the field, as in the JSON config (e.g. `workload.rate_eps`,
    /// `workload.bursts[0].multiplier`).
    pub field: String,
    /// The offending value, in `unit`.
    pub value: f64,
    /// Unit of the value and of the bounds in `problem`.
    pub unit: Unit,
    /// What is wrong.
    pub problem: Problem,
}

impl FieldError {
    /// A value outside `min..=max`.
    pub fn out_of_range(
        field: impl Into<String>,
        value: f64,
        unit: Unit,
        min: f64,
        max: f64,
    ) -> Self {
        Self {
            field: field.into(),
            value,
            unit,
            problem: Problem::OutOfRange { min, max },
        }
    }
}

/// A count of events or an estimate, in scientific notation (`1e6`, `5.2e6`).
fn sci(x: f64) -> String {
    let exact = format!("{x:e}");
    if exact.len() <= 6 {
        exact
    } else {
        format!("{x:.1e}")
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let u = |x: f64| self.unit.english(x);
        let num = |x: f64| self.unit.number(x);
        let (what, allowed) = match self.problem {
            Problem::OutOfRange { min, max } => ("out of range", Bounds::new(min, max).english(self.unit)),
            Problem::NotPositive { max } => ("must be positive", Bounds::positive(max).english(self.unit)),
            Problem::TooShortForClock { min, max } => (
                "too short for the 1 ms clock",
                format!("{} to {}", num(min), u(max)),
            ),
            Problem::TooManySamples { min } => (
                "too many samples for the duration",
                format!("at least {} (duration_ms / {})", u(min), crate::validate::MAX_SAMPLES),
            ),
            Problem::NotWholeWindows { window } => (
                "each batch run must cover whole windows",
                format!("a multiple of the spacing of window ends ({})", u(window)),
            ),
            Problem::NotWholeSlides { slide } => (
                "the window size must be a whole number of slides",
                format!("a multiple of window.slide_ms ({})", u(slide)),
            ),
            Problem::CompleteTooLarge { min } => (
                "complete mode republishes every window each micro-batch: too much work for this run",
                format!("at least {} (or a shorter run, fewer windows or the update mode)", u(min)),
            ),
            Problem::TooManyBursts { max } => ("too many bursts", format!("0 to {} bursts", num(max))),
            Problem::TooManyEvents { max, expected } => (
                "too many events for one experiment",
                format!("at most {} events in the whole run (rate × peak × duration); this config: about {}", sci(max), sci(expected)),
            ),
            Problem::TooManyHeld { max, expected } => (
                "too many events held at once: lower the rate, the delays or the duration, or give streaming more capacity",
                format!("at most {} events held at once; this config would hold about {}", sci(max), sci(expected)),
            ),
            Problem::TooManyResults { min } => (
                "too many (window, key) results",
                format!("at least {} for this duration and number of keys", u(min)),
            ),
            Problem::TooMuchMemory { max_mb, need_mb } => (
                "needs more memory than a browser tab has",
                format!("at most {} MB in all; this config needs about {need_mb:.0} MB", num(max_mb)),
            ),
            Problem::TooManyToList { min } => (
                "too many runs to list",
                format!("at least {} for this duration", u(min)),
            ),
            Problem::SessionUpdate => (
                "Spark does not support the update output mode for session windows (SPARK-36463, Spark 3.2 and later): a session can still merge with another",
                "append or complete".to_string(),
            ),
            Problem::PerRecordOnly => (
                "applies only to per-record streaming mode (streaming.mode = continuous): it is one of Flink's late-data rules, and micro-batch mode follows Spark's, so it would be ignored",
                "the default (0 ms, drop) in micro-batch mode".to_string(),
            ),
            Problem::TooManyToExport { max, expected } => (
                "too many events to export",
                format!("at most {} events to export (this config: about {}); lower the rate or the duration", sci(max), sci(expected)),
            ),
        };
        // A choice's value is its index: written as its name (`side_output`).
        let choice = match crate::params::FieldId::from_path(&self.field).map(|id| id.param().kind)
        {
            Some(crate::params::Kind::Choice(names)) if self.unit == Unit::None => {
                names.get(self.value as usize).copied()
            }
            _ => None,
        };
        let got = choice.map_or_else(|| u(self.value), str::to_string);
        write!(f, "{}: {what} (got {got}; allowed: {allowed})", self.field)
    }
}

impl std::error::Error for FieldError {}

/// Every invalid field of a configuration (never empty).
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// The invalid fields, in the order of the parameter table.
    pub fields: Vec<FieldError>,
}

impl ConfigError {
    /// The error for one field.
    pub fn single(field: FieldError) -> Self {
        Self {
            fields: vec![field],
        }
    }

    /// The error for `field`, if any.
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.fields.iter().find(|f| f.field == field)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, field) in self.fields.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{field}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// Errors of [`crate::Simulation`] calls.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SimError {
    /// The configuration is invalid; nothing was simulated.
    #[error("invalid configuration: {0}")]
    InvalidConfig(#[from] ConfigError),
    /// The configuration text could not be parsed as an experiment.
    #[error("{0}")]
    Parse(String),
    /// `step_until` was asked to go back in time; simulated time only moves forward
    /// (to go back, rebuild the simulation from the same config and step again).
    #[error("cannot step back in time: now is {now_ms} ms, asked for {target_ms} ms")]
    StepBackwards {
        /// Current simulated time, in ms.
        now_ms: i64,
        /// Requested time, in ms.
        target_ms: i64,
    },
}
