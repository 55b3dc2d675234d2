//! Stretches of time where the input rate is above the streaming pipeline's
//! capacity: the chart shades them and names them ("falling behind",
//! backpressure). From the workload's expected rate, not the measured one, so
//! Poisson noise around a busy queue never paints a false alarm. Pure.

use bslab_engine::WorkloadConfig;

/// One stretch of simulated time, in ms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// Start, in ms.
    pub from_ms: f64,
    /// End, in ms.
    pub to_ms: f64,
}

/// Points scanned over the run: finer than any chart can draw.
const SCAN_POINTS: f64 = 2_000.0;

/// Where `workload`'s expected rate exceeds `capacity` (events/s) over `[0, until_ms]`.
pub fn overload(
    workload: &WorkloadConfig,
    capacity: Option<f64>,
    duration_ms: f64,
    until_ms: f64,
) -> Vec<Band> {
    let Some(capacity) = capacity else {
        return Vec::new();
    };
    let step = (duration_ms / SCAN_POINTS).max(1.0);
    let mut bands: Vec<Band> = Vec::new();
    let mut open: Option<f64> = None;
    let mut t = 0.0;
    while t < until_ms {
        let over = workload.rate_at(t) > capacity;
        match (over, open) {
            (true, None) => open = Some(t),
            (false, Some(from)) => {
                bands.push(Band {
                    from_ms: from,
                    to_ms: t,
                });
                open = None;
            }
            _ => {}
        }
        t += step;
    }
    if let Some(from) = open {
        bands.push(Band {
            from_ms: from,
            to_ms: until_ms,
        });
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::presets;

    #[test]
    fn the_spike_preset_is_overloaded_exactly_during_its_burst() {
        let c = presets::by_name("streaming-falls-behind")
            .expect("preset")
            .config;
        let capacity = c.streaming.mode.capacity_eps();
        let d = c.duration_ms as f64;
        let bands = overload(&c.workload, capacity, d, d);
        assert_eq!(bands.len(), 1, "{bands:?}");
        let burst = &c.workload.bursts[0];
        let step = d / SCAN_POINTS;
        assert!((bands[0].from_ms - burst.start_ms as f64).abs() <= step);
        assert!((bands[0].to_ms - (burst.start_ms + burst.duration_ms) as f64).abs() <= step);
        // Not yet reached: not shown.
        assert!(overload(&c.workload, capacity, d, burst.start_ms as f64 - 1.0).is_empty());
        // The M/M/1 preset runs at 80 %: never overloaded, however noisy its arrivals.
        let q = presets::by_name("queue-mm1").expect("preset").config;
        let qd = q.duration_ms as f64;
        assert!(overload(&q.workload, q.streaming.mode.capacity_eps(), qd, qd).is_empty());
    }
}
