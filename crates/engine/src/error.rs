//! Typed errors of the engine.
//!
//! None of them is fatal to the host program: a configuration error means
//! "fix the field and try again", a step error means "that call did nothing".

use std::fmt;

/// One invalid configuration field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem} (got {value}; allowed: {allowed})")]
pub struct FieldError {
    /// Dotted path of the field, as in the JSON config (e.g. `workload.rate_eps`).
    pub field: String,
    /// The offending value, as text.
    pub value: String,
    /// The allowed range or set, in words.
    pub allowed: String,
    /// What is wrong, in a few words.
    pub problem: String,
}

/// Every invalid field of a configuration (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The invalid fields, in the order the config declares them.
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
