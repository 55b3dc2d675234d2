//! Keys ranked by a count: the most first, ties by the smaller key (the
//! dashboard's lines, the event-time picture's columns).

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

#[cfg(test)]
mod tests {
    #[test]
    fn most_first_then_smaller_key() {
        let counts = [(3, 7), (5, 2), (3, 1), (0, 0), (5, 9)];
        let ranked: Vec<u32> = super::most_first(counts.into_iter()).collect();
        assert_eq!(ranked, [2, 9, 1, 7, 0]);
    }
}
