//! A run of a config's generated events continued past its duration (the Spark
//! export's drain), generating the events as it goes instead of holding them.

use crate::config::ExperimentConfig;
use crate::error::SimError;
use crate::scenario::Scenario;
use crate::source::Source;
use crate::window::Geometry;
use crate::workload::Generator;

use super::Simulation;

impl Simulation {
    /// Builds a simulation whose events are those `config` generates (none at or
    /// after its duration, see [`crate::event_stream`]) and whose pipelines,
    /// windows and duration follow `run` (typically `config` with a longer
    /// duration, so that every event arrives and is processed).
    ///
    /// The same run as [`Simulation::with_events`]`(run, events(config))`, but
    /// without the list of events: memory stays within the resource model
    /// whatever their number. Its limits are a replay's (the events end at
    /// `config`'s duration). Fraud bursts are `config`'s own, so a burst cut by
    /// the duration is scored where a replay leaves it out.
    pub fn past_duration(
        config: &ExperimentConfig,
        run: ExperimentConfig,
    ) -> Result<Self, SimError> {
        config.validate()?;
        run.validate_replay_until(config.duration_ms)?;
        let scenario = Scenario::new(&config.scenario);
        let source = Source::Generated(Box::new(Generator::new(config, scenario.clone())));
        let geometry = Geometry::new(crate::window::assigner(&run.window));
        Ok(Self::build(run, source, scenario, geometry, None))
    }
}
