//! Keys ranked by a count: the most first, ties by the smaller key (the
//! dashboard's lines, the event-time picture's columns); (key, time) pairs
//! sorted by the same sort.

use crate::time::TimeMs;

/// Flips an i64's sign bit: as u64 it then sorts as the i64 did.
const SIGN: u64 = 1 << 63;

/// The keys of `counts` ((count, key) pairs), the largest count first, ties by
/// the smaller key. Sorted as (−count, key, 0) tuples: the engine sorts such
/// tuples already, and a sort by a closure would be another copy of the sort
/// in every wasm.
pub(crate) fn most_first(counts: impl Iterator<Item = (u64, u32)>) -> impl Iterator<Item = u32> {
    let mut ranked: Vec<(i64, u64, u32)> = counts
        .map(|(count, key)| (-i64::try_from(count).unwrap_or(i64::MAX), u64::from(key), 0))
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, key, _)| key as u32)
}

/// `pairs` ((key, time) pairs) sorted by key, then time, without repeats.
/// Sorted as (key, time, 0) tuples, the sort `most_first` uses: a sort of
/// pairs would be another copy of the sort in every wasm.
pub(crate) fn sorted_pairs(pairs: &[(u32, TimeMs)]) -> impl Iterator<Item = (u32, TimeMs)> {
    let mut order: Vec<(i64, u64, u32)> = pairs
        .iter()
        .map(|&(key, t)| (i64::from(key), t as u64 ^ SIGN, 0))
        .collect();
    order.sort_unstable();
    order.dedup();
    order
        .into_iter()
        .map(|(key, t, _)| (key as u32, (t ^ SIGN) as TimeMs))
}

#[cfg(test)]
mod tests {
    #[test]
    fn pairs_by_key_then_time_once_each() {
        let pairs = [
            (3, 5),
            (1, -2),
            (3, -7),
            (1, -2),
            (0, i64::MAX),
            (3, i64::MIN),
        ];
        let sorted: Vec<_> = super::sorted_pairs(&pairs).collect();
        assert_eq!(
            sorted,
            [(0, i64::MAX), (1, -2), (3, i64::MIN), (3, -7), (3, 5)]
        );
    }

    #[test]
    fn most_first_then_smaller_key() {
        let counts = [(3, 7), (5, 2), (3, 1), (0, 0), (5, 9)];
        let ranked: Vec<u32> = super::most_first(counts.into_iter()).collect();
        assert_eq!(ranked, [2, 9, 1, 7, 0]);
    }
}
