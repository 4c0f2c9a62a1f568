//! Failures counted per key in windows of [`WINDOW`], in a table of bounded size.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::Instant;

use super::WINDOW;

/// The failures of one key since its window started.
#[derive(Clone, Copy)]
pub struct Window {
    pub started: Instant,
    pub failures: u32,
}

impl Window {
    /// Seconds until the window ends, rounded up.
    pub fn seconds_left(&self, now: Instant) -> u64 {
        crate::clock::seconds_up(WINDOW.saturating_sub(now.duration_since(self.started)))
    }
}

/// At most `max_keys` windows. Anyone can make a key (a failed sign-in for any email), so the
/// table is bounded: a new key first sweeps the expired windows, and when all are current,
/// the oldest eighth goes. Forgetting a window early forgives its failures, which is the lesser
/// harm than memory growing without end; the caller bounds the key's size too.
pub struct Windows<K> {
    map: HashMap<K, Window>,
    max_keys: usize,
}

impl<K: Hash + Eq> Windows<K> {
    /// An empty table of at most `max_keys` windows.
    pub fn new(max_keys: usize) -> Self {
        Windows {
            map: HashMap::new(),
            max_keys: max_keys.max(1),
        }
    }

    /// The current window of `key`, if it has one (an expired one is dropped).
    pub fn current(&mut self, key: &K, now: Instant) -> Option<Window> {
        match self.map.get(key) {
            Some(w) if now.duration_since(w.started) >= WINDOW => {
                self.map.remove(key);
                None
            }
            w => w.copied(),
        }
    }

    /// Counts one failure of `key`, in a new window if its last one has passed.
    pub fn fail(&mut self, key: K, now: Instant) {
        if !self.map.contains_key(&key) && self.map.len() >= self.max_keys {
            self.make_room(now);
        }
        let w = self.map.entry(key).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now.duration_since(w.started) >= WINDOW {
            *w = Window {
                started: now,
                failures: 0,
            };
        }
        w.failures = w.failures.saturating_add(1);
    }

    /// Forgets the failures of `key`.
    pub fn forget(&mut self, key: &K) {
        self.map.remove(key);
    }

    /// How many keys are tracked.
    pub fn tracked(&self) -> usize {
        self.map.len()
    }

    /// Drops the expired windows and, if that is not enough, the oldest eighth of the table:
    /// a linear selection once every `max_keys / 8` new keys keeps a full table's cost per failure low.
    fn make_room(&mut self, now: Instant) {
        self.map
            .retain(|_, w| now.duration_since(w.started) < WINDOW);
        if self.map.len() < self.max_keys {
            return;
        }
        let mut starts: Vec<Instant> = self.map.values().map(|w| w.started).collect();
        let evict = (self.max_keys / 8).max(1);
        let (_, cutoff, _) = starts.select_nth_unstable(evict - 1);
        // At least `evict` windows started at or before the cutoff (more when starts tie).
        let cutoff = *cutoff;
        self.map.retain(|_, w| w.started > cutoff);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn failures(t: &mut Windows<String>, key: &str, now: Instant) -> u32 {
        t.current(&key.to_string(), now).map_or(0, |w| w.failures)
    }

    #[test]
    fn a_full_table_sweeps_the_expired_then_drops_the_oldest() {
        let mut t = Windows::new(80);
        let start = Instant::now();
        for i in 0..40 {
            t.fail(format!("old{i}"), start);
        }
        let later = start + WINDOW - Duration::from_secs(1);
        for i in 0..40 {
            t.fail(format!("new{i}"), later + Duration::from_millis(i));
        }
        assert_eq!(t.tracked(), 80);
        // The 40 old windows have passed: sweeping them makes room.
        let after = start + WINDOW;
        t.fail("x".to_string(), after);
        assert_eq!(t.tracked(), 41);
        for i in 0..39 {
            t.fail(format!("more{i}"), after);
        }
        assert_eq!(t.tracked(), 80);
        // All current: the oldest eighth (new0 to new9) goes.
        t.fail("y".to_string(), after);
        assert_eq!(t.tracked(), 71);
        assert_eq!(failures(&mut t, "new9", after), 0);
        assert_eq!(failures(&mut t, "new10", after), 1);
        assert_eq!(failures(&mut t, "y", after), 1);
    }

    #[test]
    fn the_table_never_grows_past_its_bound() {
        let mut t = Windows::new(1000);
        let now = Instant::now();
        for i in 0..100_000 {
            t.fail(i, now);
            assert!(t.tracked() <= 1000);
        }
    }
}
