//! Load spikes a teacher can cause: add one at the current instant ("spike
//! now", a flash sale or a viral post on demand) or remove one. Pure functions
//! of the config; the engine's validation decides whether the result is allowed.

use bslab_engine::{Burst, ExperimentConfig, FieldError, TimeMs, ValidConfig};

/// How long a spike added by "spike now" lasts, in ms (at most to the end of the run).
pub const SPIKE_DURATION_MS: TimeMs = 5 * 60_000;
/// Arrival-rate multiplier of a spike added by "spike now".
pub const SPIKE_MULTIPLIER: f64 = 10.0;

/// `config` with a spike starting at `now_ms`, or the engine's reason why not
/// (`None` as reason: the run has ended, there is no time left for a spike).
pub fn spike_at(
    config: &ExperimentConfig,
    now_ms: TimeMs,
) -> Result<ValidConfig, Option<FieldError>> {
    let duration_ms = SPIKE_DURATION_MS.min(config.duration_ms - now_ms);
    if duration_ms < 1 {
        return Err(None);
    }
    let mut spiked = config.clone();
    spiked.workload.bursts.push(Burst {
        start_ms: now_ms,
        duration_ms,
        multiplier: SPIKE_MULTIPLIER,
    });
    spiked.validated().map_err(|e| e.fields.into_iter().next())
}

/// `config` without its spike number `index` (unchanged if there is none).
pub fn without(config: &ExperimentConfig, index: usize) -> ExperimentConfig {
    let mut c = config.clone();
    if index < c.workload.bursts.len() {
        c.workload.bursts.remove(index);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::{presets, Simulation};

    fn sales() -> ExperimentConfig {
        presets::by_name("sales-daily-vs-live")
            .expect("preset")
            .config
    }

    #[test]
    fn a_spike_now_keeps_the_past_and_brings_many_more_events() {
        let c = sales();
        assert!(
            c.workload.bursts.is_empty(),
            "the sales preset has no spike"
        );
        let now = 3_600_000;
        let spiked = spike_at(&c, now).expect("allowed");
        assert_eq!(spiked.workload.bursts.len(), 1);
        let generated_after = |config: ExperimentConfig| {
            let mut sim = Simulation::new(config).expect("valid");
            sim.step_until(now).expect("forward");
            let before = sim.live();
            sim.step_until(now + 120_000).expect("forward");
            (before, sim.live().generated)
        };
        let (plain_before, plain) = generated_after(c);
        let (spiked_before, spiked_generated) = generated_after(spiked.into_config());
        // The past is the same run; from now on, many more events arrive.
        assert_eq!(plain_before, spiked_before);
        assert!(spiked_generated > plain + (plain - plain_before.generated) * 5);
    }

    #[test]
    fn spikes_are_removed_and_refused_when_the_run_is_over() {
        let c = sales();
        let spiked = spike_at(&c, 0).expect("allowed");
        assert_eq!(without(&spiked, 0), c);
        assert_eq!(without(&c, 3), c);
        assert_eq!(spike_at(&c, c.duration_ms), Err(None));
        let mut full = c.clone();
        full.workload.bursts = vec![spiked.workload.bursts[0].clone(); 32];
        let refused = spike_at(&full, 0).expect_err("33 bursts");
        assert_eq!(
            refused.map(|e| e.field),
            Some("workload.bursts".to_string())
        );
    }
}
