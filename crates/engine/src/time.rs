//! Simulated time.
//!
//! The engine never reads a clock: time is a parameter, advanced only by
//! [`crate::Simulation::step_until`]. All instants and durations are integer
//! milliseconds of *simulated* time since the start of the experiment, which is
//! also the Unix epoch when the data is exported (so Spark sees
//! `1970-01-01T00:00:00Z` as the start).

/// An instant or a duration of simulated time, in milliseconds.
pub type TimeMs = i64;

/// One second, in milliseconds.
pub const SECOND_MS: TimeMs = 1_000;
/// One minute, in milliseconds.
pub const MINUTE_MS: TimeMs = 60 * SECOND_MS;
/// One hour, in milliseconds.
pub const HOUR_MS: TimeMs = 60 * MINUTE_MS;
/// One day, in milliseconds.
pub const DAY_MS: TimeMs = 24 * HOUR_MS;

/// The first multiple of `every` strictly after `t` (`every` > 0).
pub(crate) fn next_multiple_after(t: TimeMs, every: TimeMs) -> TimeMs {
    (t.div_euclid(every) + 1) * every
}

/// (year, month, day) of a day count since 1970-01-01, in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`; a date crate for one format
/// would cost the browser build more than these lines). The progress log's
/// timestamps and the Spark bundle's zip entries both date simulated time with it.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_multiple_is_strictly_after() {
        assert_eq!(next_multiple_after(0, 10), 10);
        assert_eq!(next_multiple_after(9, 10), 10);
        assert_eq!(next_multiple_after(10, 10), 20);
    }
}
