//! `PATCH /profile`.

use axum::http::{Method, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn profile_changes_persist_and_null_clears_them() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MEMBER).await;
    let body = json!({ "locale": "fr", "time_zone": "Europe/Paris" });
    let r = app
        .call(Method::PATCH, "/api/v1/profile", Some(body), Some(&cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["user"]["locale"], "fr");

    let session = app.get("/api/v1/session", Some(&cookie)).await.json();
    assert_eq!(
        (
            session["user"]["locale"].as_str(),
            session["user"]["time_zone"].as_str()
        ),
        (Some("fr"), Some("Europe/Paris"))
    );

    // Absent: unchanged. Null: cleared.
    let r = app
        .call(
            Method::PATCH,
            "/api/v1/profile",
            Some(json!({ "locale": null })),
            Some(&cookie),
        )
        .await;
    let user = &r.json()["user"];
    assert_eq!(user["locale"], serde_json::Value::Null);
    assert_eq!(user["time_zone"], "Europe/Paris");
}

#[tokio::test]
async fn invalid_profile_values_are_field_errors() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MEMBER).await;
    for (body, field, code) in [
        (
            json!({ "time_zone": "Mars/Olympus Mons" }),
            "time_zone",
            "invalid_time_zone",
        ),
        (json!({ "time_zone": "" }), "time_zone", "invalid_time_zone"),
        (json!({ "time_zone": 3 }), "time_zone", "invalid_time_zone"),
        (json!({ "locale": "de" }), "locale", "invalid_locale"),
    ] {
        let r = app
            .call(
                Method::PATCH,
                "/api/v1/profile",
                Some(body.clone()),
                Some(&cookie),
            )
            .await;
        let p = r.problem(400, types::VALIDATION);
        assert_eq!(
            (
                p["errors"][0]["field"].as_str(),
                p["errors"][0]["code"].as_str()
            ),
            (Some(field), Some(code)),
            "{body}"
        );
    }
}

#[tokio::test]
async fn the_profile_needs_a_session() {
    let app = TestApp::new();
    let r = app
        .call(
            Method::PATCH,
            "/api/v1/profile",
            Some(json!({ "locale": "es" })),
            None,
        )
        .await;
    r.problem(401, types::UNAUTHENTICATED);
}
