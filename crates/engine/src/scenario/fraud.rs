//! Fraud detection: card transactions with injected fraud bursts; the query
//! counts transactions per card per window and outputs only the cards above
//! the alert threshold.

use std::sync::Arc;

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::schema::{Column, ColumnType, Field};
use super::{Bursts, GroupKey, KeyRule, Query, Registered, ScenarioKind};
use crate::amount::Amounts;
use crate::event::Event;
use crate::params::{scenario_row, Bounds, Kind, Param, Slot, Unit};
use crate::time::{TimeMs, DAY_MS};

/// The fraud scenario's config: `{"kind": "fraud", …}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FraudConfig {
    /// Number of cards.
    pub cards: u32,
    /// Mean transaction amount, in cents.
    pub mean_amount_cents: i64,
    /// A card with more than this many transactions in one window raises an alert.
    pub alert_threshold: u32,
    /// Mean number of fraud bursts per hour of event time.
    pub bursts_per_hour: f64,
    /// Transactions in one fraud burst.
    pub burst_transactions: u32,
    /// Duration of one fraud burst, in ms of event time.
    pub burst_duration_ms: TimeMs,
}

impl Registered for FraudConfig {
    const FIELDS: &'static [&'static str] = &[
        "cards",
        "mean_amount_cents",
        "alert_threshold",
        "bursts_per_hour",
        "burst_transactions",
        "burst_duration_ms",
    ];

    const PARAMS: &'static [Param] = &[
        scenario_row("scenario.cards", Kind::Int, Unit::Cards, |_| Bounds::new(1.0, 5_000.0),
            "Fraud: number of cards."),
        super::sales::MEAN_AMOUNT_CENTS,
        scenario_row("scenario.alert_threshold", Kind::Int, Unit::TransactionsPerWindow, |_| Bounds::new(1.0, 1_000.0),
            "Fraud: a card with more transactions than this in one window raises an alert."),
        scenario_row("scenario.bursts_per_hour", Kind::Float, Unit::BurstsPerHour, |_| Bounds::new(0.0, 1_000.0),
            "Fraud: mean number of fraud bursts per hour of event time."),
        scenario_row("scenario.burst_transactions", Kind::Int, Unit::Transactions, |_| Bounds::new(1.0, 1_000.0),
            "Fraud: transactions in one fraud burst."),
        scenario_row("scenario.burst_duration_ms", Kind::Int, Unit::Ms, |_| Bounds::new(1.0, DAY_MS as f64),
            "Fraud: duration of one fraud burst, in event time."),
    ];

    fn slots(&mut self) -> Vec<Slot<'_>> {
        vec![
            Slot::U32(&mut self.cards),
            Slot::I64(&mut self.mean_amount_cents),
            Slot::U32(&mut self.alert_threshold),
            Slot::F64(&mut self.bursts_per_hour),
            Slot::U32(&mut self.burst_transactions),
            Slot::I64(&mut self.burst_duration_ms),
        ]
    }

    fn build(&self) -> Arc<dyn ScenarioKind> {
        Arc::new(Fraud::new(
            self.cards,
            self.mean_amount_cents,
            self.alert_threshold,
            (self.bursts_per_hour, self.burst_transactions, self.burst_duration_ms),
        ))
    }
}

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

    /// Always inlined natively into the generator's payload pass
    /// ([`ScenarioKind::fill_payloads`]): a call per event otherwise. Not in
    /// wasm, where the page's size counts more.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
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
