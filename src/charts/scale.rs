//! Axis maths of the SVG charts: linear and log scales with "nice" ticks, and
//! time-aware ones (ticks at 30 s, 5 min, 1 h… rather than at 0.8 h). Pure.

/// Nice steps of a time axis, in ms.
const TIME_STEPS: [f64; 24] = [
    1.0,
    2.0,
    5.0,
    10.0,
    20.0,
    50.0,
    100.0,
    200.0,
    500.0,
    1_000.0,
    2_000.0,
    5_000.0,
    10_000.0,
    15_000.0,
    30_000.0,
    60_000.0,
    120_000.0,
    300_000.0,
    600_000.0,
    900_000.0,
    1_800_000.0,
    3_600_000.0,
    7_200_000.0,
    10_800_000.0,
];
/// Nice steps of a time axis beyond 3 h, in ms.
const LONG_TIME_STEPS: [f64; 6] = [
    21_600_000.0,
    43_200_000.0,
    86_400_000.0,
    172_800_000.0,
    604_800_000.0,
    2_592_000_000.0,
];
/// Ticks of a logarithmic time axis, in ms: 1 ms, 10 ms, 100 ms, 1 s, 10 s, 1 min, 10 min, 1 h, 6 h, 1 d, 10 d.
const LOG_TIME_TICKS: [f64; 11] = [
    1.0,
    10.0,
    100.0,
    1_000.0,
    10_000.0,
    60_000.0,
    600_000.0,
    3_600_000.0,
    21_600_000.0,
    86_400_000.0,
    864_000_000.0,
];

/// A y scale mapping data values onto `[0, 1]` (0 = bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Lowest value shown.
    pub min: f64,
    /// Highest value shown.
    pub max: f64,
    /// Logarithmic (base 10).
    pub log: bool,
    /// Distance between two ticks (linear scales).
    pub step: f64,
    /// Values are durations in ms (ticks at round durations).
    pub time: bool,
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0_f64);
    for v in values.filter(|v| v.is_finite()) {
        hi = hi.max(v);
        if v > 0.0 {
            lo = lo.min(v);
        }
    }
    (lo, hi)
}

impl Scale {
    /// A scale fitting `values` (linear from 0, or log from the smallest positive
    /// value); `time`: the values are durations in ms.
    pub fn fit(values: impl Iterator<Item = f64>, log: bool, time: bool) -> Scale {
        let (lo, hi) = bounds(values);
        match (log, time) {
            (true, true) => {
                let lo = if lo.is_finite() { lo } else { 1_000.0 };
                let min = LOG_TIME_TICKS
                    .iter()
                    .rev()
                    .find(|t| **t <= lo)
                    .copied()
                    .unwrap_or(1.0);
                let max = LOG_TIME_TICKS
                    .iter()
                    .find(|t| **t >= hi.max(min * 10.0))
                    .copied()
                    .unwrap_or(864_000_000.0);
                Scale {
                    min,
                    max,
                    log,
                    step: 0.0,
                    time,
                }
            }
            (true, false) => {
                let lo = if lo.is_finite() { lo } else { 1.0 };
                let min = 10f64.powf(lo.log10().floor());
                let max = 10f64.powf(hi.max(min * 10.0).log10().ceil());
                Scale {
                    min,
                    max,
                    log,
                    step: 0.0,
                    time,
                }
            }
            (false, true) => Self::time_to(hi * 1.05),
            (false, false) => Self::linear_to(hi * 1.05),
        }
    }

    /// A linear scale from 0 to a round number ≥ `hi`, with 4 to 6 ticks.
    pub fn linear_to(hi: f64) -> Scale {
        let hi = if hi.is_finite() && hi > 0.0 { hi } else { 1.0 };
        let (max, step) = [4.0, 5.0, 6.0]
            .iter()
            .map(|div| {
                let step = nice_step(hi / div);
                ((hi / step).ceil() * step, step)
            })
            .fold(
                (f64::INFINITY, 1.0),
                |best, c| if c.0 < best.0 { c } else { best },
            );
        Scale {
            min: 0.0,
            max,
            log: false,
            step,
            time: false,
        }
    }

    /// A linear time scale (ms) from 0 to a round duration ≥ `hi`, with 3 to 6 ticks.
    pub fn time_to(hi: f64) -> Scale {
        let hi = if hi.is_finite() && hi > 0.0 {
            hi
        } else {
            1_000.0
        };
        let step = time_step(hi, 6.0);
        Scale {
            min: 0.0,
            max: (hi / step).ceil() * step,
            log: false,
            step,
            time: true,
        }
    }

    /// Whether `v` can be drawn: a log axis has no place for zero (drawing it on the
    /// axis' bottom would read as its lowest tick, e.g. 10 events/s for none).
    pub fn shows(&self, v: f64) -> bool {
        !self.log || v > 0.0
    }

    /// Position of `v` in `[0, 1]`, clamped.
    pub fn pos(&self, v: f64) -> f64 {
        let p = if self.log {
            let v = v.max(self.min);
            (v.log10() - self.min.log10()) / (self.max.log10() - self.min.log10())
        } else {
            (v - self.min) / (self.max - self.min)
        };
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// Tick values: round durations or powers of ten (log), or 4–6 round numbers (linear).
    pub fn ticks(&self) -> Vec<f64> {
        if self.log && self.time {
            LOG_TIME_TICKS
                .iter()
                .copied()
                .filter(|t| *t >= self.min && *t <= self.max)
                .collect()
        } else if self.log {
            let (a, b) = (self.min.log10() as i32, self.max.log10() as i32);
            let step = ((b - a) / 5 + 1).max(1);
            (a..=b)
                .step_by(step as usize)
                .map(|e| 10f64.powi(e))
                .collect()
        } else {
            let step = if self.step > 0.0 { self.step } else { 1.0 };
            (0..=12)
                .map(|i| f64::from(i) * step)
                .take_while(|v| *v <= self.max * 1.0001)
                .collect()
        }
    }
}

/// The smallest nice time step (ms) giving at most `max_ticks` intervals over `span`.
pub fn time_step(span: f64, max_ticks: f64) -> f64 {
    TIME_STEPS
        .iter()
        .chain(LONG_TIME_STEPS.iter())
        .copied()
        .find(|s| span / s <= max_ticks)
        .unwrap_or_else(|| nice_step(span / max_ticks))
}

/// Ticks of the time (x) axis from 0 to `span` ms: at most `max_ticks` intervals.
pub fn time_ticks(span: f64, max_ticks: f64) -> (Vec<f64>, f64) {
    let step = time_step(span.max(1.0), max_ticks);
    let ticks = (0..=64)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= span + 1e-6)
        .collect();
    (ticks, step)
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ `x`.
pub fn nice_step(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= x)
        .unwrap_or(10.0 * p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_and_log_ticks() {
        let s = Scale::fit([3.0, 97.0].into_iter(), false, false);
        assert_eq!(s.min, 0.0);
        assert!(s.max >= 97.0 && s.max <= 125.0, "{s:?}");
        assert_eq!(s.pos(0.0), 0.0);
        assert!(s.ticks().len() >= 4);
        let l = Scale::fit([20.0, 3_600_000.0].into_iter(), true, false);
        assert_eq!((l.min, l.max), (10.0, 10_000_000.0));
        assert_eq!(l.pos(10_000_000.0), 1.0);
        let pct = Scale::linear_to(100.0);
        assert_eq!((pct.max, pct.ticks().len()), (100.0, 5));
        let empty = Scale::fit(std::iter::empty(), true, true);
        assert!(empty.pos(5.0).is_finite());
        assert!(!l.shows(0.0) && l.shows(20.0) && s.shows(0.0));
    }

    #[test]
    fn time_scales_tick_at_round_durations() {
        let s = Scale::fit([80_000.0].into_iter(), false, true);
        assert_eq!((s.step, s.max), (15_000.0, 90_000.0));
        let l = Scale::fit([3_300.0, 3_000_000.0].into_iter(), true, true);
        assert_eq!(
            l.ticks(),
            vec![1_000.0, 10_000.0, 60_000.0, 600_000.0, 3_600_000.0]
        );
        let (ticks, step) = time_ticks(3.0 * 3_600_000.0, 6.0);
        assert_eq!(step, 1_800_000.0);
        assert_eq!(ticks.len(), 7);
        assert_eq!(time_ticks(2.0 * 86_400_000.0, 6.0).1, 43_200_000.0);
    }
}
