//! Every search box takes any text: control characters are spaces, never a server error.

use axum::http::StatusCode;

use super::*;

/// Texts with control characters, percent-encoded: NUL alone and inside a word, other C0
/// controls, DEL and a C1 control (U+0085).
const CONTROLLED: &[&str] = &[
    "a%00b",
    "%00",
    "report%00",
    "%01%02suite%1B",
    "%22%00%22*",
    "x%7Fy%C2%85z",
];

#[tokio::test]
async fn control_characters_in_any_search_answer_200() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    for text in CONTROLLED {
        for path in [
            format!("/api/v1/cases?scope=organisation&q={text}"),
            format!("/api/v1/help/articles?q={text}"),
            format!("/api/v1/help/suggestions?q={text}"),
            format!("/api/v1/cases/similar?product=analytics&text={text}"),
            format!("/api/v1/support-users?q={text}"),
            format!("/api/v1/audit-log?q={text}"),
        ] {
            let r = app.get(&path, Some(&cookie)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text());
        }
    }
}

#[tokio::test]
async fn a_control_character_separates_words_like_a_space() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    let count = |r: Reply| r.json()["items"].as_array().unwrap().len();
    let spaced = app
        .get(
            "/api/v1/cases?scope=organisation&q=report%20",
            Some(&cookie),
        )
        .await;
    assert_eq!(spaced.status, StatusCode::OK, "{}", spaced.text());
    let expected = count(spaced);
    assert!(expected > 0, "the demo has cases about reports");
    let nul = app
        .get(
            "/api/v1/cases?scope=organisation&q=report%00",
            Some(&cookie),
        )
        .await;
    assert_eq!(nul.status, StatusCode::OK, "{}", nul.text());
    assert_eq!(count(nul), expected);
}
