//! Fraud detection: card transactions with injected fraud bursts; the query
//! counts transactions per card per window and outputs only the cards above
//! the alert threshold.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::schema::{Column, ColumnType, Field};
use super::{Bursts, GroupKey, KeyRule, Query, ScenarioKind};
use crate::amount::Amounts;
use crate::event::Event;
use crate::time::TimeMs;

/// The fraud scenario.
#[derive(Debug, Clone)]
pub(crate) struct Fraud {
    cards: u32,
    amounts: Amounts,
    alert_threshold: u32,
    bursts: Bursts,
}

impl Fraud {
    pub(crate) fn new(
        cards: u32,
        mean_amount_cents: i64,
        alert_threshold: u32,
        (per_hour, transactions, duration_ms): (f64, u32, TimeMs),
    ) -> Self {
        Self {
            cards,
            amounts: Amounts::new(mean_amount_cents),
            alert_threshold,
            bursts: Bursts {
                entities: cards,
                per_hour,
                transactions,
                duration_ms,
            },
        }
    }
}

impl ScenarioKind for Fraud {
    fn name(&self) -> &'static str {
        "fraud"
    }

    fn key_rule(&self) -> KeyRule {
        KeyRule::Entity
    }

    fn key_space(&self) -> u32 {
        self.cards
    }

    /// `detail` is 1 for an injected fraud transaction.
    fn payload_space(&self) -> (u32, u8) {
        (self.cards, 2)
    }

    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        event.entity = rng.random_range(0..self.cards);
        event.detail = 0;
        event.amount_cents = self.amounts.sample(rng);
    }

    fn amount(&self, rng: &mut ChaCha8Rng) -> i64 {
        self.amounts.sample(rng)
    }

    fn decode_key(&self, key: u32) -> GroupKey {
        GroupKey::Card { card_id: key }
    }

    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("card_id", ColumnType::Int, Field::Entity),
            Column::new("amount_cents", ColumnType::Long, Field::Amount),
            Column::new("injected_fraud", ColumnType::Int, Field::Detail),
        ]
    }

    fn query(&self) -> Query {
        Query {
            keys: &["card_id"],
            amount: Some("amount_cents"),
            count_above: Some(u64::from(self.alert_threshold)),
            max_above: None,
        }
    }

    fn bursts(&self) -> Option<Bursts> {
        Some(self.bursts)
    }
}
