//! The event generator: arrival process, payloads, ingestion delays (and devices'
//! outages), injected bursts (fraud, IoT anomalies).
//!
//! Events come out in event-time order (ids increase with event time); their
//! arrival times are event time + delay, so they *arrive* out of order — the
//! [`crate::transit::Transit`] queue puts them back in arrival order.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp1};

use crate::config::{DelayConfig, ExperimentConfig, WorkloadConfig};
use crate::event::Event;
use crate::rng::{draws_below, rng, Stream};
use crate::scenario::{Scenario, VisitInjector};
use crate::time::TimeMs;

mod fraud;
mod outage_clock;
mod profile;
mod run;

pub(crate) use fraud::fraud_bursts;
pub use fraud::FraudBurst;
use fraud::FraudInjector;
use outage_clock::OutageClock;
use profile::{profile_factor, profile_peak, Thinning};

/// Generates the experiment's events in event-time order.
#[derive(Debug, Clone)]
pub(crate) struct Generator {
    workload: WorkloadConfig,
    delay: DelayConfig,
    /// [`DelayConfig::late_fraction`] as the 53-bit draws below it ([`draws_below`]):
    /// an integer comparison per event instead of a conversion and a product.
    late_below: u64,
    duration_ms: TimeMs,
    scenario: Scenario,
    arrivals: ChaCha8Rng,
    payload: ChaCha8Rng,
    delays: ChaCha8Rng,
    /// Base rate, in events per ms.
    base_per_ms: f64,
    /// Continuous time (ms) of the next accepted ordinary event; ∞ when done.
    next_base_ms: f64,
    /// Its event time, [`NO_BASE`] when done: converted once per ordinary
    /// event, not at each event's peek, by the saturating conversion alone
    /// (∞ saturates to [`NO_BASE`]; every other time is below the duration).
    next_base: TimeMs,
    next_id: u64,
    fraud: Option<FraudInjector>,
    /// Web traffic: the next views of the visits under way.
    visits: Option<VisitInjector>,
    /// The scenario's devices' outages, if any (a pure function of the seed).
    outages: Option<OutageClock>,
    /// The thinning's test against the daily profile.
    thinning: Thinning,
    /// The arrivals' envelope (events per ms) until [`Self::segment_end`].
    envelope: f64,
    /// Where the bursts' product next changes (−∞ before the first segment).
    segment_end: f64,
    /// The events of the latest [`Self::next_run`], kept for their memory.
    run: Vec<Event>,
}

/// [`Generator::next_base`] when no ordinary event is left.
const NO_BASE: TimeMs = TimeMs::MAX;

/// Most events of one [`Generator::next_run`]: a run stays in the first-level
/// cache (40 bytes each) and bounded whatever the rate; at most 64, the bits
/// of the mask of its ordinary events (`workload/run.rs`).
const RUN: usize = 64;

impl Generator {
    pub(crate) fn new(config: &ExperimentConfig, scenario: Scenario) -> Self {
        let fraud = FraudInjector::new(config.seed, &scenario);
        let visits = (scenario.kind().visits()).map(|v| VisitInjector::new(config.seed, v));
        // Landing views at rate / (views per visit): page views at the rate.
        let views_per_event = visits.as_ref().map_or(1.0, VisitInjector::mean_views);
        let outages = scenario.outages().map(|o| OutageClock::new(o, config.seed));
        let mut generator = Self {
            workload: config.workload.clone(),
            delay: config.delay.clone(),
            late_below: draws_below(config.delay.late_fraction),
            duration_ms: config.duration_ms,
            scenario,
            arrivals: rng(config.seed, Stream::Arrivals),
            payload: rng(config.seed, Stream::Payload),
            delays: rng(config.seed, Stream::Delay),
            base_per_ms: config.workload.rate_eps / 1_000.0 / views_per_event,
            next_base_ms: 0.0,
            next_base: NO_BASE,
            next_id: 0,
            fraud,
            visits,
            outages,
            thinning: Thinning::new(&config.workload.daily_profile),
            envelope: 0.0,
            segment_end: f64::NEG_INFINITY,
            run: Vec::with_capacity(RUN),
        };
        generator.advance_base();
        generator
    }

    /// Product of the multipliers of bursts active at `t`, and the next instant
    /// (a burst boundary, or the end of the run) where that product changes.
    fn burst_segment(&self, t: f64) -> (f64, f64) {
        let mut product = 1.0;
        let mut end = self.duration_ms as f64;
        for b in &self.workload.bursts {
            let (start, stop) = (b.start_ms as f64, (b.start_ms + b.duration_ms) as f64);
            if t >= start && t < stop {
                product *= b.multiplier;
            }
            for boundary in [start, stop] {
                if boundary > t && boundary < end {
                    end = boundary;
                }
            }
        }
        (product, end)
    }

    /// Moves `next_base_ms` to the next accepted candidate.
    ///
    /// Lewis–Shedler thinning under a piecewise-constant envelope: bursts change
    /// the envelope at their boundaries (a fresh exponential gap restarts there,
    /// which is exact for a Poisson process), so a short flash sale does not make
    /// the whole day pay for its peak; only the daily profile is thinned.
    ///
    /// The envelope is kept until the candidates reach the end of its segment:
    /// the bursts' product is the same at every instant before it (no burst
    /// starts or stops in between), so it is the one each candidate would find,
    /// without a pass over the bursts per candidate.
    #[inline(always)]
    fn advance_base(&mut self) {
        loop {
            let t = self.next_base_ms;
            if t >= self.segment_end {
                self.enter_segment(t);
            }
            let gap: f64 = Exp1.sample(&mut self.arrivals);
            let candidate = t + gap / self.envelope;
            if candidate >= self.segment_end {
                self.next_base_ms = self.segment_end;
                if self.segment_end >= self.duration_ms as f64 {
                    self.next_base_ms = f64::INFINITY;
                    break;
                }
                continue;
            }
            self.next_base_ms = candidate;
            if !self.thinning.thins() {
                break;
            }
            let u = self.arrivals.random::<f64>();
            if self.thinning.keeps(candidate, u) {
                break;
            }
        }
        let base = self.next_base_ms;
        self.next_base = base as TimeMs;
    }

    /// Sets the envelope and the end of the segment of bursts `t` is in.
    #[inline(never)]
    fn enter_segment(&mut self, t: f64) {
        let (bursts, end) = self.burst_segment(t);
        let profile_peak = profile_peak(&self.workload.daily_profile);
        self.envelope = self.base_per_ms * profile_peak * bursts;
        self.segment_end = end;
    }

    /// Event time of the next event, if any is left. Run once per generated
    /// event: while no injected event (fraud burst, IoT anomaly, visit) comes
    /// first it is the next ordinary event's time, read inline; the injectors
    /// are out of line.
    #[inline]
    pub(crate) fn peek_time(&mut self) -> Option<TimeMs> {
        let base = (self.next_base != NO_BASE).then_some(self.next_base);
        if self.visits.is_none() && self.fraud.as_ref().is_none_or(|f| f.quiet_through(base)) {
            return base;
        }
        self.peek_injected(base)
    }

    /// [`Generator::peek_time`] with injected events: the earliest of the next
    /// ordinary event (`base`), fraud transaction and visit view.
    #[inline(never)]
    fn peek_injected(&mut self, base: Option<TimeMs>) -> Option<TimeMs> {
        let mut t = base.unwrap_or(TimeMs::MAX);
        if let Some(fraud) = self.fraud.as_mut() {
            let horizon = base.unwrap_or(self.duration_ms).min(self.duration_ms - 1);
            // Bursts are rare: most events only compare with the next one's start.
            if fraud.next_burst_ms <= horizon as f64 {
                fraud.inject_until(horizon, &self.scenario);
            }
            if let Some(f) = fraud.peek_time().filter(|&f| f < self.duration_ms) {
                t = t.min(f);
            }
        }
        let visiting = self.visits.as_ref().and_then(VisitInjector::peek_time);
        if let Some(v) = visiting.filter(|&v| v < self.duration_ms) {
            t = t.min(v);
        }
        (t < TimeMs::MAX).then_some(t)
    }

    /// Events generated so far.
    pub(crate) fn generated(&self) -> u64 {
        self.next_id
    }

    /// The fraud bursts injected so far.
    pub(crate) fn fraud_bursts(&self) -> &[FraudBurst] {
        self.fraud.as_ref().map_or(&[], |f| &f.bursts)
    }
}

impl WorkloadConfig {
    /// Expected arrival rate at event time `t_ms`, in events per second: the base
    /// rate × the daily profile × the bursts active then (what the Poisson process
    /// draws from; fraud bursts come on top).
    pub fn rate_at(&self, t_ms: f64) -> f64 {
        let bursts: f64 = self
            .bursts
            .iter()
            .filter(|b| b.start_ms as f64 <= t_ms && t_ms < (b.start_ms + b.duration_ms) as f64)
            .map(|b| b.multiplier)
            .product();
        self.rate_eps * profile_factor(&self.daily_profile, t_ms) * bursts
    }
}

/// Events that arrive beyond `capacity_eps` over the run: ∫ max(0, rate(t) − capacity) dt,
/// summed over at most 100,000 steps. An upper bound of the backlog a pipeline can
/// pile up (draining in quieter periods only lowers it), so memory can be bounded
/// before running.
pub(crate) fn overload_events(w: &WorkloadConfig, duration_ms: TimeMs, capacity_eps: f64) -> f64 {
    if w.rate_eps * peak_multiplier(w) <= capacity_eps {
        return 0.0;
    }
    let step_ms = (duration_ms as f64 / 100_000.0).max(1_000.0);
    let mut total = 0.0;
    let mut t = 0.0;
    while t < duration_ms as f64 {
        let width = step_ms.min(duration_ms as f64 - t);
        let rate = w.rate_at(t + width / 2.0);
        total += (rate - capacity_eps).max(0.0) * width / 1_000.0;
        t += width;
    }
    total
}

/// Largest value of the rate multiplier over the run (profile peak × the largest
/// product of overlapping bursts): used to bound the expected number of events.
pub(crate) fn peak_multiplier(w: &WorkloadConfig) -> f64 {
    let bursts = w
        .bursts
        .iter()
        .map(|at| {
            w.bursts
                .iter()
                .filter(|b| b.start_ms <= at.start_ms && at.start_ms < b.start_ms + b.duration_ms)
                .map(|b| b.multiplier)
                .product::<f64>()
        })
        .fold(1.0, f64::max);
    profile_peak(&w.daily_profile) * bursts
}

/// Every event of an experiment, in event-time order (ids 0, 1, …): exactly the
/// events a [`crate::Simulation`] of the same config sees. For exports.
pub fn events(config: &ExperimentConfig) -> Result<Vec<Event>, crate::ConfigError> {
    Ok(event_stream(config)?.collect())
}

/// The events of [`events`], generated one at a time: a caller that writes them
/// out as they come (the Spark export) holds none of them, whatever their number.
pub fn event_stream(
    config: &ExperimentConfig,
) -> Result<impl Iterator<Item = Event>, crate::ConfigError> {
    config.validate()?;
    let mut generator = Generator::new(config, Scenario::new(&config.scenario));
    let until = config.duration_ms;
    let runs = std::iter::from_fn(move || Some(generator.next_run(until).to_vec()));
    Ok(runs.take_while(|run| !run.is_empty()).flatten())
}
