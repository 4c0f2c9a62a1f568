//! The audit log: newest first, filters, paging, and the CSV export.

use axum::http::{header, StatusCode};
use support_contract::problem_types as types;

use super::*;

fn actions(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_log_lists_newest_first_with_filters_and_pages() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    app.created(
        &cookie,
        "newest@example.com",
        "Newest Person",
        "customer_support_admin",
    )
    .await;
    let all = app
        .get("/api/v1/audit-log?limit=200", Some(&cookie))
        .await
        .json();
    let items = all["items"].as_array().unwrap();
    assert_eq!(items[0]["action"], "user_created");
    assert_eq!(items[0]["target"]["name"], "Newest Person");
    assert_eq!(items[0]["actor"]["name"], "Alex Morgan");
    let times: Vec<&str> = items.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    // The demo: six users created, two validated, one flagged, one removed, plus ours.
    assert_eq!(items.len(), 10);

    let mut seen = Vec::new();
    let mut path = "/api/v1/audit-log?limit=3".to_string();
    loop {
        let page = app.get(&path, Some(&cookie)).await.json();
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].clone()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/audit-log?limit=3&cursor={c}"),
            None => break,
        }
    }
    let ids: Vec<Value> = items.iter().map(|e| e["id"].clone()).collect();
    assert_eq!(seen, ids);

    let q = app
        .get("/api/v1/audit-log?q=RILEY", Some(&cookie))
        .await
        .json();
    assert_eq!(actions(&q), ["user_flagged", "user_created"]);
    let alex = app.user_id(SYSADMIN);
    let by = app
        .get(
            &format!("/api/v1/audit-log?actor={alex}&action=user_validated"),
            Some(&cookie),
        )
        .await
        .json();
    assert_eq!(by["items"].as_array().unwrap().len(), 2);
    let recent = app
        .get(
            "/api/v1/audit-log?from=2000-01-01&to=2000-12-31",
            Some(&cookie),
        )
        .await
        .json();
    assert!(recent["items"].as_array().unwrap().is_empty());
    for bad in ["action=deleted", "from=yesterday", "limit=0", "cursor=zz"] {
        app.get(&format!("/api/v1/audit-log?{bad}"), Some(&cookie))
            .await
            .problem(400, types::VALIDATION);
    }
    // Another organisation has its own log.
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    let theirs = app.get("/api/v1/audit-log", Some(&contoso)).await.json();
    assert!(theirs["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_export_is_a_spreadsheet_safe_csv() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    app.created(
        &cookie,
        "formula@example.com",
        "=HYPERLINK(\"x\"), Eve",
        "customer_support_admin",
    )
    .await;
    let r = app.get("/api/v1/audit-log/export", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    assert_eq!(
        r.header(header::CONTENT_DISPOSITION),
        "attachment; filename=\"audit-log.csv\""
    );
    let text = r.text();
    assert!(text.starts_with("\u{feff}at,actor_name,actor_email,action,target_name,target_email,"));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines.len(),
        1 + 10 + 1,
        "header, ten entries, and the final line end"
    );
    assert!(
        lines[1].contains(",Alex Morgan,sysadmin@northwind.example,user_created,\"'=HYPERLINK(\"\"x\"\"), Eve\",formula@example.com,,customer_support_admin,,invited,,"),
        "{}",
        lines[1]
    );
    let semi = app
        .get(
            "/api/v1/audit-log/export?separator=semicolon&action=user_flagged",
            Some(&cookie),
        )
        .await
        .text();
    let lines: Vec<&str> = semi.split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}at;actor_name;"));
    assert_eq!(lines.len(), 3);
    assert!(
        lines[1].contains(";user_flagged;Riley Evans;"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(";flagged;\"Moved to the finance team in March; confirm whether support access is still needed.\";"), "{}", lines[1]);
    app.get("/api/v1/audit-log/export?separator=tab", Some(&cookie))
        .await
        .problem(400, types::VALIDATION);
}
