//! The chat hub: one broadcast channel per chat, from the handlers that change a chat to the
//! streams that show it. A channel is made when the first stream of a chat subscribes and
//! dropped when its last stream goes, so idle chats cost nothing.
//!
//! Publishers call [`ChatHub::publish`] right after committing, while still holding the
//! database lock: events of one chat then reach the channel in the order of their seqs, which
//! lets a stream drop repeats by seq without ever dropping a message.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use support_contract::chat::ChatEvent;
use tokio::sync::{broadcast, watch};

/// Events a slow stream may fall behind by before it has to catch up from the database.
const CHANNEL_CAPACITY: usize = 256;

/// How long a customer's "typing" counts without a newer word: a client that vanished without
/// saying "stopped" is not typing forever.
const TYPING_LASTS: Duration = Duration::from_secs(10);

type Channels = Arc<Mutex<HashMap<String, broadcast::Sender<ChatEvent>>>>;

/// Every chat's live channel, the heartbeat interval, and the signals every stream listens to:
/// shutdown, and "someone's access changed".
pub struct ChatHub {
    channels: Channels,
    heartbeat: Duration,
    shutdown: watch::Sender<bool>,
    access: watch::Sender<u64>,
    /// Chats whose customer said "typing" last, and when: what the agent side asks for.
    customer_typing: Mutex<HashMap<String, Instant>>,
}

fn lock(channels: &Channels) -> MutexGuard<'_, HashMap<String, broadcast::Sender<ChatEvent>>> {
    // Nothing inside the lock can leave the map half-changed, so a poisoned lock is usable.
    channels.lock().unwrap_or_else(|p| p.into_inner())
}

impl ChatHub {
    /// A hub whose streams send a heartbeat every `heartbeat`.
    pub fn new(heartbeat: Duration) -> Self {
        ChatHub {
            channels: Arc::default(),
            heartbeat,
            shutdown: watch::Sender::new(false),
            access: watch::Sender::new(0),
            customer_typing: Mutex::default(),
        }
    }

    /// Time between heartbeats (and session re-checks) on a stream.
    pub fn heartbeat(&self) -> Duration {
        self.heartbeat
    }

    /// Listens to a chat's events from now on.
    pub fn subscribe(&self, chat_id: &str) -> Subscription {
        let rx = lock(&self.channels)
            .entry(chat_id.to_string())
            .or_insert_with(|| broadcast::channel(CHANNEL_CAPACITY).0)
            .subscribe();
        Subscription {
            chat_id: chat_id.to_string(),
            rx: Some(rx),
            channels: self.channels.clone(),
        }
    }

    /// Sends an event to every stream of a chat; nobody listening is fine. A customer's typing
    /// is also remembered for the agent side, which has no stream.
    pub fn publish(&self, chat_id: &str, event: ChatEvent) {
        if let ChatEvent::Typing {
            from_support: false,
            typing,
        } = event
        {
            let mut typing_now = self
                .customer_typing
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            typing_now.retain(|_, since| since.elapsed() < TYPING_LASTS);
            if typing {
                typing_now.insert(chat_id.to_string(), Instant::now());
            } else {
                typing_now.remove(chat_id);
            }
        }
        let mut channels = lock(&self.channels);
        if let Some(tx) = channels.get(chat_id) {
            if tx.send(event).is_err() {
                channels.remove(chat_id);
            }
        }
    }

    /// Whether the chat's customer is typing now (said so within the last 10 s, and not
    /// "stopped" since).
    pub fn customer_typing(&self, chat_id: &str) -> bool {
        self.customer_typing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(chat_id)
            .is_some_and(|since| since.elapsed() < TYPING_LASTS)
    }

    /// How many chats have a live channel (for tests: channels go with their last stream).
    pub fn live_channels(&self) -> usize {
        lock(&self.channels).len()
    }

    /// Sessions ended or a user's access changed (a user removed, a sign-out): every stream
    /// re-checks its session now instead of at its next heartbeat, so a removed user's stream
    /// closes at once.
    pub fn access_changed(&self) {
        self.access.send_modify(|generation| *generation += 1);
    }

    /// Wakes up after each [`ChatHub::access_changed`] from now on.
    pub fn access_changes(&self) -> watch::Receiver<u64> {
        self.access.subscribe()
    }

    /// Tells every stream to close ("service restart"): the server is stopping, and open
    /// sockets must not hold the graceful shutdown.
    pub fn shut_down(&self) {
        self.shutdown.send_replace(true);
    }

    /// Resolves once [`ChatHub::shut_down`] was called, even before this call.
    pub fn stopping(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.shutdown.subscribe();
        async move {
            let _ = rx.wait_for(|stopping| *stopping).await;
        }
    }
}

/// A stream's receiver of one chat's events; dropping it drops the channel if it was the last.
pub struct Subscription {
    chat_id: String,
    rx: Option<broadcast::Receiver<ChatEvent>>,
    channels: Channels,
}

impl Subscription {
    /// The next event; `Lagged` when the stream fell too far behind (catch up from the store).
    pub async fn recv(&mut self) -> Result<ChatEvent, broadcast::error::RecvError> {
        match &mut self.rx {
            Some(rx) => rx.recv().await,
            None => Err(broadcast::error::RecvError::Closed),
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        drop(self.rx.take());
        let mut channels = lock(&self.channels);
        if channels
            .get(&self.chat_id)
            .is_some_and(|tx| tx.receiver_count() == 0)
        {
            channels.remove(&self.chat_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn events_reach_every_subscriber_of_their_chat_only() {
        let hub = ChatHub::new(Duration::from_secs(15));
        let mut a1 = hub.subscribe("a");
        let mut a2 = hub.subscribe("a");
        let mut b = hub.subscribe("b");
        hub.publish("a", ChatEvent::Heartbeat);
        assert_eq!(a1.recv().await.unwrap(), ChatEvent::Heartbeat);
        assert_eq!(a2.recv().await.unwrap(), ChatEvent::Heartbeat);
        hub.publish("b", ChatEvent::AgentJoined { agent: "P".into() });
        assert!(matches!(
            b.recv().await.unwrap(),
            ChatEvent::AgentJoined { .. }
        ));
    }

    #[tokio::test]
    async fn a_channel_goes_with_its_last_subscriber() {
        let hub = ChatHub::new(Duration::from_secs(15));
        hub.publish("nobody", ChatEvent::Heartbeat);
        assert_eq!(hub.live_channels(), 0, "publishing creates nothing");
        let first = hub.subscribe("a");
        let second = hub.subscribe("a");
        assert_eq!(hub.live_channels(), 1);
        drop(first);
        assert_eq!(hub.live_channels(), 1);
        drop(second);
        assert_eq!(hub.live_channels(), 0);
    }

    #[test]
    fn the_customers_typing_is_remembered_until_they_stop() {
        let hub = ChatHub::new(Duration::from_secs(15));
        let typing = |typing, from_support| ChatEvent::Typing {
            from_support,
            typing,
        };
        assert!(!hub.customer_typing("a"));
        hub.publish("a", typing(true, false));
        assert!(hub.customer_typing("a"));
        assert!(!hub.customer_typing("b"));
        hub.publish("a", typing(false, true));
        assert!(
            hub.customer_typing("a"),
            "support's typing is not the customer's"
        );
        hub.publish("a", typing(false, false));
        assert!(!hub.customer_typing("a"));
    }

    #[tokio::test]
    async fn an_access_change_wakes_every_listener() {
        let hub = ChatHub::new(Duration::from_secs(15));
        let mut a = hub.access_changes();
        let mut b = hub.access_changes();
        hub.access_changed();
        for rx in [&mut a, &mut b] {
            tokio::time::timeout(Duration::from_secs(1), rx.changed())
                .await
                .expect("woken")
                .expect("hub alive");
        }
    }

    #[tokio::test]
    async fn shutting_down_reaches_streams_that_listen_later() {
        let hub = ChatHub::new(Duration::from_secs(15));
        hub.shut_down();
        tokio::time::timeout(Duration::from_secs(1), hub.stopping())
            .await
            .expect("already stopping");
    }
}
