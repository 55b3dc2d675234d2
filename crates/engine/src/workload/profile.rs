//! The daily profile: the factor the base rate is multiplied by at each
//! instant, and the bounds that let the thinning decide most candidates
//! without evaluating it.
//!
//! The thinning keeps a candidate when a uniform draw is below the factor / its
//! peak. The factor moves slowly (a cosine over a day), so from one instant
//! where it was evaluated (the anchor) it lies, for some seconds around it,
//! within a band as wide as its steepest slope over that time; a draw below
//! the band is kept, one above it dropped, exactly as the factor itself would
//! decide. Only draws inside the band (a thousandth of them) and the first
//! candidate past the anchor's horizon pay for `cos`.

use crate::config::DailyProfile;
use crate::time::{DAY_MS, HOUR_MS};

/// Far wider than the rounding of the factor's evaluation (about 1e-14).
const MARGIN: f64 = 1e-9;

/// The daily-profile factor at event time `t` (ms).
pub(super) fn profile_factor(p: &DailyProfile, t: f64) -> f64 {
    match *p {
        DailyProfile::Flat => 1.0,
        DailyProfile::Diurnal {
            amplitude,
            peak_hour,
        } => {
            let hour = day_remainder(t) / HOUR_MS as f64;
            1.0 + amplitude * libm::cos(2.0 * std::f64::consts::PI * (hour - peak_hour) / 24.0)
        }
    }
}

/// `t % DAY_MS`, bit for bit, without the float remainder (`fmod`, 1.3 KB of
/// the page's wasm with the 128-bit division it calls). Below 2^52 ms (every
/// instant a valid config reaches: 142,000 years) the quotient's truncation
/// is off by at most one, and every step is exact: the instant and the whole
/// days are both multiples of the instant's last bit. At and above it the
/// instant is a whole number, whose remainder the integers give.
fn day_remainder(t: f64) -> f64 {
    const EXACT_BELOW: f64 = 4_503_599_627_370_496.0; // 2^52
    let day = DAY_MS as f64;
    let r = if t.abs() < EXACT_BELOW {
        let r = t - (t / day).trunc() * day;
        if r.abs() >= day {
            r - day.copysign(r)
        } else if r != 0.0 && r.is_sign_negative() != t.is_sign_negative() {
            r + day.copysign(t)
        } else {
            r
        }
    } else {
        ((t as i64) % DAY_MS) as f64
    };
    // A whole number of days keeps the instant's sign, as `%` does.
    if r == 0.0 {
        0.0f64.copysign(t)
    } else {
        r
    }
}

/// Largest value of the daily profile factor.
pub(super) fn profile_peak(p: &DailyProfile) -> f64 {
    match p {
        DailyProfile::Flat => 1.0,
        DailyProfile::Diurnal { amplitude, .. } => 1.0 + amplitude,
    }
}

/// Share of the thinning's draws, at most, that fall between the bounds and pay for the
/// factor: it sets how long one evaluation's bounds are used ([`Thinning::horizon`]).
const BAND: f64 = 1e-3;

/// The thinning's test against the daily profile, deciding without `cos`
/// whenever the bounds allow.
///
/// One evaluation of the factor (the anchor) gives bounds on the draw that hold for every
/// candidate within [`Thinning::horizon`] of it: a candidate then costs two comparisons
/// (a draw below the lower bound is kept, one from the upper bound on dropped) instead of
/// recomputing the band from its distance to the anchor each time.
#[derive(Debug, Clone)]
pub(super) struct Thinning {
    profile: DailyProfile,
    peak: f64,
    /// `1 / peak`: the bounds are compared with the draw after a product, not
    /// a division (their margin is far wider than the product's rounding).
    inverse_peak: f64,
    /// Below the factor at every instant.
    floor: f64,
    /// Steepest change of the factor, per ms.
    slope: f64,
    /// How far from the anchor its bounds hold, in ms: the factor moves by at most
    /// `slope × horizon` within it, which is [`BAND`] of the draws' range.
    horizon: f64,
    /// Instant of the latest anchor (∞ before the first: no candidate is near it).
    anchor_ms: f64,
    /// A draw below this is kept, for candidates within the horizon of the anchor.
    keep_below: f64,
    /// A draw at or above this is dropped, for candidates within the horizon of the anchor.
    drop_from: f64,
}

impl Thinning {
    pub(super) fn new(profile: &DailyProfile) -> Self {
        let amplitude = match *profile {
            DailyProfile::Flat => 0.0,
            DailyProfile::Diurnal { amplitude, .. } => amplitude.abs(),
        };
        let peak = profile_peak(profile);
        let slope = amplitude * 2.0 * std::f64::consts::PI / DAY_MS as f64;
        Self {
            profile: profile.clone(),
            peak,
            inverse_peak: 1.0 / peak,
            floor: (1.0 - amplitude - MARGIN).max(0.0),
            slope,
            // A flat profile (slope 0) gives ∞: a day is as good.
            horizon: (BAND * peak.abs() / slope).min(DAY_MS as f64),
            anchor_ms: f64::INFINITY,
            keep_below: 0.0,
            drop_from: 0.0,
        }
    }

    /// Whether the profile thins at all (its peak above 1): a flat one keeps
    /// every candidate without a draw.
    #[inline]
    pub(super) fn thins(&self) -> bool {
        self.peak > 1.0
    }

    /// Whether a candidate at `t` with uniform draw `u` is kept:
    /// `u < factor(t) / peak`, the factor evaluated only when `u` falls
    /// between the bounds of the anchor (moved to `t`, with a fresh
    /// evaluation, once `t` is beyond its horizon).
    #[inline]
    pub(super) fn keeps(&mut self, t: f64, u: f64) -> bool {
        if (t - self.anchor_ms).abs() > self.horizon {
            self.anchor(t);
        }
        if u < self.keep_below {
            return true;
        }
        if u >= self.drop_from {
            return false;
        }
        u < profile_factor(&self.profile, t) / self.peak
    }

    /// Evaluates the factor at `t` and bounds it over the horizon around `t`.
    #[inline(never)]
    fn anchor(&mut self, t: f64) {
        let factor = profile_factor(&self.profile, t);
        let drift = self.slope * self.horizon + MARGIN;
        self.anchor_ms = t;
        self.keep_below = (factor - drift).max(self.floor) * self.inverse_peak;
        self.drop_from = (factor + drift) * self.inverse_peak;
    }
}

#[cfg(test)]
mod tests {
    /// [`super::day_remainder`] against `%`, bit for bit: days' edges, both
    /// signs, and instants of every size from random bits.
    #[test]
    fn the_day_remainder_is_the_float_remainder() {
        let day = crate::time::DAY_MS as f64;
        let mut ts = vec![
            0.0,
            -0.0,
            1.0,
            0.5,
            day,
            -day,
            2.0 * day,
            1e12,
            2f64.powi(52),
            2f64.powi(60),
        ];
        for k in [1.0, 7.0, 400.0, 1e6] {
            for d in [-1.0, -0.5, -1e-6, 0.0, 1e-6, 0.5, 1.0] {
                ts.push(k * day + d);
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Up to 2^60 ms, with a fraction of every size.
            ts.push((x >> 4) as f64 / f64::from(1u32 << (x % 32) as u32));
        }
        for t in ts.iter().flat_map(|t| [*t, -*t]) {
            assert_eq!(
                super::day_remainder(t).to_bits(),
                (t % day).to_bits(),
                "{t}"
            );
        }
    }

    use super::*;

    /// The bounds decide as the factor does: candidates over two days, at
    /// draws spread over [0, 1) and draws just beside the factor's own ratio.
    #[test]
    fn bounded_decisions_are_the_factors_own() {
        for step in 0..=20 {
            let p = DailyProfile::Diurnal {
                amplitude: f64::from(step) * 0.0495,
                peak_hour: f64::from(step),
            };
            let mut thinning = Thinning::new(&p);
            let peak = profile_peak(&p);
            let mut t = 0.0;
            while t < 2.0 * DAY_MS as f64 {
                let ratio = profile_factor(&p, t) / peak;
                let beside = [
                    ratio,
                    ratio - 1e-15,
                    ratio + 1e-15,
                    ratio - 1e-6,
                    ratio + 1e-6,
                ];
                let spread = (0..20).map(|i| f64::from(i) / 20.0 + t.fract() / 20.0);
                for u in beside.into_iter().chain(spread) {
                    assert_eq!(thinning.keeps(t, u), u < ratio, "{p:?} at {t} ms, u {u}");
                }
                t += 1_234.567 * (1.0 + f64::from(step));
            }
        }
        let mut flat = Thinning::new(&DailyProfile::Flat);
        assert!(flat.keeps(5.0, 0.999_999) && !flat.keeps(5.0, 1.0));
    }
}
