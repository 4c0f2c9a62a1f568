//! Continuing a chat as a case: the case holds the transcript; once per chat.

use support_contract::chat::NewChat;
use support_contract::{problem_types as types, Phase, Product};

use super::*;

#[tokio::test]
async fn a_chat_continues_as_a_case_with_its_transcript_attached() {
    let app = chat_app();
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    let chat = id_of(&start(&app, &cookie, "Report suite").await).to_string();
    say(&app, &cookie, &chat, &message_id(1), "The numbers are off.").await;
    let path = format!("/api/v1/chats/{chat}/case");
    let r = post(&app, &cookie, &path, json!({})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let case = r.json();
    let case_id = id_of(&case).to_string();
    assert_eq!(
        r.header(header::LOCATION),
        format!("/api/v1/cases/{case_id}")
    );
    assert_eq!(case["title"], "Report suite");
    assert_eq!(
        case["description"],
        "The report shows no data since Monday."
    );
    assert_eq!(
        (case["product"].as_str(), case["priority"].as_str()),
        (Some("analytics"), Some("p3"))
    );
    assert_eq!(
        case["time_zone"], "Europe/London",
        "Northwind bills in EMEA"
    );

    let thread = app
        .get(&format!("/api/v1/cases/{case_id}/thread"), Some(&cookie))
        .await
        .json();
    assert_eq!(thread[1]["kind"], "attachments_added");
    let file = &thread[1]["attachments"][0];
    assert_eq!(file["name"], format!("chat-{chat}.txt"));
    assert_eq!(file["content_type"], "text/plain");
    let download = app
        .get(
            &format!("/api/v1/attachments/{}", file["id"].as_str().unwrap()),
            Some(&cookie),
        )
        .await;
    let transcript = app
        .get(&format!("/api/v1/chats/{chat}/transcript"), Some(&cookie))
        .await;
    assert_eq!(download.text(), transcript.text());
    assert!(download.text().contains("Casey Lee: The numbers are off."));
    // The organisation's case managers see the case's files, the transcript included.
    let alex = app.cookie_for(SYSADMIN).await;
    let by_alex = app
        .get(
            &format!("/api/v1/attachments/{}", file["id"].as_str().unwrap()),
            Some(&alex),
        )
        .await;
    assert_eq!(by_alex.status, StatusCode::OK);

    let again = post(&app, &cookie, &path, json!({})).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(id_of(&again.json()), case_id);
    let c = app
        .get(&format!("/api/v1/chats/{chat}"), Some(&cookie))
        .await
        .json();
    assert_eq!(c["case_id"], case_id.as_str());
    let files = std::fs::read_dir(&app.state.data_dir).unwrap().count();
    assert_eq!(
        files, 1,
        "one transcript file, however often it is asked for"
    );
}

#[tokio::test]
async fn no_case_is_filed_from_a_chat_in_the_setup_phase() {
    let app = TestApp::with_config(Config {
        phase: Phase::Setup,
        ..chat_config()
    });
    let cookie = app.cookie_for(SUPPORT_ADMIN).await;
    // Chats cannot start in setup; one from before (the phase went back) still exists.
    let chat = {
        let conn = app.state.db.conn();
        let (org, user): (String, String) = conn
            .query_row(
                "SELECT organisation_id, id FROM users WHERE email = ?1",
                [SUPPORT_ADMIN],
                |r| Ok((r.get("organisation_id")?, r.get("id")?)),
            )
            .unwrap();
        let new = NewChat {
            product: Product::Analytics,
            topic: "Old".into(),
            summary: "From before".into(),
        };
        crate::store::chat::insert(&conn, &org, &user, &new, 0).unwrap()
    };
    post(
        &app,
        &cookie,
        &format!("/api/v1/chats/{chat}/case"),
        json!({}),
    )
    .await
    .problem(403, types::CASE_FILING_CLOSED);
}
