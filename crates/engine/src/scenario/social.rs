//! Social media engagement: likes, retweets and comments on posts with
//! heavy-tailed (Zipf) popularity; the query counts each action per post per
//! window.

use std::sync::Arc;

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::schema::{Column, ColumnType, Field};
use super::zipf::ZipfTable;
use super::{GroupKey, KeyRule, Query, Registered, ScenarioKind};
use crate::event::Event;
use crate::params::{scenario_row, Bounds, Kind, Param, Slot, Unit};

/// The social scenario's config: `{"kind": "social", …}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SocialConfig {
    /// Number of posts.
    pub posts: u32,
    /// Zipf exponent of post popularity (1 = classic Zipf; larger = more skewed).
    pub zipf_exponent: f64,
}

impl Registered for SocialConfig {
    const FIELDS: &'static [&'static str] = &["posts", "zipf_exponent"];

    const PARAMS: &'static [Param] = &[
        scenario_row(
            "scenario.posts",
            Kind::Int,
            Unit::Posts,
            |_| Bounds::new(1.0, MAX_POSTS as f64),
            "Social: number of posts.",
        ),
        scenario_row(
            "scenario.zipf_exponent",
            Kind::Float,
            Unit::Exponent,
            |_| Bounds::positive(5.0),
            "Social: Zipf exponent of post popularity (1 = classic Zipf; larger = more skewed).",
        ),
    ];

    fn slots(&mut self) -> Vec<Slot<'_>> {
        vec![
            Slot::U32(&mut self.posts),
            Slot::F64(&mut self.zipf_exponent),
        ]
    }

    fn build(&self) -> Arc<dyn ScenarioKind> {
        Arc::new(Social::new(self.posts, self.zipf_exponent))
    }
}

/// The most posts a config may have: bounds the Zipf table (16 bytes a post).
const MAX_POSTS: u32 = 10_000;

/// Actions of the social scenario, in `detail` order.
pub const ACTIONS: [&str; 3] = ["like", "retweet", "comment"];
/// Cumulative probability of each action (likes are the most common).
const ACTION_CDF: [f64; 3] = [0.80, 0.92, 1.0];

/// The social scenario.
#[derive(Debug, Clone)]
pub(crate) struct Social {
    posts: u32,
    /// The posts' popularity (at most [`MAX_POSTS`] ranks: a config past the
    /// bound never runs, and its table stays bounded).
    zipf: ZipfTable,
}

impl Social {
    pub(crate) fn new(posts: u32, zipf_exponent: f64) -> Self {
        Self {
            posts,
            zipf: ZipfTable::new(posts.min(MAX_POSTS), zipf_exponent),
        }
    }
}

impl ScenarioKind for Social {
    fn name(&self) -> &'static str {
        "social"
    }

    fn key_rule(&self) -> KeyRule {
        KeyRule::EntityThenDetail {
            details: ACTIONS.len() as u32,
        }
    }

    fn key_space(&self) -> u32 {
        self.posts * ACTIONS.len() as u32
    }

    fn payload_space(&self) -> (u32, u8) {
        (self.posts, ACTIONS.len() as u8)
    }

    /// Always inlined natively into the generator's payload pass
    /// ([`ScenarioKind::fill_payloads`]): a call per event otherwise. Not in
    /// wasm, where the page's size counts more.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn fill_payload(&self, rng: &mut ChaCha8Rng, event: &mut Event) {
        event.entity = self.zipf.sample(rng) - 1;
        let u: f64 = rng.random();
        event.detail = ACTION_CDF.iter().position(|&p| u < p).unwrap_or(0) as u8;
        event.amount_cents = 0;
    }

    #[inline]
    fn group_key(&self, event: &Event) -> u32 {
        event.entity * ACTIONS.len() as u32 + u32::from(event.detail)
    }

    fn decode_key(&self, key: u32) -> GroupKey {
        GroupKey::PostAction {
            post_id: key / ACTIONS.len() as u32,
            action: ACTIONS[(key % ACTIONS.len() as u32) as usize],
        }
    }

    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("post_id", ColumnType::Int, Field::Entity),
            Column::new("action", ColumnType::Text, Field::DetailName(&ACTIONS)),
        ]
    }

    fn query(&self) -> Query {
        Query {
            keys: &["post_id", "action"],
            amount: None,
            count_above: None,
            max_above: None,
        }
    }
}
