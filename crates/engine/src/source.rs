//! Where events come from: the seeded generator, or a given list replayed as is
//! (hand-worked examples in tests, data imported back from an export).

use std::collections::BTreeSet;

use crate::config::ExperimentConfig;
use crate::error::{ConfigError, FieldError};
use crate::event::Event;
use crate::params::Unit;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::validate::MAX_DELAY_MS;
use crate::workload::{fraud_bursts, FraudBurst, Generator};

#[derive(Debug, Clone)]
pub(crate) enum Source {
    Generated(Box<Generator>),
    Replay {
        events: Vec<Event>,
        next: usize,
        /// The config's fraud bursts that the events hold (see [`replayed_bursts`]).
        bursts: Vec<FraudBurst>,
    },
}

impl Source {
    /// A replay of `events`, checked against `config`; they are sorted by event
    /// time (stable) and renumbered in that order.
    pub(crate) fn replay(
        config: &ExperimentConfig,
        mut events: Vec<Event>,
    ) -> Result<Self, ConfigError> {
        let check = event_checker(config);
        for (i, e) in events.iter().enumerate() {
            check(e).map_err(|mut error| {
                error.field = format!("events[{i}].{}", error.field);
                ConfigError::single(error)
            })?;
        }
        events.sort_by_key(|e| e.event_time_ms);
        for (i, e) in events.iter_mut().enumerate() {
            e.id = i as u64;
        }
        let bursts = replayed_bursts(config, &events);
        Ok(Self::Replay {
            events,
            next: 0,
            bursts,
        })
    }

    pub(crate) fn peek_time(&mut self) -> Option<TimeMs> {
        match self {
            Self::Generated(g) => g.peek_time(),
            Self::Replay { events, next, .. } => events.get(*next).map(|e| e.event_time_ms),
        }
    }

    /// The next events with event time at most `until`, in event-time order:
    /// a run of them ([`Generator::next_run`]), empty once every such event is out.
    pub(crate) fn next_run(&mut self, until: TimeMs) -> &[Event] {
        match self {
            Self::Generated(g) => g.next_run(until),
            Self::Replay { events, next, .. } => {
                let rest = events.get(*next..).unwrap_or_default();
                let run = &rest[..rest.partition_point(|e| e.event_time_ms <= until)];
                *next += run.len();
                run
            }
        }
    }

    pub(crate) fn generated(&self) -> u64 {
        match self {
            Self::Generated(g) => g.generated(),
            Self::Replay { next, .. } => *next as u64,
        }
    }

    pub(crate) fn fraud_bursts(&self) -> &[FraudBurst] {
        match self {
            Self::Generated(g) => g.fraud_bursts(),
            Self::Replay { bursts, .. } => bursts,
        }
    }
}

/// The fraud bursts of a replay: the config's own (they follow from its seed and
/// scenario) that the events hold, so that replaying a run's exported events
/// scores its detections exactly as the run did. A burst is kept when each of its
/// transactions before the duration is an event flagged as injected (same card,
/// time and amount); events made by hand, or a longer duration than the events
/// were made for, do not get bursts they do not contain.
fn replayed_bursts(config: &ExperimentConfig, events: &[Event]) -> Vec<FraudBurst> {
    let scenario = Scenario::new(&config.scenario);
    if scenario.kind().bursts().is_none() {
        return Vec::new();
    }
    let injected: BTreeSet<(u32, TimeMs, i64)> = events
        .iter()
        .filter(|e| e.detail == 1)
        .map(|e| (e.entity, e.event_time_ms, e.amount_cents))
        .collect();
    let mut bursts = fraud_bursts(config, &scenario);
    bursts.retain(|b| {
        b.transactions
            .iter()
            .filter(|(t, _)| *t < config.duration_ms)
            .all(|&(t, amount)| injected.contains(&(b.card, t, amount)))
    });
    bursts
}

/// Checks one event to replay against `config`: event time within the
/// duration, arrival within the longest delay, key and detail in range. The
/// error names the event's field (`entity`, `detail`, …).
pub fn check_event(config: &ExperimentConfig, e: &Event) -> Result<(), FieldError> {
    event_checker(config)(e)
}

/// [`check_event`] for many events: the scenario is built once.
pub fn event_checker(config: &ExperimentConfig) -> impl Fn(&Event) -> Result<(), FieldError> + '_ {
    let space = Scenario::new(&config.scenario).kind().payload_space();
    move |e| check_in(config, space, e)
}

fn check_in(
    config: &ExperimentConfig,
    (entities, details): (u32, u8),
    e: &Event,
) -> Result<(), FieldError> {
    let fail = |field: &str, value: i64, unit: Unit, min: i64, max: i64| {
        Err(FieldError::out_of_range(
            field,
            value as f64,
            unit,
            min as f64,
            max as f64,
        ))
    };
    if e.event_time_ms < 0 || e.event_time_ms >= config.duration_ms {
        let last = config.duration_ms - 1;
        return fail("event_time_ms", e.event_time_ms, Unit::Ms, 0, last);
    }
    let delay = e.arrival_time_ms.saturating_sub(e.event_time_ms);
    if !(0..=MAX_DELAY_MS).contains(&delay) {
        let latest = e.event_time_ms.saturating_add(MAX_DELAY_MS);
        return fail(
            "arrival_time_ms",
            e.arrival_time_ms,
            Unit::Ms,
            e.event_time_ms,
            latest,
        );
    }
    if e.entity >= entities {
        return fail(
            "entity",
            e.entity.into(),
            Unit::None,
            0,
            i64::from(entities) - 1,
        );
    }
    if e.detail >= details {
        return fail(
            "detail",
            e.detail.into(),
            Unit::None,
            0,
            i64::from(details) - 1,
        );
    }
    Ok(())
}
