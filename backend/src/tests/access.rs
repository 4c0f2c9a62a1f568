//! Role enforcement and organisation isolation.

use axum::http::StatusCode;
use serde_json::Value;
use support_contract::problem_types as types;

use super::*;

/// Northwind's current support users, by name (Drew Quinn was removed, Sam Patel is a member).
const NORTHWIND_SUPPORT_USERS: [&str; 7] = [
    "Alex Morgan",
    "Casey Lee",
    "Jamie Chen",
    "Jordan Blake",
    "Morgan Avery",
    "Riley Evans",
    "Taylor Brooks",
];

fn names(v: &Value) -> Vec<&str> {
    let items = v.get("items").unwrap_or(v);
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn support_users_require_the_manage_users_capability() {
    let app = TestApp::new();
    app.get("/api/v1/support-users", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
    for email in [MEMBER, SUPPORT_ADMIN] {
        let cookie = app.cookie_for(email).await;
        app.get("/api/v1/support-users", Some(&cookie))
            .await
            .problem(403, types::FORBIDDEN);
    }
    let cookie = app.cookie_for(SYSADMIN).await;
    let r = app.get("/api/v1/support-users", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    let page = r.json();
    assert_eq!(
        names(&page),
        NORTHWIND_SUPPORT_USERS,
        "members and removed users are not listed"
    );
    assert_eq!(page["next_cursor"], Value::Null);
    assert_eq!(page["items"][3]["status"], "invited");
}

#[tokio::test]
async fn support_users_page_with_an_opaque_cursor() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/support-users?limit=2".to_string();
    loop {
        let page = app.get(&path, Some(&cookie)).await.json();
        seen.extend(names(&page).into_iter().map(String::from));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/support-users?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, NORTHWIND_SUPPORT_USERS);
}

#[tokio::test]
async fn bad_paging_parameters_are_field_errors() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("limit=ten", "limit"),
        ("cursor=%21%21", "cursor"),
    ] {
        let p = app
            .get(&format!("/api/v1/support-users?{query}"), Some(&cookie))
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(p["errors"][0]["field"], field, "{query}");
    }
}

#[tokio::test]
async fn every_signed_in_user_sees_their_own_support_contacts() {
    let app = TestApp::new();
    app.get("/api/v1/support-contacts", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
    let cookie = app.cookie_for(MEMBER).await;
    let r = app.get("/api/v1/support-contacts", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    let contacts = r.json();
    // System administrators first; invited users cannot help yet.
    assert_eq!(
        names(&contacts),
        [
            "Alex Morgan",
            "Casey Lee",
            "Jamie Chen",
            "Morgan Avery",
            "Riley Evans",
            "Taylor Brooks"
        ]
    );
    assert_eq!(contacts[0]["role"], "support_system_admin");
    assert_eq!(contacts[0]["email"], SYSADMIN);
}

#[tokio::test]
async fn organisations_never_see_each_others_people() {
    let app = TestApp::new();
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    let contacts = app
        .get("/api/v1/support-contacts", Some(&contoso))
        .await
        .json();
    // Morgan Avery is in both organisations: here, Contoso's own account of them.
    assert_eq!(names(&contacts), ["Robin Diaz", "Morgan Avery"]);
    let users = app
        .get("/api/v1/support-users", Some(&contoso))
        .await
        .json();
    assert_eq!(names(&users), ["Morgan Avery", "Robin Diaz"]);
    let in_northwind = app.account_in(MULTI_ORG, "Northwind Traders");
    assert!(!users.to_string().contains(&in_northwind));

    let northwind = app.cookie_for(SYSADMIN).await;
    let users = app
        .get("/api/v1/support-users?limit=200", Some(&northwind))
        .await;
    assert!(!users.text().contains("contoso"));
}
