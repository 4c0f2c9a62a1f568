//! When a call that failed on the way is tried again by itself, and how long the app waits when
//! the backend asks it to (`Retry-After`). Plain rules, tested natively; `core.rs` applies them.

use super::ApiError;

/// Attempts in all for a call that is safe to repeat: the first and two more.
pub const ATTEMPTS: u32 = 3;

/// The longest `Retry-After` the app waits out by itself before a call; past it the call fails
/// at once with the time to wait, and the user chooses when to try again.
pub const MAX_WAIT_MS: f64 = 15_000.0;

/// How long to wait before attempt `attempt` + 1 after `error`, or `None` to give up. Only a
/// call that is safe to repeat (`repeatable`: a read, or a change that carries its own key) is
/// tried again, and only after a failure that may pass: no answer, a gateway's or an overloaded
/// server's (429 and 503 wait in the gate, [`gate_secs`], not here).
pub fn retry_delay_ms(repeatable: bool, attempt: u32, error: &ApiError) -> Option<f64> {
    if !repeatable || attempt >= ATTEMPTS {
        return None;
    }
    match error {
        ApiError::Busy { .. } => Some(0.0),
        ApiError::Network | ApiError::Server { .. } => Some(f64::from(attempt * attempt) * 400.0),
        _ => None,
    }
}

/// How long every call waits after `error`: a 429's or 503's `Retry-After`, in seconds.
pub fn gate_secs(error: &ApiError) -> Option<u64> {
    match error {
        ApiError::Busy { retry_after_secs } => Some(*retry_after_secs),
        _ => None,
    }
}

/// What a call that would start at `now` (ms) does while the gate is shut until `not_before`:
/// goes (`Ok(0)`), waits `Ok(ms)`, or fails at once with the whole seconds left.
pub fn wait_at_gate(now: f64, not_before: f64) -> Result<f64, ApiError> {
    let left = not_before - now;
    if left <= 0.0 {
        return Ok(0.0);
    }
    if left > MAX_WAIT_MS {
        return Err(ApiError::Busy {
            retry_after_secs: (left / 1000.0).ceil() as u64,
        });
    }
    Ok(left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_answer_is_asked_again_twice_then_shown() {
        assert_eq!(retry_delay_ms(true, 1, &ApiError::Network), Some(400.0));
        assert_eq!(
            retry_delay_ms(true, 2, &ApiError::Server { status: 502 }),
            Some(1600.0)
        );
        assert_eq!(retry_delay_ms(true, 3, &ApiError::Network), None);
    }

    #[test]
    fn a_change_without_its_own_key_is_never_sent_twice_by_itself() {
        assert_eq!(retry_delay_ms(false, 1, &ApiError::Network), None);
        assert_eq!(
            retry_delay_ms(false, 1, &ApiError::Server { status: 500 }),
            None
        );
    }

    #[test]
    fn refusals_are_answers_not_failures_to_repeat() {
        for e in [
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::Conflict,
            ApiError::Validation(Vec::new()),
            ApiError::TooManyAttempts {
                retry_after_secs: 60,
            },
        ] {
            assert_eq!(retry_delay_ms(true, 1, &e), None, "{e:?}");
            assert_eq!(gate_secs(&e), None, "{e:?}");
        }
    }

    #[test]
    fn retry_after_shuts_the_gate_for_every_call() {
        let busy = ApiError::Busy {
            retry_after_secs: 3,
        };
        assert_eq!(gate_secs(&busy), Some(3));
        assert_eq!(retry_delay_ms(true, 1, &busy), Some(0.0));
        assert_eq!(wait_at_gate(10_000.0, 9_000.0), Ok(0.0));
        assert_eq!(wait_at_gate(10_000.0, 13_000.0), Ok(3_000.0));
        assert_eq!(
            wait_at_gate(0.0, 60_500.0),
            Err(ApiError::Busy {
                retry_after_secs: 61
            })
        );
    }
}
