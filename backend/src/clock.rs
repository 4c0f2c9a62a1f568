//! The time as the backend keeps it: Unix seconds in the database and in the code, RFC 3339
//! (UTC, whole seconds) on the wire.

#[cfg(test)]
use std::time::Duration;
use std::time::Instant;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Whole seconds in `left`, rounded up: waiting exactly that many (a `Retry-After`) is enough.
pub fn seconds_up(left: std::time::Duration) -> u64 {
    left.as_secs() + u64::from(left.subsec_nanos() > 0)
}

/// A monotonic clock for what the backend keeps in memory for a while (sign-in throttling,
/// hand-off tokens); tests move it forward instead of waiting.
#[derive(Default)]
pub struct Monotonic {
    #[cfg(test)]
    skew: std::sync::Mutex<Duration>,
}

impl Monotonic {
    /// Now.
    #[cfg(not(test))]
    pub fn now(&self) -> Instant {
        Instant::now()
    }

    /// Now, moved forward by what the test asked.
    #[cfg(test)]
    pub fn now(&self) -> Instant {
        Instant::now() + *self.skew.lock().unwrap()
    }

    /// Moves the clock forward.
    #[cfg(test)]
    pub fn advance(&self, by: Duration) {
        *self.skew.lock().unwrap() += by;
    }
}

/// The wall clock of the session checks (idle timeout, absolute lifetime): Unix seconds, as the
/// database keeps them; tests move it forward instead of rewriting the rows they check.
#[derive(Default)]
pub struct Wall {
    #[cfg(test)]
    skew: std::sync::atomic::AtomicI64,
}

impl Wall {
    /// Unix seconds now.
    #[cfg(not(test))]
    pub fn now(&self) -> i64 {
        now()
    }

    /// Unix seconds now, moved forward by what the test asked.
    #[cfg(test)]
    pub fn now(&self) -> i64 {
        now() + self.skew.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Moves the clock forward.
    #[cfg(test)]
    pub fn advance(&self, by: Duration) {
        let secs = i64::try_from(by.as_secs()).expect("a test moves the clock by less");
        self.skew
            .fetch_add(secs, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Unix seconds now.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Now, in Unix milliseconds: for names that must sort in the order they were made.
pub fn now_millis() -> i128 {
    OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000
}

/// Unix seconds as RFC 3339.
pub fn ts(t: i64) -> String {
    rfc3339(OffsetDateTime::from_unix_timestamp(t).unwrap_or(OffsetDateTime::UNIX_EPOCH))
}

/// A time as RFC 3339 in UTC, whole seconds.
pub fn rfc3339(t: OffsetDateTime) -> String {
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// The current time, RFC 3339 in UTC.
pub fn now_rfc3339() -> String {
    rfc3339(OffsetDateTime::now_utc())
}

/// An RFC 3339 time as Unix seconds, if it is one.
pub fn parse_rfc3339(v: &str) -> Option<i64> {
    OffsetDateTime::parse(v, &Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_travel_as_whole_seconds_in_utc() {
        assert_eq!(ts(86_400), "1970-01-02T00:00:00Z");
        assert_eq!(parse_rfc3339("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(parse_rfc3339("tomorrow"), None);
    }
}
