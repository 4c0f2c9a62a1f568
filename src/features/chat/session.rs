//! The chat panel's state and what it does: resume the open chat, keep the realtime link, and
//! send what the user writes through an outbox kept on the device, in order, exactly once.

use super::launcher::ChatLauncher;
use super::line_states::LineStates;
use crate::api::{
    from_json, local_store, random_id, to_json, use_api, ApiError, ChatApi, ChatStream, LinkState,
};
use crate::auth::use_session;
use crate::domain::{contiguous_seq, last_chat_seq, merge_messages, user_key, ChatLine};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use support_client::outbox::{self, OutboxItem, Sent, OUTBOX_KIND};
use support_contract::cases::Attachment;
use support_contract::chat::{Chat, ChatAvailability, ChatEvent, ChatStatus};

/// The chat's state, shared by the launcher, the panel and its parts.
#[derive(Clone, Copy)]
pub struct ChatCtx {
    pub open: RwSignal<bool>,
    pub chat: RwSignal<Option<Chat>>,
    pub lines: RwSignal<Vec<ChatLine>>,
    pub link: RwSignal<LinkState>,
    pub agent_typing: RwSignal<bool>,
    pub unread: RwSignal<u32>,
    /// The latest queue position and estimate, while queued.
    pub queue: RwSignal<Option<(u32, u32)>>,
    /// Whether and why each product offers chat now, asked again whenever the panel opens or
    /// closes: the pre-chat form and the launcher's label read the same answer.
    pub availability: LocalResource<Result<Vec<ChatAvailability>, ApiError>>,
    stream: StoredValue<Option<ChatStream>, LocalStorage>,
    outbox: RwSignal<Vec<OutboxItem>>,
    /// Where each unsent line stands, including whether it is saved on this device.
    pub states: LineStates,
    /// Whether the outbox is being written to the device, and whether it changed since.
    saving: StoredValue<Saving>,
    flushing: RwSignal<bool>,
    /// Where the outbox is kept on the device (`None`: no one signed in, nothing kept).
    outbox_key: StoredValue<Option<String>>,
    session: crate::auth::SessionCtx,
    last_typing_ms: StoredValue<f64>,
    /// Says "stopped typing" when the user pauses.
    idle: StoredValue<Option<TimeoutHandle>>,
}

/// The outbox's writes to the device: one at a time, each of the newest outbox, so that a burst
/// of messages (or a thousand being sent) costs a write or two, not one each.
#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Idle,
    Writing,
    /// Writing, and the outbox changed after this write took it: write once more.
    WritingThenAgain,
}

/// A pause this long in typing counts as "stopped".
const TYPING_IDLE: std::time::Duration = std::time::Duration::from_secs(4);

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

impl ChatCtx {
    /// Creates the state around the launcher's, and resumes the user's open chat, if any.
    pub fn new(launcher: ChatLauncher) -> ChatCtx {
        let session = use_session();
        let user_id = session.session().map(|s| s.user.id).unwrap_or_default();
        let outbox_key = user_key(OUTBOX_KIND, &user_id, "");
        let api = use_api::<dyn ChatApi>();
        let open = launcher.open;
        let availability = LocalResource::new({
            let api = api.clone();
            move || {
                open.track();
                api.chat_availability()
            }
        });
        let lines = RwSignal::new(Vec::new());
        let ctx = ChatCtx {
            open,
            availability,
            chat: RwSignal::new(None),
            lines,
            link: RwSignal::new(LinkState::Closed),
            agent_typing: RwSignal::new(false),
            unread: launcher.unread,
            queue: RwSignal::new(None),
            stream: StoredValue::new_local(None),
            outbox: RwSignal::new(Vec::new()),
            states: LineStates::new(lines),
            saving: StoredValue::new(Saving::Idle),
            flushing: RwSignal::new(false),
            outbox_key: StoredValue::new(outbox_key),
            session,
            last_typing_ms: StoredValue::new(0.0),
            idle: StoredValue::new(None),
        };
        spawn_local(async move { ctx.resume(api).await });
        ctx
    }

    async fn resume(self, api: Arc<dyn ChatApi>) {
        let saved: Vec<OutboxItem> = match self.outbox_key.get_value() {
            Some(key) => local_store::load(&key).await,
            None => None,
        }
        .and_then(|json| from_json(&json))
        .unwrap_or_default();
        let Ok(chats) = api.chats().await else {
            return;
        };
        let open = chats
            .into_iter()
            .find(|c| matches!(c.status, ChatStatus::Queued | ChatStatus::Active));
        let Some(chat) = open else {
            return;
        };
        let (pending, lines) = outbox::resume(saved, &chat.id);
        self.states
            .saved(pending.iter().map(|i| i.id.clone()).collect());
        self.lines.set(lines);
        self.outbox.set(pending);
        self.begin(chat, api).await;
    }

    /// Shows `chat`, loads its history and opens its link.
    pub async fn begin(self, chat: Chat, api: Arc<dyn ChatApi>) {
        self.queue
            .set(chat.queue_position.zip(chat.estimated_wait_minutes));
        let id = chat.id.clone();
        let ended = chat.status == ChatStatus::Ended;
        self.chat.set(Some(chat));
        if let Ok(history) = api.chat_messages(id.clone(), 0).await {
            self.lines.update(|l| merge_messages(l, &history));
        }
        if !ended {
            self.connect(id, api);
        }
    }

    fn connect(self, id: String, api: Arc<dyn ChatApi>) {
        // The old link goes first: closing it reports "closed", which must not overwrite the
        // new link's state.
        if let Some(old) = self.stream.get_value() {
            old.close();
        }
        let after = self.lines.with_untracked(|l| last_chat_seq(l));
        let url_api = api.clone();
        let url_id = id.clone();
        let stream = ChatStream::connect(
            after,
            move |after| url_api.chat_stream_url(&url_id, after),
            move |event| self.on_event(event),
            {
                let api = api.clone();
                let id = id.clone();
                move |state| {
                    self.link.set(state);
                    if state == LinkState::Open {
                        self.resync(id.clone(), api.clone());
                        self.flush(api.clone());
                    }
                }
            },
            // The backend closed the link because the session ended: ask to sign in again,
            // as the HTTP client does on a 401.
            move |_| self.session.mark_unauthorized(),
        );
        self.stream.set_value(Some(stream));
    }

    /// After every (re)connect: fill any gap the link missed, by asking for everything after
    /// the last contiguous message.
    fn resync(self, id: String, api: Arc<dyn ChatApi>) {
        spawn_local(async move {
            let after = self.lines.with_untracked(|l| contiguous_seq(l));
            if let Ok(missed) = api.chat_messages(id, after).await {
                self.lines.update(|l| merge_messages(l, &missed));
            }
        });
    }

    fn on_event(self, event: ChatEvent) {
        match event {
            ChatEvent::Message { message } => {
                let known = self
                    .lines
                    .with_untracked(|l| l.iter().any(|x| x.id == message.id && x.seq.is_some()));
                // The echo of a message the panel already has stored (the answer to its own
                // send came first) changes nothing: redrawing the list for it would cost a
                // pass over every line.
                if known {
                    return;
                }
                if message.from_support {
                    self.agent_typing.set(false);
                    if !self.open.get_untracked() {
                        self.unread.update(|n| *n += 1);
                    }
                }
                self.lines
                    .update(|l| merge_messages(l, std::slice::from_ref(&message)));
            }
            ChatEvent::Typing {
                from_support: true,
                typing,
            } => self.agent_typing.set(typing),
            ChatEvent::Status { status, agent } => {
                self.chat.update(|c| {
                    if let Some(c) = c {
                        c.status = status;
                        if agent.is_some() {
                            c.agent = agent;
                        }
                    }
                });
                if status != ChatStatus::Queued {
                    self.queue.set(None);
                }
                if status == ChatStatus::Ended {
                    self.agent_typing.set(false);
                    if let Some(s) = self.stream.get_value() {
                        s.close();
                    }
                }
            }
            ChatEvent::QueuePosition {
                position,
                estimated_wait_minutes,
            } => self.queue.set(Some((position, estimated_wait_minutes))),
            ChatEvent::AgentJoined { agent } => {
                self.queue.set(None);
                self.chat.update(|c| {
                    if let Some(c) = c {
                        c.agent = Some(agent);
                        c.status = ChatStatus::Active;
                    }
                });
            }
            _ => {}
        }
    }

    /// Queues a message (its files already uploaded) and sends the outbox.
    pub fn send(self, body: String, attachments: Vec<Attachment>, api: Arc<dyn ChatApi>) {
        let Some(chat_id) = self
            .chat
            .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
        else {
            return;
        };
        let item = OutboxItem {
            id: random_id(),
            chat_id,
            body,
            attachments,
            at: now_iso(),
        };
        self.lines.update(|l| l.push(item.line()));
        self.outbox.update(|o| o.push(item));
        self.save_outbox();
        self.typing(false);
        self.flush(api);
    }

    /// Sends a failed message again, with its id, so it cannot arrive twice.
    pub fn retry(self, id: String, api: Arc<dyn ChatApi>) {
        let Some(chat_id) = self
            .chat
            .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
        else {
            return;
        };
        let mut queued = false;
        self.lines.update(|l| {
            self.outbox
                .update(|o| queued = outbox::requeue(o, l, &id, &chat_id))
        });
        if queued {
            self.save_outbox();
            self.flush(api);
        }
    }

    /// Keeps the outbox on the device (see [`Saving`]); the lines of what a committed write
    /// held say so.
    fn save_outbox(self) {
        let Some(key) = self.outbox_key.get_value() else {
            return;
        };
        match self.saving.get_value() {
            Saving::Idle => self.saving.set_value(Saving::Writing),
            _ => return self.saving.set_value(Saving::WritingThenAgain),
        }
        spawn_local(async move {
            loop {
                self.saving.try_set_value(Saving::Writing);
                let Some((json, ids)) = self
                    .outbox
                    .try_with_untracked(|o| (to_json(o), o.iter().map(|i| i.id.clone()).collect()))
                else {
                    return;
                };
                if local_store::save(&key, &json).await {
                    self.states.saved(ids);
                }
                if self.saving.try_get_value() != Some(Saving::WritingThenAgain) {
                    break;
                }
            }
            self.saving.try_set_value(Saving::Idle);
        });
    }

    /// Sends the outbox in order, one message at a time; stops at the first that cannot go
    /// (offline or signed out: it waits in the outbox; refused: it is marked failed and left
    /// for a retry).
    fn flush(self, api: Arc<dyn ChatApi>) {
        if self.flushing.get_untracked() {
            return;
        }
        self.flushing.set(true);
        spawn_local(async move {
            let mut retry_later = false;
            while let Some(item) = self.outbox.with_untracked(|o| o.first().cloned()) {
                let sent = match api
                    .send_chat_message(item.chat_id.clone(), item.message())
                    .await
                {
                    Ok(stored) => Sent::Stored(stored),
                    // A failure that may pass (the client tried thrice already): the message
                    // waits, in order, and goes again shortly.
                    Err(
                        crate::api::ApiError::Network
                        | crate::api::ApiError::Server { .. }
                        | crate::api::ApiError::Busy { .. },
                    ) => Sent::Unreachable,
                    Err(crate::api::ApiError::Unauthorized) => Sent::SignedOut,
                    Err(_) => Sent::Refused,
                };
                retry_later = sent == Sent::Unreachable;
                let mut go_on = false;
                self.lines.update(|l| {
                    self.outbox
                        .update(|o| go_on = outbox::settle(o, l, &item.id, sent))
                });
                if !go_on {
                    break;
                }
                self.save_outbox();
            }
            self.flushing.set(false);
            // The link may stay up while a send fails (a proxy hiccup): try again shortly
            // rather than wait for the next message or reconnect. After the session ended, the
            // link's reopening (signed in again) sends what waits.
            if retry_later {
                set_timeout(move || self.flush(api), std::time::Duration::from_secs(3));
            }
        });
    }

    /// Tells support the user is typing (at most every three seconds), or stopped: after a
    /// pause of four seconds, on sending, or on leaving the box.
    pub fn typing(self, typing: bool) {
        if let Some(handle) = self.idle.get_value() {
            handle.clear();
        }
        self.idle.set_value(None);
        let now = js_sys::Date::now();
        let said_typing = self.last_typing_ms.get_value() > 0.0;
        if typing {
            self.idle
                .set_value(set_timeout_with_handle(move || self.typing(false), TYPING_IDLE).ok());
            if now - self.last_typing_ms.get_value() < 3_000.0 {
                return;
            }
        } else if !said_typing {
            return;
        }
        self.last_typing_ms
            .set_value(if typing { now } else { 0.0 });
        if let Some(s) = self.stream.get_value() {
            s.send_typing(typing);
        }
    }

    /// Forgets the ended chat, for a new one.
    pub fn reset(self) {
        self.disconnect();
        self.chat.set(None);
        self.lines.set(Vec::new());
        self.queue.set(None);
        self.agent_typing.set(false);
    }

    /// Lets the link go (the user signed out, the widget went away).
    pub fn disconnect(self) {
        if let Some(s) = self.stream.get_value() {
            s.close();
        }
        self.stream.set_value(None);
    }

    /// Opens the link again after the user signed in again (the backend closed it when the
    /// session ended), resuming after the last message shown; its opening sends the outbox.
    pub fn resume_after_sign_in(self, api: Arc<dyn ChatApi>) {
        let open = self.chat.with_untracked(|c| {
            c.as_ref()
                .filter(|c| c.status != ChatStatus::Ended)
                .map(|c| c.id.clone())
        });
        match (open, self.link.get_untracked()) {
            (Some(id), LinkState::Closed) => self.connect(id, api),
            // The link outlived the session (it notices at its next heartbeat): send what
            // waited now.
            _ => self.flush(api),
        }
    }

    /// The browser came back online: reconnect now rather than after the backoff.
    pub fn online(self) {
        if let Some(s) = self.stream.get_value() {
            s.retry_now();
        }
    }
}
