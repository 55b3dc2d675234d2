//! Zipf draws from an alias table: one `u64` and one table read per draw.
//!
//! rand_distr's `Zipf` samples by rejection-inversion: a `powf` per try and
//! sometimes several tries, about 40% of a social simulation's time. The number
//! of posts is small and bounded by validation, so the exact pmf
//! P(k) ∝ k^(−s), k = 1..=n, is tabulated once instead (with `crate::fmath`'s
//! `pow`: the same bits natively and in wasm) and drawn by Walker's alias
//! method (Vose's construction): each of n equal columns holds its own post up
//! to a threshold and another post above it. A draw multiplies one random `u64`
//! by n: the high half of the product is the column, uniform to 2^−64, and the
//! low half the position inside it, compared with the column's threshold (a
//! resolution of n·2^−64). Same distribution as rand_distr's, no
//! transcendental function per draw.

use std::sync::Arc;

use rand::RngCore;
use rand_chacha::ChaCha8Rng;

use crate::kept::Kept;

/// The tables built last, by (n, the exponent's bits): building one for the
/// largest n costs n `pow`s (see [`crate::kept`]).
static TABLES: Kept<(u32, u64), [Column]> = Kept::new();

/// One column of the alias table.
#[derive(Debug, Clone, Copy)]
struct Column {
    /// A draw whose position in the column is below this (in 2^−64 of the
    /// column) is the column's own post, else `alias`.
    threshold: u64,
    /// The post (0-based) that fills the rest of the column.
    alias: u32,
}

/// Zipf(n, s): ranks 1..=n with P(k) ∝ k^(−s), ready to draw.
#[derive(Debug, Clone)]
pub(crate) struct ZipfTable {
    columns: Arc<[Column]>,
}

impl ZipfTable {
    /// The distribution of `n` ranks (at least 1) with exponent `s`; weights
    /// that are not finite (an exponent no config passes validation with)
    /// fall back to uniform ones.
    pub(crate) fn new(n: u32, s: f64) -> Self {
        let n = n.max(1);
        Self {
            columns: TABLES.get_or_build((n, s.to_bits()), || alias_table(&weights(n, s)).into()),
        }
    }

    /// A rank in 1..=n, from one `u64` of `rng`.
    #[inline]
    pub(crate) fn sample(&self, rng: &mut ChaCha8Rng) -> u32 {
        let product = u128::from(rng.next_u64()) * self.columns.len() as u128;
        let index = (product >> 64) as usize;
        // `index` < n by construction; `get` keeps the draw free of a panic path.
        let Some(column) = self.columns.get(index) else {
            return 1;
        };
        let post = if (product as u64) < column.threshold {
            index as u32
        } else {
            column.alias
        };
        post + 1
    }
}

/// k^(−s) for k = 1..=n (uniform if any is not finite).
fn weights(n: u32, s: f64) -> Vec<f64> {
    let w: Vec<f64> = (1..=n)
        .map(|k| crate::fmath::pow(f64::from(k), -s))
        .collect();
    if w.iter().all(|x| x.is_finite()) {
        w
    } else {
        vec![1.0; n as usize]
    }
}

/// Vose's alias table for `weights` (at least one, finite, the first
/// positive): each column's own share scaled to 2^64, and who fills the rest.
fn alias_table(weights: &[f64]) -> Vec<Column> {
    let n = weights.len();
    let total: f64 = weights.iter().sum();
    // Each column holds 1/n: a weight's share, in columns.
    let mut share: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
    let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| share[i] < 1.0);
    let mut columns: Vec<Column> = (0..n)
        .map(|i| Column {
            threshold: u64::MAX,
            alias: i as u32,
        })
        .collect();
    while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
        small.pop();
        columns[s] = Column {
            threshold: to_threshold(share[s]),
            alias: l as u32,
        };
        share[l] -= 1.0 - share[s];
        if share[l] < 1.0 {
            large.pop();
            small.push(l);
        }
    }
    // Rounding may leave columns on one list whose share is 1 up to an ulp:
    // they keep their own post (threshold u64::MAX, alias themselves).
    columns
}

/// A share of a column in [0, 1] as a threshold in 2^−64 of the column.
fn to_threshold(share: f64) -> u64 {
    // `as` saturates: a share of 1 (or a rounding above it) is the whole column.
    (share * 18_446_744_073_709_551_616.0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{rng, Stream};

    /// Each column's mass given back to its posts: the table holds the pmf
    /// it was built from.
    fn pmf_of(table: &ZipfTable) -> Vec<f64> {
        let n = table.columns.len();
        let mut pmf = vec![0.0; n];
        for (i, c) in table.columns.iter().enumerate() {
            let own = c.threshold as f64 / 18_446_744_073_709_551_616.0;
            pmf[i] += own / n as f64;
            pmf[c.alias as usize] += (1.0 - own) / n as f64;
        }
        pmf
    }

    fn exact_pmf(n: u32, s: f64) -> Vec<f64> {
        let w = weights(n, s);
        let total: f64 = w.iter().sum();
        w.iter().map(|x| x / total).collect()
    }

    #[test]
    fn the_table_holds_the_exact_zipf_pmf() {
        for (n, s) in [
            (1, 1.0),
            (2, 0.5),
            (50, 1.2),
            (20, 1.1),
            (10_000, 1.0),
            (10_000, 5.0),
            (7, 0.0),
        ] {
            let table = ZipfTable::new(n, s);
            for (k, (got, want)) in pmf_of(&table).iter().zip(exact_pmf(n, s)).enumerate() {
                assert!(
                    (got - want).abs() < 1e-12,
                    "n {n} s {s}: P({}) {got} ≠ {want}",
                    k + 1
                );
            }
        }
    }

    /// Pearson's chi-square of `counts` against `pmf`, small cells pooled (at
    /// least 5,000 expected each), and its 0.999 quantile (Wilson–Hilferty).
    fn chi_square(counts: &[u64], pmf: &[f64]) -> (f64, f64) {
        let draws = counts.iter().sum::<u64>() as f64;
        let (mut chi2, mut cells) = (0.0, 0);
        let (mut pooled_count, mut pooled_p) = (0.0, 0.0);
        let last = pmf.len() - 1;
        for (i, (&c, &p)) in counts.iter().zip(pmf).enumerate() {
            pooled_count += c as f64;
            pooled_p += p;
            if pooled_p * draws >= 5_000.0 || i == last {
                let expected = pooled_p * draws;
                chi2 += (pooled_count - expected).powi(2) / expected;
                cells += 1;
                (pooled_count, pooled_p) = (0.0, 0.0);
            }
        }
        assert!(cells >= 10, "{cells} cells");
        let d = f64::from(cells - 1);
        let z = 3.090_232;
        let limit = d * (1.0 - 2.0 / (9.0 * d) + z * (2.0 / (9.0 * d)).sqrt()).powi(3);
        (chi2, limit)
    }

    /// 400,000 draws of Zipf(50, 1.2) (the social preset) pass a chi-square
    /// test against the exact pmf, and fail it against Zipf(50, 1.25): the
    /// test tells exponents 0.05 apart.
    #[test]
    fn draws_follow_the_zipf_pmf() {
        let (n, s) = (50, 1.2);
        let table = ZipfTable::new(n, s);
        let mut r = rng(7, Stream::Payload);
        let mut counts = vec![0u64; n as usize];
        for _ in 0..400_000 {
            let k = table.sample(&mut r);
            assert!((1..=n).contains(&k));
            counts[k as usize - 1] += 1;
        }
        let (chi2, limit) = chi_square(&counts, &exact_pmf(n, s));
        assert!(chi2 < limit, "chi-square {chi2} ≥ {limit}");
        let (chi2, limit) = chi_square(&counts, &exact_pmf(n, 1.25));
        assert!(chi2 > limit, "s = 1.25 passes too: {chi2} ≤ {limit}");
    }

    /// The rank-1 share of many draws is the pmf's (a biased column choice or
    /// threshold would move it by far more than the tolerance).
    #[test]
    fn the_most_popular_post_has_its_share() {
        let table = ZipfTable::new(10_000, 1.0);
        let mut r = rng(3, Stream::Payload);
        let ones = (0..1_000_000).filter(|_| table.sample(&mut r) == 1).count();
        let p = exact_pmf(10_000, 1.0)[0];
        let sd = (p * (1.0 - p) / 1e6).sqrt();
        assert!(
            (ones as f64 / 1e6 - p).abs() < 5.0 * sd,
            "{ones} ones, p {p}"
        );
    }
}
