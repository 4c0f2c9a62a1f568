//! `GET /chats/{id}/stream`: a chat's live events over a WebSocket. Every refusal happens
//! before the upgrade, as a problem response; once open, the socket re-checks the session on
//! every heartbeat, so permissions hold on the live channel as they do over REST.

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use support_contract::chat::{ChatEvent, ChatStatus};
use support_contract::{problem_types as types, Capability};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{interval_at, Instant};

use super::{customer, AfterQuery};
use crate::auth::{peek_session, session_token, Chat, Lifetime, RequireCapability};
use crate::chat::actions::find;
use crate::chat::queue;
use crate::chat::typing::TypingGate;
use crate::extract::ApiQuery;
use crate::problem::ApiError;
use crate::routes::responses::{ItemInputRefusals, UpgradeRequired};
use crate::security::SameOrigin;
use crate::state::AppState;
use crate::store::chat::{self as store, messages};

/// Close code: the session ended (signed out, expired, or the user was removed).
pub const CLOSE_SESSION_ENDED: u16 = 4401;
/// Close code: the user may no longer chat (their role changed).
pub const CLOSE_FORBIDDEN: u16 = 4403;
/// Close code: the server is stopping (1012 "service restart", IANA's registry of RFC 6455
/// codes): reconnect, after a short wait, to whichever instance answers. Not 1001 "going away",
/// which says the endpoint is gone and does not invite a reconnect.
pub const CLOSE_SERVICE_RESTART: u16 = 1012;
/// Largest client frame accepted: clients only send small typing frames.
const MAX_CLIENT_MESSAGE: usize = 4096;

/// What a client may send: typing frames; anything else is ignored.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ClientFrame {
    Typing { typing: bool },
}

/// A chat's live events, over a WebSocket (`ws://` or `wss://` on this path).
///
/// Opened with the session cookie by the chat's customer only (another user's chat: 404), from
/// the portal's own origin or an `--allowed-origins` one (else 403
/// `urn:support-portal:problem:cross-origin`), all checked before the upgrade; a request that is
/// not a WebSocket handshake gets 426.
///
/// The server sends JSON text frames, one `ChatEvent` each (see the `ChatEvent` schema): on
/// connect, every message with a `seq` greater than `after` as `message` events, then a
/// `status` event (and `queue_position` while queued), then live events as they happen:
/// `message`, `typing` (either side; a client ignores its own side's), `status`,
/// `queue_position`, `agent_joined`. A `heartbeat` comes every 15 seconds: a client that hears
/// nothing for three of them should reconnect with `after` = the last `seq` it has, then merge
/// by message `id`.
///
/// The client may send `{"type":"typing","typing":true|false}` frames (the same as
/// `POST /chats/{id}/typing`), relayed at most one a second: frames in between are dropped,
/// and the latest state is relayed when the second is over; anything else is ignored. The session is re-checked at every
/// heartbeat: the server closes with code 4401 when it has ended (signed out, expired, user
/// removed: sign in again), 4403 when the user may no longer chat, and 1012 ("service restart")
/// when the server stops: reconnect as after any other close.
#[utoipa::path(
    get,
    path = "/chats/{id}/stream",
    tag = "chat",
    security(("session_cookie" = [])),
    params(
        ("id" = String, Path, description = "Chat id"),
        ("after" = Option<i64>, Query, description = "Replay the messages with a greater `seq` first (0: all)"),
    ),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol; then `ChatEvent` JSON text frames"),
        ItemInputRefusals,
        (status = 426, response = UpgradeRequired),
    )
)]
pub async fn chat_stream(
    _origin: SameOrigin,
    State(state): State<AppState>,
    RequireCapability { user, .. }: RequireCapability<Chat>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<AfterQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Result<Response, ApiError> {
    let after = query.after()?;
    let chat = find(&state.db.read(), &id, customer(&user))?;
    let upgrade = upgrade.map_err(|_| {
        ApiError::problem(
            types::VALIDATION,
            StatusCode::UPGRADE_REQUIRED,
            "WebSocket handshake required",
            "Open this path as a WebSocket.",
        )
    })?;
    let stream = Stream {
        state,
        chat_id: chat.id,
        user_id: user.user.id,
        token: session_token(&headers).unwrap_or_default(),
        last_seq: after,
        typing: TypingGate::default(),
    };
    Ok(upgrade
        .max_message_size(MAX_CLIENT_MESSAGE)
        .max_frame_size(MAX_CLIENT_MESSAGE)
        .on_upgrade(move |socket| stream.run(socket)))
}

/// One open stream.
struct Stream {
    state: AppState,
    chat_id: String,
    user_id: String,
    token: String,
    /// The highest message seq this client has (or was sent).
    last_seq: i64,
    /// The client's typing frames, relayed at most one a second.
    typing: TypingGate,
}

/// Why a stream stops.
enum Stop {
    /// The client went away, or sending failed: nothing more to say.
    Gone,
    /// Close with this code and reason.
    Close(u16, &'static str),
}

impl Stream {
    async fn run(mut self, mut socket: WebSocket) {
        let hub = &self.state.chat_hub;
        // Subscribe before reading the store: whatever is stored after the read is still heard.
        let mut events = hub.subscribe(&self.chat_id);
        let stopping = hub.stopping();
        tokio::pin!(stopping);
        let mut access = hub.access_changes();
        let every = hub.heartbeat();
        let mut heartbeat = interval_at(Instant::now() + every, every);
        let mut stop = self.catch_up(&mut socket).await.err();
        while stop.is_none() {
            stop = tokio::select! {
                _ = &mut stopping => Some(Stop::Close(CLOSE_SERVICE_RESTART, "server stopping")),
                event = events.recv() => match event {
                    Ok(event) => self.forward(&mut socket, event).await.err(),
                    // Fell behind the channel: the store has everything.
                    Err(RecvError::Lagged(_)) => self.catch_up(&mut socket).await.err(),
                    Err(RecvError::Closed) => Some(Stop::Close(CLOSE_SERVICE_RESTART, "server stopping")),
                },
                _ = heartbeat.tick() => self.heartbeat(&mut socket).await.err(),
                _ = access.changed() => self.check_access().err(),
                _ = tokio::time::sleep_until(self.typing.due().unwrap_or_else(Instant::now)),
                    if self.typing.due().is_some() =>
                {
                    if let Some(typing) = self.typing.take(Instant::now()) {
                        self.relay_typing(typing);
                    }
                    None
                }
                frame = socket.recv() => match frame {
                    Some(Ok(Message::Text(text))) => {
                        self.client_frame(text.as_str());
                        None
                    }
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => Some(Stop::Gone),
                    Some(Ok(_)) => None,
                },
            };
        }
        if let Some(Stop::Close(code, reason)) = stop {
            let frame = CloseFrame {
                code,
                reason: reason.into(),
            };
            let _ = socket.send(Message::Close(Some(frame))).await;
        }
    }

    async fn send(&self, socket: &mut WebSocket, event: &ChatEvent) -> Result<(), Stop> {
        let json = serde_json::to_string(event).map_err(|_| Stop::Gone)?;
        socket
            .send(Message::Text(json.into()))
            .await
            .map_err(|_| Stop::Gone)
    }

    /// Every message after the client's last seq, then the chat's status (and its place in
    /// the queue): on connect, and after falling behind.
    async fn catch_up(&mut self, socket: &mut WebSocket) -> Result<(), Stop> {
        let (missed, status) = {
            let conn = self.state.db.read();
            let found = store::load(&conn, &self.chat_id).map_err(|_| Stop::Gone)?;
            // A cursor beyond the chat's last message (a stale client) must not hide new ones.
            self.last_seq = self.last_seq.min(found.last_seq);
            let missed =
                messages::after(&conn, &self.chat_id, self.last_seq).map_err(|_| Stop::Gone)?;
            let mut status = vec![ChatEvent::Status {
                status: found.status,
                agent: found.agent.clone(),
            }];
            if found.status == ChatStatus::Queued {
                if let Ok(Some(position)) = queue::position(&conn, &found) {
                    status.push(queue::position_event(position));
                }
            }
            (missed, status)
        };
        for message in missed {
            self.last_seq = self.last_seq.max(message.seq);
            self.send(socket, &ChatEvent::Message { message }).await?;
        }
        for event in &status {
            self.send(socket, event).await?;
        }
        Ok(())
    }

    /// A live event; messages the client already has (replayed on connect) are not repeated.
    async fn forward(&mut self, socket: &mut WebSocket, event: ChatEvent) -> Result<(), Stop> {
        if let ChatEvent::Message { message } = &event {
            if message.seq <= self.last_seq {
                return Ok(());
            }
            if message.seq > self.last_seq + 1 {
                // A gap cannot happen while events arrive in order; if it ever does, the store
                // fills it (this message included).
                return self.catch_up(socket).await;
            }
            self.last_seq = message.seq;
        }
        self.send(socket, &event).await
    }

    /// Whether the session still exists and still allows chat.
    fn check_access(&self) -> Result<(), Stop> {
        let lifetime = Lifetime::of(&self.state);
        let current = peek_session(&self.state.db.read(), &self.token, lifetime);
        match current {
            Ok(Some(u)) if u.user.id == self.user_id => {
                if !u.capabilities().contains(&Capability::Chat) {
                    return Err(Stop::Close(CLOSE_FORBIDDEN, "chat not allowed"));
                }
            }
            Ok(_) => return Err(Stop::Close(CLOSE_SESSION_ENDED, "session ended")),
            // A database hiccup is no reason to drop a customer: check again next beat.
            Err(e) => crate::log_line!("chat stream: session check failed: {e}"),
        }
        Ok(())
    }

    /// Re-checks the session, then beats.
    async fn heartbeat(&self, socket: &mut WebSocket) -> Result<(), Stop> {
        self.check_access()?;
        self.send(socket, &ChatEvent::Heartbeat).await
    }

    /// A frame from the client: typing frames pass the gate (see `chat::typing`), anything
    /// else is ignored.
    fn client_frame(&mut self, text: &str) {
        if let Ok(ClientFrame::Typing { typing }) = serde_json::from_str(text) {
            if let Some(typing) = self.typing.offer(typing, Instant::now()) {
                self.relay_typing(typing);
            }
        }
    }

    /// Tells the chat's streams that the customer is typing, or stopped, unless it has ended.
    fn relay_typing(&self, typing: bool) {
        let chat = store::load(&self.state.db.read(), &self.chat_id);
        if let Ok(chat) = chat {
            if chat.status != ChatStatus::Ended {
                self.state.chat_hub.publish(
                    &self.chat_id,
                    ChatEvent::Typing {
                        from_support: false,
                        typing,
                    },
                );
            }
        }
    }
}
