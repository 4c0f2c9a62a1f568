//! Slows down password guessing, per account and per client address.
//!
//! - An email that failed [`MAX_FAILURES`] times in a [`WINDOW`] is refused, but only to client
//!   addresses that failed too: from an address without a failure in its window, the right
//!   password still signs in. Someone who knows a person's email cannot lock them out from
//!   elsewhere; a guesser gets one try per fresh address.
//! - An address that failed [`MAX_ADDRESS_FAILURES`] times in a window is refused whatever the
//!   email: one password sprayed over many emails from one place is slowed. A success does not
//!   forgive an address, or a guesser would sign in to their own account between sprays.
//!
//! IPv6 addresses count by their /64, which one subscriber usually holds whole. Both tables are
//! bounded ([`MAX_KEYS`] each), and an email is at most 254 bytes before it reaches them (the
//! sign-in refuses longer ones), so nobody can make them hold more than a few MiB.

mod windows;

use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use windows::Windows;

/// Failures of one email in one window before sign-in to it is refused (from addresses that
/// failed too).
pub const MAX_FAILURES: u32 = 5;
/// Failures from one client address in one window, over all emails, before its sign-ins are
/// refused.
pub const MAX_ADDRESS_FAILURES: u32 = 20;
/// How long a window lasts, counted from its first failure.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The most emails, and the most addresses, tracked at once.
pub const MAX_KEYS: usize = 10_000;

/// Where failures come from: an IPv4 address, the /64 of an IPv6 one, or, without a known
/// address (requests that did not come through a socket, in tests), one shared key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Origin {
    V4([u8; 4]),
    V6Prefix([u8; 8]),
    Unknown,
}

impl Origin {
    fn of(client: Option<IpAddr>) -> Self {
        match client.map(|ip| ip.to_canonical()) {
            Some(IpAddr::V4(v4)) => Origin::V4(v4.octets()),
            Some(IpAddr::V6(v6)) => {
                let mut prefix = [0; 8];
                prefix.copy_from_slice(&v6.octets()[..8]);
                Origin::V6Prefix(prefix)
            }
            None => Origin::Unknown,
        }
    }
}

struct Tables {
    emails: Windows<String>,
    origins: Windows<Origin>,
}

/// Failed sign-ins per lowercased email and per client address, in memory (a restart forgives
/// everyone, which is fine for slowing down guessing).
pub struct Throttle {
    tables: Mutex<Tables>,
    /// Its clock, which tests move forward.
    clock: crate::clock::Monotonic,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            tables: Mutex::new(Tables {
                emails: Windows::new(MAX_KEYS),
                origins: Windows::new(MAX_KEYS),
            }),
            clock: Default::default(),
        }
    }
}

impl Throttle {
    /// `Err(seconds to wait)` when a sign-in to `email` from `client` is refused for now.
    pub fn check(&self, email: &str, client: Option<IpAddr>) -> Result<(), u64> {
        self.check_at(email, client, self.now())
    }

    /// Counts one failed sign-in, for the email and for the address.
    pub fn fail(&self, email: &str, client: Option<IpAddr>) {
        self.fail_at(email, client, self.now())
    }

    /// Forgets the failures of an email after a successful sign-in (not its address's).
    pub fn succeed(&self, email: &str) {
        self.lock().emails.forget(&email.to_string());
    }

    /// How many emails and how many addresses are tracked.
    pub fn tracked(&self) -> (usize, usize) {
        let t = self.lock();
        (t.emails.tracked(), t.origins.tracked())
    }

    /// Moves the clock forward.
    #[cfg(test)]
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    fn now(&self) -> Instant {
        self.clock.now()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Tables> {
        self.tables.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn check_at(&self, email: &str, client: Option<IpAddr>, now: Instant) -> Result<(), u64> {
        let mut t = self.lock();
        let origin = t.origins.current(&Origin::of(client), now);
        if let Some(o) = origin.filter(|o| o.failures >= MAX_ADDRESS_FAILURES) {
            return Err(o.seconds_left(now));
        }
        let address_failed = origin.is_some_and(|o| o.failures > 0);
        match t.emails.current(&email.to_string(), now) {
            Some(e) if e.failures >= MAX_FAILURES && address_failed => Err(e.seconds_left(now)),
            _ => Ok(()),
        }
    }

    fn fail_at(&self, email: &str, client: Option<IpAddr>, now: Instant) {
        let mut t = self.lock();
        t.emails.fail(email.to_string(), now);
        t.origins.fail(Origin::of(client), now);
    }
}

#[cfg(test)]
mod tests;
