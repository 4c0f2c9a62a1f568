//! The chat's realtime link: one WebSocket per chat, decoded in this one place. It reconnects
//! by itself (exponential backoff with full jitter, capped), resumes after the last message it
//! saw, and treats a link that stays silent past three heartbeats as broken.

use crate::chat::reconnect_delay_ms;
use crate::timer::Timer;
use std::cell::RefCell;
use std::rc::Rc;
use support_contract::chat::{event_type, ChatEvent, ChatMessage, ChatStatus, HEARTBEAT_SECS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

/// The state of the link, for the "reconnecting…" line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    Connecting,
    Open,
    Reconnecting,
    /// Closed for good: the chat ended, the session ended, or the panel let it go.
    Closed,
}

/// Close codes the backend uses when retrying cannot help.
const SESSION_ENDED: u16 = 4401;
const NOT_ALLOWED: u16 = 4403;

type Handler<T> = Rc<dyn Fn(T)>;

struct Inner {
    url_for: Rc<dyn Fn(i64) -> String>,
    on_event: Handler<ChatEvent>,
    on_state: Handler<LinkState>,
    on_session_ended: Handler<()>,
    socket: Option<WebSocket>,
    last_seq: i64,
    attempt: u32,
    last_frame_ms: f64,
    stopped: bool,
    // Kept alive as long as the socket may call them.
    handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    watchdog: Option<Timer>,
    retry: Option<Timer>,
}

/// A chat's realtime link. Dropping it does not close it: call [`ChatStream::close`].
#[derive(Clone)]
pub struct ChatStream(Rc<RefCell<Inner>>);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl ChatStream {
    /// Opens the link; `url_for(after)` gives the stream's address resuming after a `seq`.
    pub fn connect(
        after: i64,
        url_for: impl Fn(i64) -> String + 'static,
        on_event: impl Fn(ChatEvent) + 'static,
        on_state: impl Fn(LinkState) + 'static,
        on_session_ended: impl Fn(()) + 'static,
    ) -> ChatStream {
        let stream = ChatStream(Rc::new(RefCell::new(Inner {
            url_for: Rc::new(url_for),
            on_event: Rc::new(on_event),
            on_state: Rc::new(on_state),
            on_session_ended: Rc::new(on_session_ended),
            socket: None,
            last_seq: after,
            attempt: 0,
            last_frame_ms: now_ms(),
            stopped: false,
            handlers: Vec::new(),
            watchdog: None,
            retry: None,
        })));
        stream.start_watchdog();
        stream.open();
        stream
    }

    /// Tells support the user is (or stopped) typing; dropped when the link is down.
    pub fn send_typing(&self, typing: bool) {
        if let Some(ws) = &self.0.borrow().socket {
            if ws.ready_state() == WebSocket::OPEN {
                let _ = ws.send_with_str(&format!(r#"{{"type":"typing","typing":{typing}}}"#));
            }
        }
    }

    /// Reconnects now instead of waiting out the backoff (the browser came back online).
    pub fn retry_now(&self) {
        let pending = self.0.borrow_mut().retry.take();
        if pending.is_some() {
            self.open();
        }
    }

    /// Closes the link for good.
    pub fn close(&self) {
        let (socket, watchdog, retry, on_state) = {
            let mut inner = self.0.borrow_mut();
            inner.stopped = true;
            (
                inner.socket.take(),
                inner.watchdog.take(),
                inner.retry.take(),
                inner.on_state.clone(),
            )
        };
        if let Some(ws) = socket {
            let _ = ws.close();
        }
        // Dropped, the timers stop.
        drop((watchdog, retry));
        on_state(LinkState::Closed);
    }

    fn open(&self) {
        let (url, on_state) = {
            let inner = self.0.borrow();
            if inner.stopped {
                return;
            }
            ((inner.url_for)(inner.last_seq), inner.on_state.clone())
        };
        on_state(if self.0.borrow().attempt == 0 {
            LinkState::Connecting
        } else {
            LinkState::Reconnecting
        });
        let Ok(ws) = WebSocket::new(&url) else {
            self.schedule_retry();
            return;
        };
        let me = self.clone();
        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let on_state = {
                let mut inner = me.0.borrow_mut();
                inner.attempt = 0;
                inner.last_frame_ms = now_ms();
                inner.on_state.clone()
            };
            on_state(LinkState::Open);
        });
        let me = self.clone();
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(text) = e
                .dyn_ref::<MessageEvent>()
                .and_then(|m| m.data().as_string())
            else {
                return;
            };
            let Some(event) = decode_event(&text) else {
                return;
            };
            let on_event = {
                let mut inner = me.0.borrow_mut();
                inner.last_frame_ms = now_ms();
                if let ChatEvent::Message { message } = &event {
                    inner.last_seq = inner.last_seq.max(message.seq);
                }
                inner.on_event.clone()
            };
            on_event(event);
        });
        let me = self.clone();
        let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let code = e.dyn_ref::<CloseEvent>().map(|c| c.code()).unwrap_or(1006);
            let stopped = me.0.borrow().stopped;
            if stopped {
                return;
            }
            if code == SESSION_ENDED || code == NOT_ALLOWED {
                let ended = me.0.borrow().on_session_ended.clone();
                me.close();
                ended(());
                return;
            }
            me.schedule_retry();
        });
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let mut inner = self.0.borrow_mut();
        if let Some(old) = inner.socket.replace(ws) {
            old.set_onclose(None);
            let _ = old.close();
        }
        inner.handlers = vec![on_open, on_message, on_close];
    }

    fn schedule_retry(&self) {
        let (attempt, on_state) = {
            let mut inner = self.0.borrow_mut();
            inner.socket = None;
            inner.attempt += 1;
            (inner.attempt, inner.on_state.clone())
        };
        on_state(LinkState::Reconnecting);
        let delay = reconnect_delay_ms(attempt - 1, js_sys::Math::random());
        let me = self.clone();
        let retry = Timer::once(delay as u32, move || {
            me.0.borrow_mut().retry = None;
            me.open();
        });
        self.0.borrow_mut().retry = Some(retry);
    }

    /// Replaces a link that has been silent for three heartbeats.
    fn start_watchdog(&self) {
        let me = self.clone();
        let check = Timer::every(5_000, move || {
            let stale = {
                let inner = me.0.borrow();
                let silent = now_ms() - inner.last_frame_ms;
                inner
                    .socket
                    .as_ref()
                    .filter(|ws| {
                        ws.ready_state() == WebSocket::OPEN
                            && silent > (3 * HEARTBEAT_SECS * 1000) as f64
                    })
                    .cloned()
            };
            if let Some(ws) = stale {
                // A dead link may take a minute to report its close: do not wait for it.
                ws.set_onclose(None);
                let _ = ws.close();
                me.schedule_retry();
            }
        });
        self.0.borrow_mut().watchdog = Some(check);
    }
}

/// The `ws:` / `wss:` address of an API address, which may be relative to the page.
pub fn websocket_url(http: &str) -> String {
    if let Some(rest) = http.strip_prefix("https://") {
        return format!("wss://{rest}");
    }
    if let Some(rest) = http.strip_prefix("http://") {
        return format!("ws://{rest}");
    }
    let location = web_sys::window().map(|w| w.location());
    let secure = location
        .as_ref()
        .and_then(|l| l.protocol().ok())
        .is_some_and(|p| p == "https:");
    let host = location.and_then(|l| l.host().ok()).unwrap_or_default();
    format!("{}://{host}{http}", if secure { "wss" } else { "ws" })
}

/// Of a stream frame, every field any event has; which ones are there depends on its `type`.
#[derive(serde::Deserialize)]
struct Frame {
    #[serde(rename = "type")]
    kind: String,
    message: Option<ChatMessage>,
    from_support: Option<bool>,
    typing: Option<bool>,
    status: Option<ChatStatus>,
    agent: Option<String>,
    position: Option<u32>,
    estimated_wait_minutes: Option<u32>,
}

/// A stream frame as a [`ChatEvent`]: read flat, then by its type (see
/// `support_contract::chat::event_type`); `None` when it lacks what its type needs.
pub fn decode_event(text: &str) -> Option<ChatEvent> {
    let f: Frame = crate::from_json(text)?;
    Some(match f.kind.as_str() {
        event_type::MESSAGE => ChatEvent::Message {
            message: f.message?,
        },
        event_type::TYPING => ChatEvent::Typing {
            from_support: f.from_support?,
            typing: f.typing?,
        },
        event_type::STATUS => ChatEvent::Status {
            status: f.status?,
            agent: f.agent,
        },
        event_type::QUEUE_POSITION => ChatEvent::QueuePosition {
            position: f.position?,
            estimated_wait_minutes: f.estimated_wait_minutes?,
        },
        event_type::AGENT_JOINED => ChatEvent::AgentJoined { agent: f.agent? },
        _ => ChatEvent::Unknown,
    })
}
