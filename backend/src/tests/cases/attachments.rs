//! Attachments: size and type limits, names as data, who sees them, attaching once.

use axum::http::{header, Method, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;

/// `POST /attachments` with a file's bytes, type and (percent-encoded) name.
async fn upload(app: &TestApp, cookie: &str, bytes: Vec<u8>, ty: &str, name: &str) -> Reply {
    app.upload(cookie, bytes, ty, name).await
}

#[tokio::test]
async fn attachments_are_limited_typed_and_named_as_data() {
    let dir = std::env::temp_dir().join(format!("sp-att-{}", random_token(6)));
    let app = TestApp::with_config(Config {
        max_attachment_bytes: 1024 * 1024,
        data_dir: Some(dir.clone()),
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let upload = |bytes: Vec<u8>, ty: &'static str, name: &'static str| {
        upload(&app, &cookie, bytes, ty, name)
    };
    upload(b"<script>".to_vec(), "text/html", "x.html")
        .await
        .problem(415, types::ATTACHMENT_TYPE_NOT_ALLOWED);
    upload(vec![0u8; 1024 * 1024 + 1], "application/zip", "big.zip")
        .await
        .problem(413, types::ATTACHMENT_TOO_LARGE);
    let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "the partial file is removed");

    let r = upload(
        b"hello".to_vec(),
        "text/plain; charset=utf-8",
        "..%2F..%2Fr%C3%A9sum%C3%A9.txt",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let att = r.json();
    assert_eq!(att["name"], "../../résumé.txt");
    assert_eq!(att["size"], 5);
    let att_id = att["id"].as_str().unwrap();
    let stored: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(stored, [att_id.to_string()], "stored under its id only");

    let path = format!("/api/v1/attachments/{att_id}");
    let r = app.get(&path, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, b"hello");
    assert!(r
        .header(header::CONTENT_DISPOSITION)
        .starts_with("attachment;"));
    assert!(r
        .header(header::CONTENT_DISPOSITION)
        .contains("filename*=UTF-8''..%2F..%2Fr%C3%A9sum%C3%A9.txt"));
    assert_eq!(r.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    // Before it is attached, only the uploader sees it; never another organisation.
    let alex = app.cookie_for(SYSADMIN).await;
    app.get(&path, Some(&alex))
        .await
        .problem(404, types::NOT_FOUND);
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    app.get(&path, Some(&contoso))
        .await
        .problem(404, types::NOT_FOUND);

    let mut body = new_case("With a file");
    body["attachments"] = json!([att_id]);
    let case = app.file(&cookie, body).await;
    let thread = app
        .get(
            &format!("/api/v1/cases/{}/thread", case["id"].as_str().unwrap()),
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(thread[0]["kind"], "case_filed");
    assert_eq!(thread[1]["kind"], "attachments_added");
    assert_eq!(thread[1]["attachments"][0]["id"], att_id);
    assert_eq!(app.get(&path, Some(&alex)).await.status, StatusCode::OK);
    app.get(&path, Some(&contoso))
        .await
        .problem(404, types::NOT_FOUND);
    // Attached once: it cannot be attached to another case.
    let mut body = new_case("Reuse");
    body["attachments"] = json!([att_id]);
    app.req(
        Method::POST,
        "/api/v1/cases",
        Some(body),
        &cookie,
        &[("idempotency-key", "reuse")],
    )
    .await
    .problem(400, types::VALIDATION);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn uploads_never_attached_are_deleted_after_a_week() {
    use crate::housekeeping::{run_once, UNLINKED_UPLOAD_DAYS};
    let dir = std::env::temp_dir().join(format!("sp-att-{}", random_token(6)));
    let app = TestApp::with_config(Config {
        data_dir: Some(dir.clone()),
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let kept = upload(&app, &cookie, b"kept".to_vec(), "text/plain", "kept.txt").await;
    let kept = kept.json()["id"].as_str().unwrap().to_string();
    let mut body = new_case("Keeps its file");
    body["attachments"] = json!([kept]);
    app.file(&cookie, body).await;
    let left = upload(&app, &cookie, b"left".to_vec(), "text/plain", "left.txt").await;
    let left = left.json()["id"].as_str().unwrap().to_string();

    let now = crate::clock::now();
    let round = run_once(&app.state, now + (UNLINKED_UPLOAD_DAYS - 1) * 86_400)
        .await
        .unwrap();
    assert_eq!(round.uploads_deleted, 0, "a draft's uploads wait a week");
    let round = run_once(&app.state, now + UNLINKED_UPLOAD_DAYS * 86_400 + 1)
        .await
        .unwrap();
    assert_eq!(round.uploads_deleted, 1);
    app.get(&format!("/api/v1/attachments/{left}"), Some(&cookie))
        .await
        .problem(404, types::NOT_FOUND);
    assert!(!dir.join(&left).exists(), "its file is gone");
    let r = app
        .get(&format!("/api/v1/attachments/{kept}"), Some(&cookie))
        .await;
    assert_eq!(r.body, b"kept", "an attached file stays");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_file_name_with_text_direction_controls_is_refused_and_nothing_is_stored() {
    let dir = std::env::temp_dir().join(format!("sp-att-{}", random_token(6)));
    let app = TestApp::with_config(Config {
        data_dir: Some(dir.clone()),
        ..TestApp::config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    // U+202E before "fdp.exe" makes the name read as "invoiceexe.pdf"; each control, encoded.
    for control in [
        "%E2%80%AA",
        "%E2%80%AB",
        "%E2%80%AC",
        "%E2%80%AD",
        "%E2%80%AE",
        "%E2%81%A6",
        "%E2%81%A7",
        "%E2%81%A8",
        "%E2%81%A9",
        "%E2%80%8E",
        "%E2%80%8F",
        "%D8%9C",
    ] {
        let name = format!("invoice{control}fdp.exe");
        let p = upload(&app, &cookie, b"MZ".to_vec(), "application/pdf", &name)
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(field_codes(&p), ["X-File-Name:invalid_name"], "{name}");
    }
    let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "nothing was stored");
    // Right-to-left letters themselves are names like any other.
    let r = upload(
        &app,
        &cookie,
        b"%PDF".to_vec(),
        "application/pdf",
        "%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["name"], "تقرير.pdf");
    let _ = std::fs::remove_dir_all(&dir);
}
