//! Devices' outages ([`Outages`]) as the generator asks them, once per event,
//! without a division.
//!
//! [`Outages::slot`] takes the device's phase as a remainder by the slot length
//! and its slot number as a quotient: two 64-bit divisions per event, the
//! slowest instructions of web traffic's generation (tens of cycles each, a
//! fifth of the generator's time). The slot length is fixed for the run, so
//! both come from multiplications by constants computed once ([`Divisor`]),
//! with exactly the same results.
//!
//! A device reads many times per slot (an IoT sensor every 0.2 s of a
//! ten-minute slot at 1,000 readings/s), so the clock keeps each device's
//! last slot (its start, whether it is offline): a reading within it needs
//! neither a division nor the four hashes of the phase and the outage draw.

use crate::scenario::Outages;
use crate::time::TimeMs;

/// Devices whose last slot is kept: 16 bytes each, at most 128 KB. Devices
/// beyond (up to 100,000 visitors) compute theirs at every event, as before.
const KEPT_DEVICES: usize = 1 << 13;

/// [`Outages`] of one run (its seed) with its slot length prepared for
/// division by multiplication, and its devices' last slots.
#[derive(Debug, Clone)]
pub(super) struct OutageClock {
    outages: Outages,
    seed: u64,
    slot: Divisor,
    /// `last[device]`: the slot its latest reading fell in (grown on demand).
    last: Vec<Slot>,
}

/// A slot of one device: its first instant (`TimeMs::MAX`: none yet) and
/// whether the device is offline in it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: TimeMs,
    offline: bool,
}

impl OutageClock {
    pub(super) fn new(outages: &Outages, seed: u64) -> Self {
        Self {
            outages: *outages,
            seed,
            slot: Divisor::new(outages.slot_ms.max(1) as u64),
            last: Vec::new(),
        }
    }

    /// [`Outages::arrival`] with the run's seed, the same instant.
    #[inline]
    pub(super) fn arrival(&mut self, device: u32, t: TimeMs, delay_ms: TimeMs) -> TimeMs {
        let slot_ms = self.outages.slot_ms;
        let slot = match self.last.get(device as usize) {
            // `t − start` cannot overflow: `start ≤ t`, both within the run.
            Some(s) if s.start <= t && t - s.start < slot_ms => (s.start, s.offline),
            _ => self.new_slot(device, t),
        };
        self.outages.arrival_in(slot, t, delay_ms)
    }

    /// The slot of `t` for `device` when it is not the one kept: computed,
    /// and kept for the device's next readings.
    #[inline(never)]
    fn new_slot(&mut self, device: u32, t: TimeMs) -> (TimeMs, bool) {
        let (start, offline) = self.slot(self.seed, device, t);
        let i = device as usize;
        if i < KEPT_DEVICES {
            if i >= self.last.len() {
                let none = Slot {
                    start: TimeMs::MAX,
                    offline: false,
                };
                self.last.resize(i + 1, none);
            }
            if let Some(kept) = self.last.get_mut(i) {
                *kept = Slot { start, offline };
            }
        }
        (start, offline)
    }

    /// [`Outages::slot`]: `t + phase` is cut into slots from 0, so for an
    /// instant at or after time 0 the slot number is `(t + phase) / slot` and
    /// the slot starts `(t + phase) mod slot` before `t`.
    #[inline]
    fn slot(&self, seed: u64, device: u32, t: TimeMs) -> (TimeMs, bool) {
        let phase = self.slot.rem(Outages::phase_hash(seed, device));
        let shifted = t.checked_add(phase as TimeMs).map(u64::try_from);
        let Some(Ok(shifted)) = shifted else {
            return self.outages.slot(seed, device, t);
        };
        let within = self.slot.rem(shifted);
        let index = self.slot.div_exact(shifted - within) as TimeMs;
        (
            t - within as TimeMs,
            self.outages.offline(seed, device, index),
        )
    }
}

/// Division by a divisor fixed ahead, by multiplications. The remainder is
/// Lemire, Kaser and Kurz's direct computation ("Faster remainder by direct
/// computation", 2019), exact for every 64-bit dividend with a 128-bit
/// multiplier; the quotient is then an exact division of the dividend minus
/// its remainder: a shift by the divisor's power of two and a product with the
/// inverse of its odd part modulo 2^64.
#[derive(Debug, Clone, Copy)]
struct Divisor {
    divisor: u64,
    /// ⌈2^128 / divisor⌉ modulo 2^128 (0 for a divisor of 1).
    multiplier: u128,
    /// The divisor's trailing zero bits.
    shift: u32,
    /// The inverse of `divisor >> shift` modulo 2^64.
    inverse: u64,
}

impl Divisor {
    /// For `divisor ≥ 1`.
    fn new(divisor: u64) -> Self {
        let divisor = divisor.max(1);
        let shift = divisor.trailing_zeros();
        let odd = divisor >> shift;
        // Newton's iteration doubles the correct low bits: an odd number is its
        // own inverse to 3 bits, so five steps reach 96 ≥ 64.
        let mut inverse = odd;
        for _ in 0..5 {
            inverse = inverse.wrapping_mul(2u64.wrapping_sub(odd.wrapping_mul(inverse)));
        }
        Self {
            divisor,
            multiplier: (u128::MAX / u128::from(divisor)).wrapping_add(1),
            shift,
            inverse,
        }
    }

    /// `x mod divisor`.
    #[inline]
    fn rem(&self, x: u64) -> u64 {
        let fraction = self.multiplier.wrapping_mul(u128::from(x));
        let d = u128::from(self.divisor);
        // The top 64 bits of the 192-bit product `fraction × divisor`.
        let bottom = (u128::from(fraction as u64) * d) >> 64;
        let top = (fraction >> 64) * d;
        ((bottom + top) >> 64) as u64
    }

    /// `multiple / divisor` for a multiple of the divisor.
    #[inline]
    fn div_exact(&self, multiple: u64) -> u64 {
        (multiple >> self.shift).wrapping_mul(self.inverse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic spread of 64-bit values (SplitMix64's sequence).
    fn values(n: usize) -> impl Iterator<Item = u64> {
        let mut x = 0x1234_5678_9ABC_DEF0u64;
        (0..n).map(move |_| {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        })
    }

    /// Remainder and quotient are the hardware division's, for divisors of
    /// every size (powers of two, their neighbours, the slot lengths a
    /// scenario takes) and dividends from 0 to 2^64 − 1.
    #[test]
    fn division_by_multiplication_is_exact() {
        let mut divisors = vec![1, 2, 3, 5, 7, 60_000, 600_000, 900_000, 86_400_000];
        for k in 1..64 {
            divisors.extend([(1u64 << k) - 1, 1 << k, (1 << k) + 1]);
        }
        divisors.extend(
            values(200)
                .map(|v| v >> (v % 64))
                .filter(|&d| d > 0 && d < u64::MAX),
        );
        for &d in &divisors {
            let divisor = Divisor::new(d);
            let edges = [0, 1, d - 1, d, d + 1, u64::MAX - 1, u64::MAX];
            for x in values(2_000)
                .chain(values(2_000).map(|v| v >> 20))
                .chain(edges)
            {
                let r = divisor.rem(x);
                assert_eq!(r, x % d, "{x} mod {d}");
                assert_eq!(divisor.div_exact(x - r), x / d, "{x} / {d}");
            }
        }
    }

    /// The clock's slots and arrivals are [`Outages`]' own, before time 0
    /// too, for devices whose slot is kept and those beyond, read in time
    /// order (as the generator reads them) and in any order.
    #[test]
    fn the_clock_keeps_the_outages_slots() {
        for (fraction, slot_ms) in [(0.02, 900_000), (0.5, 1), (0.3, 60_000), (1.0, 7)] {
            let outages = Outages { fraction, slot_ms };
            for seed in 0..3 {
                let mut clock = OutageClock::new(&outages, seed);
                let mut readings: Vec<(u32, TimeMs)> = values(20_000)
                    .map(|v| {
                        let device = (v >> 40) as u32 % (2 * KEPT_DEVICES as u32);
                        (
                            device % [7, 5_000, u32::MAX][(v % 3) as usize],
                            (v % 200_000_000) as TimeMs - 1_000,
                        )
                    })
                    .collect();
                let shuffled = readings.clone();
                readings.sort_by_key(|r| r.1);
                for (device, t) in readings.into_iter().chain(shuffled) {
                    assert_eq!(
                        clock.slot(seed, device, t),
                        outages.slot(seed, device, t),
                        "{outages:?}, device {device} at {t}"
                    );
                    assert_eq!(
                        clock.arrival(device, t, 321),
                        outages.arrival(seed, device, t, 321),
                        "{outages:?}, seed {seed}, device {device} at {t}"
                    );
                }
            }
        }
    }
}
