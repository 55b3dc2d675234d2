//! Axis maths of the SVG charts: linear and log scales with "nice" ticks. Pure.

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
}

impl Scale {
    /// A scale fitting `values` (linear from 0, or log from the smallest positive value).
    pub fn fit(values: impl Iterator<Item = f64>, log: bool) -> Scale {
        let (mut lo, mut hi) = (f64::INFINITY, 0.0_f64);
        for v in values.filter(|v| v.is_finite()) {
            hi = hi.max(v);
            if v > 0.0 {
                lo = lo.min(v);
            }
        }
        if log {
            let lo = if lo.is_finite() { lo } else { 1.0 };
            let min = 10f64.powf(lo.log10().floor());
            let max = 10f64.powf(hi.max(min * 10.0).log10().ceil());
            Scale {
                min,
                max,
                log,
                step: 0.0,
            }
        } else {
            Self::linear_to(hi.max(1e-9) * 1.05)
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
        }
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

    /// Tick values: powers of ten (log) or 4–6 round numbers (linear).
    pub fn ticks(&self) -> Vec<f64> {
        if self.log {
            let (a, b) = (self.min.log10() as i32, self.max.log10() as i32);
            let step = ((b - a) / 5 + 1).max(1);
            (a..=b)
                .step_by(step as usize)
                .map(|e| 10f64.powi(e))
                .collect()
        } else {
            let step = self.step;
            (0..=8)
                .map(|i| f64::from(i) * step)
                .take_while(|v| *v <= self.max * 1.0001)
                .collect()
        }
    }
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
        let s = Scale::fit([3.0, 97.0].into_iter(), false);
        assert_eq!(s.min, 0.0);
        assert!(s.max >= 97.0 && s.max <= 125.0, "{s:?}");
        assert_eq!(s.pos(0.0), 0.0);
        assert!(s.ticks().len() >= 4);
        let l = Scale::fit([20.0, 3_600_000.0].into_iter(), true);
        assert_eq!((l.min, l.max), (10.0, 10_000_000.0));
        assert_eq!(l.pos(10_000_000.0), 1.0);
        let pct = Scale::linear_to(100.0);
        assert_eq!((pct.max, pct.ticks().len()), (100.0, 5));
        let empty = Scale::fit(std::iter::empty(), true);
        assert!(empty.pos(5.0).is_finite());
    }
}
