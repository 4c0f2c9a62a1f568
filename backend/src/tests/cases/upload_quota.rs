//! The quota of uploads a user holds before attaching them: files and bytes, refused with 429,
//! freed by attaching, and counted per user.

use axum::http::StatusCode;
use serde_json::json;
use support_contract::problem_types as types;

use super::*;
use crate::attachments::{max_unattached_bytes, MAX_PER_REQUEST, MAX_UNATTACHED_FILES};

/// The per-file limit of these tests: small, so that the byte quota is quickly reached.
const FILE_LIMIT: u64 = 1024;

/// `POST /attachments` of `size` bytes of text.
async fn upload(app: &TestApp, cookie: &str, size: usize) -> Reply {
    app.upload(cookie, vec![b'x'; size], "text/plain", "notes.txt")
        .await
}

/// Uploads `size` bytes, expecting 201: the upload's id.
async fn uploaded(app: &TestApp, cookie: &str, size: usize) -> String {
    let r = upload(app, cookie, size).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()["id"].as_str().unwrap().to_string()
}

fn quota_app() -> (TestApp, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("sp-quota-{}", random_token(6)));
    let app = TestApp::with_config(Config {
        max_attachment_bytes: FILE_LIMIT,
        data_dir: Some(dir.clone()),
        ..TestApp::config()
    });
    (app, dir)
}

#[tokio::test]
async fn a_user_holds_at_most_forty_unattached_uploads_until_some_are_attached() {
    let (app, dir) = quota_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let mut ids = Vec::new();
    for _ in 0..MAX_UNATTACHED_FILES {
        ids.push(uploaded(&app, &cookie, 1).await);
    }
    let p = upload(&app, &cookie, 1)
        .await
        .problem(429, types::UPLOAD_QUOTA_EXCEEDED);
    assert!(p["detail"].as_str().unwrap().contains("40"), "{p}");
    let stored = std::fs::read_dir(&dir).unwrap().count() as u64;
    assert_eq!(stored, MAX_UNATTACHED_FILES, "the refused file is not kept");

    // Someone else's uploads are theirs to count.
    let other = app.cookie_for(SYSADMIN).await;
    uploaded(&app, &other, 1).await;

    // A case filed with the most files a request takes frees as many.
    let mut body = new_case("Twenty screenshots");
    body["attachments"] = json!(ids[..MAX_PER_REQUEST]);
    app.file(&cookie, body).await;
    for _ in 0..MAX_PER_REQUEST {
        uploaded(&app, &cookie, 1).await;
    }
    upload(&app, &cookie, 1)
        .await
        .problem(429, types::UPLOAD_QUOTA_EXCEEDED);
    drop(app);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_bytes_held_unattached_are_bounded_by_a_full_filing_at_the_size_limit() {
    let (app, dir) = quota_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let quota = max_unattached_bytes(FILE_LIMIT);
    assert_eq!(quota, MAX_PER_REQUEST as u64 * FILE_LIMIT);
    // A case's worth of files at the size limit fits, but for half a file.
    for _ in 0..MAX_PER_REQUEST - 1 {
        uploaded(&app, &cookie, FILE_LIMIT as usize).await;
    }
    uploaded(&app, &cookie, FILE_LIMIT as usize / 2).await;
    // A file of the limit is refused once more than the room left has arrived.
    upload(&app, &cookie, FILE_LIMIT as usize)
        .await
        .problem(429, types::UPLOAD_QUOTA_EXCEEDED);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        MAX_PER_REQUEST,
        "the partial file is removed"
    );
    uploaded(&app, &cookie, FILE_LIMIT as usize / 2).await;
    // Full: refused before the body is read.
    upload(&app, &cookie, 1)
        .await
        .problem(429, types::UPLOAD_QUOTA_EXCEEDED);
    drop(app);
    let _ = std::fs::remove_dir_all(dir);
}
