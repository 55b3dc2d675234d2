//! What the page opens with: the experiment of the link, else the one saved in
//! this browser, else the first preset — an unreadable one gives the defaults
//! and a notice, never an error.

use bslab_engine::{presets, ExperimentConfig, TimeMs};

use crate::share::{self, Shared};
use crate::state::Notice;

/// What the page opens with: the experiment, the preset it equals, the instant
/// to catch up to, and the notice to show when the URL or storage was unreadable.
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    /// The experiment.
    pub config: ExperimentConfig,
    /// The preset it equals.
    pub preset: Option<&'static str>,
    /// A shared link's instant, in ms (0: start).
    pub t_ms: TimeMs,
    /// What the page must say about how it opened (an unreadable link, ignored parameters…).
    pub notices: Vec<Notice>,
}

/// The preset equal to `config`, if any.
pub fn preset_of(config: &ExperimentConfig) -> Option<&'static str> {
    presets::all()
        .into_iter()
        .find(|p| &p.config == config)
        .map(|p| p.name)
}

/// The first preset (what a fresh visitor sees).
pub fn default_config() -> (ExperimentConfig, Option<&'static str>) {
    presets::all()
        .into_iter()
        .next()
        .map_or((ExperimentConfig::default(), None), |p| {
            (p.config, Some(p.name))
        })
}

/// Decides the opening experiment: the URL's, else the saved one, else the first
/// preset. A URL or saved value that cannot be read (malformed, tampered, invalid)
/// gives the defaults plus a visible notice, never an error; an instant past the
/// end opens at the end, and says so.
pub fn boot(hash: &str, stored: Option<&str>) -> Boot {
    let (fallback, fallback_preset) = default_config();
    let defaults = |notice: Notice| Boot {
        config: fallback.clone(),
        preset: fallback_preset,
        t_ms: 0,
        notices: vec![notice],
    };
    match share::decode_hash(hash) {
        Some(Ok(Shared {
            config,
            t_ms,
            ignored,
        })) => {
            let mut notices = Vec::new();
            if !ignored.is_empty() {
                notices.push(Notice::IgnoredParams(ignored));
            }
            if t_ms > config.duration_ms {
                notices.push(Notice::Clamped {
                    asked_ms: t_ms,
                    end_ms: config.duration_ms,
                });
            }
            return Boot {
                preset: preset_of(&config),
                t_ms: t_ms.clamp(0, config.duration_ms),
                config,
                notices,
            };
        }
        Some(Err(e)) => return defaults(Notice::BadLink(e)),
        None => {}
    }
    match stored.map(share::parse_config) {
        Some(Ok(config)) => Boot {
            preset: preset_of(&config),
            config,
            t_ms: 0,
            notices: Vec::new(),
        },
        Some(Err(e)) => defaults(Notice::BadStorage(e)),
        None => Boot {
            config: fallback.clone(),
            preset: fallback_preset,
            t_ms: 0,
            notices: Vec::new(),
        },
    }
}
