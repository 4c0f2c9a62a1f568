//! Importing support users from CSV: dry run, commit, re-import, and the file's limits.

use axum::http::{Method, StatusCode};
use support_contract::problem_types as types;

use super::*;

async fn import(app: &TestApp, cookie: &str, query: &str, body: impl Into<Vec<u8>>) -> Reply {
    app.request(
        Method::POST,
        &format!("/api/v1/support-users/import{query}"),
        Some(("text/csv", body.into())),
        cookie,
        &[],
    )
    .await
}

const FILE: &str = "\u{feff}Name;EMAIL;role\r\n\
    \"Ruiz; Ana\";Ana.Ruiz@Example.com;Customer Support Administrator\r\n\
    Ben Okafor;ben@example.com;Administrateur système d'assistance\r\n\
    \r\n\
    Casey Again;support@northwind.example;customer_support_admin\r\n\
    Sam Patel;member@northwind.example;customer_support_admin\r\n\
    Ana Twice;ana.ruiz@example.com;customer_support_admin\r\n\
    No Role;nobody@example.com;owner\r\n\
    Too;few\r\n\
    ;noname@example.com;customer_support_admin\r\n";

fn outcomes(report: &Value) -> Vec<String> {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}:{}:{}",
                r["line"],
                r["outcome"].as_str().unwrap(),
                r["problem"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

#[tokio::test]
async fn a_dry_run_reports_a_commit_creates_and_a_second_import_creates_nothing() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let expected = [
        "2:created:-",
        "3:created:-",
        "5:already_exists:-",
        "6:created:-",
        "7:invalid:duplicate_in_file",
        "8:invalid:unknown_role",
        "9:invalid:wrong_columns",
        "10:invalid:missing_name",
    ];
    let r = import(&app, &cookie, "", FILE).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let dry = r.json();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(outcomes(&dry), expected);
    assert_eq!(
        (&dry["created"], &dry["already_exist"], &dry["invalid"]),
        (&json!(3), &json!(1), &json!(4))
    );
    assert_eq!(
        dry["rows"][0]["name"], "Ruiz; Ana",
        "the file's text, as data"
    );
    assert_eq!(dry["rows"][0]["email"], "Ana.Ruiz@Example.com");
    assert!(app.mails().is_empty(), "a dry run writes nothing");
    let users = app
        .get("/api/v1/support-users?q=example.com", Some(&cookie))
        .await
        .json();
    assert_eq!(users["items"].as_array().unwrap().len(), 0);

    let r = import(&app, &cookie, "?dry_run=false", FILE).await;
    let done = r.json();
    assert_eq!(done["dry_run"], false);
    assert_eq!(outcomes(&done), expected);
    let ana = app
        .support_user(&cookie, &app.user_id("ana.ruiz@example.com"))
        .await
        .json();
    assert_eq!(
        (&ana["name"], &ana["status"]),
        (&json!("Ruiz; Ana"), &json!("invited"))
    );
    let ben = app
        .support_user(&cookie, &app.user_id("ben@example.com"))
        .await
        .json();
    assert_eq!(ben["role"], "support_system_admin");
    let sam = app.support_user(&cookie, &app.user_id(MEMBER)).await.json();
    assert_eq!(
        (&sam["role"], &sam["status"]),
        (&json!("customer_support_admin"), &json!("active"))
    );
    assert!(invitation_token(&app.mails_to("ana.ruiz@example.com")[0]).is_some());
    assert!(invitation_token(&app.mails_to("ben@example.com")[0]).is_some());
    assert_eq!(
        app.mails_to(SUPPORT_ADMIN).len(),
        3,
        "one notification per user created"
    );
    let log = app
        .get("/api/v1/audit-log?action=user_imported", Some(&cookie))
        .await
        .json();
    assert_eq!(log["items"].as_array().unwrap().len(), 3);

    let again = import(&app, &cookie, "?dry_run=false", FILE).await.json();
    assert_eq!(
        (&again["created"], &again["already_exist"]),
        (&json!(0), &json!(4))
    );
    assert_eq!(app.mails_to(SUPPORT_ADMIN).len(), 3, "nothing new");
}

#[tokio::test]
async fn the_file_must_have_the_header_and_be_utf8_and_small() {
    let app = TestApp::new();
    let cookie = app.cookie_for(SYSADMIN).await;
    for (body, code) in [
        (
            b"a@example.com,Ana,customer_support_admin\n".to_vec(),
            "invalid_header",
        ),
        (b"email,name\n".to_vec(), "invalid_header"),
        (Vec::new(), "invalid_header"),
        (
            b"email,name,role\nz@example.com,Zo\xe9,customer_support_admin\n".to_vec(),
            "not_utf8",
        ),
    ] {
        let p = import(&app, &cookie, "", body)
            .await
            .problem(400, types::VALIDATION);
        assert_eq!(
            (&p["errors"][0]["field"], &p["errors"][0]["code"]),
            (&json!("file"), &json!(code))
        );
    }
    import(&app, &cookie, "?dry_run=maybe", "email,name,role\n")
        .await
        .problem(400, types::VALIDATION);
    let mut rows = String::from("email,name,role\n");
    for i in 0..1001 {
        rows.push_str(&format!(
            "u{i}@example.com,User {i},customer_support_admin\n"
        ));
    }
    import(&app, &cookie, "", rows)
        .await
        .problem(413, types::IMPORT_TOO_LARGE);
    let big = format!("email,name,role\n{}", "x".repeat(1024 * 1024));
    import(&app, &cookie, "", big)
        .await
        .problem(413, types::IMPORT_TOO_LARGE);
    let mut ok = String::from("email,name,role\n");
    for i in 0..1000 {
        ok.push_str(&format!(
            "u{i}@example.com,User {i},customer_support_admin\n"
        ));
    }
    let r = import(&app, &cookie, "", ok).await;
    assert_eq!(r.json()["created"], 1000, "1000 rows are fine");
}

#[tokio::test]
async fn a_person_of_another_organisation_is_imported_as_an_account_here() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let file = format!(
        "email,name,role\n{OTHER_ORG_ADMIN},Robin Diaz,customer_support_admin\n\
         {MULTI_ORG},Morgan Avery,customer_support_admin\n"
    );
    let done = import(&app, &cookie, "?dry_run=false", file.clone())
        .await
        .json();
    // Robin is new to Northwind; Morgan already has an account here.
    assert_eq!(outcomes(&done), ["2:created:-", "3:already_exists:-"]);
    let robin = app.account_in(OTHER_ORG_ADMIN, "Northwind Traders");
    assert_ne!(robin, app.account_in(OTHER_ORG_ADMIN, "Contoso Ltd"));
    let again = import(&app, &cookie, "?dry_run=false", file).await.json();
    assert_eq!(
        (&again["created"], &again["already_exist"]),
        (&json!(0), &json!(2))
    );
}

#[tokio::test]
async fn a_dry_run_answers_for_another_organisations_address_as_for_a_new_one() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let file = format!(
        "email,name,role\n{OTHER_ORG_ADMIN},Robin Diaz,customer_support_admin\n\
         brand.new@example.com,Brand New,customer_support_admin\n"
    );
    let r = import(&app, &cookie, "", file).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let dry = r.json();
    // Nothing tells the two apart: Contoso's administrator is unknown to Northwind.
    assert_eq!(outcomes(&dry), ["2:created:-", "3:created:-"]);
    assert!(!r.text().contains("Contoso"), "{}", r.text());
    assert!(app.mails().is_empty(), "a dry run writes nothing");
}

#[tokio::test]
async fn a_dry_run_is_recorded_in_the_audit_log_with_its_row_count() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let file = format!(
        "email,name,role\n{OTHER_ORG_ADMIN},Robin Diaz,customer_support_admin\n\
         brand.new@example.com,Brand New,customer_support_admin\n\n\
         {SUPPORT_ADMIN},Casey,customer_support_admin\n"
    );
    let r = import(&app, &cookie, "", file.clone()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let log = app
        .get("/api/v1/audit-log?action=import_checked", Some(&cookie))
        .await
        .json();
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{log}");
    let me = app.user_id(SYSADMIN);
    assert_eq!(
        (&items[0]["actor"]["id"], &items[0]["target"]["id"]),
        (&json!(me), &json!(me))
    );
    assert_eq!(items[0]["rows"], 3, "the blank line is not a row");
    assert!(items[0]["before"].is_null() && items[0]["after"].is_null());

    // A real import keeps its `user_imported` entries, without a row count, and no check.
    import(&app, &cookie, "?dry_run=false", file).await;
    let log = app
        .get("/api/v1/audit-log?limit=200", Some(&cookie))
        .await
        .json();
    let imported: Vec<&Value> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] != "user_created")
        .filter(|e| e["action"] == "user_imported" || e["action"] == "import_checked")
        .collect();
    let names: Vec<&str> = imported
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["user_imported", "user_imported", "import_checked"]);
    assert!(imported[0].get("rows").is_none(), "absent, not null");

    let csv = app
        .get(
            "/api/v1/audit-log/export?action=import_checked",
            Some(&cookie),
        )
        .await
        .text();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].ends_with(",reason,rows"), "{}", lines[0]);
    assert!(
        lines[1].contains(",import_checked,") && lines[1].ends_with(",3"),
        "{}",
        lines[1]
    );
}
