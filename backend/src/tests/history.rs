//! Service history as wired: one timeline of cases, chats and callback requests, its filters,
//! paging and summary, who may see it, and the CSV export.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;

use super::*;
use crate::config::{ChatHours, Secret};

const AGENT_TOKEN: &str = "history-agent-token";

/// Chat open at any hour, so a test can start one; the agent API on.
fn history_app() -> TestApp {
    TestApp::with_config(Config {
        chat_hours: ChatHours::Always,
        agent_token: Some(Secret(AGENT_TOKEN.into())),
        ..TestApp::config()
    })
}

async fn post(app: &TestApp, cookie: &str, path: &str, body: Value) -> Value {
    let r = app.call(Method::POST, path, Some(body), Some(cookie)).await;
    assert!(r.status.is_success(), "{path}: {}", r.text());
    r.json()
}

/// A callback request and a chat of the support administrator's, each with its topic.
async fn chat_and_callback(app: &TestApp, cookie: &str, topic: &str) -> (Value, Value) {
    let callback = post(
        app,
        cookie,
        "/api/v1/callbacks",
        json!({"product": "target", "phone": "+44 20 7946 0123", "topic": format!("{topic} call")}),
    )
    .await;
    let chat = post(
        app,
        cookie,
        "/api/v1/chats",
        json!({"product": "analytics", "topic": format!("{topic} chat"), "summary": "Numbers look off."}),
    )
    .await;
    (chat, callback)
}

/// Every interaction of a query, page after page.
async fn all_pages(app: &TestApp, cookie: &str, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut path = format!("/api/v1/history?limit=3&{query}");
    loop {
        let r = app.get(&path, Some(cookie)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let page = r.json();
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/history?limit=3&{query}&cursor={c}"),
            None => return items,
        }
    }
}

fn kinds(items: &[Value]) -> Vec<&str> {
    items.iter().map(|i| i["kind"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_history_holds_the_organisations_cases_chats_and_callbacks_newest_first() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let (chat, callback) = chat_and_callback(&app, &cookie, "Timeline").await;
    let other = app.cookie_for(OTHER_ORG_ADMIN).await;
    post(
        &app,
        &other,
        "/api/v1/callbacks",
        json!({"product": "target", "phone": "+1 555 0100", "topic": "Contoso's own"}),
    )
    .await;

    let items = all_pages(&app, &cookie, "").await;
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&chat["id"].as_str().unwrap()));
    assert!(ids.contains(&callback["id"].as_str().unwrap()));
    assert!(kinds(&items).contains(&"case"), "the demo cases are there");
    assert!(
        items.iter().all(|i| i["title"] != "Contoso's own"),
        "another organisation's rows never show"
    );
    let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "paging repeats nothing");
    let opened: Vec<&str> = items
        .iter()
        .map(|i| i["opened_at"].as_str().unwrap())
        .collect();
    assert!(opened.windows(2).all(|w| w[0] >= w[1]), "{opened:?}");
    let call = items.iter().find(|i| i["id"] == callback["id"]).unwrap();
    assert_eq!(
        (call["channel"].as_str(), call["standing"].as_str()),
        (Some("phone"), Some("open"))
    );
}

#[tokio::test]
async fn filters_narrow_the_timeline_and_a_done_callback_is_closed() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let (_, callback) = chat_and_callback(&app, &cookie, "Filters").await;

    let callbacks = all_pages(&app, &cookie, "kind=callback").await;
    assert!(!callbacks.is_empty() && kinds(&callbacks).iter().all(|k| *k == "callback"));
    let p1 = all_pages(&app, &cookie, "priority=p1,p2").await;
    assert!(!p1.is_empty());
    assert!(p1
        .iter()
        .all(|i| i["kind"] == "case" && ["p1", "p2"].contains(&i["priority"].as_str().unwrap())));
    let target = all_pages(&app, &cookie, "product=target&status=open").await;
    assert!(target.iter().any(|i| i["id"] == callback["id"]));
    assert!(target
        .iter()
        .all(|i| i["product"] == "target" && i["standing"] != "closed"));

    // Support marks the callback done: it is closed, with its call as the first response.
    let id = callback["id"].as_str().unwrap();
    let req = axum::http::Request::builder()
        .method(Method::POST)
        .uri(format!("/agent/v1/callbacks/{id}/done"))
        .header(header::HOST, "portal.test")
        .header(header::AUTHORIZATION, format!("Bearer {AGENT_TOKEN}"));
    let done = app.send(req.body(axum::body::Body::empty()).unwrap()).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    let closed = all_pages(&app, &cookie, "kind=callback&status=closed").await;
    let done = closed.iter().find(|i| i["id"] == id).expect("closed now");
    assert_eq!(done["closed_at"], done["first_response_at"]);
    assert!(done["closed_at"].is_string());
}

#[tokio::test]
async fn sorting_by_closing_puts_what_is_still_open_last_both_ways() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    chat_and_callback(&app, &cookie, "Sorting").await;
    for sort in ["closed_desc", "closed_asc"] {
        let items = all_pages(&app, &cookie, &format!("sort={sort}")).await;
        let first_open = items
            .iter()
            .position(|i| i["closed_at"].is_null())
            .expect("something is open");
        assert!(
            items[first_open..].iter().all(|i| i["closed_at"].is_null()),
            "{sort}"
        );
        let closed: Vec<&str> = items[..first_open]
            .iter()
            .map(|i| i["closed_at"].as_str().unwrap())
            .collect();
        let ordered = if sort == "closed_desc" {
            closed.windows(2).all(|w| w[0] >= w[1])
        } else {
            closed.windows(2).all(|w| w[0] <= w[1])
        };
        assert!(ordered, "{sort}: {closed:?}");
    }
}

#[tokio::test]
async fn the_summary_adds_up_to_the_filtered_list() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    chat_and_callback(&app, &cookie, "Summary").await;
    for query in ["", "kind=case", "product=analytics&status=closed"] {
        let items = all_pages(&app, &cookie, query).await;
        let s = app
            .get(&format!("/api/v1/history/summary?{query}"), Some(&cookie))
            .await
            .json();
        let n = |k: &str| s[k].as_u64().unwrap();
        assert_eq!(
            n("open") + n("awaiting_customer") + n("closed"),
            items.len() as u64,
            "{query}"
        );
        let per_month: u64 = s["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["count"].as_u64().unwrap())
            .sum();
        assert_eq!(per_month, items.len() as u64, "{query}");
        assert_eq!(s["response"].as_array().unwrap().len(), 4);
        let answered: u64 = s["response"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["answered"].as_u64().unwrap())
            .sum();
        let responded = items
            .iter()
            .filter(|i| i["kind"] == "case" && i["first_response_at"].is_string())
            .count() as u64;
        assert_eq!(answered, responded, "{query}");
    }
}

#[tokio::test]
async fn a_member_is_refused_and_a_stranger_must_sign_in() {
    let app = history_app();
    let member = app.cookie_for(MEMBER).await;
    for path in [
        "/api/v1/history",
        "/api/v1/history/summary",
        "/api/v1/history/export",
    ] {
        app.get(path, Some(&member))
            .await
            .problem(403, types::FORBIDDEN);
        app.get(path, None)
            .await
            .problem(401, types::UNAUTHENTICATED);
    }
    let admin = app.cookie_for(SUPPORT_ADMIN).await;
    let bad = app
        .get("/api/v1/history?kind=fax&status=maybe", Some(&admin))
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(
        field_codes(&bad),
        ["kind:invalid_value", "status:invalid_value"]
    );
}

#[tokio::test]
async fn the_export_is_the_filtered_set_in_the_users_language_safe_for_spreadsheets() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    post(
        &app,
        &cookie,
        "/api/v1/callbacks",
        json!({"product": "target", "phone": "+44 20 7946 0123", "topic": "=HYPERLINK(\"http://x\";\"a; b\")"}),
    )
    .await;
    let r = app
        .get(
            "/api/v1/history/export?kind=callback&lang=fr",
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    let text = r.text();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark first");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(
        lines[0].starts_with("Type;Référence;Titre ou sujet;"),
        "{}",
        lines[0]
    );
    let rows = lines.iter().skip(1).filter(|l| !l.is_empty()).count();
    assert_eq!(
        r.header(header::HeaderName::from_static("x-row-count")),
        rows.to_string()
    );
    let hostile = lines
        .iter()
        .find(|l| l.contains("HYPERLINK"))
        .expect("the callback is exported");
    assert!(
        hostile.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"a; b\"\")\""),
        "neutralised and quoted: {hostile}"
    );
    assert!(hostile.starts_with("Rappel;"), "{hostile}");
    let en = app
        .get(
            "/api/v1/history/export?kind=callback&lang=en&separator=comma",
            Some(&cookie),
        )
        .await
        .text();
    assert!(en
        .trim_start_matches('\u{feff}')
        .starts_with("Kind,Reference,"));
}

#[tokio::test]
async fn a_large_export_streams_every_row_once() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    {
        let mut db = app.state.db.conn();
        crate::seed::seed_generated_cases(&mut db, 1200).unwrap();
    }
    let csv = app
        .get("/api/v1/history/export?kind=case&lang=en", Some(&cookie))
        .await
        .text();
    let summary = app
        .get("/api/v1/history/summary?kind=case", Some(&cookie))
        .await
        .json();
    let rows = csv.split("\r\n").skip(1).filter(|l| !l.is_empty()).count() as u64;
    let total = summary["open"].as_u64().unwrap()
        + summary["awaiting_customer"].as_u64().unwrap()
        + summary["closed"].as_u64().unwrap();
    assert!(total > 1200, "{total}");
    assert_eq!(rows, total);
}

#[tokio::test]
async fn generated_history_covers_every_kind_and_state_across_a_year() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    crate::seed::seed_generated_history(&mut app.state.db.conn(), 300).unwrap();
    let s = app
        .get("/api/v1/history/summary", Some(&cookie))
        .await
        .json();
    let months: std::collections::HashSet<&str> = s["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert!(months.len() >= 11, "{months:?}");
    assert!(s["open"].as_u64().unwrap() > 0 && s["closed"].as_u64().unwrap() > 0);
    for kind in ["case", "chat", "callback"] {
        let page = app
            .get(
                &format!("/api/v1/history?kind={kind}&limit=1"),
                Some(&cookie),
            )
            .await
            .json();
        assert_eq!(page["items"][0]["kind"], kind);
    }
    let p2 = &s["response"][1];
    assert!(p2["answered"].as_u64().unwrap() > 0 && p2["median_minutes"].is_i64());
}

/// The history's speed on 10,000 interactions, in the server alone. Figures, not a verdict:
/// `cargo test -p support-backend --release -- --ignored --nocapture history_speed`.
#[tokio::test]
#[ignore]
async fn history_speed() {
    let app = history_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    crate::seed::seed_generated_history(&mut app.state.db.conn(), 10_000).unwrap();
    app.print_speeds(
        &cookie,
        &[
            "/api/v1/history",
            "/api/v1/history?kind=case&priority=p2&status=closed",
            "/api/v1/history?product=target&sort=closed_desc",
            "/api/v1/history/summary",
            "/api/v1/history/summary?kind=chat,callback",
            "/api/v1/history/export",
        ],
    )
    .await;
}
