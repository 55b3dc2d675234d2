//! Run logs (batch runs, micro-batches) kept in bounded memory: the most
//! recent [`MAX_LOGGED_RUNS`] entries and the total count. A 10 ms trigger over
//! 230 days is two billion micro-batches; keeping each one would need 128 GB.

use std::collections::VecDeque;

/// Most entries a run log keeps (the newest): about 100 bytes each, a few MB.
/// `bslab run --runs` and the Spark export, which need every entry, refuse a
/// config that could produce more ([`crate::resources::Resources::check_full_log`]).
pub const MAX_LOGGED_RUNS: usize = 100_000;

/// The newest entries of a log and how many there were in all.
#[derive(Debug, Clone)]
pub(crate) struct RunLog<T> {
    kept: VecDeque<T>,
    total: u64,
}

impl<T: Copy> RunLog<T> {
    pub(crate) fn new() -> Self {
        Self {
            kept: VecDeque::new(),
            total: 0,
        }
    }

    pub(crate) fn push(&mut self, entry: T) {
        if self.kept.len() == MAX_LOGGED_RUNS {
            self.kept.pop_front();
        }
        self.kept.push_back(entry);
        self.total += 1;
    }

    /// Entries ever pushed.
    pub(crate) fn total(&self) -> u64 {
        self.total
    }

    /// The kept entries, oldest first, by reference.
    pub(crate) fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.kept.iter()
    }

    /// The kept entries, oldest first, without copying them.
    pub(crate) fn kept(&self) -> &VecDeque<T> {
        &self.kept
    }

    /// The kept entries, oldest first (all of them while `total ≤ MAX_LOGGED_RUNS`).
    pub(crate) fn to_vec(&self) -> Vec<T> {
        self.kept.iter().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_entries_and_counts_all() {
        let mut log = RunLog::new();
        let n = MAX_LOGGED_RUNS as u64 + 5;
        (0..n).for_each(|i| log.push(i));
        assert_eq!(log.total(), n);
        let kept = log.to_vec();
        assert_eq!(kept.len(), MAX_LOGGED_RUNS);
        assert_eq!(kept.first(), Some(&5));
        assert_eq!(kept.last(), Some(&(n - 1)));
    }
}
