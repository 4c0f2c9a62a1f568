//! The widget's state and what it does: the same chat as the portal's panel (resume the open
//! chat, the realtime link with resync after every reconnect, the outbox kept on the device,
//! sent in order and exactly once), over `support-client`'s shared rules and link.

use crate::http::{segment, Api, Failure};
use crate::texts::Texts;
use crate::view;
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use support_client::chat::{contiguous_seq, last_chat_seq, merge_messages, ChatLine, Delivery};
use support_client::chat_stream::websocket_url;
use support_client::ids::user_key;
use support_client::outbox::{self, OutboxItem, Sent, OUTBOX_KIND};
use support_client::timer::Timer;
use support_client::{from_json, local_store, random_id, to_json, ChatStream, LinkState};
use support_contract::chat::{
    ChatAvailability, ChatEvent, ChatMessage, ChatRating, ChatStatus, NewChat,
};
use support_contract::{Capability, HandoffRequest, OrganisationSwitch};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlElement;

/// What the panel shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Loading,
    /// No session: sign in to the portal first.
    SignedOut,
    /// The user's role does not include chat.
    NotAllowed,
    /// The backend could not be asked.
    Failed(Failure),
    /// The pre-chat form, with chat's availability per product.
    Before(Vec<ChatAvailability>),
    During,
    After,
}

/// Of a [`support_contract::chat::Chat`], what the widget shows: decoding the rest (the
/// customer, the rating, …) would cost the widget's wasm its bytes for nothing.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Chat {
    pub id: String,
    pub status: ChatStatus,
    pub agent: Option<String>,
    pub queue_position: Option<u32>,
    pub estimated_wait_minutes: Option<u32>,
    /// Whether the user rated it (what they said is not shown again).
    pub rating: Option<serde::de::IgnoredAny>,
    /// The case it was continued as.
    pub case_id: Option<String>,
}

/// `POST /chats/{id}/case`: of the case the chat became, its id (the portal shows the case).
#[derive(Deserialize)]
struct NewCase {
    id: String,
}

/// Of `GET /session`, what the widget needs.
#[derive(Deserialize)]
struct Me {
    user: Id,
    organisation: Id,
    capabilities: Vec<Capability>,
}

#[derive(Deserialize)]
struct Id {
    id: String,
}

/// A pause this long in typing counts as "stopped"; "typing" is said at most this often.
const TYPING_IDLE_MS: u32 = 4_000;
const TYPING_EVERY_MS: f64 = 3_000.0;

pub struct State {
    /// The panel; `body` holds the stage's content.
    pub root: HtmlElement,
    pub body: HtmlElement,
    pub texts: Texts,
    pub api: Api,
    /// The portal's address (ends with `/`), for links into it.
    pub portal: String,
    /// In an iframe of its own (a host on another origin): links open a new tab.
    pub framed: bool,
    notify: js_sys::Function,
    pub open: bool,
    pub user: String,
    pub stage: Stage,
    /// The pre-chat form's last refusal, shown under it.
    pub start_error: Option<Failure>,
    pub chat: Option<Chat>,
    pub lines: Vec<ChatLine>,
    outbox: Vec<OutboxItem>,
    flushing: bool,
    pub link: LinkState,
    pub agent_typing: bool,
    pub queue: Option<(u32, u32)>,
    unread: u32,
    stream: Option<ChatStream>,
    /// The lines on screen, in order, with the delivery state each shows.
    pub shown: Vec<(String, HtmlElement, Delivery)>,
    typed_at: f64,
    idle: Option<Timer>,
    retry_timer: Option<Timer>,
    pub gone: bool,
}

/// The widget: its state, shared by the event handlers, the link's callbacks and the calls.
#[derive(Clone)]
pub struct W(pub Rc<RefCell<State>>);

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

impl W {
    pub fn new(
        root: HtmlElement,
        body: HtmlElement,
        texts: Texts,
        api: Api,
        portal: String,
        framed: bool,
        notify: js_sys::Function,
    ) -> W {
        W(Rc::new(RefCell::new(State {
            root,
            body,
            texts,
            api,
            portal,
            framed,
            notify,
            open: false,
            user: String::new(),
            stage: Stage::Loading,
            start_error: None,
            chat: None,
            lines: Vec::new(),
            outbox: Vec::new(),
            flushing: false,
            link: LinkState::Closed,
            agent_typing: false,
            queue: None,
            unread: 0,
            stream: None,
            shown: Vec::new(),
            typed_at: 0.0,
            idle: None,
            retry_timer: None,
            gone: false,
        })))
    }

    fn api(&self) -> Api {
        self.0.borrow().api.clone()
    }

    fn chat_id(&self) -> Option<String> {
        self.0.borrow().chat.as_ref().map(|c| c.id.clone())
    }

    /// Tells the loader (and through it the host page) `name` with `detail`.
    pub fn emit(&self, name: &str, detail: &[(&str, JsValue)]) {
        let notify = {
            let s = self.0.borrow();
            if s.gone {
                return;
            }
            s.notify.clone()
        };
        let object = js_sys::Object::new();
        for (k, v) in detail {
            let _ = js_sys::Reflect::set(&object, &(*k).into(), v);
        }
        let _ = notify.call2(&JsValue::NULL, &name.into(), &object);
    }

    fn set_stage(&self, stage: Stage) {
        self.0.borrow_mut().stage = stage;
        view::render(self);
        let active = self.0.borrow().stage == Stage::During;
        self.emit("active", &[("active", active.into())]);
    }

    /// Signs in with the host's hand-off token (if any), moves to the host's organisation (if
    /// it names one), then resumes the open chat or offers the pre-chat form.
    pub async fn start(self, handoff: Option<String>, organisation: Option<String>) {
        let api = self.api();
        if let Some(token) = handoff.filter(|t| !t.is_empty()) {
            // A spent or expired token leaves whatever session the browser has.
            let _ = api
                .post::<_, serde::de::IgnoredAny>("/session/handoff", &HandoffRequest { token })
                .await;
        }
        let mut me: Me = match api.get("/session").await {
            Ok(me) => me,
            Err(Failure::Unauthorized) => return self.set_stage(Stage::SignedOut),
            Err(e) => return self.set_stage(Stage::Failed(e)),
        };
        if let Some(id) = organisation.filter(|id| !id.is_empty() && *id != me.organisation.id) {
            let switch = OrganisationSwitch { organisation: id };
            match api.send("PUT", "/session/organisation", &switch).await {
                Ok(now) => me = now,
                Err(e) => return self.failed(e),
            }
        }
        if !me.capabilities.contains(&Capability::Chat) {
            return self.set_stage(Stage::NotAllowed);
        }
        self.0.borrow_mut().user = me.user.id.clone();
        let saved: Vec<OutboxItem> = match self.outbox_key() {
            Some(key) => local_store::load(&key).await,
            None => None,
        }
        .and_then(|json| from_json(&json))
        .unwrap_or_default();
        let chats: Vec<Chat> = match api.get("/chats").await {
            Ok(chats) => chats,
            Err(e) => return self.failed(e),
        };
        let open = chats
            .into_iter()
            .find(|c| matches!(c.status, ChatStatus::Queued | ChatStatus::Active));
        match open {
            Some(chat) => {
                let (pending, lines) = outbox::resume(saved, &chat.id);
                {
                    let mut s = self.0.borrow_mut();
                    s.outbox = pending;
                    s.lines = lines;
                }
                self.begin(chat).await;
            }
            None => self.offer().await,
        }
    }

    fn failed(&self, e: Failure) {
        match e {
            Failure::Unauthorized => self.session_ended(),
            e => self.set_stage(Stage::Failed(e)),
        }
    }

    /// The pre-chat form, with whether each product offers chat now.
    pub async fn offer(&self) {
        match self.api().get("/chat/availability").await {
            Ok(list) => self.set_stage(Stage::Before(list)),
            Err(e) => self.failed(e),
        }
    }

    /// Starts a chat from the pre-chat form.
    pub fn start_chat(&self, request: NewChat) {
        let me = self.clone();
        spawn_local(async move {
            match me.api().post::<_, Chat>("/chats", &request).await {
                Ok(chat) => me.begin(chat).await,
                Err(Failure::Unauthorized) => me.session_ended(),
                Err(e) => {
                    me.0.borrow_mut().start_error = Some(e);
                    view::render_start_error(&me);
                }
            }
        });
    }

    /// Shows `chat`, loads its history and opens its link.
    async fn begin(&self, chat: Chat) {
        let ended = chat.status == ChatStatus::Ended;
        let id = chat.id.clone();
        {
            let mut s = self.0.borrow_mut();
            s.queue = chat.queue_position.zip(chat.estimated_wait_minutes);
            s.chat = Some(chat);
            s.start_error = None;
        }
        self.set_stage(if ended { Stage::After } else { Stage::During });
        let path = format!("/chats/{}/messages?after=0", segment(&id));
        if let Ok(history) = self.api().get::<Vec<ChatMessage>>(&path).await {
            merge_messages(&mut self.0.borrow_mut().lines, &history);
            view::refresh(self);
        }
        if !ended {
            self.connect(id);
        }
    }

    fn connect(&self, id: String) {
        let old = self.0.borrow_mut().stream.take();
        if let Some(old) = old {
            old.close();
        }
        let after = last_chat_seq(&self.0.borrow().lines);
        let api = self.api();
        let (on_event, on_state, on_ended) = (self.clone(), self.clone(), self.clone());
        let stream_id = id.clone();
        let stream = ChatStream::connect(
            after,
            move |after| {
                websocket_url(&api.url(&format!(
                    "/chats/{}/stream?after={after}",
                    segment(&stream_id)
                )))
            },
            move |event| on_event.on_event(event),
            move |state| {
                on_state.0.borrow_mut().link = state;
                view::refresh(&on_state);
                if state == LinkState::Open {
                    on_state.resync(id.clone());
                    on_state.flush();
                }
            },
            move |_| on_ended.session_ended(),
        );
        self.0.borrow_mut().stream = Some(stream);
    }

    /// After every (re)connect: fill any gap the link missed.
    fn resync(&self, id: String) {
        let me = self.clone();
        spawn_local(async move {
            let after = contiguous_seq(&me.0.borrow().lines);
            let path = format!("/chats/{}/messages?after={after}", segment(&id));
            if let Ok(missed) = me.api().get::<Vec<ChatMessage>>(&path).await {
                merge_messages(&mut me.0.borrow_mut().lines, &missed);
                view::refresh(&me);
            }
        });
    }

    fn on_event(&self, event: ChatEvent) {
        let mut unread = None;
        let mut ended = false;
        {
            let mut s = self.0.borrow_mut();
            match event {
                ChatEvent::Message { message } => {
                    let known = s
                        .lines
                        .iter()
                        .any(|x| x.id == message.id && x.seq.is_some());
                    if message.from_support && !known {
                        s.agent_typing = false;
                        if !s.open {
                            s.unread += 1;
                            unread = Some(s.unread);
                        }
                    }
                    merge_messages(&mut s.lines, std::slice::from_ref(&message));
                }
                ChatEvent::Typing {
                    from_support: true,
                    typing,
                } => s.agent_typing = typing,
                ChatEvent::Status { status, agent } => {
                    if let Some(c) = s.chat.as_mut() {
                        c.status = status;
                        if agent.is_some() {
                            c.agent = agent;
                        }
                    }
                    if status != ChatStatus::Queued {
                        s.queue = None;
                    }
                    ended = status == ChatStatus::Ended;
                }
                ChatEvent::QueuePosition {
                    position,
                    estimated_wait_minutes,
                } => s.queue = Some((position, estimated_wait_minutes)),
                ChatEvent::AgentJoined { agent } => {
                    s.queue = None;
                    if let Some(c) = s.chat.as_mut() {
                        c.agent = Some(agent);
                        c.status = ChatStatus::Active;
                    }
                }
                _ => {}
            }
        }
        if let Some(count) = unread {
            self.emit("unread", &[("count", count.into())]);
        }
        if ended {
            self.finish();
        } else {
            view::refresh(self);
        }
    }

    /// The chat ended (either side): the link goes, the panel says so.
    fn finish(&self) {
        let stream = {
            let mut s = self.0.borrow_mut();
            s.agent_typing = false;
            s.stream.take()
        };
        if let Some(stream) = stream {
            stream.close();
        }
        if self.0.borrow().stage != Stage::After {
            self.set_stage(Stage::After);
        }
    }

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

    fn outbox_key(&self) -> Option<String> {
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
    /// and tries again shortly (a refused one is marked failed, for a retry).
    fn flush(&self) {
        if std::mem::replace(&mut self.0.borrow_mut().flushing, true) {
            return;
        }
        let me = self.clone();
        spawn_local(async move {
            let mut unreachable = false;
            loop {
                let next = me.0.borrow().outbox.first().cloned();
                let Some(item) = next else { break };
                let path = format!("/chats/{}/messages", segment(&item.chat_id));
                let sent = match me
                    .api()
                    .post::<_, ChatMessage>(&path, &item.message())
                    .await
                {
                    Ok(stored) => Sent::Stored(stored),
                    Err(Failure::Network) => Sent::Unreachable,
                    Err(_) => Sent::Refused,
                };
                let go_on = {
                    let mut s = me.0.borrow_mut();
                    let s = &mut *s;
                    outbox::settle(&mut s.outbox, &mut s.lines, &item.id, sent)
                };
                view::refresh(&me);
                if !go_on {
                    unreachable = true;
                    break;
                }
                me.save_outbox();
            }
            me.0.borrow_mut().flushing = false;
            if unreachable && !me.0.borrow().gone {
                me.later_flush();
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

    /// Ends the chat.
    pub fn end(&self) {
        let Some(id) = self.chat_id() else { return };
        let me = self.clone();
        spawn_local(async move {
            let path = format!("/chats/{}/end", segment(&id));
            if let Ok(ended) = me.api().post::<_, Chat>(&path, &()).await {
                me.0.borrow_mut().chat = Some(ended);
                me.finish();
            }
        });
    }

    /// Rates the ended chat; the form gives way to a thank-you, or says why not.
    pub fn rate(&self, rating: ChatRating) {
        let Some(id) = self.chat_id() else { return };
        let me = self.clone();
        spawn_local(async move {
            let path = format!("/chats/{}/rating", segment(&id));
            match me.api().send::<_, Chat>("PUT", &path, &rating).await {
                Ok(rated) => {
                    me.0.borrow_mut().chat = Some(rated);
                    view::render(&me);
                }
                Err(e) => view::render_after_error(&me, e),
            }
        });
    }

    /// Files a case holding the transcript; the panel then links to it in the portal.
    pub fn to_case(&self) {
        let Some(id) = self.chat_id() else { return };
        let me = self.clone();
        spawn_local(async move {
            let path = format!("/chats/{}/case", segment(&id));
            match me.api().post::<_, NewCase>(&path, &()).await {
                Ok(case) => {
                    if let Some(c) = me.0.borrow_mut().chat.as_mut() {
                        c.case_id = Some(case.id);
                    }
                    view::render(&me);
                }
                Err(e) => view::render_after_error(&me, e),
            }
        });
    }

    /// Forgets the ended chat and offers the pre-chat form again.
    pub fn new_chat(&self) {
        {
            let mut s = self.0.borrow_mut();
            s.chat = None;
            s.lines.clear();
            s.shown.clear();
            s.queue = None;
        }
        self.set_stage(Stage::Loading);
        let me = self.clone();
        spawn_local(async move { me.offer().await });
    }

    /// The session ended: the link goes, the outbox stays on the device for the next session.
    pub fn session_ended(&self) {
        let stream = self.0.borrow_mut().stream.take();
        if let Some(stream) = stream {
            stream.close();
        }
        self.set_stage(Stage::SignedOut);
        self.emit("session-ended", &[]);
    }

    /// The panel opened or closed: while open nothing is unread.
    pub fn set_open(&self, open: bool) {
        let cleared = {
            let mut s = self.0.borrow_mut();
            s.open = open;
            open && std::mem::take(&mut s.unread) > 0
        };
        if cleared {
            self.emit("unread", &[("count", 0.into())]);
        }
    }

    /// The browser came back online: reconnect now rather than after the backoff.
    pub fn online(&self) {
        let stream = self.0.borrow().stream.clone();
        if let Some(stream) = stream {
            stream.retry_now();
        }
    }

    /// Where the compose box's draft is kept: the portal's own key, so either resumes it.
    pub fn draft_key(&self) -> Option<String> {
        let s = self.0.borrow();
        let chat = s.chat.as_ref()?;
        user_key("draft:chat", &s.user, &format!("{}:text", chat.id))
    }

    /// Keeps what is being written on the device.
    pub fn save_draft(&self, text: String) {
        let Some(key) = self.draft_key() else { return };
        spawn_local(async move {
            if text.is_empty() {
                local_store::remove(&key).await;
            } else {
                local_store::save(&key, &to_json(&text)).await;
            }
        });
    }

    /// Lets everything go: the link, the timers, the panel.
    pub fn unmount(&self) {
        let (stream, idle, retry) = {
            let mut s = self.0.borrow_mut();
            s.gone = true;
            (s.stream.take(), s.idle.take(), s.retry_timer.take())
        };
        if let Some(stream) = stream {
            stream.close();
        }
        // Dropped, the timers stop.
        drop((idle, retry));
        self.0.borrow().root.remove();
    }
}
