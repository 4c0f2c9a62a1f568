//! How often one chat stream relays its client's typing frames: at most one a second. Each
//! relayed frame reads the chat and reaches every stream of the chat (the agent's included),
//! so a client sending them without pause would cost all of them. Typing is a hint: the frames
//! in between are dropped without a word, but the latest state is relayed once the second is
//! over, so that the agent never keeps seeing "typing" after the customer stopped.
//!
//! A flood is not closed on: frames are at most 4 KiB and, once limited, cost one JSON parse
//! each, while closing would cut a customer off mid-chat for a client's bug.

use std::time::Duration;

use tokio::time::Instant;

/// The shortest time between two relayed typing frames of one stream.
pub const TYPING_INTERVAL: Duration = Duration::from_secs(1);

/// The typing frames of one stream, limited to one per [`TYPING_INTERVAL`].
#[derive(Debug, Default)]
pub struct TypingGate {
    /// When the last frame was relayed.
    last: Option<Instant>,
    /// The latest state received since then, to relay when the interval is over.
    pending: Option<bool>,
}

impl TypingGate {
    /// A frame received at `now`: the state to relay now, if the interval allows it; otherwise
    /// it waits (replacing any earlier waiting one) until [`TypingGate::due`].
    pub fn offer(&mut self, typing: bool, now: Instant) -> Option<bool> {
        match self.last {
            Some(last) if now < last + TYPING_INTERVAL => {
                self.pending = Some(typing);
                None
            }
            _ => {
                self.last = Some(now);
                self.pending = None;
                Some(typing)
            }
        }
    }

    /// When the waiting state may be relayed, if one waits.
    pub fn due(&self) -> Option<Instant> {
        self.pending?;
        Some(self.last.map_or_else(Instant::now, |l| l + TYPING_INTERVAL))
    }

    /// The waiting state, taken to be relayed at `now` (the time [`TypingGate::due`] gave).
    pub fn take(&mut self, now: Instant) -> Option<bool> {
        let typing = self.pending.take()?;
        self.last = Some(now);
        Some(typing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_frame_a_second_and_the_latest_state_after_it() {
        let t0 = Instant::now();
        let mut gate = TypingGate::default();
        assert_eq!(gate.offer(true, t0), Some(true));
        assert_eq!(gate.due(), None);
        let ms = |n| t0 + Duration::from_millis(n);
        assert_eq!(gate.offer(false, ms(100)), None);
        assert_eq!(gate.offer(true, ms(200)), None);
        assert_eq!(gate.offer(false, ms(300)), None);
        assert_eq!(gate.due(), Some(ms(1000)));
        assert_eq!(gate.take(ms(1000)), Some(false), "the latest state");
        assert_eq!(gate.due(), None);
        assert_eq!(
            gate.offer(true, ms(1500)),
            None,
            "a second after the last relay"
        );
        assert_eq!(gate.take(ms(2000)), Some(true));
        assert_eq!(
            gate.offer(false, ms(3100)),
            Some(false),
            "after a quiet second"
        );
    }
}
