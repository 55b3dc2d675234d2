//! The exported event columns of each scenario, and their CSV / JSON Lines rows.
//!
//! Every file starts with `event_id, event_time_ms, arrival_time_ms` (integers;
//! ms since the Unix epoch, which is the start of the experiment), then the
//! scenario's fields. Money is in integer cents so that sums are exact.

use std::io::Write;

use bslab_engine::scenario::{category_name, ACTIONS, REGIONS};
use bslab_engine::{Event, ScenarioConfig};

/// File format of the exported events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventFormat {
    /// CSV with a header line (`events/csv/*.csv`).
    Csv,
    /// JSON Lines: one JSON object per line (`events/jsonl/*.jsonl`).
    Jsonl,
}

impl EventFormat {
    /// Directory under `events/`.
    pub fn dir(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Jsonl => "jsonl",
        }
    }

    /// File name extension.
    pub fn extension(self) -> &'static str {
        self.dir()
    }
}

/// Spark SQL type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnType {
    Long,
    Int,
    String,
}

impl ColumnType {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Long => "long",
            Self::Int => "int",
            Self::String => "string",
        }
    }
}

/// A scenario's columns and query shape.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    scenario: ScenarioConfig,
    /// (name, type, meaning) of every column, in file order.
    pub(crate) columns: Vec<(&'static str, ColumnType, Meaning)>,
    /// Group-by columns of the query (besides the window).
    pub(crate) keys: Vec<&'static str>,
    /// Summed column (money), if the scenario has one.
    pub(crate) amount: Option<&'static str>,
    /// Rows are output only if their count is above this (fraud alerts).
    pub(crate) count_above: Option<u64>,
}

/// What a column holds, in Portuguese (Brazil) and English: (pt-BR, en).
pub(crate) type Meaning = (&'static str, &'static str);

const COMMON: [(&str, ColumnType, Meaning); 3] = [
    (
        "event_id",
        ColumnType::Long,
        (
            "identificador único, na ordem do tempo de evento, a partir de 0",
            "unique id, in event-time order, from 0",
        ),
    ),
    (
        "event_time_ms",
        ColumnType::Long,
        (
            "quando aconteceu, ms desde a época Unix",
            "when it happened, ms since the epoch",
        ),
    ),
    (
        "arrival_time_ms",
        ColumnType::Long,
        (
            "quando chegou ao sistema de processamento, ms desde a época Unix",
            "when it reached the processing system, ms since the epoch",
        ),
    ),
];

impl Spec {
    pub(crate) fn new(scenario: &ScenarioConfig) -> Self {
        let mut columns = COMMON.to_vec();
        let (extra, keys, amount, count_above): (Vec<_>, Vec<_>, _, _) = match scenario {
            ScenarioConfig::Sales { .. } => (
                vec![
                    ("category", ColumnType::String, ("categoria do produto", "product category")),
                    ("region", ColumnType::String, ("north, south, east ou west (norte, sul, leste, oeste)", "north, south, east or west")),
                    ("amount_cents", ColumnType::Long, ("valor do pedido, em centavos", "order amount, in cents")),
                ],
                vec!["category"],
                Some("amount_cents"),
                None,
            ),
            ScenarioConfig::Social { .. } => (
                vec![
                    (
                        "post_id",
                        ColumnType::Int,
                        ("post, a partir de 0 (0 é o mais popular)", "post, from 0 (0 is the most popular)"),
                    ),
                    ("action", ColumnType::String, ("like, retweet ou comment (curtida, retweet, comentário)", "like, retweet or comment")),
                ],
                vec!["post_id", "action"],
                None,
                None,
            ),
            ScenarioConfig::Fraud {
                alert_threshold, ..
            } => (
                vec![
                    ("card_id", ColumnType::Int, ("cartão, a partir de 0", "card, from 0")),
                    (
                        "amount_cents",
                        ColumnType::Long,
                        ("valor da transação, em centavos", "transaction amount, in cents"),
                    ),
                    (
                        "injected_fraud",
                        ColumnType::Int,
                        (
                            "1 para uma transação de uma rajada de fraude injetada (a consulta não a usa)",
                            "1 for a transaction of an injected fraud burst (not used by the query)",
                        ),
                    ),
                ],
                vec!["card_id"],
                Some("amount_cents"),
                Some(u64::from(*alert_threshold)),
            ),
        };
        columns.extend(extra);
        Self {
            scenario: scenario.clone(),
            columns,
            keys,
            amount,
            count_above,
        }
    }

    /// Whether a (window, key) row with `count` events is part of the query's output.
    pub(crate) fn passes(&self, count: u64) -> bool {
        count > self.count_above.unwrap_or(0)
    }

    /// One file of `events` (already in the order to write) in `format`.
    pub(crate) fn write(&self, format: EventFormat, events: &[Event]) -> Vec<u8> {
        let mut out = Vec::with_capacity(events.len() * 64 + 128);
        if format == EventFormat::Csv {
            let header: Vec<&str> = self.columns.iter().map(|c| c.0).collect();
            out.extend_from_slice(header.join(",").as_bytes());
            out.push(b'\n');
        }
        for e in events {
            // Writing to a Vec cannot fail.
            let _ = match format {
                EventFormat::Csv => self.csv_row(&mut out, e),
                EventFormat::Jsonl => self.json_row(&mut out, e),
            };
        }
        out
    }

    fn csv_row(&self, out: &mut Vec<u8>, e: &Event) -> std::io::Result<()> {
        write!(out, "{},{},{},", e.id, e.event_time_ms, e.arrival_time_ms)?;
        match self.scenario {
            ScenarioConfig::Sales { .. } => writeln!(
                out,
                "{},{},{}",
                category_name(e.entity),
                region(e.detail),
                e.amount_cents
            ),
            ScenarioConfig::Social { .. } => {
                writeln!(out, "{},{}", e.entity, action(e.detail))
            }
            ScenarioConfig::Fraud { .. } => {
                writeln!(out, "{},{},{}", e.entity, e.amount_cents, e.detail)
            }
        }
    }

    fn json_row(&self, out: &mut Vec<u8>, e: &Event) -> std::io::Result<()> {
        // Every string value comes from a fixed list of plain ASCII names: no escaping needed.
        write!(
            out,
            "{{\"event_id\":{},\"event_time_ms\":{},\"arrival_time_ms\":{},",
            e.id, e.event_time_ms, e.arrival_time_ms
        )?;
        match self.scenario {
            ScenarioConfig::Sales { .. } => writeln!(
                out,
                "\"category\":\"{}\",\"region\":\"{}\",\"amount_cents\":{}}}",
                category_name(e.entity),
                region(e.detail),
                e.amount_cents
            ),
            ScenarioConfig::Social { .. } => writeln!(
                out,
                "\"post_id\":{},\"action\":\"{}\"}}",
                e.entity,
                action(e.detail)
            ),
            ScenarioConfig::Fraud { .. } => writeln!(
                out,
                "\"card_id\":{},\"amount_cents\":{},\"injected_fraud\":{}}}",
                e.entity, e.amount_cents, e.detail
            ),
        }
    }
}

fn region(detail: u8) -> &'static str {
    REGIONS
        .get(usize::from(detail))
        .copied()
        .unwrap_or("unknown")
}

fn action(detail: u8) -> &'static str {
    ACTIONS
        .get(usize::from(detail))
        .copied()
        .unwrap_or("unknown")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Event {
            id: 7,
            event_time_ms: 1_000,
            arrival_time_ms: 1_500,
            entity: 1,
            detail: 2,
            amount_cents: 1_234,
        }
    }

    #[test]
    fn csv_and_jsonl_rows_per_scenario() {
        let sales = Spec::new(&ScenarioConfig::default());
        assert_eq!(
            String::from_utf8(sales.write(EventFormat::Csv, &[event()])).unwrap(),
            "event_id,event_time_ms,arrival_time_ms,category,region,amount_cents\n\
             7,1000,1500,electronics,east,1234\n"
        );
        let social = Spec::new(&ScenarioConfig::Social {
            posts: 10,
            zipf_exponent: 1.0,
        });
        assert_eq!(
            String::from_utf8(social.write(EventFormat::Jsonl, &[event()])).unwrap(),
            "{\"event_id\":7,\"event_time_ms\":1000,\"arrival_time_ms\":1500,\
             \"post_id\":1,\"action\":\"comment\"}\n"
        );
        assert_eq!(social.write(EventFormat::Jsonl, &[]), Vec::<u8>::new());
    }

    #[test]
    fn fraud_outputs_only_alerts() {
        let fraud = Spec::new(&ScenarioConfig::Fraud {
            cards: 10,
            mean_amount_cents: 100,
            alert_threshold: 3,
            bursts_per_hour: 1.0,
            burst_transactions: 5,
            burst_duration_ms: 1_000,
        });
        assert!(!fraud.passes(3));
        assert!(fraud.passes(4));
        assert!(Spec::new(&ScenarioConfig::default()).passes(1));
    }
}
