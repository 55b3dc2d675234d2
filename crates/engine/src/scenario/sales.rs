//! Online store sales: orders with a category, a region and an amount; the
//! query sums revenue per category per window.

use std::sync::Arc;

use rand::{Rng, RngCore};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::guided::GuidedBounds;
use super::schema::{Column, ColumnType, Field};
use super::{GroupKey, KeyRule, Query, Registered, ScenarioKind};
use crate::amount::Amounts;
use crate::event::Event;
use crate::params::{scenario_row, Bounds, Kind, Param, Slot, Unit};

/// The sales scenario's config: `{"kind": "sales", …}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalesConfig {
    /// Number of product categories (group keys).
    pub categories: u32,
    /// Mean order amount, in cents (log-normal amounts).
    pub mean_amount_cents: i64,
}

impl Default for SalesConfig {
    fn default() -> Self {
        Self {
            categories: 6,
            mean_amount_cents: 8_000,
        }
    }
}

/// `scenario.mean_amount_cents`, a row of sales and fraud (each lists it).
pub(super) const MEAN_AMOUNT_CENTS: Param = scenario_row(
    "scenario.mean_amount_cents",
    Kind::Int,
    Unit::Cents,
    |_| Bounds::new(1.0, 100_000_000.0),
    "Sales and fraud: mean order or transaction amount.",
);

impl Registered for SalesConfig {
    const FIELDS: &'static [&'static str] = &["categories", "mean_amount_cents"];

    const PARAMS: &'static [Param] = &[
        scenario_row(
            "scenario.categories",
            Kind::Int,
            Unit::Categories,
            |_| Bounds::new(1.0, 64.0),
            "Sales: number of product categories (group keys).",
        ),
        MEAN_AMOUNT_CENTS,
    ];

    fn slots(&mut self) -> Vec<Slot<'_>> {
        vec![
            Slot::U32(&mut self.categories),
            Slot::I64(&mut self.mean_amount_cents),
        ]
    }

    fn build(&self) -> Arc<dyn ScenarioKind> {
        Arc::new(Sales::new(self.categories, self.mean_amount_cents))
    }
}

/// Regions of the sales scenario, in `detail` order.
pub const REGIONS: [&str; 4] = ["north", "south", "east", "west"];

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

/// The sales scenario.
#[derive(Debug, Clone)]
pub(crate) struct Sales {
    categories: u32,
    amounts: Amounts,
    /// Upper bounds of the 53-bit draw for each category (see [`skewed_bounds`]).
    bounds: GuidedBounds,
}

impl Sales {
    pub(crate) fn new(categories: u32, mean_amount_cents: i64) -> Self {
        Self {
            categories,
            amounts: Amounts::new(mean_amount_cents),
            bounds: GuidedBounds::new(skewed_bounds(categories)),
        }
    }
}

impl ScenarioKind for Sales {
    fn name(&self) -> &'static str {
        "sales"
    }

    fn key_rule(&self) -> KeyRule {
        KeyRule::Entity
    }

    fn key_space(&self) -> u32 {
        self.categories
    }

    fn payload_space(&self) -> (u32, u8) {
        (self.categories, REGIONS.len() as u8)
    }

    /// Always inlined natively into the generator's payload pass
    /// ([`ScenarioKind::fill_payloads`]): a call per event otherwise. Not in
    /// wasm, where the page's size counts more.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        event.entity = skewed_index(rng, &self.bounds);
        event.detail = rng.random_range(0..REGIONS.len() as u8);
        event.amount_cents = self.amounts.sample(rng);
    }

    fn amount(&self, rng: &mut ChaCha8Rng) -> i64 {
        self.amounts.sample(rng)
    }

    fn decode_key(&self, key: u32) -> GroupKey {
        GroupKey::Category {
            category: category_name(key),
        }
    }

    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new(
                "category",
                ColumnType::Text,
                Field::EntityName(category_name),
            ),
            Column::new("region", ColumnType::Text, Field::DetailName(&REGIONS)),
            Column::new("amount_cents", ColumnType::Long, Field::Amount),
        ]
    }

    fn query(&self) -> Query {
        Query {
            keys: &["category"],
            amount: Some("amount_cents"),
            count_above: None,
            max_above: None,
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
    let max = crate::fmath::pow(f64::from(n) + 1.0, a) - 1.0;
    (0..n)
        .map(|i| (crate::fmath::pow(f64::from(i) + 2.0, a) - 1.0) / max)
        .collect()
}

/// One more than the largest 53-bit draw.
const DRAWS: f64 = (1_u64 << 53) as f64;

/// [`skewed_thresholds`] as bounds of the 53 random bits a uniform draw
/// takes (`rng.random::<f64>()` is `bits / 2^53`, exactly): `bits / 2^53 < t`
/// exactly when `bits < ⌈t · 2^53⌉` (`t ≤ 1`, so the product is exact). The
/// same category from the same bits, by integer comparisons, without the
/// conversion and product of each draw.
fn skewed_bounds(n: u32) -> Vec<u64> {
    let bound = |t: f64| (t * DRAWS).ceil() as u64;
    skewed_thresholds(n).into_iter().map(bound).collect()
}

/// A category index drawn with the skew of [`skewed_thresholds`], from one
/// `u64` of `rng` as `rng.random::<f64>()` takes it ([`skewed_bounds`]).
#[inline]
fn skewed_index(rng: &mut ChaCha8Rng, bounds: &GuidedBounds) -> u32 {
    category_of(rng.next_u64() >> 11, bounds)
}

/// The category of the 53-bit draw `bits` under `bounds`.
#[inline]
fn category_of(bits: u64, bounds: &GuidedBounds) -> u32 {
    bounds.index_of(bits)
}

#[cfg(test)]
mod tests {
    use rand::{Rng, RngCore, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// The bounds pick the category the float thresholds pick, from the
    /// same random stream (as many `u64` taken) and at every bound and its
    /// neighbours, for every category count validation allows.
    #[test]
    fn bounds_pick_as_the_thresholds_do() {
        for n in 1..=64 {
            let (thresholds, bounds) = (super::skewed_thresholds(n), super::skewed_bounds(n));
            let guided = super::GuidedBounds::new(bounds.clone());
            let by_threshold = |u: f64| {
                let i = thresholds.iter().position(|&t| u < t);
                i.unwrap_or(thresholds.len()).min(thresholds.len() - 1) as u32
            };
            let mut a = ChaCha8Rng::seed_from_u64(u64::from(n));
            let mut b = a.clone();
            for _ in 0..20_000 {
                let u: f64 = b.random();
                assert_eq!(super::skewed_index(&mut a, &guided), by_threshold(u), "{n}");
            }
            assert_eq!(a.next_u64(), b.next_u64(), "{n}: as many draws taken");
            for bits in bounds.iter().flat_map(|&b| [b.saturating_sub(1), b, b + 1]) {
                let bits = bits.min((1 << 53) - 1);
                let u = bits as f64 / super::DRAWS;
                assert_eq!(super::category_of(bits, &guided), by_threshold(u), "{n}: {bits}");
            }
        }
    }

    #[test]
    fn skewed_categories_favour_low_indices_and_cover_all() {
        let thresholds = super::skewed_thresholds(6);
        assert_eq!(thresholds.len(), 6);
        assert!(thresholds.windows(2).all(|w| w[0] < w[1]));
        assert!((thresholds[5] - 1.0).abs() < 1e-12);
    }
}
