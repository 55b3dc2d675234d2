//! The event files' schema: the columns of each scenario's events, written by
//! the Spark export and read back by `bslab run --events`, from this one
//! definition.
//!
//! Every file starts with `event_id, event_time_ms, arrival_time_ms`
//! (integers; ms since the Unix epoch, which is the start of the experiment),
//! then the scenario's [`Column`]s. Money is in integer cents so sums are exact.

use std::collections::BTreeMap;
use std::io::Write;

use super::Scenario;
use crate::event::Event;

/// Type of a column's values (Spark SQL: `long`, `int`, `string`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// 64-bit integer.
    Long,
    /// 32-bit integer.
    Int,
    /// Text (a name from a fixed list of plain ASCII names).
    Text,
}

/// Which part of an [`Event`] a column holds, and how.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    /// `Event::id`.
    Id,
    /// `Event::event_time_ms`.
    EventTime,
    /// `Event::arrival_time_ms`.
    ArrivalTime,
    /// `Event::entity`, as a number.
    Entity,
    /// `Event::entity`, as the name this function gives it.
    EntityName(fn(u32) -> String),
    /// `Event::detail`, as a number.
    Detail,
    /// `Event::detail`, as its name in this list.
    DetailName(&'static [&'static str]),
    /// `Event::amount_cents`.
    Amount,
    /// One digit of `Event::detail` in a mixed radix, as its name in `names`:
    /// `detail / place % names.len()` (web traffic: a page and a referrer in
    /// one byte). Reading adds `index × place`, so the columns of every digit
    /// together give the detail back.
    DetailPart {
        /// The digit's names, by value.
        names: &'static [&'static str],
        /// Its place value.
        place: u8,
    },
}

/// One column of an event file.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Column name (CSV header, JSON key, Spark column).
    pub name: &'static str,
    /// Type of its values.
    pub kind: ColumnType,
    /// What it holds.
    pub field: Field,
}

impl Column {
    /// A column named `name` of type `kind` holding `field`.
    pub const fn new(name: &'static str, kind: ColumnType, field: Field) -> Self {
        Self { name, kind, field }
    }
}

/// The columns every event file starts with.
const COMMON: [Column; 3] = [
    Column::new("event_id", ColumnType::Long, Field::Id),
    Column::new("event_time_ms", ColumnType::Long, Field::EventTime),
    Column::new("arrival_time_ms", ColumnType::Long, Field::ArrivalTime),
];

/// The columns of one scenario's event files, to write events and read them back.
#[derive(Debug, Clone)]
pub struct EventSchema {
    columns: Vec<Column>,
    /// Entity names back to entities (scenarios whose entities have names).
    entities: BTreeMap<String, u32>,
}

impl EventSchema {
    /// The schema of `scenario`'s events.
    pub fn new(scenario: &Scenario) -> Self {
        let mut columns = COMMON.to_vec();
        columns.extend(scenario.kind().columns());
        let (entities, _) = scenario.kind().payload_space();
        let entities = columns
            .iter()
            .find_map(|c| match c.field {
                Field::EntityName(name) => Some((0..entities).map(|i| (name(i), i)).collect()),
                _ => None,
            })
            .unwrap_or_default();
        Self { columns, entities }
    }

    /// Every column, in file order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The CSV header line (without its line end).
    pub fn header(&self) -> String {
        let names: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        names.join(",")
    }

    /// Appends `e` as one CSV line.
    pub fn write_csv(&self, out: &mut Vec<u8>, e: &Event) {
        for (i, c) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_value(out, c.field, e, false);
        }
        out.push(b'\n');
    }

    /// Appends `e` as one JSON Lines object.
    pub fn write_json(&self, out: &mut Vec<u8>, e: &Event) {
        out.push(b'{');
        for (i, c) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            // Names and text values come from fixed lists of plain ASCII names:
            // no escaping needed.
            let _ = write!(out, "\"{}\":", c.name);
            write_value(out, c.field, e, true);
        }
        out.extend_from_slice(b"}\n");
    }

    /// The event of one CSV line written by [`EventSchema::write_csv`] (None if
    /// a value is missing or not of its column's type; columns past the schema's
    /// are ignored). Ranges are checked by [`crate::check_event`].
    pub fn read_csv(&self, line: &str) -> Option<Event> {
        let mut e = Event {
            id: 0,
            event_time_ms: 0,
            arrival_time_ms: 0,
            entity: 0,
            detail: 0,
            amount_cents: 0,
        };
        let mut cells = line.split(',');
        for c in &self.columns {
            let text = cells.next()?;
            let int = || text.parse::<i64>().ok();
            match c.field {
                Field::Id => e.id = u64::try_from(int()?).ok()?,
                Field::EventTime => e.event_time_ms = int()?,
                Field::ArrivalTime => e.arrival_time_ms = int()?,
                Field::Entity => e.entity = u32::try_from(int()?).ok()?,
                Field::EntityName(_) => e.entity = *self.entities.get(text)?,
                Field::Detail => e.detail = u8::try_from(int()?).ok()?,
                Field::DetailName(names) => {
                    e.detail = u8::try_from(names.iter().position(|n| *n == text)?).ok()?
                }
                Field::Amount => e.amount_cents = int()?,
                Field::DetailPart { names, place } => {
                    let digit = u8::try_from(names.iter().position(|n| *n == text)?).ok()?;
                    e.detail = e.detail.checked_add(digit.checked_mul(place)?)?;
                }
            }
        }
        Some(e)
    }
}

fn write_value(out: &mut Vec<u8>, field: Field, e: &Event, quote_text: bool) {
    let text = |out: &mut Vec<u8>, s: &str| {
        if quote_text {
            out.push(b'"');
        }
        out.extend_from_slice(s.as_bytes());
        if quote_text {
            out.push(b'"');
        }
    };
    // Writing to a Vec cannot fail.
    let _ = match field {
        Field::Id => write!(out, "{}", e.id),
        Field::EventTime => write!(out, "{}", e.event_time_ms),
        Field::ArrivalTime => write!(out, "{}", e.arrival_time_ms),
        Field::Entity => write!(out, "{}", e.entity),
        Field::Detail => write!(out, "{}", e.detail),
        Field::Amount => write!(out, "{}", e.amount_cents),
        Field::EntityName(name) => {
            text(out, &name(e.entity));
            Ok(())
        }
        Field::DetailName(names) => {
            text(out, names.get(usize::from(e.detail)).unwrap_or(&"unknown"));
            Ok(())
        }
        Field::DetailPart { names, place } => {
            let digit = usize::from(e.detail / place.max(1)) % names.len().max(1);
            text(out, names.get(digit).unwrap_or(&"unknown"));
            Ok(())
        }
    };
}
