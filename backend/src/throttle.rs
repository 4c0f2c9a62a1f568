//! Slows down password guessing: per email, at most a few failures per window.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed in one window before sign-in is refused.
pub const MAX_FAILURES: u32 = 5;
/// How long a window lasts, counted from its first failure.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Beyond this many tracked emails, expired windows are swept so memory stays bounded.
const SWEEP_AT: usize = 10_000;

struct Window {
    started: Instant,
    failures: u32,
}

/// Failed sign-ins per lowercased email, in memory (a restart forgives everyone, which is fine
/// for slowing down guessing).
#[derive(Default)]
pub struct Throttle {
    windows: Mutex<HashMap<String, Window>>,
    /// Its clock, which tests move forward.
    clock: crate::clock::Monotonic,
}

impl Throttle {
    /// `Err(seconds to wait)` when the email has used up its failures in the current window.
    pub fn check(&self, email: &str) -> Result<(), u64> {
        self.check_at(email, self.now())
    }

    /// Counts one failed sign-in.
    pub fn fail(&self, email: &str) {
        self.fail_at(email, self.now())
    }

    /// Forgets the failures of an email after a successful sign-in.
    pub fn succeed(&self, email: &str) {
        self.windows
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(email);
    }

    /// Moves the clock forward.
    #[cfg(test)]
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    fn now(&self) -> Instant {
        self.clock.now()
    }

    fn check_at(&self, email: &str, now: Instant) -> Result<(), u64> {
        let mut map = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(email) {
            Some(w) if now.duration_since(w.started) >= WINDOW => {
                map.remove(email);
                Ok(())
            }
            Some(w) if w.failures >= MAX_FAILURES => {
                let left = WINDOW.saturating_sub(now.duration_since(w.started));
                Err(crate::clock::seconds_up(left))
            }
            _ => Ok(()),
        }
    }

    fn fail_at(&self, email: &str, now: Instant) {
        let mut map = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= SWEEP_AT {
            map.retain(|_, w| now.duration_since(w.started) < WINDOW);
        }
        let w = map.entry(email.to_string()).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now.duration_since(w.started) >= WINDOW {
            *w = Window {
                started: now,
                failures: 0,
            };
        }
        w.failures += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_the_email_until_the_window_passes() {
        let t = Throttle::default();
        let start = Instant::now();
        for _ in 0..MAX_FAILURES {
            assert!(t.check_at("a@x", start).is_ok());
            t.fail_at("a@x", start);
        }
        let wait = t
            .check_at("a@x", start + Duration::from_secs(60))
            .unwrap_err();
        assert_eq!(wait, 14 * 60);
        assert!(
            t.check_at("b@x", start).is_ok(),
            "other emails are not affected"
        );
        assert!(t.check_at("a@x", start + WINDOW).is_ok());
        t.fail_at("a@x", start + WINDOW);
        assert!(
            t.check_at("a@x", start + WINDOW).is_ok(),
            "a new window starts from zero"
        );
    }

    #[test]
    fn a_success_clears_the_count() {
        let t = Throttle::default();
        let now = Instant::now();
        for _ in 0..MAX_FAILURES - 1 {
            t.fail_at("a@x", now);
        }
        t.succeed("a@x");
        t.fail_at("a@x", now);
        assert!(t.check_at("a@x", now).is_ok());
    }
}
