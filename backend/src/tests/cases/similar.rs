//! Similar open cases while writing one, and following one instead.

use super::*;

async fn similar(app: &TestApp, cookie: &str, query: &str) -> Reply {
    app.get(&format!("/api/v1/cases/similar?{query}"), Some(cookie))
        .await
}

fn titles(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn open_cases_of_the_same_product_that_share_words_are_offered_closest_first() {
    let app = TestApp::new();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let alex = app.cookie_for(SYSADMIN).await;
    app.file(
        &casey,
        new_case("Quarantine report suite stops collecting hits"),
    )
    .await;
    app.file(
        &casey,
        new_case("Quarantine banner overlaps the hits table"),
    )
    .await;
    let mut target = new_case("Quarantine report suite in Target");
    target["product"] = json!("target");
    app.file(&casey, target).await;
    let other = app.cookie_for(OTHER_ORG_ADMIN).await;
    app.file(&other, new_case("Quarantine report suite at Contoso"))
        .await;

    let r = similar(
        &app,
        &alex,
        "product=analytics&text=Our%20quarantine%20report%20suite%20collects%20nothing",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let found = r.json();
    assert_eq!(
        titles(&found)[0],
        "Quarantine report suite stops collecting hits",
        "{found}"
    );
    assert!(titles(&found)
        .iter()
        .all(|t| !t.contains("Target") && !t.contains("Contoso")));
    assert_eq!(found[0]["following"], false);
    assert_eq!(found[0]["product"], "analytics");

    // Casey filed it: she follows it already.
    let hers = similar(&app, &casey, "product=analytics&text=quarantine%20suite")
        .await
        .json();
    let hers = hers.as_array().unwrap();
    assert!(!hers.is_empty() && hers.iter().all(|c| c["following"] == true));
    // No word to look for, no cases; hostile FTS syntax is only words.
    assert_eq!(
        similar(&app, &alex, "product=analytics&text=%20%2A%20")
            .await
            .json(),
        json!([])
    );
    let hostile = similar(
        &app,
        &alex,
        "product=analytics&text=NEAR(%22quarantine%22%20-suite",
    )
    .await;
    assert_eq!(hostile.status, StatusCode::OK, "{}", hostile.text());
}

#[tokio::test]
async fn following_a_case_makes_the_user_a_watcher_once() {
    let app = TestApp::new();
    let casey = app.cookie_for(SUPPORT_ADMIN).await;
    let alex = app.cookie_for(SYSADMIN).await;
    let case = app.file(&casey, new_case("Data feed late again")).await;
    let id = case["id"].as_str().unwrap();
    for _ in 0..2 {
        let r = app
            .call(
                Method::PUT,
                &format!("/api/v1/cases/{id}/watchers/me"),
                None,
                Some(&alex),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    }
    let seen = app
        .get(&format!("/api/v1/cases/{id}"), Some(&alex))
        .await
        .json();
    let watchers: Vec<&str> = seen["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["name"].as_str().unwrap())
        .collect();
    assert_eq!(watchers, ["Alex Morgan"]);
    let found = similar(&app, &alex, "product=analytics&text=data%20feed")
        .await
        .json();
    assert_eq!(found[0]["following"], true);

    // The requester following their own case changes nothing; another organisation's is not found.
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/cases/{id}/watchers/me"),
            None,
            Some(&casey),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let other = app.cookie_for(OTHER_ORG_ADMIN).await;
    app.call(
        Method::PUT,
        &format!("/api/v1/cases/{id}/watchers/me"),
        None,
        Some(&other),
    )
    .await
    .problem(404, support_contract::problem_types::NOT_FOUND);
}

#[tokio::test]
async fn the_product_is_required_and_members_may_not_ask() {
    let app = TestApp::new();
    let alex = app.cookie_for(SYSADMIN).await;
    let bad = similar(&app, &alex, "text=feed").await;
    let p = bad.problem(400, support_contract::problem_types::VALIDATION);
    assert_eq!(field_codes(&p), ["product:required"]);
    let p = similar(&app, &alex, "product=crm")
        .await
        .problem(400, support_contract::problem_types::VALIDATION);
    assert_eq!(field_codes(&p), ["product:invalid_value"]);
    let member = app.cookie_for(MEMBER).await;
    similar(&app, &member, "product=analytics&text=feed")
        .await
        .problem(403, support_contract::problem_types::FORBIDDEN);
}
