//! Durations on the command line: `5000` (ms), `90s`, `15m`, `2h`, `1d`.

/// Parses a duration into milliseconds.
pub fn parse_ms(text: &str) -> Result<i64, String> {
    let text = text.trim();
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => text.split_at(i),
        None => (text, "ms"),
    };
    let value: i64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a duration (examples: 5000, 90s, 15m, 2h, 1d)"))?;
    let factor = match unit {
        "ms" => 1,
        "s" => 1_000,
        "m" | "min" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => {
            return Err(format!(
                "unknown unit `{unit}` in `{text}` (use ms, s, m, h or d)"
            ))
        }
    };
    value
        .checked_mul(factor)
        .ok_or_else(|| format!("`{text}` is too long a duration"))
}

#[cfg(test)]
mod tests {
    use super::parse_ms;

    #[test]
    fn units() {
        assert_eq!(parse_ms("5000"), Ok(5_000));
        assert_eq!(parse_ms("90s"), Ok(90_000));
        assert_eq!(parse_ms("2h"), Ok(7_200_000));
        assert!(parse_ms("2 weeks").is_err());
        assert!(parse_ms("-5").is_err());
        assert!(parse_ms("99999999999999999d").is_err());
    }
}
