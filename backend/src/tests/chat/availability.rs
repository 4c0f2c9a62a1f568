//! Availability by phase, product and hours, and starting a chat where none is offered.

use support_contract::{problem_types as types, Phase, Region};

use super::*;

async fn availability(app: &TestApp, email: &str) -> Vec<Value> {
    let cookie = app.cookie_for(email).await;
    let r = app.get("/api/v1/chat/availability", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json().as_array().unwrap().clone()
}

fn reasons(list: &[Value]) -> Vec<(&str, &Value)> {
    list.iter()
        .map(|a| (a["product"].as_str().unwrap(), &a["reason"]))
        .collect()
}

#[tokio::test]
async fn chat_is_offered_for_analytics_only() {
    let app = chat_app();
    let list = availability(&app, SUPPORT_ADMIN).await;
    assert_eq!(
        reasons(&list),
        [
            ("analytics", &Value::Null),
            ("target", &json!("not_offered_for_product")),
            ("audience_manager", &json!("not_offered_for_product")),
        ]
    );
    assert_eq!(list[0]["available"], true);
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let mut body = new_chat("Activities");
    body["product"] = json!("target");
    let p = post(&app, &cookie, "/api/v1/chats", body)
        .await
        .problem(409, types::CHAT_UNAVAILABLE);
    assert!(p["detail"].as_str().unwrap().contains("not offered"));
}

#[tokio::test]
async fn outside_business_hours_chat_says_when_it_opens() {
    let app = TestApp::with_config(Config {
        chat_hours: ChatHours::Closed,
        ..chat_config()
    });
    let list = availability(&app, SUPPORT_ADMIN).await;
    assert_eq!(list[0]["available"], false);
    assert_eq!(list[0]["reason"], "outside_business_hours");
    assert!(list[0]["opens_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(list[1]["reason"], "not_offered_for_product");
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    post(&app, &cookie, "/api/v1/chats", new_chat("Late"))
        .await
        .problem(409, types::CHAT_UNAVAILABLE);
}

#[tokio::test]
async fn business_hours_follow_the_organisations_region() {
    let app = TestApp::with_config(Config {
        chat_hours: ChatHours::Business,
        ..chat_config()
    });
    let now = crate::clock::now();
    // Northwind bills in EMEA, Contoso in the Americas.
    for (email, region) in [
        (SUPPORT_ADMIN, Region::Emea),
        (OTHER_ORG_ADMIN, Region::Americas),
    ] {
        let list = availability(&app, email).await;
        let open = crate::business_hours::is_open(region, now);
        assert_eq!(list[0]["available"], open, "{region:?}: {list:?}");
        assert_eq!(list[0]["opens_at"].is_string(), !open);
    }
}

#[tokio::test]
async fn nothing_is_offered_while_the_portal_is_set_up() {
    let app = TestApp::with_config(Config {
        phase: Phase::Setup,
        ..chat_config()
    });
    let list = availability(&app, SYSADMIN).await;
    assert!(
        list.iter().all(|a| a["reason"] == "setup_phase"),
        "{list:?}"
    );
    let cookie = app.cookie_for(SYSADMIN).await;
    post(&app, &cookie, "/api/v1/chats", new_chat("Setup"))
        .await
        .problem(409, types::CHAT_UNAVAILABLE);
}

#[tokio::test]
async fn availability_needs_the_chat_capability() {
    let app = chat_app();
    app.get("/api/v1/chat/availability", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
    let member = app.cookie_for(MEMBER).await;
    app.get("/api/v1/chat/availability", Some(&member))
        .await
        .problem(403, types::FORBIDDEN);
}
