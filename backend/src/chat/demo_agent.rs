//! The demo agent (`--demo-agent`): so that a person can try the chat widget alone, it accepts
//! every queued chat after about three seconds and answers each customer message about two
//! seconds later, typing first. It is clearly labelled as an automatic reply, and the tests
//! never run it: they play the agent through the agent API.

use std::collections::HashMap;
use std::time::Duration;

use support_contract::chat::{ChatStatus, NewChatMessage};
use tokio::time::Instant;

use super::actions::{self, Env, Side};
use crate::clock;
use crate::problem::ApiError;
use crate::store::chat::{list_by_status, messages};
use crate::tokens::new_id;

/// The name chats show for the demo agent.
pub const NAME: &str = "Demo agent (automatic reply)";
/// How long the demo agent takes: about three seconds to accept a queued chat, about two of
/// "typing" before each answer. A value so that the tests can take no time at all.
#[derive(Clone, Copy)]
struct Pace {
    accept_after: Duration,
    answer_after: Duration,
}

const PACE: Pace = Pace {
    accept_after: Duration::from_secs(3),
    answer_after: Duration::from_secs(2),
};
/// How often it looks at the chats.
const TICK: Duration = Duration::from_millis(500);

const GREETING: &str = "Hello, this is the demo agent: an automatic reply, not a person. \
    Write anything and I will answer, so you can see how chat works.";

/// The canned answer to a customer message.
const ANSWER: &str = "This is the demo agent (an automatic reply): a support engineer would \
    answer your message here. You can also end the chat, rate it, download its transcript or \
    continue it as a case.";

/// What the demo agent remembers between looks.
#[derive(Default)]
struct Memory {
    /// Queued chats and when it first saw them.
    seen_queued: HashMap<String, Instant>,
    /// Chats it is typing in: the customer message it answers, and when to answer.
    typing: HashMap<String, (i64, Instant)>,
    /// The last customer message it answered, per chat.
    answered: HashMap<String, i64>,
}

/// Runs the demo agent for as long as the server runs.
pub async fn run(env: Env<'_>) {
    let mut memory = Memory::default();
    let mut every = tokio::time::interval(TICK);
    loop {
        every.tick().await;
        report(look(env, &mut memory, PACE));
    }
}

/// Logs what went wrong; the demo agent carries on with the next chat.
fn report(result: Result<(), ApiError>) {
    if let Err(e) = result {
        crate::log_line!("demo agent: {}", e.0.detail.unwrap_or(e.0.title));
    }
}

fn say(env: Env<'_>, chat_id: &str, body: String) -> Result<(), ApiError> {
    let form = NewChatMessage {
        id: new_id("msg"),
        body,
        attachments: Vec::new(),
    };
    actions::post_message(env, chat_id, Side::Support, form, clock::now()).map(|_| ())
}

/// One look at the chats: accept what waited long enough, start or finish typing answers.
fn look(env: Env<'_>, memory: &mut Memory, pace: Pace) -> Result<(), ApiError> {
    let now = Instant::now();
    let (queued, active) = {
        let conn = env.db.read();
        let queued = list_by_status(&conn, &[ChatStatus::Queued])?;
        let mut active = Vec::new();
        for c in list_by_status(&conn, &[ChatStatus::Active])? {
            if c.agent.as_deref() == Some(NAME) {
                let last = messages::last(&conn, &c.id)?;
                active.push((c.id, last));
            }
        }
        (queued, active)
    };
    memory
        .seen_queued
        .retain(|id, _| queued.iter().any(|c| &c.id == id));
    for c in &queued {
        let first_seen = *memory.seen_queued.entry(c.id.clone()).or_insert(now);
        if now.duration_since(first_seen) >= pace.accept_after {
            // The customer may have ended it meanwhile: that chat only, not the whole look.
            report(
                actions::accept(env, &c.id, NAME, clock::now())
                    .and_then(|_| say(env, &c.id, GREETING.into())),
            );
        }
    }
    memory
        .typing
        .retain(|id, _| active.iter().any(|(a, _)| a == id));
    memory
        .answered
        .retain(|id, _| active.iter().any(|(a, _)| a == id));
    for (id, last) in active {
        let Some((seq, false)) = last else { continue };
        if memory.answered.get(&id).is_some_and(|a| *a >= seq) {
            continue;
        }
        match memory.typing.get(&id).copied() {
            // A newer message while typing: answer that one, a little later.
            Some((typing_for, _)) if typing_for < seq => {
                memory.typing.insert(id, (seq, now + pace.answer_after));
            }
            Some((_, due)) if now >= due => {
                report(
                    say(env, &id, ANSWER.into())
                        .and_then(|_| actions::typing(env, &id, Side::Support, false)),
                );
                memory.typing.remove(&id);
                memory.answered.insert(id, seq);
            }
            Some(_) => {}
            None => {
                report(actions::typing(env, &id, Side::Support, true));
                memory.typing.insert(id, (seq, now + pace.answer_after));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use axum::http::Method;
    use serde_json::json;

    use super::*;
    use crate::config::{ChatHours, Config};
    use crate::tests::{TestApp, SUPPORT_ADMIN};

    #[tokio::test]
    async fn the_demo_agent_accepts_greets_and_answers_each_message() {
        let app = TestApp::with_config(Config {
            chat_hours: ChatHours::Always,
            ..TestApp::config()
        });
        let cookie = app.cookie_for(SUPPORT_ADMIN).await;
        let body = json!({"product": "analytics", "topic": "Demo", "summary": "Trying chat"});
        let chat = app
            .call(Method::POST, "/api/v1/chats", Some(body), Some(&cookie))
            .await
            .json();
        let id = chat["id"].as_str().unwrap();
        let pace = Pace {
            accept_after: Duration::ZERO,
            answer_after: Duration::ZERO,
        };
        let mut memory = Memory::default();
        look(app.state.chat_env(), &mut memory, pace).unwrap();
        let chat = app
            .get(&format!("/api/v1/chats/{id}"), Some(&cookie))
            .await
            .json();
        assert_eq!(
            (chat["status"].as_str(), chat["agent"].as_str()),
            (Some("active"), Some(NAME))
        );

        let message = json!({"id": "message-0001", "body": "Hello?"});
        let path = format!("/api/v1/chats/{id}/messages");
        app.call(Method::POST, &path, Some(message), Some(&cookie))
            .await;
        look(app.state.chat_env(), &mut memory, pace).unwrap();
        assert!(memory.typing.contains_key(id), "typing first");
        look(app.state.chat_env(), &mut memory, pace).unwrap();
        look(app.state.chat_env(), &mut memory, pace).unwrap();
        let messages = app.get(&path, Some(&cookie)).await.json();
        let said: Vec<(bool, &str)> = messages
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["from_support"].as_bool().unwrap(),
                    m["body"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            said,
            [(true, GREETING), (false, "Hello?"), (true, ANSWER)],
            "one answer"
        );
    }
}
