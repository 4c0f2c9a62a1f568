//! A person in several organisations: one account in each, the organisation sign-in picks, the
//! session's list of organisations, and moving the session to another of them.

use axum::http::{header, Method, StatusCode};
use serde_json::{json, Value};
use support_contract::{problem_types as types, Role, Session};

use super::*;

const CONTOSO: &str = "Contoso Ltd";
const NORTHWIND: &str = "Northwind Traders";

impl TestApp {
    /// An organisation's id by its name, straight from the database.
    fn organisation_id(&self, name: &str) -> String {
        self.state
            .db
            .conn()
            .query_row(
                "SELECT id FROM organisations WHERE name = ?1",
                [name],
                |r| r.get("id"),
            )
            .unwrap()
    }

    /// `PUT /api/v1/session/organisation` with a body.
    async fn switch_with(&self, cookie: &str, body: Value) -> Reply {
        self.call(
            Method::PUT,
            "/api/v1/session/organisation",
            Some(body),
            Some(cookie),
        )
        .await
    }

    /// Moves the session to the organisation named `name`, expecting 200; the new session.
    async fn switch_to(&self, cookie: &str, name: &str) -> Session {
        let id = self.organisation_id(name);
        let r = self
            .switch_with(cookie, json!({ "organisation": id }))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        serde_json::from_slice(&r.body).unwrap()
    }

    async fn session_of(&self, cookie: &str) -> Session {
        let r = self.get("/api/v1/session", Some(cookie)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        serde_json::from_slice(&r.body).unwrap()
    }

    /// The titles of the organisation's cases the session sees.
    async fn case_titles(&self, cookie: &str) -> Vec<String> {
        let page = self
            .get("/api/v1/cases?scope=organisation&limit=100", Some(cookie))
            .await
            .json();
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["title"].as_str().unwrap().to_string())
            .collect()
    }
}

fn names(session: &Session) -> Vec<&str> {
    session
        .organisations
        .iter()
        .map(|o| o.name.as_str())
        .collect()
}

#[tokio::test]
async fn the_session_lists_the_persons_organisations_by_name() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MULTI_ORG).await;
    let session = app.session_of(&cookie).await;
    assert_eq!(names(&session), [CONTOSO, NORTHWIND]);
    assert!(session
        .organisations
        .iter()
        .any(|o| o == &session.organisation));
    // Someone in one organisation has it alone: no switcher.
    let alex = app.cookie_for(SYSADMIN).await;
    let session = app.session_of(&alex).await;
    assert_eq!(names(&session), [NORTHWIND]);
}

#[tokio::test]
async fn sign_in_picks_the_organisation_used_last_else_the_first_by_name() {
    let app = TestApp::new();
    let first = app.sign_in_as(MULTI_ORG, DEMO_PASSWORD).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let first: Session = serde_json::from_slice(&first.body).unwrap();
    assert_eq!(
        first.organisation.name, CONTOSO,
        "nothing used yet: by name"
    );
    assert_eq!(names(&first), [CONTOSO, NORTHWIND], "the answer lists them");

    let cookie = app.cookie_for(MULTI_ORG).await;
    app.switch_to(&cookie, NORTHWIND).await;
    let again = app.sign_in_as(MULTI_ORG, DEMO_PASSWORD).await;
    let again: Session = serde_json::from_slice(&again.body).unwrap();
    assert_eq!(again.organisation.name, NORTHWIND, "switched to last");
    assert_eq!(again.user.id, app.account_in(MULTI_ORG, NORTHWIND));

    // The throttle counts failures per email, whichever account they would have opened.
    let wrong = app.sign_in_as(MULTI_ORG, "not the password").await;
    wrong.problem(401, types::INVALID_CREDENTIALS);
}

#[tokio::test]
async fn switching_moves_the_session_and_every_query_follows() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MULTI_ORG).await;
    let before = app.session_of(&cookie).await;
    assert_eq!(before.organisation.name, CONTOSO);
    let contoso_cases = app.case_titles(&cookie).await;
    assert_eq!(contoso_cases.len(), 2, "{contoso_cases:?}");
    let contoso_case = app
        .get("/api/v1/cases?scope=organisation", Some(&cookie))
        .await
        .json()["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let access = app.state.chat_hub.access_changes();
    let id = app.organisation_id(NORTHWIND);
    let r = app
        .switch_with(&cookie, json!({ "organisation": id }))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let after: Session = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(after.organisation.id, id);
    assert_eq!(after.user.id, app.account_in(MULTI_ORG, NORTHWIND));
    assert_ne!(after.user.id, before.user.id);
    assert_eq!(after.user.email, MULTI_ORG);
    assert_eq!(after.user.role, Some(Role::CustomerSupportAdmin));
    assert_eq!(names(&after), [CONTOSO, NORTHWIND]);
    assert!(access.has_changed().unwrap(), "chat streams check again");
    // The token stays: the same cookie now carries the Northwind session.
    let set_cookie = r.header(header::SET_COOKIE);
    assert!(set_cookie.is_empty() || cookie_pair(set_cookie) == cookie);
    assert_eq!(app.session_of(&cookie).await.organisation.name, NORTHWIND);
    let sessions = app.session_count();
    assert_eq!(sessions, 1, "moved, not a second session");

    let northwind_cases = app.case_titles(&cookie).await;
    assert!(!northwind_cases.is_empty());
    assert!(northwind_cases.iter().all(|t| !contoso_cases.contains(t)));
    app.get(&format!("/api/v1/cases/{contoso_case}"), Some(&cookie))
        .await
        .problem(404, types::NOT_FOUND);

    // And back.
    app.switch_to(&cookie, CONTOSO).await;
    assert_eq!(app.case_titles(&cookie).await, contoso_cases);
}

#[tokio::test]
async fn switching_needs_an_organisation_of_the_person() {
    let app = TestApp::with_config(Config {
        allowed_origins: vec!["https://console.example".into()],
        ..TestApp::config()
    });
    let cookie = app.cookie_for(MULTI_ORG).await;
    for body in [json!({}), json!({ "organisation": " " })] {
        let p = app
            .switch_with(&cookie, body)
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(field_codes(&p), ["organisation:required"]);
    }
    // An organisation that does not exist and one the person is not in: alike.
    let unknown = app
        .switch_with(&cookie, json!({ "organisation": "org_nowhere" }))
        .await
        .problem(404, types::NOT_FOUND);
    let fabrikam = app.organisation_id("Fabrikam Inc");
    let elsewhere = app
        .switch_with(&cookie, json!({ "organisation": fabrikam }))
        .await
        .problem(404, types::NOT_FOUND);
    assert_eq!(unknown, elsewhere);
    assert_eq!(app.session_of(&cookie).await.organisation.name, CONTOSO);
    // Someone of one organisation cannot move into another.
    let alex = app.cookie_for(SYSADMIN).await;
    let contoso = app.organisation_id(CONTOSO);
    app.switch_with(&alex, json!({ "organisation": contoso }))
        .await
        .problem(404, types::NOT_FOUND);
    // Signed out; and from a foreign origin, as every state change.
    app.call(
        Method::PUT,
        "/api/v1/session/organisation",
        Some(json!({ "organisation": contoso })),
        None,
    )
    .await
    .problem(401, types::UNAUTHENTICATED);
    let northwind = app.organisation_id(NORTHWIND);
    app.req(
        Method::PUT,
        "/api/v1/session/organisation",
        Some(json!({ "organisation": northwind })),
        &cookie,
        &[("origin", "https://evil.example")],
    )
    .await
    .problem(403, types::CROSS_ORIGIN);
    assert_eq!(app.session_of(&cookie).await.organisation.name, CONTOSO);
}

#[tokio::test]
async fn a_person_removed_in_one_organisation_cannot_switch_there() {
    let app = TestApp::new();
    let morgan = app.cookie_for(MULTI_ORG).await;
    assert_eq!(app.session_of(&morgan).await.organisation.name, CONTOSO);
    // Robin, Contoso's system administrator, removes Contoso's account of Morgan.
    let robin = app.cookie_for(OTHER_ORG_ADMIN).await;
    let id = app.account_in(MULTI_ORG, CONTOSO);
    let u = app
        .get(&format!("/api/v1/support-users/{id}"), Some(&robin))
        .await;
    let r = app
        .req(
            Method::DELETE,
            &format!("/api/v1/support-users/{id}"),
            None,
            &robin,
            &[("if-match", &etag(&u))],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // That session was Contoso's: it ended with the account.
    app.get("/api/v1/session", Some(&morgan))
        .await
        .problem(401, types::UNAUTHENTICATED);

    // Signing in again opens Northwind, the only organisation left, even though Contoso was
    // used last; and there is no way back.
    let morgan = app.cookie_for(MULTI_ORG).await;
    let session = app.session_of(&morgan).await;
    assert_eq!(session.organisation.name, NORTHWIND);
    assert_eq!(names(&session), [NORTHWIND]);
    let contoso = app.organisation_id(CONTOSO);
    app.switch_with(&morgan, json!({ "organisation": contoso }))
        .await
        .problem(404, types::NOT_FOUND);
}
