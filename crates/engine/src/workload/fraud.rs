//! Injected fraud bursts: when they happen (a Poisson process of bursts per hour of
//! event time), which card, and the transactions each adds; kept whole to score
//! time-to-detect and money lost. Apart from the generator because a replay of a
//! run's events needs the bursts without generating.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};

use crate::config::ExperimentConfig;
use crate::rng::{rng, Stream};
use crate::scenario::Scenario;
use crate::time::{TimeMs, HOUR_MS};

/// One injected fraud burst, kept to score time-to-detect and money lost.
#[derive(Debug, Clone, PartialEq)]
pub struct FraudBurst {
    /// The stolen card.
    pub card: u32,
    /// Event time of its first transaction, in ms.
    pub start_ms: TimeMs,
    /// Event time and amount (cents) of each of its transactions, in time order.
    pub transactions: Vec<(TimeMs, i64)>,
}

/// Fraud bursts: when they happen and how they look.
#[derive(Debug, Clone)]
pub(super) struct FraudInjector {
    rng: ChaCha8Rng,
    /// Mean gap between bursts, in ms (None: no bursts).
    mean_gap_ms: Option<f64>,
    pub(super) next_burst_ms: f64,
    transactions: u32,
    duration_ms: TimeMs,
    cards: u32,
    /// Injected transactions not yet emitted: (event time, burst index, amount).
    pub(super) pending: BinaryHeap<Reverse<(TimeMs, u32, usize, i64)>>,
    pub(super) bursts: Vec<FraudBurst>,
}

impl FraudInjector {
    pub(super) fn new(seed: u64, scenario: &Scenario) -> Option<Self> {
        let bursts = scenario.kind().bursts()?;
        let mut injector = Self {
            rng: rng(seed, Stream::Fraud),
            mean_gap_ms: (bursts.per_hour > 0.0).then(|| HOUR_MS as f64 / bursts.per_hour),
            next_burst_ms: 0.0,
            transactions: bursts.transactions,
            duration_ms: bursts.duration_ms,
            cards: bursts.entities,
            pending: BinaryHeap::new(),
            bursts: Vec::new(),
        };
        injector.schedule_next();
        Some(injector)
    }

    fn schedule_next(&mut self) {
        self.next_burst_ms = match self.mean_gap_ms {
            Some(gap) => {
                let x: f64 = Exp1.sample(&mut self.rng);
                self.next_burst_ms + gap * x
            }
            None => f64::INFINITY,
        };
    }

    /// Creates every burst that starts at or before `t`. Out of line: bursts
    /// are rare, and inlined this loop made `Generator::peek_time`, run per event, heavy.
    #[inline(never)]
    pub(super) fn inject_until(&mut self, t: TimeMs, scenario: &Scenario) {
        while self.next_burst_ms <= t as f64 {
            let start = self.next_burst_ms as TimeMs;
            let card = self.rng.random_range(0..self.cards);
            let mut times: Vec<TimeMs> = (0..self.transactions)
                .map(|_| start + self.rng.random_range(0..self.duration_ms))
                .collect();
            times.sort_unstable();
            let index = self.bursts.len();
            let transactions: Vec<(TimeMs, i64)> = times
                .iter()
                .map(|&time| (time, scenario.amount(&mut self.rng)))
                .collect();
            for &(time, amount) in &transactions {
                self.pending.push(Reverse((time, card, index, amount)));
            }
            self.bursts.push(FraudBurst {
                card,
                start_ms: transactions.first().map_or(start, |t| t.0),
                transactions,
            });
            self.schedule_next();
        }
    }

    pub(super) fn peek_time(&self) -> Option<TimeMs> {
        self.pending.peek().map(|Reverse(p)| p.0)
    }

    /// Whether nothing injected comes at or before `base`, the next ordinary
    /// event (before the end of the run): no burst starts by then and no
    /// transaction is due, so the generator need not look further. Asked per
    /// event: bursts are rare, and IoT anomalies are a few per hour.
    #[inline]
    pub(super) fn quiet_through(&self, base: Option<TimeMs>) -> bool {
        base.is_some_and(|t| {
            (t as f64) < self.next_burst_ms && self.peek_time().is_none_or(|due| due > t)
        })
    }
}

/// The fraud bursts a run of `config` injects (none unless the scenario is
/// fraud): every burst starting before the duration, with all its transactions,
/// even those after the duration. They depend only on the seed and the
/// scenario, so a replay of a run's events knows them without generating.
pub(crate) fn fraud_bursts(config: &ExperimentConfig, scenario: &Scenario) -> Vec<FraudBurst> {
    FraudInjector::new(config.seed, scenario).map_or_else(Vec::new, |mut injector| {
        injector.inject_until(config.duration_ms - 1, scenario);
        injector.bursts
    })
}
