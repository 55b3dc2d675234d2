//! Decimal numbers typed by people (`2.5`, `-0.05`, `1e3`) read without
//! `str::parse::<f64>`: Rust's float reader brings a 10 KB table of powers of
//! five and its own code into every wasm, while the JSON reader every config
//! goes through reads the same numbers. The text is rewritten as a JSON number
//! (no `+`, no leading zeros, a digit on both sides of the point) and read by it.

/// `text` (an optional sign, digits with an optional `.` and fraction, at least
/// one digit, an optional exponent) as a number, as `text.parse::<f64>()` reads
/// it; `None` if it is not such a number or does not fit an `f64` (`1e999`).
pub fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (rest, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !digits(int) || !digits(frac) {
        return None;
    }
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    let int = int.trim_start_matches('0');
    json.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(exponent) = exponent {
        let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if unsigned.is_empty() || !digits(unsigned) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    let value = crate::read_value(&json).ok()?.as_f64()?;
    // JSON's integer `-0` reads as 0: keep the sign as Rust's reader does.
    Some(if negative && value == 0.0 {
        -0.0
    } else {
        value
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// The same value, bit for bit, as Rust's own reader; `None` where it refuses.
    fn as_rust(text: &str) {
        let rust = text.parse::<f64>().ok().filter(|x| x.is_finite());
        assert_eq!(
            parse(text).map(f64::to_bits),
            rust.map(f64::to_bits),
            "{text:?}"
        );
    }

    #[test]
    fn reads_as_rust_does() {
        for text in [
            "0",
            "-0",
            "+0",
            "5",
            "05",
            "007.50",
            "2.5",
            "-2.5",
            "+2.5",
            ".5",
            "-.5",
            "5.",
            "0.1",
            "0.05",
            "1200",
            "8000",
            "86400000",
            "1e3",
            "1E3",
            "2.5e-3",
            "2.5e+3",
            "-1e-7",
            "9007199254740993",
            "123456789012345678901234567890",
            "1e308",
            "1e-320",
            "0.30000000000000004",
            "3.141592653589793",
        ] {
            as_rust(text);
        }
        for text in [
            "", "-", "+", ".", "-.", "e3", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "--1", "1e1.5",
            "inf", "NaN", "0x10", "1e999",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    /// Every number a parameter field is likely to hold: up to 7 digits before
    /// the point and 4 after, both signs.
    #[test]
    fn typed_values_read_exactly() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = x % 10_000_000;
            let frac = (x >> 32) % 10_000;
            let sign = if x & 1 == 0 { "" } else { "-" };
            as_rust(&format!("{sign}{int}.{frac:04}"));
            as_rust(&format!("{sign}{int}"));
            as_rust(&format!("{sign}0.{frac}"));
        }
    }
}
