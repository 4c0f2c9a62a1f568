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
    /// The host's organisation, kept for a retry after a failed start.
    pub organisation: Option<String>,
}

/// The widget: its state, shared by the event handlers, the link's callbacks and the calls.
#[derive(Clone)]
pub struct W(pub Rc<RefCell<State>>);

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

mod conversation;
mod sending;

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
            organisation: None,
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
        // Whether a chat is going on, for the loader to fetch the widget at once on the next
        // page; a stage that does not know (signed out, a failure) leaves that as it was.
        let active = match stage {
            Stage::During => Some(true),
            Stage::Before(_) | Stage::After => Some(false),
            _ => None,
        };
        self.0.borrow_mut().stage = stage;
        view::render(self);
        if let Some(active) = active {
            self.emit("active", &[("active", active.into())]);
        }
    }

    fn failed(&self, e: Failure) {
        match e {
            Failure::Unauthorized => self.session_ended(),
            e => self.set_stage(Stage::Failed(e)),
        }
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
