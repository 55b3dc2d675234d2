//! Scenarios: the payload of each event and the query both pipelines compute.
//!
//! Every query is "aggregate per group key per tumbling event-time window":
//! a dense key space keeps window state small and fast, and the same shape maps
//! onto one Spark `groupBy(window, …)` (see `docs/spark.md`).

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Zipf};
use serde::Serialize;

use crate::amount::Amounts;
use crate::config::ScenarioConfig;
use crate::event::Event;

/// Regions of the sales scenario.
pub const REGIONS: [&str; 4] = ["north", "south", "east", "west"];
/// Actions of the social scenario, in `detail` order.
pub const ACTIONS: [&str; 3] = ["like", "retweet", "comment"];
/// Cumulative probability of each action (likes are the most common).
const ACTION_CDF: [f64; 3] = [0.80, 0.92, 1.0];

/// Category names of the sales scenario (cycled with a number past the list).
const CATEGORY_NAMES: [&str; 8] = [
    "books",
    "electronics",
    "fashion",
    "home",
    "sports",
    "toys",
    "beauty",
    "grocery",
];

/// Name of sales category `i`.
pub fn category_name(i: u32) -> String {
    let base = CATEGORY_NAMES[(i as usize) % CATEGORY_NAMES.len()];
    if (i as usize) < CATEGORY_NAMES.len() {
        base.to_string()
    } else {
        format!("{base}-{}", i as usize / CATEGORY_NAMES.len())
    }
}

/// Number of group keys of the scenario's query.
pub fn key_space(s: &ScenarioConfig) -> u32 {
    match s {
        ScenarioConfig::Sales { categories, .. } => *categories,
        ScenarioConfig::Social { posts, .. } => posts * ACTIONS.len() as u32,
        ScenarioConfig::Fraud { cards, .. } => *cards,
    }
}

/// A group key of the query, decoded for people and for exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum GroupKey {
    /// Sales: a category name.
    Category {
        /// Category name.
        category: String,
    },
    /// Social: a post and an action.
    PostAction {
        /// Post id.
        post_id: u32,
        /// `like`, `retweet` or `comment`.
        action: &'static str,
    },
    /// Fraud: a card.
    Card {
        /// Card id.
        card_id: u32,
    },
}

/// The scenario's query and payload generator, built from its config.
#[derive(Debug, Clone)]
pub struct Scenario {
    config: ScenarioConfig,
    /// Money amounts (sales and fraud).
    amounts: Option<Amounts>,
    zipf: Option<Zipf<f64>>,
    /// Sales: upper bounds of the uniform draw for each category (see [`skewed_thresholds`]).
    category_thresholds: Vec<f64>,
}

impl Scenario {
    /// Builds the generator; `config` must be valid.
    pub(crate) fn new(config: &ScenarioConfig) -> Self {
        let (amounts, zipf) = match config {
            ScenarioConfig::Sales {
                mean_amount_cents, ..
            }
            | ScenarioConfig::Fraud {
                mean_amount_cents, ..
            } => (Some(Amounts::new(*mean_amount_cents)), None),
            ScenarioConfig::Social {
                posts,
                zipf_exponent,
            } => (None, Zipf::new(f64::from(*posts), *zipf_exponent).ok()),
        };
        let category_thresholds = match config {
            ScenarioConfig::Sales { categories, .. } => skewed_thresholds(*categories),
            _ => Vec::new(),
        };
        Self {
            config: config.clone(),
            amounts,
            zipf,
            category_thresholds,
        }
    }

    /// The scenario's config.
    pub fn config(&self) -> &ScenarioConfig {
        &self.config
    }

    /// Number of group keys.
    pub fn key_space(&self) -> u32 {
        key_space(&self.config)
    }

    /// Short machine name: `sales`, `social` or `fraud`.
    pub fn name(&self) -> &'static str {
        match self.config {
            ScenarioConfig::Sales { .. } => "sales",
            ScenarioConfig::Social { .. } => "social",
            ScenarioConfig::Fraud { .. } => "fraud",
        }
    }

    /// Fills the payload of an ordinary (non-injected) event.
    pub(crate) fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        match &self.config {
            ScenarioConfig::Sales { .. } => {
                event.entity = skewed_index(rng, &self.category_thresholds);
                event.detail = rng.random_range(0..REGIONS.len() as u8);
                event.amount_cents = self.amount(rng);
            }
            ScenarioConfig::Social { posts, .. } => {
                let post = self.zipf.as_ref().map_or(1.0, |z| z.sample(rng));
                event.entity = (post as u32).clamp(1, *posts) - 1;
                let u: f64 = rng.random();
                event.detail = ACTION_CDF.iter().position(|&p| u < p).unwrap_or(0) as u8;
                event.amount_cents = 0;
            }
            ScenarioConfig::Fraud { cards, .. } => {
                event.entity = rng.random_range(0..*cards);
                event.detail = 0;
                event.amount_cents = self.amount(rng);
            }
        }
    }

    /// A log-normal amount in cents, at least one cent.
    pub(crate) fn amount(&self, rng: &mut ChaCha8Rng) -> i64 {
        self.amounts.as_ref().map_or(1, |a| a.sample(rng))
    }

    /// Group key of an event under the scenario's query.
    #[inline]
    pub fn group_key(&self, event: &Event) -> u32 {
        match self.config {
            ScenarioConfig::Social { .. } => {
                event.entity * ACTIONS.len() as u32 + u32::from(event.detail)
            }
            _ => event.entity,
        }
    }

    /// Whether a window row is part of the query's output (fraud: only alerts).
    #[inline]
    pub fn passes(&self, count: u64) -> bool {
        match self.config {
            ScenarioConfig::Fraud {
                alert_threshold, ..
            } => count > u64::from(alert_threshold),
            _ => count > 0,
        }
    }

    /// Decodes a group key for people and exports.
    pub fn decode_key(&self, key: u32) -> GroupKey {
        match self.config {
            ScenarioConfig::Sales { .. } => GroupKey::Category {
                category: category_name(key),
            },
            ScenarioConfig::Social { .. } => GroupKey::PostAction {
                post_id: key / ACTIONS.len() as u32,
                action: ACTIONS[(key % ACTIONS.len() as u32) as usize],
            },
            ScenarioConfig::Fraud { .. } => GroupKey::Card { card_id: key },
        }
    }
}

/// Skew of the category popularity: weights 1/(i+1)^0.7, i.e. `1 − 0.7`.
const CATEGORY_SKEW: f64 = 0.3;

/// Thresholds of the inverse CDF of the continuous approximation of the weights
/// 1/(i+1)^0.7 over `0..n`: a few best-selling categories, a long tail.
///
/// With `max = (n+1)^a − 1`, a uniform `u` maps to `x = (1 + u·max)^(1/a) − 1`,
/// and `x ∈ [i, i+1)` exactly when `u < ((i+2)^a − 1)/max`. Precomputing these
/// bounds turns two `pow` calls per event (half of the engine's time) into a
/// short scan.
fn skewed_thresholds(n: u32) -> Vec<f64> {
    let a = CATEGORY_SKEW;
    let max = libm::pow(f64::from(n) + 1.0, a) - 1.0;
    (0..n)
        .map(|i| (libm::pow(f64::from(i) + 2.0, a) - 1.0) / max)
        .collect()
}

/// A category index drawn with the skew of [`skewed_thresholds`].
#[inline]
fn skewed_index(rng: &mut ChaCha8Rng, thresholds: &[f64]) -> u32 {
    let u: f64 = rng.random();
    // A linear scan: at most 64 categories, and the first few take most draws.
    let i = thresholds
        .iter()
        .position(|&t| u < t)
        .unwrap_or(thresholds.len());
    i.min(thresholds.len().saturating_sub(1)) as u32
}

#[cfg(test)]
mod tests {
    #[test]
    fn skewed_categories_favour_low_indices_and_cover_all() {
        let thresholds = super::skewed_thresholds(6);
        assert_eq!(thresholds.len(), 6);
        assert!(thresholds.windows(2).all(|w| w[0] < w[1]));
        assert!((thresholds[5] - 1.0).abs() < 1e-12);
    }
}
