//! "Was this helpful?" as wired: one vote per user and article, changeable, its author's only.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;

use crate::tests::*;

async fn vote(app: &TestApp, cookie: &str, slug: &str, body: Value) -> Reply {
    let path = format!("/api/v1/help/articles/{slug}/vote");
    app.call(Method::PUT, &path, Some(body), Some(cookie)).await
}

#[tokio::test]
async fn a_vote_is_one_per_user_changeable_and_read_back_by_its_author_only() {
    let app = TestApp::new();
    let me = app.cookie_for(SUPPORT_ADMIN).await;
    let slug = "bot-traffic";
    let first = vote(
        &app,
        &me,
        slug,
        json!({"helpful": false, "comment": "Too short"}),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let changed = vote(&app, &me, slug, json!({"helpful": true})).await.json();
    assert_eq!(
        (changed["helpful"].as_bool(), &changed["comment"]),
        (Some(true), &Value::Null)
    );
    let read = app
        .get(&format!("/api/v1/help/articles/{slug}?lang=es"), Some(&me))
        .await
        .json();
    assert_eq!(
        read["your_vote"]["helpful"], true,
        "one vote whatever the language"
    );
    let n: i64 = app
        .state
        .db
        .conn()
        .query_row(
            "SELECT count(*) AS n FROM help_votes WHERE slug = ?1",
            [slug],
            |r| r.get("n"),
        )
        .unwrap();
    assert_eq!(n, 1);

    for other in [SYSADMIN, OTHER_ORG_ADMIN] {
        let cookie = app.cookie_for(other).await;
        let theirs = app
            .get(&format!("/api/v1/help/articles/{slug}"), Some(&cookie))
            .await
            .json();
        assert_eq!(theirs["topic"]["slug"], slug, "the same public article");
        assert_eq!(
            theirs["your_vote"],
            Value::Null,
            "{other} never sees another's vote"
        );
    }
}

#[tokio::test]
async fn a_vote_is_checked_and_needs_an_article() {
    let app = TestApp::new();
    let me = app.cookie_for(MEMBER).await;
    let p = vote(
        &app,
        &me,
        "bot-traffic",
        json!({"comment": "x".repeat(1001)}),
    )
    .await
    .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["helpful:required", "comment:too_long"]);
    vote(&app, &me, "no-such-article", json!({"helpful": true}))
        .await
        .problem(404, types::NOT_FOUND);
    app.get("/api/v1/help/articles/No_Such", Some(&me))
        .await
        .problem(404, types::NOT_FOUND);
}
