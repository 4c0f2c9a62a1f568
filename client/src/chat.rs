//! The chat's rules without a browser: one ordered list of messages whatever order, repeats or
//! gaps the network delivers them in; reconnect delays; safe links in plain text.

use support_contract::cases::Attachment;
use support_contract::chat::ChatMessage;

/// Where a message the user wrote stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Waiting in the outbox or on its way.
    Sending,
    /// Stored by the backend (it has a `seq`).
    Sent,
    /// The backend refused it or could not be reached; the user can retry.
    Failed,
}

/// One line of the conversation as the panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChatLine {
    /// The client-generated id: the same for the pending and the stored message.
    pub id: String,
    /// `None` until the backend stored it.
    pub seq: Option<i64>,
    pub at: String,
    pub from_support: bool,
    pub author: Option<String>,
    pub body: String,
    pub attachments: Vec<Attachment>,
    pub delivery: Delivery,
}

impl ChatLine {
    /// A line for a message the backend stored.
    pub fn stored(m: &ChatMessage) -> ChatLine {
        ChatLine {
            id: m.id.clone(),
            seq: Some(m.seq),
            at: m.at.clone(),
            from_support: m.from_support,
            author: m.author.as_ref().map(|p| p.name.clone()),
            body: m.body.clone(),
            attachments: m.attachments.clone(),
            delivery: Delivery::Sent,
        }
    }

    /// A line for a message the user just wrote.
    pub fn pending(id: &str, body: &str, attachments: &[Attachment], at: &str) -> ChatLine {
        ChatLine {
            id: id.to_string(),
            seq: None,
            at: at.to_string(),
            from_support: false,
            author: None,
            body: body.to_string(),
            attachments: attachments.to_vec(),
            delivery: Delivery::Sending,
        }
    }
}

/// Merges stored messages into the lines: a message already there (by id) is replaced by its
/// stored form, a new one is added; stored lines are ordered by `seq`, and lines not stored yet
/// follow in the order they were written. Duplicates and out-of-order arrivals change nothing.
/// Each message is put in its place rather than the whole list sorted: lines are always in this
/// order, and a sort's code is kilobytes of the chat widget's wasm.
pub fn merge_messages(lines: &mut Vec<ChatLine>, incoming: &[ChatMessage]) {
    for m in incoming {
        if let Some(k) = lines.iter().position(|l| l.id == m.id) {
            lines.remove(k);
        }
        let at = lines
            .iter()
            .position(|l| l.seq.is_none_or(|seq| seq > m.seq))
            .unwrap_or(lines.len());
        lines.insert(at, ChatLine::stored(m));
    }
}

/// The highest stored `seq`: where a reconnect resumes ("everything after N").
pub fn last_chat_seq(lines: &[ChatLine]) -> i64 {
    lines.iter().filter_map(|l| l.seq).max().unwrap_or(0)
}

/// The last `seq` up to which the stored messages have no gap (a `seq` missing below the
/// highest), which a resync fills by asking for everything after it. Lines are in `seq` order
/// (see [`merge_messages`]).
pub fn contiguous_seq(lines: &[ChatLine]) -> i64 {
    let mut last = 0;
    for s in lines.iter().filter_map(|l| l.seq) {
        if s == last + 1 {
            last = s;
        } else if s > last + 1 {
            break;
        }
    }
    last
}

/// The delay before reconnect attempt `attempt` (0-based): "full jitter", a uniformly random
/// wait between zero and an exponentially growing cap, so many clients do not reconnect in step.
/// `random` is in `[0, 1)`.
pub fn reconnect_delay_ms(attempt: u32, random: f64) -> u64 {
    const BASE_MS: u64 = 500;
    const CAP_MS: u64 = 30_000;
    let ceiling = BASE_MS.saturating_mul(1u64 << attempt.min(16)).min(CAP_MS);
    (random.clamp(0.0, 1.0) * ceiling as f64) as u64
}

/// A piece of message text: plain text, or a link that is safe to make clickable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link(String),
}

/// Splits plain text into text and `http`/`https` links; nothing else becomes a link, so a
/// `javascript:` URL stays text.
pub fn linkify(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let start = ["https://", "http://"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let Some(start) = start else {
            plain.push_str(rest);
            break;
        };
        plain.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(tail.len());
        let mut url = &tail[..end];
        // Sentence punctuation after a link is not part of it.
        while url.ends_with(['.', ',', ';', ':', '!', '?', ')']) {
            url = &url[..url.len() - 1];
        }
        if url.len() > "https://".len() {
            if !plain.is_empty() {
                out.push(Segment::Text(std::mem::take(&mut plain)));
            }
            out.push(Segment::Link(url.to_string()));
        } else {
            plain.push_str(url);
        }
        rest = &tail[url.len()..];
    }
    if !plain.is_empty() {
        out.push(Segment::Text(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, seq: i64) -> ChatMessage {
        ChatMessage {
            id: id.into(),
            chat_id: "c1".into(),
            seq,
            at: "2026-11-21T10:00:00Z".into(),
            author: None,
            from_support: seq % 2 == 0,
            body: format!("m{seq}"),
            attachments: vec![],
        }
    }

    fn ids(lines: &[ChatLine]) -> Vec<&str> {
        lines.iter().map(|l| l.id.as_str()).collect()
    }

    #[test]
    fn out_of_order_duplicate_and_late_messages_give_one_ordered_list() {
        let mut lines = Vec::new();
        merge_messages(&mut lines, &[msg("c", 3), msg("a", 1)]);
        merge_messages(&mut lines, &[msg("a", 1), msg("b", 2), msg("c", 3)]);
        merge_messages(&mut lines, &[msg("b", 2)]);
        assert_eq!(ids(&lines), ["a", "b", "c"]);
        assert_eq!(last_chat_seq(&lines), 3);
    }

    #[test]
    fn a_pending_message_becomes_the_stored_one_and_pending_ones_stay_last_in_order() {
        let mut lines = vec![
            ChatLine::pending("p1", "first", &[], "t"),
            ChatLine::pending("p2", "second", &[], "t"),
        ];
        merge_messages(&mut lines, &[msg("x", 1)]);
        assert_eq!(ids(&lines), ["x", "p1", "p2"]);
        let mut stored = msg("p1", 2);
        stored.from_support = false;
        merge_messages(&mut lines, &[stored]);
        assert_eq!(ids(&lines), ["x", "p1", "p2"]);
        assert_eq!(lines[1].delivery, Delivery::Sent);
        assert_eq!(lines[2].delivery, Delivery::Sending);
    }

    #[test]
    fn a_missing_message_shows_as_a_gap_to_resync_from() {
        let mut lines = Vec::new();
        merge_messages(&mut lines, &[msg("a", 1), msg("b", 2), msg("d", 4)]);
        assert_eq!(contiguous_seq(&lines), 2);
        merge_messages(&mut lines, &[msg("c", 3)]);
        assert_eq!(contiguous_seq(&lines), 4);
    }

    #[test]
    fn reconnect_delays_grow_are_capped_and_jittered() {
        assert_eq!(reconnect_delay_ms(0, 0.0), 0);
        assert_eq!(reconnect_delay_ms(0, 0.999), 499);
        assert_eq!(reconnect_delay_ms(3, 0.5), 2000);
        assert_eq!(reconnect_delay_ms(30, 0.999), 29_970);
    }

    #[test]
    fn only_http_and_https_become_links() {
        assert_eq!(
            linkify("See https://help.example.com/a?b=1. Or javascript:alert(1) or http://x.io"),
            vec![
                Segment::Text("See ".into()),
                Segment::Link("https://help.example.com/a?b=1".into()),
                Segment::Text(". Or javascript:alert(1) or ".into()),
                Segment::Link("http://x.io".into()),
            ]
        );
        assert_eq!(linkify("no links"), vec![Segment::Text("no links".into())]);
        assert_eq!(linkify("https://"), vec![Segment::Text("https://".into())]);
    }
}
