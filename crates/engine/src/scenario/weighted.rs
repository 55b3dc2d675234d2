//! A weighted choice among a few options, drawn exactly as a scan of the
//! weights draws it, but decided by integer comparisons.
//!
//! The scan takes a uniform draw in [0, 1) (`rand`'s: 53 random bits / 2^53)
//! and subtracts the weights in turn until the draw is below one. Every step
//! of it is monotone in the draw (a floating-point subtraction rounds the same
//! way for a larger operand), so the option it returns only grows with the
//! draw's bits: each option starts at one 53-bit threshold, found once by
//! binary search, and a draw's option is the number of thresholds at or below
//! its bits. Same random bits, same option, without a chain of dependent
//! floating-point subtractions per draw.

use rand::RngCore;
use rand_chacha::ChaCha8Rng;

/// One more than the largest 53-bit draw.
const DRAWS: u64 = 1 << 53;

/// A weighted choice among at most `N` options (a power of two), ready to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted<const N: usize = 8> {
    /// `thresholds[i]`: the smallest draw whose option comes after option `i`
    /// ([`DRAWS`] where none does).
    thresholds: [u64; N],
}

impl<const N: usize> Weighted<N> {
    /// The choice among `weights` (which sum to 1; at most `N` are read).
    pub(crate) fn new(weights: &[f64]) -> Self {
        const { assert!(N.is_power_of_two(), "the binary search halves N") };
        let weights = &weights[..weights.len().min(N)];
        let mut thresholds = [DRAWS; N];
        for (i, threshold) in thresholds.iter_mut().enumerate() {
            let (mut low, mut high) = (0, DRAWS);
            while low < high {
                let mid = low + (high - low) / 2;
                if scan(weights, mid) > i {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            *threshold = low;
        }
        Self { thresholds }
    }

    /// An option's index, from one `u64` of `rng` (as `rng.random::<f64>()`
    /// takes it): the number of thresholds at or below the draw, by a
    /// branchless binary search over the sorted thresholds (log2 `N` + 1
    /// comparisons instead of `N`).
    #[inline]
    pub(crate) fn pick(&self, rng: &mut ChaCha8Rng) -> u8 {
        let bits = rng.next_u64() >> 11;
        let t = &self.thresholds;
        let mut below = 0;
        for level in (0..N.trailing_zeros()).rev() {
            let half = 1 << level;
            if t[below + half - 1] <= bits {
                below += half;
            }
        }
        (below + usize::from(t[below] <= bits)) as u8
    }
}

/// The option a scan of `weights` gives the draw `bits` / 2^53.
fn scan(weights: &[f64], bits: u64) -> usize {
    let mut x = bits as f64 * (1.0 / DRAWS as f64);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    // Rounding left x just above the last positive weight.
    weights.iter().rposition(|w| *w > 0.0).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    /// The thresholds pick what the scan picks: from the same random stream
    /// (as many `u64` taken), and at every threshold and its neighbours.
    #[test]
    fn thresholds_pick_as_the_scan_does() {
        let choices: [&[f64]; 5] = [
            &[0.35, 0.2, 0.25, 0.1, 0.1, 0.0],
            &[0.0, 0.3, 0.4, 0.2, 0.1],
            &[0.15, 0.3, 0.15, 0.15, 0.15, 0.1],
            &[0.1; 10],
            &[1.0],
        ];
        for weights in choices {
            picks_as_the_scan(&Weighted::<8>::new(weights), weights);
            picks_as_the_scan(&Weighted::<32>::new(weights), weights);
        }
        let many: Vec<f64> = (1..=20).map(|i| f64::from(i) / 210.0).collect();
        picks_as_the_scan(&Weighted::<32>::new(&many), &many);
    }

    fn picks_as_the_scan<const N: usize>(choice: &Weighted<N>, weights: &[f64]) {
        let weights = &weights[..weights.len().min(N)];
        let mut a = ChaCha8Rng::seed_from_u64(9);
        let mut b = a.clone();
        for _ in 0..100_000 {
            let by_scan = scan(weights, b.next_u64() >> 11);
            assert_eq!(usize::from(choice.pick(&mut a)), by_scan, "{weights:?}");
        }
        assert_eq!(a.random::<u64>(), b.random::<u64>());
        for &t in choice.thresholds.iter().filter(|&&t| t < DRAWS) {
            for bits in [t.saturating_sub(1), t, t + 1] {
                let count = choice.thresholds.iter().filter(|&&u| u <= bits).count();
                assert_eq!(count, scan(weights, bits), "{weights:?}");
            }
        }
    }
}
