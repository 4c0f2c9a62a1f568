//! Lists: filters, search, the default range, sorting and paging; the demo cases; the speed.

use axum::http::Method;
use serde_json::{json, Value};
use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn lists_filter_search_and_page() {
    let app = TestApp::with_agent();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let alex = app.cookie_for(SYSADMIN).await;
    let a = app
        .file(&alex, new_case("Zebra stripes in the funnel"))
        .await;
    let a_id = a["id"].as_str().unwrap();
    app.agent(
        Method::POST,
        &format!("/agent/v1/cases/{a_id}/comments"),
        json!({"body": "Please check the quokka setting"}),
    )
    .await;
    let ids = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    let mine = ids(app.get("/api/v1/cases", Some(&casey)).await.json());
    assert!(
        !mine.contains(&a_id.to_string()),
        "Casey neither filed nor watches it"
    );
    let org = ids(app
        .get("/api/v1/cases?scope=organisation", Some(&casey))
        .await
        .json());
    assert!(org.contains(&a_id.to_string()));
    for q in ["zebra", "quok", a["number"].as_str().unwrap()] {
        let found = ids(app
            .get(
                &format!("/api/v1/cases?scope=organisation&q={}", q),
                Some(&casey),
            )
            .await
            .json());
        assert_eq!(found, [a_id.to_string()], "{q}");
    }
    let found = ids(app
        .get(
            "/api/v1/cases?scope=organisation&status=closed&product=target,analytics",
            Some(&casey),
        )
        .await
        .json());
    assert_eq!(found.len(), 2, "the two closed demo cases");
    // 90 days by default; older cases need an explicit range.
    app.state
        .db
        .conn()
        .execute(
            "UPDATE cases SET created_at = created_at - 100 * 86400 WHERE id = ?1",
            [a_id],
        )
        .unwrap();
    let org = ids(app
        .get("/api/v1/cases?scope=organisation", Some(&casey))
        .await
        .json());
    assert!(!org.contains(&a_id.to_string()));
    let old = ids(app
        .get(
            "/api/v1/cases?scope=organisation&from=2000-01-01",
            Some(&casey),
        )
        .await
        .json());
    assert!(old.contains(&a_id.to_string()));

    for sort in [
        "updated_desc",
        "created_desc",
        "created_asc",
        "priority_asc",
    ] {
        let all = ids(app
            .get(
                &format!("/api/v1/cases?scope=organisation&sort={sort}&limit=100"),
                Some(&casey),
            )
            .await
            .json());
        let mut seen = Vec::new();
        let mut path = format!("/api/v1/cases?scope=organisation&sort={sort}&limit=2");
        loop {
            let page = app.get(&path, Some(&casey)).await.json();
            let next = page["next_cursor"].as_str().map(String::from);
            seen.extend(ids(page));
            match next {
                Some(c) => {
                    path =
                        format!("/api/v1/cases?scope=organisation&sort={sort}&limit=2&cursor={c}")
                }
                None => break,
            }
        }
        assert_eq!(seen, all, "{sort}");
    }
    app.get("/api/v1/cases?status=open", Some(&casey))
        .await
        .problem(400, types::VALIDATION);
}

#[tokio::test]
async fn the_demo_cases_show_targets_and_reopen_windows() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let page = app
        .get(
            "/api/v1/cases?scope=organisation&status=closed",
            Some(&cookie),
        )
        .await
        .json();
    let mut reopenable = 0;
    for item in page["items"].as_array().unwrap() {
        let c = app
            .get(
                &format!("/api/v1/cases/{}", item["id"].as_str().unwrap()),
                Some(&cookie),
            )
            .await
            .json();
        if c["allowed_actions"] == json!(["reopen"]) {
            reopenable += 1;
        }
    }
    assert_eq!(reopenable, 1);
    let members = app
        .get("/api/v1/organisation/members", Some(&cookie))
        .await
        .json();
    let names: Vec<&str> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    // Active people only: invited Jordan Blake and removed Drew Quinn are not members to watch.
    assert_eq!(
        names,
        [
            "Alex Morgan",
            "Casey Lee",
            "Jamie Chen",
            "Morgan Avery",
            "Riley Evans",
            "Sam Patel",
            "Taylor Brooks"
        ]
    );
}

/// The list's speed over an organisation with 10,000 cases. A benchmark that prints figures, not
/// a timed test: `cargo test -p support-backend --release -- --ignored --nocapture case_list_speed`.
#[tokio::test]
#[ignore]
async fn case_list_speed() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    crate::seed::seed_generated_cases(&mut app.state.db.conn(), 10_000).unwrap();
    app.print_speeds(
        &cookie,
        &[
            "/api/v1/cases?scope=organisation",
            "/api/v1/cases?scope=organisation&status=in_progress&priority=p2",
            "/api/v1/cases?scope=organisation&product=target&sort=priority_asc",
            "/api/v1/cases?scope=mine&sort=created_desc",
            "/api/v1/cases?scope=organisation&q=report+42",
        ],
    )
    .await;
}
