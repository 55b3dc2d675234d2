//! The scenario registry: what a scenario module gives ([`Registered`]) and
//! the macro ([`scenarios!`]) that turns one line per module into the
//! [`ScenarioConfig`](super::ScenarioConfig) enum, its JSON reader's kinds,
//! its parameter rows and its presets.
//!
//! Before it, a scenario's config, JSON reading, parameter rows and presets
//! lived in four shared files (`config.rs`, `tagged.rs`, `params/table.rs`,
//! `presets.rs`); now they live in its module and the registry iterates them
//! (`docs/architecture.md`, "A new scenario").

use std::sync::Arc;

use super::ScenarioKind;
use crate::params::{Param, Slot};
use crate::presets::Preset;

/// A scenario's config type, as its module registers it: the fields of its
/// JSON object besides `"kind"`, where each lives, the scenario it builds,
/// its parameter rows and its presets.
pub(crate) trait Registered: Default {
    /// Its JSON fields in declaration order: a config missing several is
    /// refused for the first of them, as serde's derived reader did.
    const FIELDS: &'static [&'static str];

    /// Its rows of the parameter table (`scenario.<field>`), in the panel's
    /// order. A row several scenarios share is one constant each lists; the
    /// table keeps it where the last one in registration order lists it.
    const PARAMS: &'static [Param];

    /// Where each of [`Registered::FIELDS`] lives, in that order: read from
    /// JSON, edited by the parameter panel and checked by validation there.
    fn slots(&mut self) -> Vec<Slot<'_>>;

    /// Where the field `field` lives (None: it has no such field).
    fn slot(&mut self, field: &str) -> Option<Slot<'_>> {
        let i = Self::FIELDS.iter().position(|f| *f == field)?;
        self.slots().into_iter().nth(i)
    }

    /// The scenario it configures (the config is valid).
    fn build(&self) -> Arc<dyn ScenarioKind>;

    /// Its presets, listed after the built-in lessons (`crate::presets::all`).
    fn presets() -> Vec<Preset> {
        Vec::new()
    }
}

/// Declares the scenario modules and generates, from one line each
/// (`Variant(module::Config) = "kind",` with its doc comment), the
/// [`ScenarioConfig`](super::ScenarioConfig) enum (`{"kind": "…", …fields}`
/// in JSON) and what the shared code iterates: its kinds, reader, field
/// slots, built scenario, parameter rows and presets.
macro_rules! scenarios {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$config:ident) = $tag:literal,)+) => {
        $(mod $module;)+

        /// Every scenario's config type (re-exported by `crate::config`).
        pub mod configs {
            $(pub use super::$module::$config;)+
        }

        /// The scenario: payload of the events and the query both pipelines
        /// compute, one variant per registered module, whose config type it
        /// holds. `Deserialize`: by hand in `tagged.rs`, through [`ScenarioConfig::read`].
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(tag = "kind")]
        pub enum ScenarioConfig {
            $($(#[$doc])* #[serde(rename = $tag)] $variant($module::$config),)+
        }

        impl ScenarioConfig {
            /// Every kind, in registration order (the JSON reader's list).
            pub(crate) const KINDS: &'static [&'static str] = &[$($tag),+];

            /// Every scenario's parameter rows, in registration order.
            pub(crate) const PARAMS: &'static [&'static [$crate::params::Param]] =
                &[$(<$module::$config as registry::Registered>::PARAMS),+];

            /// The config of kind `kind` (one of [`Self::KINDS`]) read from its object.
            pub(crate) fn read(
                kind: &str,
                map: serde_json::Map<String, serde_json::Value>,
            ) -> Result<Self, serde_json::Error> {
                $(if kind == $tag {
                    return $crate::tagged::read_registered(map).map(Self::$variant);
                })+
                Err(serde::de::Error::unknown_variant(kind, Self::KINDS))
            }

            /// Its kind, as JSON names it (`sales`, `web`…).
            pub fn name(&self) -> &'static str {
                match self {
                    $(Self::$variant(_) => $tag,)+
                }
            }

            /// Where the scenario's field `field` lives (None: it has no such field).
            pub(crate) fn slot(&mut self, field: &str) -> Option<$crate::params::Slot<'_>> {
                match self {
                    $(Self::$variant(c) => registry::Registered::slot(c, field),)+
                }
            }

            /// The scenario it configures.
            fn build(&self) -> Arc<dyn ScenarioKind> {
                match self {
                    $(Self::$variant(c) => registry::Registered::build(c),)+
                }
            }

            /// Every scenario's presets, in registration order.
            pub(crate) fn presets() -> Vec<$crate::presets::Preset> {
                let mut all = Vec::new();
                $(all.extend(<$module::$config as registry::Registered>::presets());)+
                all
            }
        }
    };
}

pub(crate) use scenarios;

#[cfg(test)]
mod tests {
    use crate::config::ScenarioConfig;

    /// Every registered field has a slot, and every parameter row names one
    /// of its scenario's fields: the parser, the table and the panel agree.
    #[test]
    fn fields_slots_and_rows_agree() {
        for preset in crate::presets::all() {
            let mut config = preset.config.scenario;
            let kind = crate::scenario::kind(&config).name();
            let index = ScenarioConfig::KINDS.iter().position(|k| *k == kind);
            let rows = ScenarioConfig::PARAMS[index.expect("a registered kind")];
            let json = serde_json::to_value(&config).expect("JSON");
            let fields = json.as_object().expect("an object").len() - 1;
            for row in rows {
                let field = row.path.strip_prefix("scenario.").expect("a scenario row");
                assert!(json.get(field).is_some(), "{kind}: {field} not in its JSON");
                assert!(config.slot(field).is_some(), "{kind}: no slot for {field}");
            }
            assert_eq!(rows.len(), fields, "{kind}: a field without a row");
            assert!(config.slot("no_such_field").is_none());
            for field in json.as_object().expect("an object").keys() {
                assert!(
                    field == "kind" || config.slot(field).is_some(),
                    "{kind}: {field}"
                );
            }
        }
    }
}
