//! The smallest request that an allowed caller's call really succeeds with, per operation.

use super::*;

/// A call's query string (with its `?`), body and extra headers.
pub(super) struct Shape {
    pub query: &'static str,
    pub payload: Payload,
    pub headers: Vec<(&'static str, String)>,
}

fn json_shape(body: Value) -> Shape {
    Shape {
        query: "",
        payload: Payload::Json(body),
        headers: Vec::new(),
    }
}

fn query(query: &'static str) -> Shape {
    Shape {
        query,
        payload: Payload::None,
        headers: Vec::new(),
    }
}

/// The request of `op` as `email` (the signed-in person, `MEMBER` when signed out) with `user`
/// (a support user's id in a review), `org` (an organisation's id) and `tokens` (a hand-off's
/// and an invitation's).
pub(super) fn shape(op: &str, email: &str, user: &str, org: &str, tokens: [&str; 2]) -> Shape {
    let now = crate::clock::now_rfc3339();
    match op {
        "sign_in" => json_shape(json!({"email": email, "password": DEMO_PASSWORD})),
        "handoff_session" => json_shape(json!({"token": tokens[0]})),
        "inspect_invitation" => json_shape(json!({"token": tokens[1]})),
        "accept_invitation" => {
            json_shape(json!({"token": tokens[1], "password": "Matrix-Password-2026"}))
        }
        "update_profile" => json_shape(json!({"time_zone": "Europe/Paris"})),
        "switch_organisation" => json_shape(json!({"organisation": org})),
        "vote_on_article" => json_shape(json!({"helpful": true})),
        "help_suggestions" => query("?q=report&product=analytics"),
        "similar_cases" => query("?product=analytics&text=numbers%20look%20wrong"),
        "upload_attachment" => Shape {
            query: "",
            payload: Payload::Raw("text/plain", b"matrix notes".to_vec()),
            headers: vec![("x-file-name", "matrix.txt".into())],
        },
        "create_case" => json_shape(json!({
            "product": "analytics", "priority": "p3", "title": "Matrix case",
            "description": "Numbers look wrong since Monday.",
            "contact_phone": "+44 20 7946 0000", "time_zone": "Europe/London",
        })),
        "add_comment" => json_shape(json!({"body": "Any news?"})),
        // A P3 case: a call at a time to come.
        "request_call" => json_shape(json!({
            "phone": "+44 20 7946 0000",
            "when": {"type": "scheduled", "at": "2999-01-01T09:00:00Z"},
        })),
        "change_urgency" => json_shape(json!({"priority": "p2", "reason": "It spreads."})),
        "request_callback" => json_shape(
            json!({"product": "target", "phone": "+44 20 7946 0123", "topic": "Matrix call"}),
        ),
        "send_chat_message" => json_shape(json!({"id": "matrix-message-1", "body": "Hello"})),
        "chat_typing" | "agent_chat_typing" => json_shape(json!({"typing": true})),
        "rate_chat" => json_shape(json!({"score": 5})),
        "start_chat" => json_shape(
            json!({"product": "analytics", "topic": "Matrix chat", "summary": "Numbers look off."}),
        ),
        "export_history" | "export_audit_log" => query("?separator=comma"),
        "review_support_users" => json_shape(json!({"user_ids": [user], "decision": "validated"})),
        "change_role" => json_shape(json!({"role": "support_system_admin"})),
        "create_support_user" => json_shape(json!({
            "email": format!("matrix-{}@example.com", random_token(6).to_lowercase()),
            "name": "Matrix Person", "role": "customer_support_admin",
        })),
        "import_support_users" => Shape {
            query: "?dry_run=true",
            payload: Payload::Raw("text/csv", b"email,name,role\n".to_vec()),
            headers: Vec::new(),
        },
        "host_handoff" => json_shape(json!({"email": SUPPORT_ADMIN})),
        "agent_announce" => json_shape(json!({
            "severity": "info", "starts_at": now,
            "texts": [{"language": "en", "title": "Matrix", "body": "Details."}],
        })),
        "agent_accept_chat" => json_shape(json!({"agent": "Priya Nair"})),
        "agent_chat_message" => json_shape(json!({"id": "matrix-agent-1", "body": "Hi"})),
        "agent_comment" => json_shape(json!({"body": "From support."})),
        "agent_status" => json_shape(json!({"status": "awaiting_your_reply"})),
        "agent_engineer" => json_shape(json!({"engineer": "Priya Nair"})),
        "agent_write_article" => json_shape(json!({
            "product": "analytics", "title": "Matrix article",
            "summary": "A summary.", "body": "A body.",
        })),
        _ => query(""),
    }
}
