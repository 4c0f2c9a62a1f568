//! Hostile answers: every type the app decodes from the backend, fuzzed with seeded mutations
//! (dropped fields, wrong types, nulls, huge and negative numbers, huge strings, 10,000-element
//! arrays, deep nesting, unknown enum values, unpaired surrogates, control characters,
//! truncated bodies, invalid UTF-8) through the app's own `decode`. None may panic; an unknown
//! enum value decodes to `Unknown` wherever the type has one.
//!
//! Off the browser `decode` reads with serde_json (see `support_client::json`); in the browser
//! it is `JSON.parse` and `js_value`, which `tests/e2e/hostile_responses.spec.ts` fuzzes.
//! `HOSTILE_SEED=<n>` replays a run, `HOSTILE_CASES=<n>` sets the mutations per type:
//! `HOSTILE_SEED=42 cargo test -p support-portal --lib hostile -- --nocapture`.
//!
//! A new answer type: one line in [`answers`]; `every_answer_type_of_the_api_is_fuzzed` fails
//! until it is there.

mod mutate;
mod sample;

use super::chat::NewCaseFromChat;
use super::core::decode;
use mutate::{at, at_mut, mutate, mutate_body, paths, Raw, Rng, Step, KINDS};
use sample::sample;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use support_client::chat_stream::decode_event;
use support_contract::callbacks::Callback;
use support_contract::cases::{
    Attachment, Case, CaseSummary, Person, ProductDetails, SimilarCase, ThreadEntry,
};
use support_contract::chat::{Chat, ChatAvailability, ChatMessage};
use support_contract::help::{ForumThread, HelpArticle, HelpResults, HelpSuggestion, HelpTopic};
use support_contract::help::{HelpVote, Span};
use support_contract::history::{HistorySummary, Interaction};
use support_contract::home::HomeSummary;
use support_contract::learning::{Learning, LearningCompletion};
use support_contract::users::{
    AuditEntry, ImportReport, Invitation, ReviewRecord, SupportUserCounts,
};
use support_contract::{Page, PortalConfig, Problem, Session, SupportContact, SupportUser};

/// What an answer decoded to, written back as JSON (`None`: the type is not `Serialize`).
type Decoded = Option<Value>;

/// A decoder of one answer type: the text, and whether to write the decoded value back.
type Decoder = Box<dyn Fn(&str, bool) -> Option<Decoded>>;

/// One type the app decodes: a valid sample and the app's decoder of it.
struct Answer {
    name: String,
    sample: Value,
    /// `None`: refused (the app shows `ApiError::Decode`); written back when asked.
    decode: Decoder,
}

/// `T` as the HTTP client decodes it.
fn answer<T: DeserializeOwned + Serialize + 'static>(sample: Value) -> Answer {
    Answer {
        name: short_name(std::any::type_name::<T>()),
        sample,
        decode: Box::new(|text, back| {
            let t = decode::<T>(text).ok()?;
            Some(back.then(|| serde_json::to_value(t).expect("a decoded answer serializes")))
        }),
    }
}

/// `T` (not `Serialize`) as the HTTP client decodes it.
fn answer_read_only<T: DeserializeOwned + 'static>(sample: Value) -> Answer {
    Answer {
        name: short_name(std::any::type_name::<T>()),
        sample,
        decode: Box::new(|text, _| decode::<T>(text).ok().map(|_| None)),
    }
}

/// `support_contract::Page<support_contract::cases::CaseSummary>` → `Page<CaseSummary>`.
fn short_name(full: &str) -> String {
    let mut out = String::new();
    for part in full.split_inclusive(['<', '>', ',', ' ']) {
        let (word, sep) = part.split_at(part.trim_end_matches(['<', '>', ',', ' ']).len());
        out.push_str(word.rsplit("::").next().unwrap_or(word));
        out.push_str(sep);
    }
    out
}

/// Every answer the app decodes, each with a valid sample. The samples of plain types are made
/// by [`sample()`]; types with flattened fields or tagged enums are written out.
fn answers() -> Vec<Answer> {
    let case_summary = sample::<CaseSummary>();
    let case = merge(
        &case_summary,
        json!({
            "description": "Reports show no data since 2 December.",
            "details": sample::<ProductDetails>(),
            "reproducible": true,
            "steps_to_reproduce": "1. Open the report",
            "environment": "production",
            "business_impact": "Billing is blocked",
            "contact_phone": "+44 20 7946 0000",
            "time_zone": "Europe/London",
            "watchers": [sample::<Person>()],
            "engineer": "Dana Whitfield",
            "closed_at": null,
            "reopen_until": null,
            "allowed_actions": ["reply", "close", "request_call"],
            "version": 3
        }),
    );
    let similar = merge(&case_summary, json!({ "following": true }));
    let entry = |seq: i64, event: Value| {
        merge(
            &json!({
                "id": format!("e{seq}"), "seq": seq, "at": "2026-12-06T10:00:00Z",
                "author": sample::<Person>(), "from_support": seq % 2 == 0,
            }),
            event,
        )
    };
    let attachment = sample::<Attachment>();
    let thread = json!([
        entry(1, json!({"kind": "case_filed", "priority": "p2"})),
        entry(
            2,
            json!({"kind": "comment", "body": "Hello", "attachments": [attachment]})
        ),
        entry(
            3,
            json!({"kind": "status_changed", "from": "new", "to": "in_progress"})
        ),
        entry(
            4,
            json!({"kind": "attachments_added", "attachments": [attachment]})
        ),
        entry(
            5,
            json!({"kind": "urgency_change_requested", "from": "p3", "to": "p1", "reason": "Down"})
        ),
        entry(
            6,
            json!({"kind": "call_requested", "phone": "+1 555 0100", "when": {"type": "scheduled", "at": "2026-12-07T09:00:00Z"}})
        ),
        entry(
            7,
            json!({"kind": "call_requested", "phone": "+1 555 0100", "when": {"type": "immediate"}})
        ),
        entry(8, json!({"kind": "engineer_assigned", "engineer": "Dana"})),
    ]);
    let span = serde_json::to_value(Span {
        strong: true,
        href: Some("https://example.com/a".into()),
        ..Span::plain("a link")
    })
    .unwrap();
    let paragraph = json!({"type": "paragraph", "spans": [{"text": "Plain"}, span]});
    let article = json!({
        "topic": sample::<HelpTopic>(),
        "body": [
            {"type": "heading", "level": 2, "spans": [{"text": "Why"}]},
            paragraph,
            {"type": "list", "ordered": true, "items": [
                {"blocks": [paragraph]},
                {"blocks": [{"type": "list", "ordered": false, "items": [{"blocks": [paragraph]}]}]}
            ]},
            {"type": "code", "language": "sql", "text": "select 1;"},
            {"type": "quote", "blocks": [paragraph, {"type": "quote", "blocks": [paragraph]}]}
        ],
        "related": [sample::<HelpTopic>()],
        "your_vote": sample::<HelpVote>()
    });
    let event = |frame: Value| Answer {
        name: format!("chat stream: {}", frame["type"].as_str().unwrap_or("?")),
        sample: frame,
        decode: Box::new(|text, back| {
            let e = decode_event(text)?;
            Some(back.then(|| serde_json::to_value(e).expect("an event serializes")))
        }),
    };
    vec![
        answer::<Session>(sample::<Session>()),
        answer::<PortalConfig>(sample::<PortalConfig>()),
        answer::<Vec<SupportContact>>(sample::<Vec<SupportContact>>()),
        answer::<HomeSummary>(merge(
            &sample::<HomeSummary>(),
            json!({"cases": {"awaiting_your_reply": 1, "awaiting": [case_summary], "open": 2}}),
        )),
        answer::<Page<CaseSummary>>(
            json!({"items": [case_summary, case_summary], "next_cursor": "c2"}),
        ),
        answer::<Case>(case),
        answer::<Vec<ThreadEntry>>(thread.clone()),
        answer::<ThreadEntry>(thread[1].clone()),
        answer::<Vec<SimilarCase>>(json!([similar])),
        answer::<Attachment>(attachment),
        answer::<Vec<Person>>(sample::<Vec<Person>>()),
        answer::<Callback>(sample::<Callback>()),
        answer::<Vec<Callback>>(sample::<Vec<Callback>>()),
        answer::<Vec<ChatAvailability>>(sample::<Vec<ChatAvailability>>()),
        answer::<Chat>(sample::<Chat>()),
        answer::<Vec<Chat>>(sample::<Vec<Chat>>()),
        answer::<ChatMessage>(sample::<ChatMessage>()),
        answer::<Vec<ChatMessage>>(sample::<Vec<ChatMessage>>()),
        answer_read_only::<NewCaseFromChat>(json!({"id": "case-1"})),
        answer::<Page<Interaction>>(sample::<Page<Interaction>>()),
        answer::<HistorySummary>(sample::<HistorySummary>()),
        answer::<HelpResults>(sample::<HelpResults>()),
        answer::<HelpArticle>(article),
        answer::<HelpVote>(sample::<HelpVote>()),
        answer::<Vec<HelpSuggestion>>(sample::<Vec<HelpSuggestion>>()),
        answer::<Vec<ForumThread>>(sample::<Vec<ForumThread>>()),
        answer::<Invitation>(sample::<Invitation>()),
        answer::<Learning>(sample::<Learning>()),
        answer::<LearningCompletion>(sample::<LearningCompletion>()),
        answer::<Page<SupportUser>>(sample::<Page<SupportUser>>()),
        answer::<SupportUserCounts>(sample::<SupportUserCounts>()),
        answer::<SupportUser>(sample::<SupportUser>()),
        answer::<Vec<ReviewRecord>>(sample::<Vec<ReviewRecord>>()),
        answer::<Vec<SupportUser>>(sample::<Vec<SupportUser>>()),
        answer::<ImportReport>(sample::<ImportReport>()),
        answer::<Page<AuditEntry>>(sample::<Page<AuditEntry>>()),
        // Every refusal's body (`core.rs` reads it as a problem).
        answer::<Problem>(json!({
            "type": "https://support.example/problems/validation", "title": "Invalid", "status": 422,
            "detail": "Check the form", "errors": [{"field": "title", "code": "required", "message": "Required"}],
            "retry_after": 30, "resource_id": "r1"
        })),
        // The chat's stream, one frame per event type.
        event(json!({"type": "message", "message": sample::<ChatMessage>()})),
        event(json!({"type": "typing", "from_support": true, "typing": true})),
        event(json!({"type": "status", "status": "active", "agent": "Dana"})),
        event(json!({"type": "queue_position", "position": 2, "estimated_wait_minutes": 5})),
        event(json!({"type": "agent_joined", "agent": "Dana"})),
        event(json!({"type": "heartbeat"})),
    ]
}

/// `extra`'s fields over `base`'s.
fn merge(base: &Value, extra: Value) -> Value {
    let mut out = base.clone();
    if let (Some(o), Value::Object(e)) = (out.as_object_mut(), extra) {
        o.extend(e);
    }
    out
}

#[derive(Default)]
struct Tally {
    decoded: usize,
    refused: usize,
    panics: usize,
}

fn seed() -> u64 {
    std::env::var("HOSTILE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            now.as_nanos() as u64 | 1
        })
}

#[test]
fn hostile_answers_never_panic_the_decoders() {
    let seed = seed();
    let per_type: usize = std::env::var("HOSTILE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    println!("hostile answers: seed {seed} (rerun with HOSTILE_SEED={seed})");
    let mut rng = Rng(seed.max(1));
    let answers = answers();
    let mut by_kind = [0usize; KINDS.len()];
    let mut failures = Vec::new();
    let mut total = Tally::default();
    for answer in &answers {
        let mut tally = Tally::default();
        let sample = serde_json::to_string(&answer.sample).unwrap();
        assert!(
            (answer.decode)(&sample, false).is_some(),
            "the sample of {} does not decode: {sample}",
            answer.name
        );
        let mut all = Vec::new();
        paths(&answer.sample, &mut Vec::new(), &mut all);
        for case in 0..per_type {
            let mut value = answer.sample.clone();
            let mut raw = Raw(Vec::new());
            // Mostly one mutation, so that many answers still decode and go deeper.
            let count = match rng.below(20) {
                0..=11 => 1,
                12..=16 => 2,
                _ => 3,
            };
            for _ in 0..count {
                let path = rng.pick(&all).clone();
                by_kind[mutate(&mut rng, &mut value, &path, &mut raw)] += 1;
            }
            let mut text = raw.apply(serde_json::to_string(&value).unwrap());
            if rng.percent(15) {
                text = mutate_body(&mut rng, text);
                by_kind[KINDS.len() - 1] += 1;
            }
            match catch_unwind(AssertUnwindSafe(|| (answer.decode)(&text, false))) {
                Ok(Some(_)) => tally.decoded += 1,
                Ok(None) => tally.refused += 1,
                Err(_) => {
                    tally.panics += 1;
                    let shown: String = text.chars().take(300).collect();
                    failures.push(format!("{} (case {case}): {shown}", answer.name));
                }
            }
        }
        println!(
            "  {:<32} decoded {:>5}  refused {:>5}  panics {}",
            answer.name, tally.decoded, tally.refused, tally.panics
        );
        total.decoded += tally.decoded;
        total.refused += tally.refused;
        total.panics += tally.panics;
    }
    let kinds: Vec<String> = KINDS
        .iter()
        .zip(by_kind)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!("  mutations: {}", kinds.join(", "));
    println!(
        "  {} types, {} answers: decoded {}, refused {}, panics {}",
        answers.len(),
        answers.len() * per_type,
        total.decoded,
        total.refused,
        total.panics
    );
    assert!(
        failures.is_empty(),
        "seed {seed}: decoders panicked on\n{}",
        failures.join("\n")
    );
}

/// The enum fields of the answers that refuse a value they do not know, failing the whole
/// answer: a newer backend must not send new values of these. (`type.path`, `[]` for any
/// element.)
///
/// `Locale` has no `Unknown`: a language a newer backend adds fails the answers that name one
/// (help, forum threads, announcements on the home page, learning, the session's user).
/// `CallTiming` has none either: a new way to schedule a call fails the whole thread.
const NO_UNKNOWN: &[&str] = &[
    "HelpArticle.related.[].language",
    "HelpArticle.topic.language",
    "HelpResults.items.[].language",
    "HelpResults.language",
    "HomeSummary.announcements.[].language",
    "HomeSummary.popular_threads.[].language",
    "Learning.items.[].language",
    "Session.user.locale",
    "Vec<ForumThread>.[].language",
    "Vec<ThreadEntry>.[].when.type",
];

#[test]
fn unknown_enum_values_decode_to_unknown() {
    let mut refused = BTreeSet::new();
    let mut checked = 0;
    for answer in answers() {
        let mut all = Vec::new();
        paths(&answer.sample, &mut Vec::new(), &mut all);
        for path in all {
            if !matches!(at(&answer.sample, &path), Some(Value::String(_))) {
                continue;
            }
            let mut value = answer.sample.clone();
            *at_mut(&mut value, &path).unwrap() = json!("zz_newer_value");
            checked += 1;
            let shown = path
                .iter()
                .map(|s| match s {
                    Step::Key(k) => k.clone(),
                    Step::Index(_) => "[]".into(),
                })
                .collect::<Vec<_>>()
                .join(".");
            match (answer.decode)(&value.to_string(), true) {
                None => {
                    refused.insert(format!("{}.{shown}", answer.name));
                }
                Some(Some(back)) => {
                    let now = at(&back, &path);
                    assert!(
                        now == Some(&json!("zz_newer_value")) || now == Some(&json!("unknown")),
                        "{}.{shown}: a newer value became {now:?}, neither itself nor `unknown`",
                        answer.name
                    );
                }
                Some(None) => {}
            }
        }
    }
    println!("unknown enum values: {checked} string fields checked");
    let expected: BTreeSet<String> = NO_UNKNOWN.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        refused, expected,
        "enum fields that fail their whole answer on a value they do not know"
    );
}

/// Every type an area's trait answers (`ApiFuture<..>` in `src/api/`) and every problem body
/// is in [`answers`].
#[test]
fn every_answer_type_of_the_api_is_fuzzed() {
    let sources: BTreeMap<&str, &str> = BTreeMap::from([
        ("attachments.rs", include_str!("../attachments.rs")),
        ("callbacks.rs", include_str!("../callbacks.rs")),
        ("cases.rs", include_str!("../cases.rs")),
        ("chat.rs", include_str!("../chat.rs")),
        ("core.rs", include_str!("../core.rs")),
        ("forums.rs", include_str!("../forums.rs")),
        ("help.rs", include_str!("../help.rs")),
        ("history.rs", include_str!("../history.rs")),
        ("home.rs", include_str!("../home.rs")),
        ("invitations.rs", include_str!("../invitations.rs")),
        ("learning.rs", include_str!("../learning.rs")),
        ("organisations.rs", include_str!("../organisations.rs")),
        ("people.rs", include_str!("../people.rs")),
        ("portal.rs", include_str!("../portal.rs")),
        ("session.rs", include_str!("../session.rs")),
        ("support_users.rs", include_str!("../support_users.rs")),
    ]);
    // The area files on disk, so that a new one cannot hide from the list above.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/api");
    for file in std::fs::read_dir(dir).unwrap() {
        let file = file.unwrap();
        if file.file_type().unwrap().is_dir() {
            continue;
        }
        let name = file.file_name().into_string().unwrap();
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        if text.contains("ApiFuture<") && name != "mod.rs" {
            assert!(
                sources.contains_key(name.as_str()),
                "add src/api/{name} to this test"
            );
        }
    }
    let fuzzed: BTreeSet<String> = answers().into_iter().map(|a| a.name).collect();
    let mut missing = Vec::new();
    let mut found = BTreeSet::new();
    for (file, text) in sources {
        let aliases: BTreeMap<&str, &str> = text
            .split(['{', '}', ',', ';'])
            .filter_map(|item| {
                let (real, alias) = item.trim().rsplit_once(" as ")?;
                Some((alias.trim(), real.trim().rsplit("::").next()?))
            })
            .collect();
        let answered = text
            .match_indices("ApiFuture<")
            .map(|(i, m)| i + m.len())
            .chain(text.match_indices("decode::<").map(|(i, m)| i + m.len()));
        for start in answered {
            let mut depth = 1;
            let end = text[start..]
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '<' => 1,
                        '>' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map(|(i, _)| start + i)
                .unwrap();
            let ty: String = text[start..end].split_whitespace().collect();
            if matches!(ty.as_str(), "()" | "u64" | "T" | "String") {
                continue;
            }
            let ty = aliases.iter().fold(ty, |ty, (alias, real)| {
                ty.replace(&format!("<{alias}>"), &format!("<{real}>"))
                    .replace(&format!("{alias}<"), &format!("{real}<"))
            });
            let ty = aliases
                .get(ty.as_str())
                .map_or(ty.clone(), |r| r.to_string());
            found.insert(ty.clone());
            if !fuzzed.contains(&ty) {
                missing.push(format!("{ty} (src/api/{file})"));
            }
        }
    }
    // The scan itself works: it finds the answer types that are there.
    assert!(found.len() >= 30, "only {found:?}");
    println!("{} answer types in src/api/, all fuzzed", found.len());
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "answer types not in `answers()`: {missing:?}"
    );
}
