//! Scenarios: the payload of each event and the query both pipelines compute,
//! one module per scenario behind one trait ([`ScenarioKind`]), chosen from the
//! config by one registry ([`kind`]).
//!
//! Every query is "aggregate per group key per event-time window": a dense key
//! space keeps window state small and fast, and the same shape maps onto one
//! Spark `groupBy(window, …)` (see `docs/spark.md`). A scenario also names the
//! columns of its event files ([`schema`]), written by the Spark export and
//! read back by `bslab run --events`.

mod guided;
mod registry;
pub mod schema;
mod view_queue;
mod visits;
mod weighted;
mod zipf;

use std::fmt;
use std::sync::Arc;

use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::event::Event;
use crate::time::TimeMs;

pub(crate) use iot::preset as iot_preset;
pub use iot::Outages;
pub use sales::{category_name, REGIONS};
pub use schema::{Column, ColumnType, EventSchema, Field};
pub use social::ACTIONS;
pub(crate) use visits::VisitInjector;
pub use visits::Visits;
pub use web::{detail_of, page_of, PAGES, REFERRERS};

pub(crate) use registry::Registered;

// The built-in scenarios: one line each, its module holding the rest
// (`registry::scenarios!`; `docs/architecture.md`, "A new scenario").
registry::scenarios! {
    /// Online-store orders; query: revenue and order count per category per window.
    Sales(sales::SalesConfig) = "sales",
    /// Likes, retweets and comments on posts with Zipf popularity; query: engagements
    /// per post per action per window (trending = the top posts of a window).
    Social(social::SocialConfig) = "social",
    /// Card transactions with injected fraud bursts; query: transactions per card per
    /// window, alerting when a card has more than `alert_threshold` in one window.
    Fraud(fraud::FraudConfig) = "fraud",
    /// IoT monitoring: sensors reading a temperature with noise, injected
    /// anomalies and devices that upload their buffered readings late; query:
    /// average and maximum per sensor per window, alerting above a threshold.
    Iot(iot::IotConfig) = "iot",
    /// Web traffic: page views of visitors grouped into sessions (a session ends
    /// after a gap of inactivity).
    Web(web::WebConfig) = "web",
}

impl Default for ScenarioConfig {
    fn default() -> Self {
        Self::Sales(SalesConfig::default())
    }
}

use configs::SalesConfig;

/// One scenario: its payload generator and its query.
///
/// Group keys are dense, `0..key_space()`; `Event::entity` and `Event::detail`
/// hold the payload (what they mean is the scenario's business).
pub trait ScenarioKind: Send + Sync {
    /// Short machine name (reports, exports): `sales`, `social`, `fraud`…
    fn name(&self) -> &'static str;

    /// Number of group keys of the query.
    fn key_space(&self) -> u32;

    /// Number of distinct `entity` and `detail` values (replayed events are
    /// checked against them).
    fn payload_space(&self) -> (u32, u8);

    /// Fills the payload of an ordinary (non-injected) event from `rng`.
    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event);

    /// Fills the payloads of a run's ordinary events from `rng`, in order:
    /// `events[i]` for each bit `i` set in `ordinary`. One call through the
    /// trait per run of the generator, its loop compiled with each
    /// scenario's own [`ScenarioKind::fill_payload`].
    fn fill_payloads(&self, rng: &mut ChaCha8Rng, events: &mut [Event], ordinary: u64) {
        let mut bits = ordinary;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(event) = events.get_mut(i) {
                self.fill_payload(rng, event);
            }
        }
    }

    /// A money amount in cents for an injected event (1 if it has no money).
    fn amount(&self, _rng: &mut ChaCha8Rng) -> i64 {
        1
    }

    /// Group key of an event under the query.
    fn group_key(&self, event: &Event) -> u32 {
        event.entity
    }

    /// The shape of [`ScenarioKind::group_key`], if it is a common one: the
    /// simulation then computes keys inline, without a call through this trait
    /// per event. `Custom` (the default) always asks `group_key`.
    fn key_rule(&self) -> KeyRule {
        KeyRule::Custom
    }

    /// A group key decoded for people and exports.
    fn decode_key(&self, key: u32) -> GroupKey;

    /// Columns of its event files after the common `event_id, event_time_ms,
    /// arrival_time_ms`.
    fn columns(&self) -> Vec<Column>;

    /// The query's shape, in terms of its columns.
    fn query(&self) -> Query;

    /// The bursts it injects on top of the ordinary events, if it does.
    fn bursts(&self) -> Option<Bursts> {
        None
    }

    /// The connection losses of its devices, if they have any: readings taken
    /// offline arrive together when the device reconnects.
    fn outages(&self) -> Option<Outages> {
        None
    }

    /// How its visits go on after their first event, if events come in
    /// visits (web traffic): the generator then adds each visit's later views.
    fn visits(&self) -> Option<Visits> {
        None
    }

    /// Whether the report sums its sessions up per landing page (web
    /// traffic) when the window is a session window (`crate::web_sessions`).
    fn sums_up_sessions(&self) -> bool {
        false
    }
}

/// The scenario by its name: as a supertrait, `Debug` put every scenario's
/// derived `Debug` (and with it Rust's float printing) in the page's wasm,
/// which prints none of them.
impl fmt::Debug for dyn ScenarioKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a scenario's group key follows from an event's payload
/// ([`ScenarioKind::key_rule`]); it must give what its `group_key` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRule {
    /// The key is `event.entity` (a category, a card).
    Entity,
    /// The key is `event.entity × details + event.detail` (a post and an action).
    EntityThenDetail {
        /// Number of distinct `detail` values.
        details: u32,
    },
    /// Anything else: ask [`ScenarioKind::group_key`].
    Custom,
}

/// The query's shape: `groupBy(window, keys…)`, count, sum and max of `amount`,
/// rows kept if their count is above `count_above` and their max above `max_above`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Query {
    /// Group-by columns (besides the window).
    pub keys: &'static [&'static str],
    /// Summed column (money), if there is one.
    pub amount: Option<&'static str>,
    /// Rows are output only if their count is above this (fraud alerts).
    pub count_above: Option<u64>,
    /// Rows are output only if their largest amount is above this (IoT alerts).
    pub max_above: Option<i64>,
}

/// Injected bursts (fraud): a stolen card makes a burst of transactions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bursts {
    /// Entities (cards) a burst picks from.
    pub entities: u32,
    /// Mean bursts per hour (0: none).
    pub per_hour: f64,
    /// Transactions per burst.
    pub transactions: u32,
    /// Event-time span of a burst, in ms.
    pub duration_ms: TimeMs,
}

/// The scenario the config asks for (each registered module builds its own).
pub fn kind(config: &ScenarioConfig) -> Arc<dyn ScenarioKind> {
    config.build()
}

/// Number of group keys of the scenario's query.
pub fn key_space(s: &ScenarioConfig) -> u32 {
    kind(s).key_space()
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
    /// IoT: a sensor.
    Sensor {
        /// Sensor id.
        sensor_id: u32,
    },
    /// Web traffic: a visitor.
    Visitor {
        /// Visitor id.
        visitor_id: u32,
    },
}

/// A scenario as the simulation uses it: its [`ScenarioKind`] and what the hot
/// path asks of it every event, computed once.
#[derive(Debug, Clone)]
pub struct Scenario {
    kind: Arc<dyn ScenarioKind>,
    key_rule: KeyRule,
    keys: u32,
    count_above: u64,
    max_above: i64,
    outages: Option<Outages>,
}

impl Scenario {
    /// The built-in scenario of `config` (which must be valid).
    pub fn new(config: &ScenarioConfig) -> Self {
        Self::from_kind(kind(config))
    }

    /// Any scenario, built-in or not.
    pub fn from_kind(kind: Arc<dyn ScenarioKind>) -> Self {
        Self {
            key_rule: kind.key_rule(),
            keys: kind.key_space(),
            count_above: kind.query().count_above.unwrap_or(0),
            max_above: kind.query().max_above.unwrap_or(i64::MIN),
            outages: kind.outages(),
            kind,
        }
    }

    /// The scenario itself.
    pub fn kind(&self) -> &dyn ScenarioKind {
        self.kind.as_ref()
    }

    /// Number of group keys.
    pub fn key_space(&self) -> u32 {
        self.keys
    }

    /// Short machine name: `sales`, `social`, `fraud`, `iot` or `web`.
    pub fn name(&self) -> &'static str {
        self.kind.name()
    }

    /// Fills the payload of an ordinary (non-injected) event.
    pub(crate) fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        self.kind.fill_payload(rng, event);
    }

    /// Fills the payloads of a run's ordinary events (see
    /// [`ScenarioKind::fill_payloads`]).
    pub(crate) fn fill_payloads(&self, rng: &mut ChaCha8Rng, events: &mut [Event], ordinary: u64) {
        self.kind.fill_payloads(rng, events, ordinary);
    }

    /// A money amount in cents for an injected event.
    pub(crate) fn amount(&self, rng: &mut ChaCha8Rng) -> i64 {
        self.kind.amount(rng)
    }

    /// Group key of an event under the scenario's query.
    #[inline]
    pub fn group_key(&self, event: &Event) -> u32 {
        match self.key_rule {
            KeyRule::Entity => event.entity,
            KeyRule::EntityThenDetail { details } => {
                event.entity * details + u32::from(event.detail)
            }
            KeyRule::Custom => self.kind.group_key(event),
        }
    }

    /// Whether a window row is part of the query's output (fraud and IoT: only alerts).
    #[inline]
    pub fn passes(&self, value: &crate::window::Agg) -> bool {
        value.count > self.count_above && value.max_cents > self.max_above
    }

    /// The connection losses of the scenario's devices, if any.
    #[inline]
    pub(crate) fn outages(&self) -> Option<&Outages> {
        self.outages.as_ref()
    }

    /// Decodes a group key for people and exports.
    pub fn decode_key(&self, key: u32) -> GroupKey {
        self.kind.decode_key(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inline key of every built-in scenario (its `key_rule`) is the key its
    /// `group_key` gives, over its whole payload space.
    #[test]
    fn key_rules_agree_with_group_key() {
        for preset in crate::presets::all() {
            let scenario = Scenario::new(&preset.config.scenario);
            let (entities, details) = scenario.kind().payload_space();
            assert_ne!(scenario.key_rule, KeyRule::Custom, "{}", preset.name);
            for entity in (0..entities).step_by((entities as usize / 97).max(1)) {
                for detail in 0..details {
                    let event = Event {
                        id: 0,
                        event_time_ms: 0,
                        arrival_time_ms: 0,
                        entity,
                        detail,
                        amount_cents: 1,
                    };
                    let key = scenario.kind().group_key(&event);
                    assert_eq!(scenario.group_key(&event), key, "{} {event:?}", preset.name);
                    assert!(key < scenario.key_space(), "{} {event:?}", preset.name);
                }
            }
        }
    }
}
