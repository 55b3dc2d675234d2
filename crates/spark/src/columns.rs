//! The exported event files: the engine's event schema of each scenario
//! ([`bslab_engine::scenario::EventSchema`], written once there and read back by
//! `bslab run --events`), the Spark types of its columns and what each column
//! holds, in both languages, for the bundle's README.

use bslab_engine::scenario::{ColumnType as Kind, EventSchema, Scenario};
use bslab_engine::window::Agg;
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
pub(crate) struct ColumnType(Kind);

impl ColumnType {
    pub(crate) fn name(self) -> &'static str {
        match self.0 {
            Kind::Long => "long",
            Kind::Int => "int",
            Kind::Text => "string",
        }
    }
}

/// A scenario's columns and query shape.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    schema: EventSchema,
    /// (name, type, meaning) of every column, in file order.
    pub(crate) columns: Vec<(&'static str, ColumnType, Meaning)>,
    /// Group-by columns of the query (besides the window).
    pub(crate) keys: Vec<&'static str>,
    /// Summed column (money), if the scenario has one.
    pub(crate) amount: Option<&'static str>,
    /// Rows are output only if their count is above this (fraud alerts).
    pub(crate) count_above: Option<u64>,
    /// Rows are output only if their maximum amount is above this (IoT alerts).
    pub(crate) max_above: Option<i64>,
}

/// What a column holds, in Portuguese (Brazil) and English: (pt-BR, en).
pub(crate) type Meaning = (&'static str, &'static str);

/// What each column of the built-in scenarios holds, by column name, or by
/// `scenario.column` where the same name means something else per scenario.
const MEANINGS: [(&str, Meaning); 17] = [
    (
        "event_id",
        (
            "identificador único, na ordem do tempo de evento, a partir de 0",
            "unique id, in event-time order, from 0",
        ),
    ),
    (
        "event_time_ms",
        (
            "quando aconteceu, ms desde a época Unix",
            "when it happened, ms since the epoch",
        ),
    ),
    (
        "arrival_time_ms",
        (
            "quando chegou ao sistema de processamento, ms desde a época Unix",
            "when it reached the processing system, ms since the epoch",
        ),
    ),
    ("category", ("categoria do produto", "product category")),
    (
        "region",
        (
            "north, south, east ou west (norte, sul, leste, oeste)",
            "north, south, east or west",
        ),
    ),
    (
        "sales.amount_cents",
        ("valor do pedido, em centavos", "order amount, in cents"),
    ),
    (
        "post_id",
        (
            "post, a partir de 0 (0 é o mais popular)",
            "post, from 0 (0 is the most popular)",
        ),
    ),
    (
        "action",
        (
            "like, retweet ou comment (curtida, retweet, comentário)",
            "like, retweet or comment",
        ),
    ),
    ("card_id", ("cartão, a partir de 0", "card, from 0")),
    ("sensor_id", ("sensor, a partir de 0", "sensor, from 0")),
    ("visitor_id", ("visitante, a partir de 0", "visitor, from 0")),
    (
        "page",
        (
            "página vista: home, product, blog, pricing, docs ou checkout",
            "page viewed: home, product, blog, pricing, docs or checkout",
        ),
    ),
    (
        "referrer",
        (
            "de onde veio a visita: direct, search, social, email; internal para as páginas depois da primeira",
            "where the visit came from: direct, search, social, email; internal for the pages after the first",
        ),
    ),
    (
        "temperature_centi",
        (
            "temperatura lida, em centésimos de grau Celsius",
            "temperature read, in hundredths of a degree Celsius",
        ),
    ),
    (
        "injected_anomaly",
        (
            "1 para uma leitura de uma anomalia injetada (a consulta não a usa)",
            "1 for a reading of an injected anomaly (not used by the query)",
        ),
    ),
    (
        "injected_fraud",
        (
            "1 para uma transação de uma rajada de fraude injetada (a consulta não a usa)",
            "1 for a transaction of an injected fraud burst (not used by the query)",
        ),
    ),
    (
        "fraud.amount_cents",
        (
            "valor da transação, em centavos",
            "transaction amount, in cents",
        ),
    ),
];

/// What the column `name` of `scenario` holds (empty for a column no scenario here has).
fn meaning(scenario: &str, name: &str) -> Meaning {
    let qualified = format!("{scenario}.{name}");
    let find = |key: &str| MEANINGS.iter().find(|(n, _)| *n == key).map(|(_, m)| *m);
    find(&qualified).or_else(|| find(name)).unwrap_or(("", ""))
}

impl Spec {
    pub(crate) fn new(scenario: &ScenarioConfig) -> Self {
        let scenario = Scenario::new(scenario);
        let schema = EventSchema::new(&scenario);
        let query = scenario.kind().query();
        Self {
            columns: schema
                .columns()
                .iter()
                .map(|c| (c.name, ColumnType(c.kind), meaning(scenario.name(), c.name)))
                .collect(),
            keys: query.keys.to_vec(),
            amount: query.amount,
            count_above: query.count_above,
            max_above: query.max_above,
            schema,
        }
    }

    /// Whether a (window, key) row is part of the query's output.
    pub(crate) fn passes(&self, row: &Agg) -> bool {
        row.count > self.count_above.unwrap_or(0)
            && self.max_above.is_none_or(|max| row.max_cents > max)
    }

    /// One file of `events` (already in the order to write) in `format`.
    pub(crate) fn write(&self, format: EventFormat, events: &[Event]) -> Vec<u8> {
        let mut out = Vec::with_capacity(events.len() * 64 + 128);
        if format == EventFormat::Csv {
            out.extend_from_slice(self.schema.header().as_bytes());
            out.push(b'\n');
        }
        for e in events {
            match format {
                EventFormat::Csv => self.schema.write_csv(&mut out, e),
                EventFormat::Jsonl => self.schema.write_json(&mut out, e),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::{FraudConfig, SocialConfig};

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
        let social = Spec::new(&ScenarioConfig::Social(SocialConfig {
            posts: 10,
            zipf_exponent: 1.0,
        }));
        assert_eq!(
            String::from_utf8(social.write(EventFormat::Jsonl, &[event()])).unwrap(),
            "{\"event_id\":7,\"event_time_ms\":1000,\"arrival_time_ms\":1500,\
             \"post_id\":1,\"action\":\"comment\"}\n"
        );
        assert_eq!(social.write(EventFormat::Jsonl, &[]), Vec::<u8>::new());
    }

    #[test]
    fn fraud_outputs_only_alerts() {
        let fraud = Spec::new(&ScenarioConfig::Fraud(FraudConfig {
            cards: 10,
            mean_amount_cents: 100,
            alert_threshold: 3,
            bursts_per_hour: 1.0,
            burst_transactions: 5,
            burst_duration_ms: 1_000,
        }));
        let rows = |count| Agg {
            count,
            ..Agg::default()
        };
        assert!(!fraud.passes(&rows(3)));
        assert!(fraud.passes(&rows(4)));
        assert!(Spec::new(&ScenarioConfig::default()).passes(&rows(1)));
    }

    #[test]
    fn iot_outputs_only_windows_above_the_threshold() {
        let preset = bslab_engine::presets::by_name("iot-offline-sensors").expect("the IoT preset");
        let iot = Spec::new(&preset.config.scenario);
        let max = iot.max_above.expect("an alert threshold");
        let window = |max_cents| Agg {
            count: 3,
            sum_cents: 3 * max_cents,
            max_cents,
        };
        assert!(!iot.passes(&window(max)));
        assert!(iot.passes(&window(max + 1)));
    }

    #[test]
    fn every_built_in_column_says_what_it_holds() {
        for preset in bslab_engine::presets::all() {
            for (name, _, (pt, en)) in Spec::new(&preset.config.scenario).columns {
                assert!(!pt.is_empty() && !en.is_empty(), "{}: {name}", preset.name);
            }
        }
    }
}
