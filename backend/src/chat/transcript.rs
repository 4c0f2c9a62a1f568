//! A chat's transcript as plain text: what the customer downloads, and what a chat continued
//! as a case carries as its attachment.

use support_contract::chat::{Chat, ChatMessage};

use crate::portal::product_name;

/// Who wrote a message, as the transcript names them.
fn speaker<'a>(chat: &'a Chat, m: &'a ChatMessage) -> &'a str {
    match (&m.author, m.from_support) {
        (Some(p), _) => &p.name,
        (None, true) => chat.agent.as_deref().unwrap_or("Support"),
        (None, false) => "System",
    }
}

/// The transcript: a header (product, topic, people, dates), a blank line, then one
/// `[time] Name: body` entry per message. Continuation lines of a message are indented so that
/// every entry still starts with its time; attachments follow their message by name.
pub fn text(chat: &Chat, messages: &[ChatMessage]) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("Chat with support {}", chat.id));
    line(format!("Product: {}", product_name(chat.product)));
    line(format!("Topic: {}", one_line(&chat.topic)));
    line(format!("Summary: {}", one_line(&chat.summary)));
    line(format!("Customer: {}", chat.customer.name));
    if let Some(agent) = &chat.agent {
        line(format!("Agent: {agent}"));
    }
    line(format!("Started: {}", chat.created_at));
    if let Some(ended) = &chat.ended_at {
        line(format!("Ended: {ended}"));
    }
    if let Some(r) = &chat.rating {
        line(
            format!("Rating: {}/5 {}", r.score, one_line(&r.comment))
                .trim_end()
                .to_string(),
        );
    }
    line(String::new());
    for m in messages {
        let mut body = m.body.lines();
        let first = body.next().unwrap_or("");
        line(format!("[{}] {}: {first}", m.at, speaker(chat, m)));
        for rest in body {
            line(format!("    {rest}"));
        }
        for a in &m.attachments {
            line(format!("    (attached: {})", one_line(&a.name)));
        }
    }
    out
}

/// Line breaks turned to spaces, for header fields.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::cases::{Attachment, Person};
    use support_contract::chat::ChatStatus;
    use support_contract::Product;

    fn chat() -> Chat {
        Chat {
            id: "chat_1".into(),
            product: Product::Analytics,
            topic: "Report suite".into(),
            summary: "Numbers\nlook wrong".into(),
            status: ChatStatus::Ended,
            customer: Person {
                id: "usr_1".into(),
                name: "Casey Lee".into(),
            },
            agent: Some("Priya Nair".into()),
            queue_position: None,
            estimated_wait_minutes: None,
            last_seq: 2,
            created_at: "2026-03-02T10:00:00Z".into(),
            ended_at: Some("2026-03-02T10:09:00Z".into()),
            rating: None,
            case_id: None,
        }
    }

    fn msg(seq: i64, author: Option<Person>, from_support: bool, body: &str) -> ChatMessage {
        ChatMessage {
            id: format!("m{seq}"),
            chat_id: "chat_1".into(),
            seq,
            at: format!("2026-03-02T10:0{seq}:00Z"),
            author,
            from_support,
            body: body.into(),
            attachments: Vec::new(),
        }
    }

    #[test]
    fn a_transcript_has_a_header_then_one_entry_per_message() {
        let casey = Person {
            id: "usr_1".into(),
            name: "Casey Lee".into(),
        };
        let mut first = msg(1, Some(casey), false, "Hello\n<b>two</b> lines");
        first.attachments.push(Attachment {
            id: "att_1".into(),
            name: "shot.png".into(),
            size: 1,
            content_type: "image/png".into(),
            uploaded_at: "2026-03-02T10:01:00Z".into(),
        });
        let text = text(&chat(), &[first, msg(2, None, true, "Looking")]);
        assert_eq!(
            text,
            "Chat with support chat_1\nProduct: Analytics\nTopic: Report suite\n\
             Summary: Numbers look wrong\nCustomer: Casey Lee\nAgent: Priya Nair\n\
             Started: 2026-03-02T10:00:00Z\nEnded: 2026-03-02T10:09:00Z\n\n\
             [2026-03-02T10:01:00Z] Casey Lee: Hello\n    <b>two</b> lines\n    (attached: shot.png)\n\
             [2026-03-02T10:02:00Z] Priya Nair: Looking\n"
        );
    }
}
