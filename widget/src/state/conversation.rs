//! A chat's life: signing in and resuming the open chat (or offering the pre-chat form),
//! starting one, its history and realtime link with a resync after every reconnect, what the
//! stream tells, and its end (rating, a case, a new chat).

use super::*;

impl W {
    /// Signs in with the host's hand-off token (if any), moves to the host's organisation (if
    /// it names one), then resumes the open chat or offers the pre-chat form.
    pub async fn start(self, handoff: Option<String>, organisation: Option<String>) {
        self.0.borrow_mut().organisation = organisation.clone();
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
}
