//! Division by a divisor fixed for a run, by multiplications.
//!
//! A 64-bit division costs tens of cycles on the x86 machines the engine is
//! measured on (and is not visible in instruction counts), while its divisor
//! is often fixed when a simulation is built: a tumbling window's length, the
//! width of a window's event-time histogram buckets, a device's outage slot.
//! Every event paid several (its window's start in the ground truth and in
//! each pipeline, its histogram bucket in each pipeline); [`Divisor`] gives
//! the same quotients and remainders from a few multiplications by constants
//! computed once.

use crate::time::TimeMs;

/// Division by a divisor fixed ahead, by multiplications. The remainder is
/// Lemire, Kaser and Kurz's direct computation ("Faster remainder by direct
/// computation", 2019), exact for every 64-bit dividend with a 128-bit
/// multiplier; the quotient is then an exact division of the dividend minus
/// its remainder: a shift by the divisor's power of two and a product with the
/// inverse of its odd part modulo 2^64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Divisor {
    divisor: u64,
    /// ⌈2^128 / divisor⌉ modulo 2^128 (0 for a divisor of 1).
    multiplier: u128,
    /// The divisor's trailing zero bits.
    shift: u32,
    /// The inverse of `divisor >> shift` modulo 2^64.
    inverse: u64,
    /// ⌈2^64 / divisor⌉ for a divisor from 2 to 2^32 − 1 (0 otherwise): the
    /// quotient of a dividend below 2^32 (event times up to 49 days) is then
    /// one product's top half, exact for every such pair (Lemire, Kaser and
    /// Kurz, ibid., with 64 bits for 32).
    small_multiplier: u64,
    /// 2^32 when `small_multiplier` is usable, 0 otherwise: dividends below it
    /// take the short way.
    small_limit: u64,
}

impl Divisor {
    /// For `divisor ≥ 1` (0 is taken as 1).
    pub(crate) fn new(divisor: u64) -> Self {
        let divisor = divisor.max(1);
        let shift = divisor.trailing_zeros();
        let odd = divisor >> shift;
        // Newton's iteration doubles the correct low bits: an odd number is its
        // own inverse to 3 bits, so five steps reach 96 ≥ 64.
        let mut inverse = odd;
        for _ in 0..5 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(odd.wrapping_mul(inverse)));
        }
        let small = (2..1 << 32).contains(&divisor);
        Self {
            divisor,
            multiplier: (u128::MAX / u128::from(divisor)).wrapping_add(1),
            shift,
            inverse,
            small_multiplier: if small { u64::MAX / divisor + 1 } else { 0 },
            small_limit: if small { 1 << 32 } else { 0 },
        }
    }

    /// The divisor.
    #[inline]
    pub(crate) fn get(&self) -> u64 {
        self.divisor
    }

    /// `x mod divisor`.
    #[inline]
    pub(crate) fn rem(&self, x: u64) -> u64 {
        let fraction = self.multiplier.wrapping_mul(u128::from(x));
        let d = u128::from(self.divisor);
        // The top 64 bits of the 192-bit product `fraction × divisor`.
        let bottom = (u128::from(fraction as u64) * d) >> 64;
        let top = (fraction >> 64) * d;
        ((bottom + top) >> 64) as u64
    }

    /// `multiple / divisor` for a multiple of the divisor.
    #[inline]
    pub(crate) fn div_exact(&self, multiple: u64) -> u64 {
        (multiple >> self.shift).wrapping_mul(self.inverse)
    }

    /// `x / divisor`, rounded down.
    #[inline]
    pub(crate) fn div(&self, x: u64) -> u64 {
        if x < self.small_limit {
            ((u128::from(self.small_multiplier) * u128::from(x)) >> 64) as u64
        } else {
            self.div_exact(x - self.rem(x))
        }
    }

    /// The largest multiple of the divisor at or before `t`: the start of
    /// `t`'s tumbling window when the divisor is the window's length,
    /// exactly [`crate::window::window_start`] (`t.div_euclid(d) * d`, which
    /// wraps where it overflows, before `i64::MIN + d`).
    #[inline]
    pub(crate) fn floor_multiple(&self, t: TimeMs) -> TimeMs {
        if (t as u64) < self.small_limit {
            // At most `t`, and `t < 2^32`: no overflow.
            (self.div(t as u64) * self.divisor) as TimeMs
        } else if t >= 0 {
            // `t − (t mod d)` is in 0..=t: no overflow.
            t - self.rem(t as u64) as TimeMs
        } else {
            self.floor_multiple_negative(t)
        }
    }

    /// [`Divisor::floor_multiple`] before time 0, which no event reaches in a
    /// run (its clock starts at 0): the hardware's division, out of the way.
    #[cold]
    #[inline(never)]
    fn floor_multiple_negative(&self, t: TimeMs) -> TimeMs {
        let d = self.divisor as i128;
        // In i128 nothing overflows; the cast back wraps as `i64` arithmetic would.
        (i128::from(t).div_euclid(d) * d) as TimeMs
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A deterministic spread of 64-bit values (SplitMix64's sequence).
    pub(crate) fn values(n: usize) -> impl Iterator<Item = u64> {
        let mut x = 0x1234_5678_9ABC_DEF0u64;
        (0..n).map(move |_| {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        })
    }

    /// Divisors of every size: powers of two and their neighbours, the window
    /// lengths, bucket widths and slot lengths a config takes, and a spread.
    fn divisors() -> Vec<u64> {
        let mut divisors = vec![
            1, 2, 3, 5, 7, 10, 1_875, 60_000, 600_000, 900_000, 86_400_000,
        ];
        for k in 1..64 {
            divisors.extend([(1u64 << k) - 1, 1 << k, (1 << k) + 1]);
        }
        divisors.extend(
            values(200)
                .map(|v| v >> (v % 64))
                .filter(|&d| d > 0 && d < u64::MAX),
        );
        divisors
    }

    /// Remainder and quotients are the hardware division's, for divisors of
    /// every size and dividends from 0 to 2^64 − 1.
    #[test]
    fn division_by_multiplication_is_exact() {
        for &d in &divisors() {
            let divisor = Divisor::new(d);
            let edges = [
                0,
                1,
                d - 1,
                d,
                d + 1,
                (1 << 32) - 1,
                1 << 32,
                (1 << 32) + 1,
                u64::MAX - 1,
                u64::MAX,
            ];
            for x in values(2_000)
                .chain(values(2_000).map(|v| v >> 20))
                .chain(values(2_000).map(|v| v >> 32))
                .chain(edges)
            {
                let r = divisor.rem(x);
                assert_eq!(r, x % d, "{x} mod {d}");
                assert_eq!(divisor.div_exact(x - r), x / d, "{x} / {d}");
                assert_eq!(divisor.div(x), x / d, "{x} / {d}");
            }
        }
    }

    /// The window start the pipelines used to compute, `t.div_euclid(d) * d`
    /// with `i64`'s wrapping where the product overflows (release builds).
    fn window_start(t: TimeMs, d: TimeMs) -> TimeMs {
        t.div_euclid(d).wrapping_mul(d)
    }

    /// Floor multiples are the hardware's for every divisor a window length
    /// can be (1 to `i64::MAX`) and event times of either sign, 0 and the
    /// extremes, and either side of each multiple.
    #[test]
    fn floor_multiples_are_exact() {
        for d in divisors().into_iter().filter(|&d| d <= i64::MAX as u64) {
            let divisor = Divisor::new(d);
            let d = d as TimeMs;
            let edges = [
                0,
                1,
                -1,
                d - 1,
                d,
                d.wrapping_add(1),
                -d,
                -d + 1,
                i64::MAX,
                i64::MAX - 1,
                i64::MIN,
                i64::MIN + 1,
                (1 << 32) - 1,
                1 << 32,
                (1 << 32) + 1,
            ];
            for t in values(2_000)
                .map(|v| v as TimeMs)
                .chain(values(2_000).map(|v| (v as TimeMs) >> 20))
                .chain(values(2_000).map(|v| (v >> 32) as TimeMs))
                .chain(edges)
            {
                assert_eq!(divisor.floor_multiple(t), window_start(t, d), "{t} by {d}");
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any event time, any window length, any dividend: the hardware's answers.
        #[test]
        fn any_division_is_the_hardware_s(
            t: i64,
            x: u64,
            short in 0u64..1 << 32,
            d in 1u64..=i64::MAX as u64,
            small in 1u64..1 << 32,
        ) {
            for (d, x, t) in [(d, x, t), (small, x, t), (small, short, short as TimeMs), (d, short, -(short as TimeMs))] {
                let divisor = Divisor::new(d);
                proptest::prop_assert_eq!(divisor.rem(x), x % d);
                proptest::prop_assert_eq!(divisor.div(x), x / d);
                proptest::prop_assert_eq!(divisor.floor_multiple(t), window_start(t, d as TimeMs));
            }
        }
    }
}
