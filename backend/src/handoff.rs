//! Hand-off tokens: a host (the vendor's admin console) signs its already signed-in user into
//! the portal without a password. The host mints a token for a user (`POST /host/handoff`); the
//! portal exchanges it once for a session (`POST /session/handoff`).
//!
//! Pending tokens live in memory, under their SHA-256 only: a restart forgets them, which costs a
//! user one more hand-off at most. Each works once and for `--handoff-seconds`. The map is
//! bounded: every mint first drops the expired tokens, and beyond [`MAX_PENDING`] tokens waiting
//! to be used a mint is refused (429, until the oldest expires) rather than evicting one, which
//! would silently break a hand-off already under way.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::tokens::{random_token, token_hash};

/// Tokens waiting to be used beyond which a mint is refused.
pub const MAX_PENDING: usize = 10_000;

struct Pending {
    user_id: String,
    expires_at: Instant,
}

/// The pending hand-off tokens, by the hash of each.
#[derive(Default)]
pub struct Handoffs {
    pending: Mutex<HashMap<String, Pending>>,
    /// Its clock, which tests move forward.
    clock: crate::clock::Monotonic,
}

impl Handoffs {
    /// A new token for a user, working once for `ttl`; `Err(seconds until a place frees up)`
    /// when [`MAX_PENDING`] tokens are waiting to be used.
    pub fn mint(&self, user_id: &str, ttl: Duration) -> Result<String, u64> {
        self.mint_at(user_id, ttl, self.now())
    }

    /// The user a token was minted for, if it is known and unexpired; it is forgotten either
    /// way, so a second use finds nothing.
    pub fn redeem(&self, token: &str) -> Option<String> {
        self.redeem_at(token, self.now())
    }

    /// Moves the clock forward.
    #[cfg(test)]
    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    fn now(&self) -> Instant {
        self.clock.now()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Pending>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn mint_at(&self, user_id: &str, ttl: Duration, now: Instant) -> Result<String, u64> {
        let mut pending = self.lock();
        pending.retain(|_, p| p.expires_at > now);
        if pending.len() >= MAX_PENDING {
            let first_free = pending.values().map(|p| p.expires_at).min().unwrap_or(now);
            let left = first_free.saturating_duration_since(now);
            return Err(crate::clock::seconds_up(left).max(1));
        }
        let token = random_token(32);
        pending.insert(
            token_hash(&token),
            Pending {
                user_id: user_id.to_string(),
                expires_at: now + ttl,
            },
        );
        Ok(token)
    }

    fn redeem_at(&self, token: &str, now: Instant) -> Option<String> {
        let found = self.lock().remove(&token_hash(token))?;
        (found.expires_at > now).then_some(found.user_id)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    #[test]
    fn a_token_works_once_for_its_user() {
        let h = Handoffs::default();
        let now = Instant::now();
        let token = h.mint_at("usr_1", MINUTE, now).unwrap();
        assert!(token.len() >= 43, "at least 256 bits");
        assert_eq!(h.redeem_at("forged", now), None);
        assert_eq!(h.redeem_at(&token, now).as_deref(), Some("usr_1"));
        assert_eq!(h.redeem_at(&token, now), None, "single use");
    }

    #[test]
    fn only_the_hash_of_a_token_is_kept() {
        let h = Handoffs::default();
        let token = h.mint_at("usr_1", MINUTE, Instant::now()).unwrap();
        let pending = h.lock();
        assert!(pending.contains_key(&token_hash(&token)));
        assert!(!pending.contains_key(&token));
    }

    #[test]
    fn an_expired_token_is_refused_and_forgotten() {
        let h = Handoffs::default();
        let now = Instant::now();
        let token = h.mint_at("usr_1", MINUTE, now).unwrap();
        assert_eq!(h.redeem_at(&token, now + MINUTE), None);
        assert_eq!(h.len(), 0);
    }

    #[test]
    fn minting_drops_the_expired_tokens() {
        let h = Handoffs::default();
        let now = Instant::now();
        for _ in 0..3 {
            h.mint_at("usr_1", MINUTE, now).unwrap();
        }
        h.mint_at("usr_2", MINUTE, now + MINUTE).unwrap();
        assert_eq!(h.len(), 1);
    }

    #[test]
    fn beyond_the_cap_a_mint_waits_for_the_oldest_to_expire() {
        let h = Handoffs::default();
        let now = Instant::now();
        let first = h.mint_at("usr_0", MINUTE, now).unwrap();
        for _ in 1..MAX_PENDING {
            h.mint_at("usr_1", MINUTE, now + Duration::from_secs(10))
                .unwrap();
        }
        let later = now + Duration::from_millis(20_500);
        assert_eq!(h.mint_at("usr_2", MINUTE, later), Err(40));
        assert_eq!(h.len(), MAX_PENDING, "nothing was evicted");
        assert_eq!(h.redeem_at(&first, later).as_deref(), Some("usr_0"));
        assert!(
            h.mint_at("usr_2", MINUTE, later).is_ok(),
            "a place freed up"
        );
    }
}
