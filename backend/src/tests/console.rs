//! The demo console: served with `--demo` only; its pages hand the console's user over with a
//! single-use token, and without a console sign-in they send to it.

use axum::http::{header, Method, StatusCode};

use super::*;

fn demo() -> TestApp {
    TestApp::with_config(Config {
        demo: true,
        ..TestApp::config()
    })
}

#[tokio::test]
async fn without_demo_data_there_is_no_console() {
    // Not the console's redirect to its sign-in, nor its sign-in page listing demo users.
    let app = TestApp::new();
    assert_ne!(
        app.get("/console/support/", None).await.status,
        StatusCode::SEE_OTHER
    );
    let sign_in = app.get("/console/sign-in", None).await;
    assert!(!sign_in.text().contains("support@northwind.example"));
}

#[tokio::test]
async fn the_console_sends_to_its_sign_in_until_someone_signs_in() {
    let r = demo().get("/console/support/cases", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.header(header::LOCATION), "/console/sign-in");
    let page = demo().get("/console/sign-in", None).await;
    assert!(page.text().contains("support@northwind.example"));
}

#[tokio::test]
async fn a_console_page_hands_its_user_over_once() {
    let app = demo();
    let form = (
        "application/x-www-form-urlencoded",
        b"email=support%40northwind.example".to_vec(),
    );
    let signed = app
        .request(Method::POST, "/console/sign-in", Some(form), "", &[])
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let console_cookie = cookie_pair(signed.header(header::SET_COOKIE));

    let page = app
        .get("/console/support/cases/12", Some(&console_cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header(header::CACHE_CONTROL), "no-store");
    let html = page.text();
    let token = html
        .split("name=\"console-handoff\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page carries a hand-off token");
    assert!(token.len() >= 43);

    let exchange = |token: &str| {
        let body = serde_json::json!({ "token": token });
        app.call(Method::POST, "/api/v1/session/handoff", Some(body), None)
    };
    let first = exchange(token).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.json()["user"]["email"], "support@northwind.example");
    assert_eq!(exchange(token).await.status, StatusCode::UNAUTHORIZED);
}

/// Signs in to the console as `email` and returns its console page at `path`, as HTML.
async fn console_page(app: &TestApp, email: &str, path: &str) -> String {
    let form = (
        "application/x-www-form-urlencoded",
        format!("email={}", email.replace('@', "%40")).into_bytes(),
    );
    let signed = app
        .request(Method::POST, "/console/sign-in", Some(form), "", &[])
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let cookie = cookie_pair(signed.header(header::SET_COOKIE));
    let page = app.get(path, Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.text()
}

#[tokio::test]
async fn a_person_in_two_organisations_gets_the_consoles_organisation_select() {
    let app = demo();
    let list = app.get("/console/sign-in", None).await.text();
    assert!(list.contains(&format!(
        "{MULTI_ORG}</button> Customer Support Administrator in Northwind Traders and Contoso Ltd"
    )));
    assert_eq!(
        list.matches(MULTI_ORG).count(),
        2,
        "one line: its value and its button"
    );
    for path in ["/console/support/", "/console/devices/"] {
        let html = console_page(&app, MULTI_ORG, path).await;
        assert!(
            html.contains("<select id=\"console-organisation\">"),
            "{path}"
        );
        assert_eq!(html.matches("<option value=\"org_").count(), 2, "{path}");
        // The organisation the hand-off opens (Contoso, the first by name) is the one selected.
        let selected = html
            .split(" selected>")
            .nth(1)
            .and_then(|rest| rest.split('<').next());
        assert_eq!(selected, Some("Contoso Ltd"), "{path}");
        assert!(!html.contains("{{"), "{path}");
    }
    let single = console_page(&app, SUPPORT_ADMIN, "/console/support/").await;
    assert!(!single.contains("console-organisation"));
    assert!(!single.contains("{{"));
}
