//! Help as wired: search, articles, forums, suggestions, and the agent writing articles; votes
//! in `votes`.

mod votes;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use support_contract::problem_types as types;

use super::*;

/// The slugs of a page of results, in order.
fn slugs(results: &Value) -> Vec<String> {
    results["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_member_searches_in_spanish_without_accents_and_the_signed_out_are_refused() {
    let app = TestApp::new();
    let member = app.cookie_for(MEMBER).await;
    let r = app
        .get(
            "/api/v1/help/articles?q=segmentacion&lang=es",
            Some(&member),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let body = r.json();
    assert!(slugs(&body).contains(&"segments-no-data".to_string()));
    assert_eq!(
        (body["language"].as_str(), body["fallback"].as_bool()),
        (Some("es"), Some(false))
    );
    app.get("/api/v1/help/articles?q=x", None)
        .await
        .problem(401, types::UNAUTHENTICATED);
}

#[tokio::test]
async fn hostile_search_text_is_a_search_like_any_other() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    for q in [
        "\"",
        "NEAR(",
        "*",
        "-",
        "((a",
        "a OR",
        "title:x",
        "^",
        "\"a\" AND (b",
    ] {
        let path = format!(
            "/api/v1/help/articles?q={}",
            percent_encoding::utf8_percent_encode(q, percent_encoding::NON_ALPHANUMERIC)
        );
        let r = app.get(&path, Some(&cookie)).await;
        assert_eq!(r.status, StatusCode::OK, "{q}: {}", r.text());
    }
    let long = format!("/api/v1/help/articles?q={}", "a".repeat(201));
    let p = app
        .get(&long, Some(&cookie))
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(field_codes(&p), ["q:too_long"]);
    for bad in ["lang=de", "product=photoshop", "limit=0", "cursor=nope"] {
        let r = app
            .get(&format!("/api/v1/help/articles?{bad}"), Some(&cookie))
            .await;
        r.problem(400, types::VALIDATION);
    }
}

#[tokio::test]
async fn results_page_through_a_cursor_and_a_product_narrows_them() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let first = app
        .get(
            "/api/v1/help/articles?product=target&limit=4",
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(first["total"], 10);
    assert!(first["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["product"] == "target"));
    let mut seen = slugs(&first);
    let mut cursor = first["next_cursor"].as_str().map(str::to_string);
    while let Some(c) = cursor {
        let page = app
            .get(
                &format!("/api/v1/help/articles?product=target&limit=4&cursor={c}"),
                Some(&cookie),
            )
            .await
            .json();
        seen.extend(slugs(&page));
        cursor = page["next_cursor"].as_str().map(str::to_string);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 10, "every article once");
}

#[tokio::test]
async fn the_profile_language_answers_when_no_lang_is_given() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let r = app
        .call(
            Method::PATCH,
            "/api/v1/profile",
            Some(json!({"locale": "fr"})),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let a = app
        .get(
            "/api/v1/help/articles/flicker-before-experience",
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(a["topic"]["language"], "fr");
    assert_eq!(
        a["topic"]["title"],
        "Scintillement avant le chargement de l'expérience"
    );
    let en = app
        .get(
            "/api/v1/help/articles/flicker-before-experience?lang=en",
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(en["topic"]["language"], "en");
}

#[tokio::test]
async fn forum_threads_are_the_readers_language_first_and_link_the_forum() {
    let app = TestApp::new();
    let cookie = app.cookie_for(MEMBER).await;
    let threads = app
        .get(
            "/api/v1/help/forums?lang=es&product=analytics",
            Some(&cookie),
        )
        .await
        .json();
    let threads = threads.as_array().unwrap();
    assert_eq!(threads[0]["language"], "es");
    assert!(
        threads
            .iter()
            .all(|t| t["product"] == "analytics"
                && t["url"].as_str().unwrap().starts_with("https://"))
    );
}

#[tokio::test]
async fn suggestions_link_the_portals_article_page() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let s = app
        .get(
            "/api/v1/help/suggestions?q=flicker+before+the+page&product=target",
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(s[0]["slug"], "flicker-before-experience");
    assert_eq!(s[0]["product"], "target");
    assert!(s[0]["url"]
        .as_str()
        .unwrap()
        .ends_with("/help/flicker-before-experience"));
}

#[tokio::test]
async fn the_agent_writes_an_article_whose_markdown_never_becomes_markup() {
    let app = TestApp::with_agent();
    let body = json!({
        "product": "analytics",
        "title": "Formatting test",
        "summary": "Raw HTML stays text.",
        "body": "<script>window.x=1</script>\n\nSee <img src=x onerror=\"x()\"> [go](javascript:alert(1)) [docs](https://example.com)",
        "tags": ["test"],
    });
    let path = "/agent/v1/help/articles/formatting-test/en";
    let r = app.agent(Method::PUT, path, body.clone()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let blocks = r.json()["body"].clone();
    let spans: Vec<&Value> = blocks
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["spans"].as_array().unwrap())
        .collect();
    let hrefs: Vec<&str> = spans.iter().filter_map(|s| s["href"].as_str()).collect();
    assert_eq!(hrefs, ["https://example.com"]);
    assert!(spans
        .iter()
        .any(|s| s["text"] == "<script>window.x=1</script>"));

    let cookie = app.cookie_for(MEMBER).await;
    let found = app
        .get("/api/v1/help/articles?q=formatting", Some(&cookie))
        .await
        .json();
    assert_eq!(slugs(&found), ["formatting-test"], "indexed at once");

    for (bad, codes) in [
        (
            "/agent/v1/help/articles/Bad%20Slug/de",
            &["slug:invalid_value", "language:invalid_locale"][..],
        ),
        (
            "/agent/v1/help/articles/ok/en",
            &[
                "product:required",
                "title:required",
                "summary:required",
                "body:required",
            ],
        ),
    ] {
        let p = app
            .agent(Method::PUT, bad, json!({}))
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(field_codes(&p), codes, "{bad}");
    }
    app.req(Method::PUT, path, Some(body), "", &[])
        .await
        .problem(401, types::UNAUTHENTICATED);
}
