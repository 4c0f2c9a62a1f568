//! Reviews: one decision for many users, all or nothing, recorded and audited; review due.

use axum::http::{Method, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;

async fn review(app: &TestApp, cookie: &str, body: Value) -> Reply {
    app.req(
        Method::POST,
        "/api/v1/support-users/reviews",
        Some(body),
        cookie,
        &[],
    )
    .await
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_demo_has_every_review_state() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let list = |q: &'static str| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            names(
                &app.get(&format!("/api/v1/support-users?{q}"), Some(&cookie))
                    .await
                    .json(),
            )
        }
    };
    assert_eq!(list("validation=validated").await, ["Taylor Brooks"]);
    assert_eq!(list("validation=review_due").await, ["Jamie Chen"]);
    assert_eq!(list("validation=flagged").await, ["Riley Evans"]);
    assert_eq!(
        list("validation=needs_review").await,
        [
            "Alex Morgan",
            "Casey Lee",
            "Jamie Chen",
            "Jordan Blake",
            "Morgan Avery"
        ]
    );
    let riley = app.user_id("riley.evans@northwind.example");
    let u = app.support_user(&cookie, &riley).await.json();
    assert_eq!(u["validation"]["by"]["name"], "Alex Morgan");
    assert!(u["validation"]["reason"]
        .as_str()
        .unwrap()
        .contains("finance"));
    let counts = app
        .get("/api/v1/support-users/counts", Some(&cookie))
        .await
        .json();
    assert_eq!(
        counts,
        json!({
            "support_system_admins": 1,
            "customer_support_admins": 6,
            "invited": 1,
            "needs_review": 5,
            "flagged": 1,
        })
    );
}

#[tokio::test]
async fn the_review_period_is_configuration() {
    let app = TestApp::with_config(Config {
        review_days: 365,
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SYSADMIN).await;
    let page = app
        .get("/api/v1/support-users?validation=validated", Some(&cookie))
        .await
        .json();
    assert_eq!(names(&page), ["Jamie Chen", "Taylor Brooks"]);
}

#[tokio::test]
async fn one_decision_covers_many_users_and_is_recorded() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let casey = app.user_id(SUPPORT_ADMIN);
    let jordan = app.user_id(INVITED);
    let before = app.support_user(&cookie, &casey).await.json();
    let r = review(
        &app,
        &cookie,
        json!({ "user_ids": [casey, jordan, casey], "decision": "validated", "reason": "ignored" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let users = r.json();
    assert_eq!(users.as_array().unwrap().len(), 2, "repeats count once");
    assert_eq!(users[0]["id"], casey.as_str());
    assert_eq!(users[0]["validation"]["state"], "validated");
    assert_eq!(users[0]["validation"]["by"]["name"], "Alex Morgan");
    assert_eq!(users[0]["validation"]["reason"], Value::Null);
    assert!(users[0]["version"].as_i64() > before["version"].as_i64());

    let r = review(
        &app,
        &cookie,
        json!({ "user_ids": [casey], "decision": "flagged", "reason": "  Left the company  " }),
    )
    .await;
    assert_eq!(r.json()[0]["validation"]["state"], "flagged");
    let records = app
        .get(
            &format!("/api/v1/support-users/{casey}/reviews"),
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(records.as_array().unwrap().len(), 2);
    assert_eq!(records[0]["decision"], "flagged", "newest first");
    assert_eq!(records[0]["reason"], "Left the company");
    assert_eq!(records[1]["decision"], "validated");
    assert_eq!(records[1]["by"]["name"], "Alex Morgan");

    let log = app
        .get(
            "/api/v1/audit-log?q=casey&action=user_flagged",
            Some(&cookie),
        )
        .await
        .json();
    let entry = &log["items"][0];
    assert_eq!(entry["before"]["validation"], "validated");
    assert_eq!(entry["after"]["validation"], "flagged");
    assert_eq!(entry["after"]["reason"], "Left the company");
}

#[tokio::test]
async fn a_bad_review_changes_nobody() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let casey = app.user_id(SUPPORT_ADMIN);
    let version = app.support_user(&cookie, &casey).await.json()["version"].clone();
    let drew = app.user_id("drew.quinn@northwind.example");
    let robin = app.user_id(OTHER_ORG_ADMIN);
    let member = app.user_id(MEMBER);
    for stranger in [drew.as_str(), robin.as_str(), member.as_str(), "usr_nobody"] {
        let p = review(
            &app,
            &cookie,
            json!({ "user_ids": [casey, stranger], "decision": "validated" }),
        )
        .await
        .problem(400, types::VALIDATION);
        assert_eq!(p["errors"][0]["field"], "user_ids");
        assert_eq!(p["errors"][0]["code"], "unknown_user", "{stranger}");
    }
    let p = review(
        &app,
        &cookie,
        json!({ "user_ids": [casey], "decision": "flagged", "reason": " " }),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(
        (&p["errors"][0]["field"], &p["errors"][0]["code"]),
        (&json!("reason"), &json!("required"))
    );
    let p = review(
        &app,
        &cookie,
        json!({ "user_ids": [], "decision": "maybe" }),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(p["errors"].as_array().unwrap().len(), 2);
    let many: Vec<String> = (0..201).map(|i| format!("usr_{i}")).collect();
    review(
        &app,
        &cookie,
        json!({ "user_ids": many, "decision": "validated" }),
    )
    .await
    .problem(400, types::VALIDATION);
    let after = app.support_user(&cookie, &casey).await.json();
    assert_eq!(after["version"], version);
    assert_eq!(after["validation"]["state"], "pending");
    let log = app
        .get("/api/v1/audit-log?action=user_validated", Some(&cookie))
        .await
        .json();
    assert_eq!(log["items"].as_array().unwrap().len(), 2, "only the demo's");
}

async fn log(app: &TestApp, cookie: &str) -> Value {
    app.get("/api/v1/audit-log?limit=200", Some(cookie))
        .await
        .json()["items"]
        .clone()
}

#[tokio::test]
async fn twenty_thousand_ids_are_refused_and_nobody_changes() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let mut ids: Vec<String> = (0..20_000).map(|i| format!("usr_{i}")).collect();
    ids.push(app.user_id(SUPPORT_ADMIN));
    let before = log(&app, &cookie).await;
    let p = review(
        &app,
        &cookie,
        json!({ "user_ids": ids, "decision": "validated" }),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["user_ids:too_many"]);
    assert_eq!(log(&app, &cookie).await, before, "nothing was audited");
    // One id named 20,000 times is one user.
    let casey = app.user_id(SUPPORT_ADMIN);
    let r = review(
        &app,
        &cookie,
        json!({ "user_ids": vec![casey; 20_000], "decision": "validated" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json().as_array().unwrap().len(), 1);
}
