//! The window-kind registry: what a kind's module gives ([`KindSpec`]) and
//! the macro ([`window_kinds!`]) that turns one line per kind into the
//! [`WindowKind`](super::WindowKind) enum and its dispatch.
//!
//! The shared code (assignment, the parameter panel's choice, validation's
//! spacing, the Spark bundle's names) asks a kind's spec instead of matching
//! on the kinds, so a new kind is its module and one line
//! (`docs/architecture.md`, "A new window kind").

use std::sync::Arc;

use super::{Window, WindowAssigner, WindowIds};
use crate::config::WindowConfig;
use crate::time::TimeMs;

/// A window kind, as its module registers it. Functions of the whole
/// [`WindowConfig`]: a kind reads the fields it uses (`fields`).
pub(crate) struct KindSpec {
    /// Its assigner, shared by a simulation's pipelines.
    pub(crate) assigner: fn(&WindowConfig) -> Arc<dyn WindowAssigner>,
    /// The ids of the windows holding an event time, built without a shared
    /// assigner (the picture and the explanations ask per event).
    pub(crate) windows_of: fn(&WindowConfig, TimeMs) -> WindowIds,
    /// The window whose id is `id`.
    pub(crate) window_at: fn(&WindowConfig, TimeMs) -> Window,
    /// The field spacing two consecutive window ends (`window.size_ms`…):
    /// a batch period holds a whole number of it, and validation blames it
    /// when windows are too many.
    pub(crate) spacing_field: &'static str,
    /// Its value.
    pub(crate) spacing_ms: fn(&WindowConfig) -> TimeMs,
    /// Most windows an event is in.
    pub(crate) windows_per_event: fn(&WindowConfig) -> i64,
    /// The `window.*` fields besides `kind` it reads: the others do not
    /// apply to it (the parameter panel hides them).
    pub(crate) fields: &'static [&'static str],
    /// Sets what it needs and lacks when the panel switches to it.
    pub(crate) prepare: fn(&mut WindowConfig),
}

/// `size / slide` windows per event (sliding and cumulative windows).
pub(crate) fn per_slide(c: &WindowConfig) -> i64 {
    c.size_ms / c.slide_ms.max(1)
}

/// A slide when there is none: a tenth of the size, which divides it.
pub(crate) fn with_slide(c: &mut WindowConfig) {
    if c.slide_ms == 0 {
        c.slide_ms = (c.size_ms / 10).max(10);
    }
}

/// Generates, from one line per kind (`Variant(module::SPEC) = "name",`
/// with its doc comment), the [`WindowKind`](super::WindowKind) enum (its
/// JSON name in `window.kind`), the list of kinds and their specs.
macro_rules! window_kinds {
    ($($(#[$doc:meta])* $variant:ident($spec:path) = $tag:literal,)+) => {
        /// The kind of event-time window, one variant per registered kind
        /// (`window::kinds`); the first is the default.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum WindowKind {
            $($(#[$doc])* #[serde(rename = $tag)] $variant,)+
        }

        impl WindowKind {
            /// Every kind, in registration order (the panel's choices).
            pub const ALL: &'static [WindowKind] = &[$(Self::$variant),+];
            /// Their names in the JSON config, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($tag),+];

            /// Its name in the JSON config (`tumbling`, `session`…).
            pub fn name(self) -> &'static str {
                Self::NAMES[self as usize]
            }

            /// What its module registered.
            pub(crate) fn spec(self) -> &'static kinds::KindSpec {
                match self {
                    $(Self::$variant => &$spec,)+
                }
            }
        }

        impl Default for WindowKind {
            fn default() -> Self {
                Self::ALL[0]
            }
        }
    };
}

pub(crate) use window_kinds;
