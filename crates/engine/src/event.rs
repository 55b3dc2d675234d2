//! The event: something that happened, and when it reached the processing system.

use serde::Serialize;

use crate::time::TimeMs;

/// One synthetic event. Small and `Copy`: millions of them flow through a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Unique id, in generation (event-time) order, from 0.
    pub id: u64,
    /// When it happened, in ms.
    pub event_time_ms: TimeMs,
    /// When it reached the processing system (event time + ingestion delay), in ms.
    pub arrival_time_ms: TimeMs,
    /// Scenario entity: category (sales), post (social) or card (fraud).
    pub entity: u32,
    /// Scenario detail: region (sales), action (social), 1 for an injected fraud (fraud).
    pub detail: u8,
    /// Money, in cents (0 when the scenario has none).
    pub amount_cents: i64,
}
