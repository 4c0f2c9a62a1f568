//! What the user writes: the outbox kept on the device (the portal's own key), sent in order
//! one message at a time with its client id, so that a message sent again is stored once; and
//! "typing" told to support.

use super::*;

impl W {
    /// Queues a message and sends the outbox.
    pub fn send(&self, body: String) {
        let Some(chat_id) = self.chat_id() else {
            return;
        };
        let item = OutboxItem {
            id: random_id(),
            chat_id,
            body,
            attachments: Vec::new(),
            at: now_iso(),
        };
        {
            let mut s = self.0.borrow_mut();
            s.lines.push(item.line());
            s.outbox.push(item);
        }
        self.save_outbox();
        self.typing(false);
        view::refresh(self);
        self.flush();
    }

    /// Sends a failed message again, with its id, so it cannot arrive twice.
    pub fn retry(&self, id: &str) {
        let Some(chat_id) = self.chat_id() else {
            return;
        };
        let queued = {
            let mut s = self.0.borrow_mut();
            let s = &mut *s;
            outbox::requeue(&mut s.outbox, &mut s.lines, id, &chat_id)
        };
        if queued {
            self.save_outbox();
            view::refresh(self);
            self.flush();
        }
    }

    pub(super) fn outbox_key(&self) -> Option<String> {
        user_key(OUTBOX_KIND, &self.0.borrow().user, "")
    }

    fn save_outbox(&self) {
        let Some(key) = self.outbox_key() else { return };
        let json = to_json(&self.0.borrow().outbox);
        spawn_local(async move {
            local_store::save(&key, &json).await;
        });
    }

    /// Sends the outbox in order, one message at a time; stops at the first that cannot go
    /// and tries again shortly (a refused one is marked failed, for a retry; after the session
    /// ended, what waits stays on the device for the next one).
    pub(super) fn flush(&self) {
        if std::mem::replace(&mut self.0.borrow_mut().flushing, true) {
            return;
        }
        let me = self.clone();
        spawn_local(async move {
            let mut last = Sent::Refused;
            loop {
                let next = me.0.borrow().outbox.first().cloned();
                let Some(item) = next else { break };
                let path = format!("/chats/{}/messages", segment(&item.chat_id));
                last = match me
                    .api()
                    .post::<_, ChatMessage>(&path, &item.message())
                    .await
                {
                    Ok(stored) => Sent::Stored(stored),
                    Err(Failure::Network) => Sent::Unreachable,
                    Err(Failure::Unauthorized) => Sent::SignedOut,
                    Err(_) => Sent::Refused,
                };
                let go_on = {
                    let mut s = me.0.borrow_mut();
                    let s = &mut *s;
                    outbox::settle(&mut s.outbox, &mut s.lines, &item.id, last.clone())
                };
                view::refresh(&me);
                if !go_on {
                    break;
                }
                me.save_outbox();
            }
            me.0.borrow_mut().flushing = false;
            match last {
                _ if me.0.borrow().gone => {}
                Sent::Unreachable => me.later_flush(),
                // Kept on the device for the next session (a reload signs in again).
                Sent::SignedOut => me.session_ended(),
                _ => {}
            }
        });
    }

    /// The link may stay up while a send fails (a proxy hiccup): try again in three seconds.
    fn later_flush(&self) {
        let me = self.clone();
        let again = Timer::once(3_000, move || {
            me.0.borrow_mut().retry_timer = None;
            me.flush();
        });
        self.0.borrow_mut().retry_timer = Some(again);
    }

    /// Tells support the user is typing (at most every three seconds), or stopped: after a
    /// pause of four seconds, on sending, or on leaving the box.
    pub fn typing(&self, typing: bool) {
        let idle = self.0.borrow_mut().idle.take();
        drop(idle);
        let now = js_sys::Date::now();
        let typed_at = self.0.borrow().typed_at;
        if typing {
            let me = self.clone();
            let stop = Timer::once(TYPING_IDLE_MS, move || me.typing(false));
            self.0.borrow_mut().idle = Some(stop);
            if now - typed_at < TYPING_EVERY_MS {
                return;
            }
        } else if typed_at == 0.0 {
            return;
        }
        let stream = {
            let mut s = self.0.borrow_mut();
            s.typed_at = if typing { now } else { 0.0 };
            s.stream.clone()
        };
        if let Some(stream) = stream {
            stream.send_typing(typing);
        }
    }
}
