//! Queueing theory next to the measurement, for per-record (continuous) streaming
//! under Poisson arrivals: c workers, exponential (M/M/c) or fixed (M/D/c) service.
//!
//! ```text
//! λ arrivals/s ─► FIFO queue (Wq) ─► c workers, μ each (service 1/μ) ─► W = Wq + 1/μ
//! ρ = λ / (c·μ)   M/M/c: Wq = C(c, λ/μ) / (c·μ − λ)   (Erlang C)
//!                 M/D/1: Wq = ρ / (2μ(1 − ρ))          (Pollaczek–Khinchine)
//!                 M/D/c: Wq ≈ M/M/c's / 2              (Allen–Cunneen, not exact)
//! Little's law: L = λ·W, for any queue.
//! ```

use serde::Serialize;

use crate::config::{ExperimentConfig, ServiceTime, StreamingMode};
use crate::time::TimeMs;

/// Queueing theory and measurement side by side (continuous mode, Poisson arrivals).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QueueingReport {
    /// Kendall notation of the queue: `M/M/1`, `M/D/2`…
    pub model: &'static str,
    /// Workers (c).
    pub workers: u32,
    /// Arrival rate λ, in events per second (the configured Poisson rate).
    pub arrival_rate_eps: f64,
    /// Service rate μ of one worker, in events per second (1 / mean service time).
    pub service_rate_eps: f64,
    /// Utilisation ρ = λ / (c·μ): the busy share of each worker; ≥ 1 means unstable.
    pub utilisation: f64,
    /// What theory predicts (null when ρ ≥ 1: the queue grows without bound).
    pub predicted: Option<QueueFigures>,
    /// Whether the prediction is exact (false for M/D/c with c > 1: an approximation).
    pub exact: bool,
    /// What the run measured so far.
    pub measured: QueueFigures,
}

/// Mean times and populations of a queue (predicted or measured).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct QueueFigures {
    /// Mean wait in the queue before service (Wq), in ms.
    pub wait_ms: f64,
    /// Mean time in system, wait + service (W), in ms.
    pub time_in_system_ms: f64,
    /// Mean number of events in the system (L): measured as a time average.
    pub in_system: f64,
    /// Little's law: arrival rate × mean time in system (λ·W), events.
    pub littles_law_in_system: f64,
    /// Events that completed service (0 for a prediction).
    pub completed: u64,
}

/// Running sums of the continuous pipeline's queue (exact, per event).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct QueueTally {
    arrived: u64,
    completed: u64,
    /// Σ (service start − arrival) of completed events, in ms.
    wait_ms: f64,
    /// Σ (completion − arrival) of completed events, in ms.
    sojourn_ms: f64,
    /// Σ arrival time of the events still in the system, in ms.
    in_system_arrivals_ms: i128,
}

impl QueueTally {
    /// An event enters the system at `arrival_ms`.
    pub(crate) fn arrive(&mut self, arrival_ms: TimeMs) {
        self.arrived += 1;
        self.in_system_arrivals_ms += i128::from(arrival_ms);
    }

    /// An event that arrived at `arrival_ms`, waited `wait_ms` and was served in
    /// `service_ms` leaves the system.
    pub(crate) fn complete(&mut self, arrival_ms: TimeMs, wait_ms: f64, service_ms: f64) {
        self.completed += 1;
        self.wait_ms += wait_ms;
        self.sojourn_ms += wait_ms + service_ms;
        self.in_system_arrivals_ms -= i128::from(arrival_ms);
    }

    /// Measured figures at `now` (ms): L is the time average of the number in the
    /// system over `[0, now]` (every event's time in the system, counted to `now`).
    fn measured(&self, now: TimeMs) -> QueueFigures {
        let in_system = self.arrived - self.completed;
        let open_ms = (i128::from(now) * i128::from(in_system) - self.in_system_arrivals_ms) as f64;
        let per = |sum: f64| {
            if self.completed == 0 {
                0.0
            } else {
                sum / self.completed as f64
            }
        };
        let seconds = now as f64 / 1_000.0;
        let lambda = if now > 0 {
            self.arrived as f64 / seconds
        } else {
            0.0
        };
        let w = per(self.sojourn_ms);
        QueueFigures {
            wait_ms: per(self.wait_ms),
            time_in_system_ms: w,
            in_system: if now > 0 {
                (self.sojourn_ms + open_ms) / now as f64
            } else {
                0.0
            },
            littles_law_in_system: lambda * w / 1_000.0,
            completed: self.completed,
        }
    }
}

/// Erlang C: probability that an arrival waits, with `c` servers and offered load
/// `a` = λ/μ (< c). Computed from Erlang B's recurrence, stable for any c.
pub fn erlang_c(c: u32, a: f64) -> f64 {
    let b = (1..=c).fold(1.0, |b, k| a * b / (f64::from(k) + a * b));
    let c = f64::from(c);
    c * b / (c - a * (1.0 - b))
}

/// Predicted figures for `c` servers of rate `mu`, arrivals at `lambda` (events/s);
/// `None` if the queue is unstable (λ ≥ c·μ). Second value: whether it is exact.
pub fn predict(c: u32, service: ServiceTime, lambda: f64, mu: f64) -> (Option<QueueFigures>, bool) {
    let capacity = f64::from(c) * mu;
    let exact = service == ServiceTime::Exponential || c == 1;
    if !(lambda < capacity && lambda >= 0.0 && mu > 0.0) {
        return (None, exact);
    }
    let mmc_wait_s = erlang_c(c, lambda / mu) / (capacity - lambda);
    let wait_s = match service {
        ServiceTime::Exponential => mmc_wait_s,
        // Pollaczek–Khinchine (exact for c = 1): deterministic service halves the wait.
        ServiceTime::Fixed => mmc_wait_s / 2.0,
    };
    let w_s = wait_s + 1.0 / mu;
    let figures = QueueFigures {
        wait_ms: wait_s * 1_000.0,
        time_in_system_ms: w_s * 1_000.0,
        in_system: lambda * w_s,
        littles_law_in_system: lambda * w_s,
        completed: 0,
    };
    (Some(figures), exact)
}

/// The queueing report of `cfg` at `now`, if its streaming pipeline is a queue
/// with Poisson arrivals: continuous mode, a flat rate with no bursts and no
/// injected bursts and no devices' outages (ingestion delays, independent per event, keep
/// arrivals Poisson).
pub(crate) fn report(
    cfg: &ExperimentConfig,
    tally: &QueueTally,
    now: TimeMs,
) -> Option<QueueingReport> {
    let StreamingMode::Continuous {
        workers,
        service,
        service_mean_ms,
    } = cfg.streaming.mode
    else {
        return None;
    };
    let w = &cfg.workload;
    let flat = matches!(w.daily_profile, crate::config::DailyProfile::Flat) && w.bursts.is_empty();
    let scenario = crate::scenario::kind(&cfg.scenario);
    let injected = scenario.bursts().is_some_and(|b| b.per_hour > 0.0);
    // Outages hold a device's readings and release them together: not Poisson.
    if !flat || injected || scenario.outages().is_some() {
        return None;
    }
    let mu = 1_000.0 / service_mean_ms;
    let (predicted, exact) = predict(workers, service, w.rate_eps, mu);
    Some(QueueingReport {
        model: model(service, workers),
        workers,
        arrival_rate_eps: w.rate_eps,
        service_rate_eps: mu,
        utilisation: w.rate_eps / (f64::from(workers) * mu),
        predicted,
        exact,
        measured: tally.measured(now),
    })
}

fn model(service: ServiceTime, workers: u32) -> &'static str {
    match (service, workers) {
        (ServiceTime::Exponential, 1) => "M/M/1",
        (ServiceTime::Exponential, _) => "M/M/c",
        (ServiceTime::Fixed, 1) => "M/D/1",
        (ServiceTime::Fixed, _) => "M/D/c",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_values() {
        // M/M/1, λ = 8, μ = 10: W = 1/(μ − λ) = 0.5 s, Wq = ρ/(μ − λ) = 0.4 s.
        let (p, exact) = predict(1, ServiceTime::Exponential, 8.0, 10.0);
        let p = p.expect("stable");
        assert!(exact);
        assert!((p.time_in_system_ms - 500.0).abs() < 1e-9, "{p:?}");
        assert!((p.wait_ms - 400.0).abs() < 1e-9, "{p:?}");
        assert!((p.in_system - 4.0).abs() < 1e-9, "L = λW = 4: {p:?}");
        // M/D/1: W = 1/μ + λ/(2μ(μ − λ)) = 0.1 + 8/40 = 0.3 s.
        let (p, exact) = predict(1, ServiceTime::Fixed, 8.0, 10.0);
        assert!(exact);
        assert!((p.expect("stable").time_in_system_ms - 300.0).abs() < 1e-9);
        // Erlang C, c = 2, a = 1 (ρ = 0.5): 1/3.
        assert!((erlang_c(2, 1.0) - 1.0 / 3.0).abs() < 1e-12);
        // c = 1: Erlang C is ρ.
        assert!((erlang_c(1, 0.7) - 0.7).abs() < 1e-12);
        assert!(
            !predict(2, ServiceTime::Fixed, 1.0, 1.0).1,
            "M/D/c is approximate"
        );
        assert_eq!(predict(1, ServiceTime::Exponential, 10.0, 10.0).0, None);
    }

    #[test]
    fn tally_measures_l_as_a_time_average() {
        let mut t = QueueTally::default();
        t.arrive(0);
        t.complete(0, 0.0, 500.0);
        t.arrive(500);
        // [0, 1000]: one event for 500 ms, another from 500 still there: L = 1.
        let m = t.measured(1_000);
        assert!((m.in_system - 1.0).abs() < 1e-12, "{m:?}");
        assert_eq!((m.completed, m.time_in_system_ms), (1, 500.0));
    }
}
