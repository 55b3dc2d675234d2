//! Floats written as text without Rust's float printer. `f64`'s `Display` and
//! `Debug` bring core's Grisu and Dragon printers (shortest and exact, with
//! their bignum arithmetic and tables: about 16 KB of code) into every wasm
//! that formats one float anywhere, even through a derived `Debug`. The page
//! writes every float through these two instead: [`Fixed`] with integer
//! arithmetic, [`Short`] with the shortest-digits writer serde_json already
//! carries. Both write exactly what `format!` writes for the values the page
//! shows (tested against it below).

use std::fmt;

/// `x` with exactly `decimals` decimals, as `format!("{x:.decimals$}")` writes
/// it: the exact binary value rounded half to even, `-` on negative values
/// (also `-0.0`), `NaN`, `inf`, `-inf`. Values of 2^64 and above are written
/// by [`Short`] (`1e20`): no person reads such a number to the last unit.
#[derive(Clone, Copy)]
pub struct Fixed(pub f64, pub u8);

/// `x` in its shortest form that reads back as the same `f64`, as
/// `format!("{x}")` writes it: no exponent (`0.0000001`, `100000000000000000000`),
/// no `.0` on whole numbers, `-0`, `NaN`, `inf`, `-inf`. One exception: where two
/// shortest forms are exactly as near to `x` (16 or 17 digits), Rust writes the
/// upper one and this the even one; both read back as `x`.
#[derive(Clone, Copy)]
pub struct Short(pub f64);

/// `10^decimals` for the decimals [`Fixed`] writes exactly (a `u128` holds
/// 2^53 × 10^19).
const MAX_DECIMALS: u8 = 19;

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(x, decimals) = *self;
        let a = x.abs();
        if !a.is_finite() || a >= 18_446_744_073_709_551_616.0 || decimals > MAX_DECIMALS {
            return Short(x).fmt(f);
        }
        let scale = 10u128.pow(u32::from(decimals));
        let n = round_scaled(a, scale);
        let sign = if x.is_sign_negative() { "-" } else { "" };
        let (int, frac) = (n / scale, n % scale);
        if decimals == 0 {
            write!(f, "{sign}{int}")
        } else {
            write!(
                f,
                "{sign}{int}.{frac:0width$}",
                width = usize::from(decimals)
            )
        }
    }
}

/// `a × scale` rounded half to even, exactly, for `0 ≤ a < 2^64` and
/// `scale ≤ 10^19`.
fn round_scaled(a: f64, scale: u128) -> u128 {
    let bits = a.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1 << 52) - 1));
    // a = mantissa × 2^shift, exactly.
    let (mantissa, shift) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, exponent - 1075)
    };
    if shift >= 0 {
        // A whole number below 2^64: its product with 10^19 fits.
        return (mantissa << shift) * scale;
    }
    let down = shift.unsigned_abs();
    let product = mantissa * scale; // < 2^53 × 10^19 < 2^117
    if down >= 118 {
        return 0; // below 2^-1: rounds to zero
    }
    let quotient = product >> down;
    let rest = product & ((1u128 << down) - 1);
    let half = 1u128 << (down - 1);
    quotient + u128::from(rest > half || (rest == half && quotient & 1 == 1))
}

impl fmt::Display for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_infinite() {
            return f.write_str(if x < 0.0 { "-inf" } else { "inf" });
        }
        let mut buffer = zmij::Buffer::new();
        let text = buffer.format_finite(x);
        let (sign, text) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text),
        };
        // zmij writes `d.ddde±N` outside its fixed range and `ddd.d` within it.
        let (mantissa, exponent) = match text.split_once('e') {
            Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
            None => (text, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        // The digits without a point (the point after `int`), leading zeros
        // dropped: each one dropped moves the point a place to the left.
        let all = format!("{int}{}", frac.trim_end_matches('0'));
        let digits = all.trim_start_matches('0');
        if digits.is_empty() {
            return write!(f, "{sign}0");
        }
        let dropped = (all.len() - digits.len()) as i32;
        let point = int.len() as i32 + exponent - dropped;
        write_plain(f, sign, digits, point)
    }
}

/// `0.digits × 10^point` in plain notation.
fn write_plain(f: &mut fmt::Formatter<'_>, sign: &str, digits: &str, point: i32) -> fmt::Result {
    f.write_str(sign)?;
    if point <= 0 {
        f.write_str("0.")?;
        for _ in 0..point.unsigned_abs() {
            f.write_str("0")?;
        }
        return f.write_str(digits);
    }
    let point = point.unsigned_abs() as usize;
    if point >= digits.len() {
        f.write_str(digits)?;
        for _ in digits.len()..point {
            f.write_str("0")?;
        }
        Ok(())
    } else {
        write!(f, "{}.{}", &digits[..point], &digits[point..])
    }
}

#[cfg(test)]
mod tests {
    use super::{Fixed, Short};

    /// Values people see and the edges of each writer: halves (ties to even),
    /// powers of ten, the smallest and largest floats, signed zeros.
    fn edges() -> Vec<f64> {
        let mut xs = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.25,
            0.125,
            0.05,
            0.15,
            0.35,
            1.005,
            2.675,
            99.95,
            0.1 + 0.2,
            1.0 / 3.0,
            123_456.789,
            1e-7,
            1e-5,
            5e-324,
            f64::MIN_POSITIVE,
            1e15,
            1e16,
            1e17,
            1e21,
            9_007_199_254_740_993.0,
            18_446_744_073_709_549_568.0,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let negated: Vec<f64> = xs.iter().map(|x| -x).collect();
        xs.extend(negated);
        xs
    }

    fn same(x: f64) {
        let (ours, rust) = (Short(x).to_string(), format!("{x}"));
        if ours != rust {
            // Two shortest forms exactly as near to the value: Rust writes the
            // upper, zmij the even one. Both read back as `x`.
            let last = |t: &str| t.bytes().last().map_or(0, |b| b - b'0');
            assert_eq!(
                ours.len(),
                rust.len(),
                "Short({x:e}): {ours} against {rust}"
            );
            assert_eq!(
                last(&ours) + 1,
                last(&rust),
                "Short({x:e}): {ours} against {rust}"
            );
            assert_eq!(ours.parse::<f64>().ok(), Some(x), "Short({x:e}): {ours}");
        }
        if x.abs() < 18_446_744_073_709_551_616.0 || !x.is_finite() {
            for d in 0..=6u8 {
                let rust = format!("{x:.*}", usize::from(d));
                assert_eq!(Fixed(x, d).to_string(), rust, "Fixed({x:e}, {d})");
            }
        }
    }

    #[test]
    fn writes_what_format_writes_at_the_edges() {
        for x in edges() {
            same(x);
        }
    }

    /// Decimal values as the page holds them (coordinates, percentages, rates:
    /// k / 10^d), and floats of every exponent from random bits.
    #[test]
    fn writes_what_format_writes_for_many_values() {
        let mut s: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..200_000 {
            let r = next();
            let k = (r >> 11) % 100_000_000;
            let d = (r % 9) as i32;
            same(k as f64 / 10f64.powi(d));
            same(f64::from_bits(next()));
        }
    }

    #[test]
    fn large_values_fall_back_to_the_shortest_form() {
        assert_eq!(Fixed(1e20, 1).to_string(), "100000000000000000000");
        assert_eq!(Fixed(f64::NAN, 2).to_string(), "NaN");
        assert_eq!(Fixed(2.5, 30).to_string(), "2.5");
    }
}
