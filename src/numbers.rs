//! Numbers and durations typed into the parameter panel, read and written back
//! in the page's language: Portuguese (Brasil) writes `8.000` for eight thousand
//! and `2,5` for two and a half, English the reverse. A text that is not a
//! well-formed number *in the page's language* (`2.5` in Portuguese, `2,5` in
//! English) is refused with a hint, never silently reinterpreted. Durations
//! follow the engine's one grammar (`bslab_engine::duration`): a number, then an
//! optional unit.

use bslab_engine::duration::{self, DurationError};

use crate::i18n::Lang;

/// Why a typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// No digits at all (`fast`).
    NotANumber,
    /// Digits with separators that do not fit the language (`2.5` in Portuguese,
    /// `1,00` in English): it could mean two different numbers.
    Separators,
    /// A duration with a unit that does not exist (`2 weeks`).
    UnknownUnit,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Integer part with optional thousands separators: `8000`, `8.000`, `12.345.678` (pt).
fn read_integer(int: &str, group: char) -> Result<String, NumberError> {
    if !int.contains(group) {
        return if int.is_empty() || all_digits(int) {
            Ok(int.to_string())
        } else {
            Err(NumberError::Separators)
        };
    }
    let groups: Vec<&str> = int.split(group).collect();
    let first_ok = groups[0].len() <= 3 && all_digits(groups[0]);
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3 && all_digits(g));
    if first_ok && rest_ok {
        Ok(groups.concat())
    } else {
        Err(NumberError::Separators)
    }
}

/// A number typed in `lang`, with optional sign and thousands separators.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, NumberError> {
    let text = text.trim();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let (negative, body) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == '.' || c == ','))
    {
        return Err(NumberError::NotANumber);
    }
    let (decimal, group) = lang.separators();
    let (int, frac) = match body.split_once(decimal) {
        Some((int, frac)) if all_digits(frac) => (int, Some(frac)),
        Some(_) => return Err(NumberError::Separators),
        None => (body, None),
    };
    let int = read_integer(int, group)?;
    let plain = match frac {
        Some(frac) => format!("{}.{frac}", if int.is_empty() { "0" } else { &int }),
        None => int,
    };
    let value = bslab_engine::decimal::parse(&plain).ok_or(NumberError::NotANumber)?;
    Ok(if negative { -value } else { value })
}

/// A number as it is typed back in `lang`: as many decimals as it has (shortest
/// exact form), thousands grouped (`8.000`, `2,5`, `1.234,5` in Portuguese).
pub fn show(x: f64, lang: Lang) -> String {
    let text = crate::format::short(x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (decimal, group) = lang.separators();
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// A duration typed in `lang` (`1,5 h` in Portuguese, `1.5 h` in English), in ms.
pub fn parse_duration_ms(text: &str, lang: Lang) -> Result<f64, NumberError> {
    let (number, size) = duration::split_unit(text).map_err(|e| match e {
        DurationError::UnknownUnit(_) => NumberError::UnknownUnit,
        _ => NumberError::NotANumber,
    })?;
    Ok(parse_number(number, lang)? * size as f64)
}

/// A duration in ms as it is typed back, in its largest exact unit: `2 h`, `90 s`,
/// `1.500 ms` / `1,500 ms`, `0,5 ms` / `0.5 ms`.
pub fn duration_text(ms: f64, lang: Lang) -> String {
    if ms != 0.0 && ms.fract() == 0.0 {
        for (names, size) in duration::UNITS {
            let size = size as f64;
            if size > 1.0 && (ms / size).fract() == 0.0 {
                return format!("{} {}", show(ms / size, lang), names[0]);
            }
        }
    }
    format!("{} ms", show(ms, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Pt};

    #[test]
    fn each_language_reads_its_own_separators() {
        assert_eq!(parse_number("8.000", Pt), Ok(8_000.0));
        assert_eq!(parse_number("1.000", Pt), Ok(1_000.0));
        assert_eq!(parse_number("2,5", Pt), Ok(2.5));
        assert_eq!(parse_number("1.234.567,89", Pt), Ok(1_234_567.89));
        assert_eq!(parse_number("8,000", En), Ok(8_000.0));
        assert_eq!(parse_number("2.5", En), Ok(2.5));
        // The English reading of `8.000` is eight.
        assert_eq!(parse_number("8.000", En), Ok(8.0));
        assert_eq!(parse_number("-1", En), Ok(-1.0));
        assert_eq!(parse_number("−0,5", Pt), Ok(-0.5));
        assert_eq!(parse_number(",5", Pt), Ok(0.5));
    }

    #[test]
    fn what_the_language_cannot_mean_is_refused() {
        for (text, lang) in [
            ("2.5", Pt),
            ("2,5", En),
            ("1.00", Pt),
            ("1,0000", En),
            ("1.234,5", En),
            ("1,5.", Pt),
            ("2..5", En),
        ] {
            assert_eq!(
                parse_number(text, lang),
                Err(NumberError::Separators),
                "{text} {lang:?}"
            );
        }
        assert_eq!(parse_number("fast", En), Err(NumberError::NotANumber));
        assert_eq!(parse_number("1e6", En), Err(NumberError::NotANumber));
        assert_eq!(parse_number("", Pt), Err(NumberError::NotANumber));
    }

    #[test]
    fn what_is_shown_reads_back_the_same() {
        for x in [0.0, 2.5, 8_000.0, 1_234_567.89, 0.001, -3.25, 100_000_000.0] {
            for lang in [En, Pt] {
                assert_eq!(parse_number(&show(x, lang), lang), Ok(x), "{x} {lang:?}");
            }
        }
        assert_eq!(show(2.5, Pt), "2,5");
        assert_eq!(show(8_000.0, Pt), "8.000");
        assert_eq!(show(8_000.0, En), "8,000");
    }

    #[test]
    fn durations_read_in_the_language_with_the_engine_units() {
        assert_eq!(parse_duration_ms("1,5 h", Pt), Ok(5_400_000.0));
        assert_eq!(parse_duration_ms("1.5 h", En), Ok(5_400_000.0));
        assert_eq!(parse_duration_ms("15m", Pt), Ok(900_000.0));
        assert_eq!(parse_duration_ms("1.500", Pt), Ok(1_500.0));
        assert_eq!(parse_duration_ms("1.5 h", Pt), Err(NumberError::Separators));
        assert_eq!(
            parse_duration_ms("2 weeks", En),
            Err(NumberError::UnknownUnit)
        );
        assert_eq!(duration_text(1_500.0, Pt), "1.500 ms");
        assert_eq!(duration_text(0.5, Pt), "0,5 ms");
        assert_eq!(duration_text(7_200_000.0, En), "2 h");
        assert_eq!(duration_text(300_000.0, En), "5 min");
    }
}
