//! Float helpers for the hot path, and the engine's transcendental functions.

/// `ln`, `exp`, `x^y` and `log10` for the engine's own maths (amount tables,
/// category weights, the sweep's log spread). Natively from the `libm` crate:
/// the same results on every platform, where the system's maths may differ in
/// a last bit. In wasm from the standard library, which compiles them to
/// compiler-builtins' copy of the same libm code: rand_distr's draws and the
/// charts already call it there, so the page holds one copy instead of two
/// (3.3 KB of code). The wasm golden test checks every preset's report.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use libm::{exp, log, log10, pow};

/// See the native declaration above.
#[cfg(target_arch = "wasm32")]
pub(crate) fn log(x: f64) -> f64 {
    x.ln()
}

/// See the native declaration above.
#[cfg(target_arch = "wasm32")]
pub(crate) fn exp(x: f64) -> f64 {
    x.exp()
}

/// See the native declaration above.
#[cfg(target_arch = "wasm32")]
pub(crate) fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// See the native declaration above.
#[cfg(target_arch = "wasm32")]
pub(crate) fn log10(x: f64) -> f64 {
    x.log10()
}

/// `x.round()` for `0 ≤ x < 2^53`, without the libm call `f64::round` compiles
/// to on baseline x86-64 (6% of the engine's time for amounts alone).
#[inline]
pub(crate) fn round_half_away(x: f64) -> i64 {
    let whole = x as i64;
    if x - whole as f64 >= 0.5 {
        whole + 1
    } else {
        whole
    }
}

/// Below this, every f64 has a fractional part to look at; from it on, every
/// one is a whole number.
const WHOLE_FROM: f64 = 4_503_599_627_370_496.0; // 2^52

/// `x.round()` as an integer for any `x`, inline for `0 ≤ x < 2^52` (the
/// per-record queue's microseconds: one libm call each otherwise).
#[inline]
pub(crate) fn round_to_u64(x: f64) -> u64 {
    if (0.0..WHOLE_FROM).contains(&x) {
        round_half_away(x) as u64
    } else {
        x.round() as u64
    }
}

/// `x.round() as u64`, as an `f64` (a whole number, exact below 2^53), for
/// any `x`: in range without a float-to-integer conversion at all (two
/// additions round to the nearest whole number, ties to even, and a tie
/// rounded down is moved up: half away from zero, as `f64::round`). The
/// per-record queue keeps its microseconds as these floats, so neither
/// storing nor reading them converts.
#[inline]
pub(crate) fn round_whole(x: f64) -> f64 {
    if (0.0..WHOLE_FROM).contains(&x) {
        // Exact: from 2^52 on the spacing of f64 is 1.
        let r = (x + WHOLE_FROM) - WHOLE_FROM;
        // `r − x` is exact and ±0.5 only at a tie.
        if r - x == -0.5 {
            r + 1.0
        } else {
            r
        }
    } else {
        round_to_u64(x) as f64
    }
}

/// `x.ceil()` as an integer for any `x`, inline for `0 ≤ x < 2^52` (the
/// per-record queue's start and completion instants).
#[inline]
pub(crate) fn ceil_to_i64(x: f64) -> i64 {
    if (0.0..WHOLE_FROM).contains(&x) {
        let whole = x as i64;
        whole + i64::from((whole as f64) < x)
    } else {
        x.ceil() as i64
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_half_away_is_round_for_non_negative_values() {
        for x in [
            0.0,
            0.4,
            0.5,
            0.6,
            1.49999,
            1.5,
            2.5,
            1e6 + 0.5,
            123_456.789,
        ] {
            assert_eq!(super::round_half_away(x), x.round() as i64, "{x}");
        }
    }

    /// The fast paths against `f64::round` and `f64::ceil`, on both sides of
    /// 2^52, at halves and just off them, negative and not finite.
    #[test]
    fn round_and_ceil_equal_the_libm_ones() {
        let whole = super::WHOLE_FROM;
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            0.49999999999999994,
            1.0,
            2.5,
            -0.5,
            -2.5,
            -3.7,
            whole - 0.5,
            whole,
            whole + 2.0,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ];
        let mut x = 0.123_f64;
        for _ in 0..10_000 {
            x = (x * 1.618_033_988_749_895 + 0.5).rem_euclid(1e7);
            xs.extend([
                x,
                x.floor() + 0.5,
                x.floor(),
                f64::from_bits(x.to_bits() + 1),
            ]);
        }
        for x in xs {
            assert_eq!(super::round_to_u64(x), x.round() as u64, "{x}");
            let w = super::round_whole(x).to_bits();
            assert_eq!(w, (x.round() as u64 as f64).to_bits(), "{x}");
            assert_eq!(super::ceil_to_i64(x), x.ceil() as i64, "{x}");
        }
    }
}
