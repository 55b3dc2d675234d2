//! Money amounts: log-normal, drawn from a quantile table.
//!
//! Order and transaction amounts are log-normal (many small, a few large). Drawing
//! one the textbook way (a normal sample, then `exp`) was a quarter of the
//! engine's time, and a platform's `exp` may differ from another's in the last
//! bit. Instead the quantile function is tabulated once, with libm's code
//! (`crate::fmath`: the same bits natively and in wasm), and each draw is one uniform number and a
//! linear interpolation: fast, and bit-identical everywhere.

use std::sync::Arc;

use rand::RngCore;
use rand_chacha::ChaCha8Rng;

use crate::kept::Kept;

/// Spread of the amounts (σ of the underlying normal).
const SIGMA: f64 = 0.6;
/// Cells of the table: 2^12.
const CELL_BITS: u32 = 12;
const CELLS: usize = 1 << CELL_BITS;
/// The top cell ends at this many σ above the median, not at infinity.
const TOP_Z: f64 = 5.0;
/// The tables built last, by mean (bounded: 4 × 32 KB). Building one (4,097
/// `exp`s) costs about 1.6 M instructions, a long frame on the page when a sweep's
/// click validated twenty configs with a table each time (see [`crate::kept`]).
static TABLES: Kept<i64, [f64]> = Kept::new();

/// The tabulated quantile function of a log-normal distribution with a given mean.
#[derive(Debug, Clone)]
pub(crate) struct Amounts {
    /// `quantiles[i]` = amount at cumulative probability `i / CELLS` (shared: see
    /// [`TABLES`]).
    quantiles: Arc<[f64]>,
}

impl Amounts {
    /// Amounts with mean `mean_cents` (at least 1).
    pub(crate) fn new(mean_cents: i64) -> Self {
        let mean_cents = mean_cents.max(1);
        Self {
            quantiles: TABLES.get_or_build(mean_cents, || quantile_table(mean_cents).into()),
        }
    }

    /// One amount, in cents, at least one cent. Always inlined: drawn once per
    /// generated event, inside the scenario's `fill_payload`.
    #[inline(always)]
    pub(crate) fn sample(&self, rng: &mut ChaCha8Rng) -> i64 {
        let u = rng.next_u64();
        let cell = (u >> (64 - CELL_BITS)) as usize;
        // The remaining 52 bits place the draw inside the cell.
        let within = ((u << CELL_BITS) >> 12) as f64 * (1.0 / (1u64 << 52) as f64);
        let (low, high) = (self.quantiles[cell], self.quantiles[cell + 1]);
        crate::fmath::round_half_away(low + (high - low) * within).max(1)
    }
}

/// The quantile table of log-normal amounts with mean `mean_cents` (at least 1).
fn quantile_table(mean_cents: i64) -> Vec<f64> {
    // The mean of LogNormal(μ, σ) is exp(μ + σ²/2).
    let mu = crate::fmath::log(mean_cents as f64) - SIGMA * SIGMA / 2.0;
    let mut quantiles: Vec<f64> = (0..=CELLS)
        .map(|i| match i {
            0 => 0.0,
            CELLS => crate::fmath::exp(mu + SIGMA * TOP_Z),
            _ => crate::fmath::exp(mu + SIGMA * inverse_normal_cdf(i as f64 / CELLS as f64)),
        })
        .collect();
    // Interpolation bends the tails slightly: rescale so the mean is exact.
    let table_mean = quantiles
        .windows(2)
        .map(|w| (w[0] + w[1]) / 2.0)
        .sum::<f64>()
        / CELLS as f64;
    let scale = mean_cents as f64 / table_mean;
    quantiles.iter_mut().for_each(|q| *q *= scale);
    quantiles
}

/// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation (relative error below
/// 1.2e-9, far finer than a cent), from `+ − × ÷`, `sqrt` and `fmath::log` only.
fn inverse_normal_cdf(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.024_25;
    let horner = |coeffs: &[f64], x: f64| coeffs.iter().fold(0.0, |acc, &c| acc * x + c);
    let tail = |q: f64| {
        let q = (-2.0 * crate::fmath::log(q)).sqrt();
        horner(&C, q) / (horner(&D, q) * q + 1.0)
    };
    if p < LOW {
        tail(p)
    } else if p > 1.0 - LOW {
        -tail(1.0 - p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        horner(&A, r) * q / (horner(&B, r) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{rng, Stream};

    #[test]
    fn inverse_normal_cdf_hits_known_quantiles() {
        for (p, z) in [
            (0.5, 0.0),
            (0.975, 1.959_963_984_540_054),
            (0.01, -2.326_347_874_040_841),
            (0.999, 3.090_232_306_167_813_5),
        ] {
            assert!((inverse_normal_cdf(p) - z).abs() < 1e-8, "Φ⁻¹({p})");
        }
    }

    /// The draws have the configured mean, a median below it (right skew), and
    /// are never below one cent.
    #[test]
    fn amounts_are_log_normal_with_the_configured_mean() {
        let amounts = Amounts::new(8_000);
        let mut r = rng(1, Stream::Payload);
        let mut draws: Vec<i64> = (0..200_000).map(|_| amounts.sample(&mut r)).collect();
        let mean = draws.iter().sum::<i64>() as f64 / draws.len() as f64;
        assert!((mean / 8_000.0 - 1.0).abs() < 0.01, "mean {mean}");
        draws.sort_unstable();
        let median = draws[draws.len() / 2] as f64;
        let expected_median = 8_000.0 * crate::fmath::exp(-SIGMA * SIGMA / 2.0);
        assert!(
            (median / expected_median - 1.0).abs() < 0.02,
            "median {median}"
        );
        assert!(draws[0] >= 1);
    }
}
