//! "Get started" as wired: the items meant for each role in the reader's language, and each
//! user's own completion, marked and unmarked idempotently.

use axum::http::{Method, StatusCode};
use serde_json::Value;
use support_contract::problem_types as types;

use crate::tests::*;

async fn mark(app: &TestApp, method: Method, cookie: &str, id: &str) -> Reply {
    let path = format!("/api/v1/learning/{id}/done");
    app.call(method, &path, None, Some(cookie)).await
}

fn ids(learning: &Value) -> Vec<&str> {
    learning["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_member_gets_the_items_for_everyone_and_support_roles_get_theirs_too() {
    let app = TestApp::new();
    let member = app.cookie_for(MEMBER).await;
    let theirs = app.get("/api/v1/learning?lang=fr", Some(&member)).await;
    assert_eq!(theirs.status, StatusCode::OK, "{}", theirs.text());
    let theirs = theirs.json();
    let items = theirs["items"].as_array().unwrap();
    assert!(items.len() >= 3);
    assert!(items.iter().all(|i| i["audience"] == "everyone"));
    assert!(items.iter().all(|i| i["language"] == "fr"));
    assert_eq!(
        theirs["progress"],
        serde_json::json!({"done": 0, "total": items.len()})
    );

    let admin = app.cookie_for(SUPPORT_ADMIN).await;
    let all = app.get("/api/v1/learning", Some(&admin)).await.json();
    let all_ids = ids(&all);
    assert!(all_ids.len() > items.len(), "support roles get more");
    assert!(ids(&theirs).iter().all(|id| all_ids.contains(id)));
    assert_eq!(
        all["items"][0]["language"], "en",
        "the profile has no language: English"
    );
    // Each item leads where its kind says, and nowhere else.
    for item in all["items"].as_array().unwrap() {
        let set = ["path", "url", "article_slug"].map(|k| !item[k].is_null());
        let want = match item["kind"].as_str().unwrap() {
            "guide" => [true, false, false],
            "video" => [false, true, false],
            _ => [false, false, true],
        };
        assert_eq!(set, want, "{item}");
    }
}

#[tokio::test]
async fn marking_done_is_idempotent_moves_only_my_progress_and_is_undone() {
    let app = TestApp::new();
    let me = app.cookie_for(SUPPORT_ADMIN).await;
    let first = mark(&app, Method::PUT, &me, "portal-tour").await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let first = first.json();
    assert_eq!(first["progress"]["done"], 1);
    let again = mark(&app, Method::PUT, &me, "portal-tour").await.json();
    assert_eq!(
        again["done_at"], first["done_at"],
        "marked once, whenever repeated"
    );
    assert_eq!(again["progress"]["done"], 1);
    let listed = app.get("/api/v1/learning", Some(&me)).await.json();
    assert_eq!(listed["items"][0]["done_at"], first["done_at"]);

    for other in [SYSADMIN, OTHER_ORG_ADMIN] {
        let cookie = app.cookie_for(other).await;
        let theirs = app.get("/api/v1/learning", Some(&cookie)).await.json();
        assert_eq!(theirs["progress"]["done"], 0, "{other}");
        assert!(theirs["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["done_at"].is_null()));
    }

    let undone = mark(&app, Method::DELETE, &me, "portal-tour").await.json();
    assert_eq!(
        (&undone["done_at"], &undone["progress"]["done"]),
        (&Value::Null, &0.into())
    );
    let still = mark(&app, Method::DELETE, &me, "portal-tour").await;
    assert_eq!(still.status, StatusCode::OK, "not done stays not done");
}

#[tokio::test]
async fn items_not_meant_for_the_caller_are_not_found_and_the_signed_out_are_refused() {
    let app = TestApp::new();
    let member = app.cookie_for(MEMBER).await;
    mark(&app, Method::PUT, &member, "file-your-first-case")
        .await
        .problem(404, types::NOT_FOUND);
    mark(&app, Method::PUT, &member, "no-such-item")
        .await
        .problem(404, types::NOT_FOUND);
    app.call(Method::PUT, "/api/v1/learning/portal-tour/done", None, None)
        .await
        .problem(401, types::UNAUTHENTICATED);
    app.get("/api/v1/learning?lang=de", Some(&member))
        .await
        .problem(400, types::VALIDATION);
}
