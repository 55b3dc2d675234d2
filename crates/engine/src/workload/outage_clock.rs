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

use crate::divisor::Divisor;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::divisor::tests::values;

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
