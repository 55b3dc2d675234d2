//! Number and time formatting for people (both languages).

use bslab_engine::float_text::{Fixed, Short};

use crate::i18n::{Key, Lang};

/// `x` with `decimals` decimals, as `format!("{x:.decimals$}")` writes it (SVG
/// coordinates, percentages). Every float of the page is written by this or
/// [`short`]: Rust's own float printer would add about 16 KB to the page's wasm.
pub fn fixed(x: f64, decimals: usize) -> String {
    Fixed(x, u8::try_from(decimals).unwrap_or(u8::MAX)).to_string()
}

/// `x` in its shortest exact form, as `format!("{x}")` writes it.
pub fn short(x: f64) -> String {
    Short(x).to_string()
}

/// A duration of simulated time, short: `350 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`, `1 d 04 h`.
pub fn duration(ms: i64) -> String {
    let neg = if ms < 0 { "−" } else { "" };
    let ms = ms.unsigned_abs();
    let text = if ms < 1_000 {
        format!("{ms} ms")
    } else if ms < 60_000 {
        format!("{} s", Fixed(ms as f64 / 1_000.0, 1))
    } else if ms < 3_600_000 {
        format!("{} min {:02} s", ms / 60_000, (ms / 1_000) % 60)
    } else if ms < 86_400_000 {
        format!("{} h {:02} min", ms / 3_600_000, (ms / 60_000) % 60)
    } else {
        format!("{} d {:02} h", ms / 86_400_000, (ms / 3_600_000) % 24)
    };
    format!("{neg}{text}")
}

/// A duration in its largest exact unit: `500 ms`, `30 s`, `5 min`, `2 h`, `7 d`
/// (falls back to [`duration`] when no unit divides it).
pub fn duration_short(ms: i64, lang: Lang) -> String {
    const UNITS: [(i64, &str); 5] = [
        (86_400_000, "d"),
        (3_600_000, "h"),
        (60_000, "min"),
        (1_000, "s"),
        (1, "ms"),
    ];
    if ms == 0 {
        return "0".to_string();
    }
    for (size, unit) in UNITS {
        if ms % size == 0 {
            return format!("{} {unit}", count((ms / size).unsigned_abs(), lang));
        }
    }
    duration(ms)
}

/// [`duration`] with the language's decimal separator (`12,3 s` in Portuguese).
pub fn duration_in(ms: i64, lang: Lang) -> String {
    duration(ms).replace('.', &lang.separators().0.to_string())
}

/// The simulated clock: `02:03:04`, or `1d 02:03:04` after the first day.
pub fn clock(ms: i64) -> String {
    let s = ms.max(0) / 1_000;
    let (d, h, m, s) = (s / 86_400, (s / 3_600) % 24, (s / 60) % 60, s % 60);
    if d > 0 {
        format!("{d}d {h:02}:{m:02}:{s:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// Tick label of the simulated-time (x) axis: `0:30` (h:mm), `1:30` (m:ss under a
/// minute per tick), `2 d` (whole days per tick).
pub fn clock_tick(ms: f64, step_ms: f64) -> String {
    let ms = ms.max(0.0).round() as i64;
    if step_ms >= 86_400_000.0 {
        format!("{} d", ms / 86_400_000)
    } else if step_ms >= 60_000.0 {
        format!("{}:{:02}", ms / 3_600_000, (ms / 60_000) % 60)
    } else {
        format!("{}:{:02}", ms / 60_000, (ms / 1_000) % 60)
    }
}

/// Tick label of a duration (y) axis whose top is `max_ms` and ticks `step_ms` apart:
/// one unit for the whole axis (`15 s`, `2.5 min`, `6 h`).
pub fn duration_tick(ms: f64, max_ms: f64, step_ms: f64, lang: Lang) -> String {
    const UNITS: [(f64, &str); 5] = [
        (86_400_000.0, "d"),
        (3_600_000.0, "h"),
        (60_000.0, "min"),
        (1_000.0, "s"),
        (1.0, "ms"),
    ];
    let (size, unit) = UNITS
        .iter()
        .copied()
        .find(|(size, _)| max_ms >= 2.0 * size)
        .unwrap_or((1.0, "ms"));
    let ratio = if step_ms > 0.0 { step_ms / size } else { 1.0 };
    let decimals = if ratio >= 1.0 || (ms / size).fract() == 0.0 {
        0
    } else if ratio >= 0.1 {
        1
    } else {
        2
    };
    format!("{} {unit}", number(ms / size, decimals, lang))
}

fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An integer with thousands separators (`12,345` / `12.345`).
pub fn count(n: u64, lang: Lang) -> String {
    group_thousands(&n.to_string(), lang.separators().1)
}

/// A number with `decimals` decimals and the language's separators.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let text = fixed(x.abs(), decimals);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if x < 0.0 && text.chars().any(|c| c != '0' && c != '.') {
        out.push('−');
    }
    out.push_str(&group_thousands(int, lang.separators().1));
    if !frac.is_empty() {
        out.push(lang.separators().0);
        out.push_str(frac);
    }
    out
}

/// Money from cents, whole units, in the language's currency (`$12,345` / `R$ 12.345`,
/// with a no-break space).
pub fn money(cents: i64, lang: Lang) -> String {
    let amount = number(cents.unsigned_abs() as f64 / 100.0, 0, lang);
    let sign = if cents < 0 && amount != "0" {
        "−"
    } else {
        ""
    };
    format!("{sign}{}", lang.fill(Key::Money, &[("amount", amount)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_clock() {
        assert_eq!(duration(350), "350 ms");
        assert_eq!(duration(12_345), "12.3 s");
        assert_eq!(duration_in(12_345, Lang::Pt), "12,3 s");
        assert_eq!(duration(245_000), "4 min 05 s");
        assert_eq!(duration(2 * 3_600_000 + 180_000), "2 h 03 min");
        assert_eq!(clock(3_723_000), "01:02:03");
        assert_eq!(duration_short(604_800_000, Lang::En), "7 d");
        assert_eq!(duration_short(90_000, Lang::En), "90 s");
        assert_eq!(duration_short(300_000, Lang::Pt), "5 min");
        assert_eq!(duration_short(1_500, Lang::En), "1,500 ms");
        assert_eq!(clock(86_400_000 + 1_000), "1d 00:00:01");
    }

    #[test]
    fn tick_labels() {
        assert_eq!(clock_tick(5_400_000.0, 1_800_000.0), "1:30");
        assert_eq!(clock_tick(172_800_000.0, 43_200_000.0), "48:00");
        assert_eq!(clock_tick(172_800_000.0, 86_400_000.0), "2 d");
        assert_eq!(clock_tick(90_000.0, 15_000.0), "1:30");
        assert_eq!(
            duration_tick(45_000.0, 90_000.0, 15_000.0, Lang::En),
            "45 s"
        );
        assert_eq!(
            duration_tick(150_000.0, 300_000.0, 30_000.0, Lang::Pt),
            "2,5 min"
        );
        assert_eq!(
            duration_tick(21_600_000.0, 108_000_000.0, 21_600_000.0, Lang::En),
            "6 h"
        );
    }

    #[test]
    fn numbers_use_the_language_separators() {
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(count(1_234_567, Lang::Pt), "1.234.567");
        assert_eq!(number(1234.5, 1, Lang::Pt), "1.234,5");
        assert_eq!(number(-0.04, 1, Lang::En), "0.0");
    }

    #[test]
    fn money_has_the_language_currency() {
        assert_eq!(money(167_084_400, Lang::En), "$1,670,844");
        assert_eq!(money(167_084_400, Lang::Pt), "R$\u{a0}1.670.844");
        assert_eq!(money(123_456, Lang::En), "$1,235");
        assert_eq!(money(0, Lang::Pt), "R$\u{a0}0");
        assert_eq!(money(-250_000, Lang::En), "−$2,500");
        assert_eq!(money(-250_000, Lang::Pt), "−R$\u{a0}2.500");
        assert_eq!(money(-40, Lang::En), "$0");
    }
}
