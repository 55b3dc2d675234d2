//! An index drawn from 53 random bits by ascending bounds, found through a
//! guide table (Chen and Asau's method) instead of a scan or a search.
//!
//! Sales picks a category per event by the first bound above its draw: a
//! scan took 13 comparisons on average over the 40 categories of
//! `sales-sessions` and mispredicted its exit, a binary search six dependent
//! steps. The guide holds the index of the first draw of each of 256 equal
//! stretches of draws; a draw's index is at least its stretch's, and at most
//! a bound or two lie inside a stretch, so one load and a comparison or two
//! find the same index.

/// The top bits of a 53-bit draw that pick its stretch in the guide.
const GUIDE_BITS: u32 = 8;

/// Where the stretch's bits start in a 53-bit draw.
const STRETCH_SHIFT: u32 = 53 - GUIDE_BITS;

/// Bounds that never decrease, with their guide table.
#[derive(Debug, Clone)]
pub(crate) struct GuidedBounds {
    bounds: Vec<u64>,
    /// For each stretch, the index of its first draw (see [`first_above`]).
    guide: Vec<u32>,
}

impl GuidedBounds {
    /// The guide of `bounds`, which must never decrease (a decreasing pair
    /// gives an index that is still in range, not necessarily the first).
    pub(crate) fn new(bounds: Vec<u64>) -> Self {
        let guide = (0..1_u64 << GUIDE_BITS)
            .map(|j| first_above(j << STRETCH_SHIFT, &bounds) as u32)
            .collect();
        Self { bounds, guide }
    }

    /// The index of the first bound above `bits`, at most the last index
    /// (0 when there are no bounds): [`first_above`] clamped, by the guide.
    #[inline]
    pub(crate) fn index_of(&self, bits: u64) -> u32 {
        let stretch = (bits >> STRETCH_SHIFT).min((1 << GUIDE_BITS) - 1) as usize;
        let mut i = self.guide.get(stretch).map_or(0, |&g| g as usize);
        while self.bounds.get(i).is_some_and(|&b| b <= bits) {
            i += 1;
        }
        i.min(self.bounds.len().saturating_sub(1)) as u32
    }
}

/// How many of `bounds` are at or below `bits`: the index of the first bound
/// above it, by a scan (the guide's reference).
fn first_above(bits: u64, bounds: &[u64]) -> usize {
    bounds
        .iter()
        .position(|&b| bits < b)
        .unwrap_or(bounds.len())
}

#[cfg(test)]
mod tests {
    use super::{first_above, GuidedBounds};
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// The guide finds the index the scan finds, for bounds dense and sparse,
    /// repeated, at the stretches' edges and beyond 53 bits, and none at all.
    #[test]
    fn the_guide_finds_what_a_scan_finds() {
        let mut rng = ChaCha8Rng::seed_from_u64(16);
        let draws = 1_u64 << 53;
        for n in [0_usize, 1, 2, 6, 40, 64, 300, 1_000] {
            let mut bounds: Vec<u64> = (0..n).map(|_| rng.random_range(0..=draws)).collect();
            if n > 2 {
                bounds[1] = bounds[0];
            }
            bounds.sort_unstable();
            let guided = GuidedBounds::new(bounds.clone());
            let scan = |bits: u64| first_above(bits, &bounds).min(n.saturating_sub(1)) as u32;
            let edges = (0..=256_u64).flat_map(|j| [j << 45, (j << 45).saturating_sub(1)]);
            let near = bounds.iter().flat_map(|&b| [b.saturating_sub(1), b, b + 1]);
            let random = (0..20_000).map(|_| rng.random_range(0..draws));
            for bits in edges.chain(near).chain(random).chain([u64::MAX]) {
                assert_eq!(guided.index_of(bits), scan(bits), "{n} bounds, {bits}");
            }
        }
    }
}
