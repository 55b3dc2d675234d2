//! The one grammar for durations typed by people, shared by the `bslab` CLI and
//! the web app so that what works in one works in the other: a number, optional
//! spaces, then an optional unit (`ms` when there is none).
//!
//! | unit | meaning |
//! |---|---|
//! | `ms` | milliseconds |
//! | `s` | seconds |
//! | `m`, `min` | minutes |
//! | `h` | hours |
//! | `d` | days |
//!
//! The number itself is read by the caller's number reader ([`parse_ms`] reads
//! `.` as the decimal separator; the web app reads it in the page's language).
//!
//! # Examples
//! ```
//! use bslab_engine::duration::{parse_ms, parse_whole_ms};
//! assert_eq!(parse_ms("15m"), Ok(900_000.0));
//! assert_eq!(parse_ms("5 min"), Ok(300_000.0));
//! assert_eq!(parse_ms("1.5 h"), Ok(5_400_000.0));
//! assert_eq!(parse_whole_ms("2500"), Ok(2_500));
//! assert!(parse_ms("2 weeks").is_err());
//! ```

use thiserror::Error;

/// Every unit, largest first, with its length in ms. The first name is the one
/// used when writing a duration back.
pub const UNITS: [(&[&str], i64); 5] = [
    (&["d"], 86_400_000),
    (&["h"], 3_600_000),
    (&["min", "m"], 60_000),
    (&["s"], 1_000),
    (&["ms"], 1),
];

/// Why a text is not a duration.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DurationError {
    /// Nothing typed.
    #[error("no duration given (examples: 5000, 90 s, 15 min, 2 h, 1 d)")]
    Empty,
    /// A unit that is not one of [`UNITS`].
    #[error("unknown unit `{0}` (use ms, s, min (or m), h or d)")]
    UnknownUnit(String),
    /// The number before the unit cannot be read.
    #[error("`{0}` is not a duration (examples: 5000, 90 s, 15 min, 2 h, 1 d)")]
    NotANumber(String),
    /// Less than 0, or a fraction of a millisecond where whole ms are needed.
    #[error("`{0}` is not a whole, non-negative number of milliseconds")]
    NotWhole(String),
    /// Too long to be represented.
    #[error("`{0}` is too long a duration")]
    TooLong(String),
}

/// Splits `text` into its number (trimmed, not yet read) and the length of its
/// unit in ms (1 when no unit is written).
pub fn split_unit(text: &str) -> Result<(&str, i64), DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    // The unit is the trailing run of letters; the number is what comes before it.
    // Any non-ASCII character counts as a letter (`mês` is an unknown unit, not a
    // number): Unicode's table of letters would only be carried into the page's
    // wasm for this, and every unit is ASCII.
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic() || !c.is_ascii())
        .last()
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(start);
    if unit.is_empty() {
        return Ok((number.trim(), 1));
    }
    let size = UNITS
        .iter()
        // ASCII: the units are ASCII, and full Unicode lowercasing would put its tables
        // into the page's wasm (no other character lowercases to one of these letters).
        .find(|(names, _)| names.contains(&unit.to_ascii_lowercase().as_str()))
        .map(|(_, size)| *size)
        .ok_or_else(|| DurationError::UnknownUnit(unit.to_string()))?;
    Ok((number.trim(), size))
}

/// A duration in ms, the number read with `.` as the decimal separator.
pub fn parse_ms(text: &str) -> Result<f64, DurationError> {
    let (number, size) = split_unit(text)?;
    let value: f64 = crate::decimal::parse(number)
        .filter(|x: &f64| x.is_finite() && !number.is_empty())
        .ok_or_else(|| DurationError::NotANumber(text.trim().to_string()))?;
    Ok(value * size as f64)
}

/// A duration in whole, non-negative ms (the CLI's options).
pub fn parse_whole_ms(text: &str) -> Result<i64, DurationError> {
    let ms = parse_ms(text)?;
    let text = text.trim().to_string();
    if ms < 0.0 || ms.fract() != 0.0 {
        return Err(DurationError::NotWhole(text));
    }
    // 2^53: beyond it an f64 no longer holds every whole number of ms.
    if ms > 9_007_199_254_740_992.0 {
        return Err(DurationError::TooLong(text));
    }
    Ok(ms as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_and_the_app_spellings_both_read() {
        for (text, ms) in [
            ("5000", 5_000.0),
            ("90s", 90_000.0),
            ("90 s", 90_000.0),
            ("15m", 900_000.0),
            ("15 m", 900_000.0),
            ("5min", 300_000.0),
            ("5 min", 300_000.0),
            ("2h", 7_200_000.0),
            ("1 d", 86_400_000.0),
            ("250 ms", 250.0),
            ("0.5 ms", 0.5),
            ("1.5 H", 5_400_000.0),
        ] {
            assert_eq!(parse_ms(text), Ok(ms), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_duration_says_why() {
        assert_eq!(parse_ms(""), Err(DurationError::Empty));
        assert_eq!(
            parse_ms("2 weeks"),
            Err(DurationError::UnknownUnit("weeks".into()))
        );
        assert_eq!(
            parse_ms("soon"),
            Err(DurationError::UnknownUnit("soon".into()))
        );
        assert_eq!(
            parse_ms("2 mês"),
            Err(DurationError::UnknownUnit("mês".into()))
        );
        assert_eq!(parse_ms("s"), Err(DurationError::NotANumber("s".into())));
        assert_eq!(
            parse_ms("1x5 s"),
            Err(DurationError::NotANumber("1x5 s".into()))
        );
        assert_eq!(
            parse_whole_ms("-5"),
            Err(DurationError::NotWhole("-5".into()))
        );
        assert_eq!(
            parse_whole_ms("0.5 ms"),
            Err(DurationError::NotWhole("0.5 ms".into()))
        );
        assert!(matches!(
            parse_whole_ms("99999999999999999d"),
            Err(DurationError::TooLong(_))
        ));
    }

    #[test]
    fn split_unit_leaves_the_number_to_the_caller() {
        assert_eq!(split_unit(" 1,5 h "), Ok(("1,5", 3_600_000)));
        assert_eq!(split_unit("1.000"), Ok(("1.000", 1)));
    }
}
