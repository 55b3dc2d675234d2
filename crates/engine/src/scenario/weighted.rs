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

/// Most options of a choice.
const MAX_OPTIONS: usize = 8;
/// One more than the largest 53-bit draw.
const DRAWS: u64 = 1 << 53;

/// A weighted choice, ready to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted {
    /// `thresholds[i]`: the smallest draw whose option comes after option `i`
    /// ([`DRAWS`] where none does).
    thresholds: [u64; MAX_OPTIONS],
}

impl Weighted {
    /// The choice among `weights` (which sum to 1; at most eight are read).
    pub(crate) fn new(weights: &[f64]) -> Self {
        let weights = &weights[..weights.len().min(MAX_OPTIONS)];
        let mut thresholds = [DRAWS; MAX_OPTIONS];
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
    /// branchless binary search over the sorted thresholds (four comparisons
    /// instead of eight).
    #[inline]
    pub(crate) fn pick(&self, rng: &mut ChaCha8Rng) -> u8 {
        let bits = rng.next_u64() >> 11;
        let t = &self.thresholds;
        let mut below = 0;
        for half in [4, 2, 1] {
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
            let choice = Weighted::new(weights);
            let mut a = ChaCha8Rng::seed_from_u64(9);
            let mut b = a.clone();
            for _ in 0..100_000 {
                let by_scan = scan(&weights[..weights.len().min(8)], b.next_u64() >> 11);
                assert_eq!(usize::from(choice.pick(&mut a)), by_scan, "{weights:?}");
            }
            assert_eq!(a.random::<u64>(), b.random::<u64>());
            for &t in choice.thresholds.iter().filter(|&&t| t < DRAWS) {
                for bits in [t.saturating_sub(1), t, t + 1] {
                    let count = choice.thresholds.iter().filter(|&&u| u <= bits).count();
                    assert_eq!(count, scan(&weights[..weights.len().min(8)], bits));
                }
            }
        }
    }
}
