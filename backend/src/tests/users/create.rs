//! Creating support users: the invitation and notifications, the duplicate rule, and the two
//! special cases (a member gets the role, a removed user is invited again).

use axum::http::{header, Method, StatusCode};
use serde_json::json;
use support_contract::problem_types as types;

use super::*;

#[tokio::test]
async fn a_new_user_is_invited_and_both_administrator_roles_are_told() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let r = app
        .create_user(
            &cookie,
            " Ana.Ruiz@Example.COM ",
            " Ana Ruiz ",
            "customer_support_admin",
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let u = r.json();
    assert_eq!(u["email"], "ana.ruiz@example.com", "stored lowercased");
    assert_eq!(u["name"], "Ana Ruiz");
    assert_eq!(
        (&u["status"], &u["source"]),
        (&json!("invited"), &json!("portal"))
    );
    assert_eq!(u["created_by"]["name"], "Alex Morgan");
    assert_eq!(u["validation"]["state"], "pending");
    assert_eq!(u["last_active_at"], Value::Null);
    let id = u["id"].as_str().unwrap();
    assert_eq!(
        r.header(header::LOCATION),
        format!("/api/v1/support-users/{id}")
    );
    assert_eq!(etag(&r), format!("\"{}\"", u["version"]));
    let read = app.support_user(&cookie, id).await;
    assert_eq!(read.json(), u);

    let invitation = app.mails_to("ana.ruiz@example.com");
    assert_eq!(invitation.len(), 1);
    let mail = &invitation[0];
    assert!(
        mail.contains("Subject: Your invitation to the Northwind Traders Support Portal\r\n"),
        "{mail}"
    );
    assert!(mail.contains("Content-Type: text/plain; charset=utf-8\r\n"));
    assert!(
        mail.contains("as Customer Support Administrator."),
        "{mail}"
    );
    let token = invitation_token(mail).unwrap();
    assert!(token.len() >= 43, "256 random bits");
    let stored: String = app
        .state
        .db
        .conn()
        .query_row(
            "SELECT token_hash FROM invitations WHERE user_id = ?1",
            [id],
            |r| r.get("token_hash"),
        )
        .unwrap();
    assert_ne!(stored, token, "only the hash of the token is stored");

    // Every active administrator of either role hears of it; the member does not.
    for admin in [
        SYSADMIN,
        SUPPORT_ADMIN,
        "taylor.brooks@northwind.example",
        "jamie.chen@northwind.example",
        "riley.evans@northwind.example",
        MULTI_ORG,
    ] {
        let mails = app.mails_to(admin);
        assert_eq!(mails.len(), 1, "{admin}");
        assert!(
            mails[0].contains("Subject: New support user: Ana Ruiz\r\n"),
            "{}",
            mails[0]
        );
        assert!(
            mails[0].contains(
                "Ana Ruiz <ana.ruiz@example.com> was created as Customer Support Administrator by Alex Morgan."
            ),
            "{}",
            mails[0]
        );
        assert!(mails[0].contains("http://portal.test/support-users"));
    }
    for nobody in [
        MEMBER,
        INVITED,
        "drew.quinn@northwind.example",
        OTHER_ORG_ADMIN,
    ] {
        assert!(app.mails_to(nobody).is_empty(), "{nobody}");
    }
    assert_eq!(app.mails().len(), 7);
}

#[tokio::test]
async fn an_invitation_is_written_in_the_administrators_language() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let r = app
        .call(
            Method::PATCH,
            "/api/v1/profile",
            Some(json!({ "locale": "fr" })),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    app.created(
        &cookie,
        "zoe@example.com",
        "Zoé Martin",
        "support_system_admin",
    )
    .await;
    let mail = &app.mails_to("zoe@example.com")[0];
    assert!(
        mail.contains("Subject: Votre invitation au portail d'assistance de Northwind Traders"),
        "{mail}"
    );
    assert!(mail.contains("Bonjour Zoé Martin,"), "{mail}");
    assert!(
        mail.contains("en tant que Administrateur système d'assistance."),
        "{mail}"
    );
    // The administrators get theirs in their own language (English: no locale chosen).
    let casey = &app.mails_to(SUPPORT_ADMIN)[0];
    assert!(
        casey.contains("Zoé Martin <zoe@example.com> was created as Support System Administrator"),
        "{casey}"
    );
}

#[tokio::test]
async fn fields_are_checked_and_taken_emails_are_duplicates() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let p = app
        .create_user(&cookie, "not-an-email", "", "owner")
        .await
        .problem(400, types::VALIDATION);
    let codes = field_codes(&p);
    assert_eq!(
        codes,
        ["email:invalid_email", "name:required", "role:unknown_role"]
    );
    let long = "x".repeat(121);
    let p = app
        .create_user(&cookie, "a@example.com", &long, "customer_support_admin")
        .await
        .problem(400, types::VALIDATION);
    assert_eq!(p["errors"][0]["code"], "too_long");
    // A current support user of the organisation (any case), an invited one. (Someone of
    // another organisation is no duplicate: they get an account here too.)
    for email in ["Support@Northwind.example", INVITED] {
        app.create_user(&cookie, email, "Someone", "customer_support_admin")
            .await
            .problem(409, types::DUPLICATE_USER);
    }
    assert!(app.mails().is_empty(), "refusals send nothing");
}

#[tokio::test]
async fn a_creation_sent_again_with_its_key_answers_the_same_user_and_mails_once() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let body = json!({"email": "kim.lee@example.com", "name": "Kim Lee", "role": "customer_support_admin"});
    let send = |headers: &'static [(&'static str, &'static str)]| {
        app.req(
            Method::POST,
            "/api/v1/support-users",
            Some(body.clone()),
            &cookie,
            headers,
        )
    };
    let first = send(&[("idempotency-key", "u-1")]).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let again = send(&[("idempotency-key", "u-1")]).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    assert_eq!(again.json()["id"], first.json()["id"]);
    assert_eq!(
        app.mails_to("kim.lee@example.com").len(),
        1,
        "one invitation"
    );
    // A new key is a new request: the address is taken now.
    send(&[("idempotency-key", "u-2")])
        .await
        .problem(409, types::DUPLICATE_USER);
}

#[tokio::test]
async fn a_member_gets_the_role_and_keeps_their_password() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let u = app
        .created(&cookie, MEMBER, "Typed Name", "customer_support_admin")
        .await;
    assert_eq!(u["status"], "active");
    assert_eq!(u["name"], "Sam Patel", "their own name stays");
    assert_eq!(u["role"], "customer_support_admin");
    let member = app.cookie_for(MEMBER).await;
    let session = app.get("/api/v1/session", Some(&member)).await.json();
    assert!(session["capabilities"]
        .as_array()
        .unwrap()
        .contains(&json!("manage_cases")));
    let mails = app.mails_to(MEMBER);
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains(
            "Subject: You now have support access in the Northwind Traders Support Portal"
        ),
        "{}",
        mails[0]
    );
    assert!(
        invitation_token(&mails[0]).is_none(),
        "no invitation: they have a password"
    );
    assert!(app.mails_to(SUPPORT_ADMIN)[0].contains("They already had an account"));
    // Now a support user, they are a duplicate.
    app.create_user(&cookie, MEMBER, "Sam", "customer_support_admin")
        .await
        .problem(409, types::DUPLICATE_USER);
}

#[tokio::test]
async fn a_removed_user_is_invited_again() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let drew = app.user_id("drew.quinn@northwind.example");
    let before = app.support_user(&cookie, &drew).await.json();
    assert_eq!(before["status"], "removed");
    let u = app
        .created(
            &cookie,
            "drew.quinn@northwind.example",
            "Drew Quinn",
            "support_system_admin",
        )
        .await;
    assert_eq!(u["id"], drew.as_str(), "the same person, not a new account");
    assert_eq!(
        (&u["status"], &u["role"]),
        (&json!("invited"), &json!("support_system_admin"))
    );
    assert!(u["version"].as_i64() > before["version"].as_i64());
    let token = app.invitation_token("drew.quinn@northwind.example");
    let r = app.inspect(&token).await;
    assert_eq!(r.json()["role"], "support_system_admin");
    let password: Option<String> = app
        .state
        .db
        .conn()
        .query_row(
            "SELECT password_hash FROM users WHERE id = ?1",
            [&drew],
            |r| r.get("password_hash"),
        )
        .unwrap();
    assert_eq!(password, None, "the old password is gone");
}

#[tokio::test]
async fn activity_is_recorded_on_use() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let casey = app.user_id(SUPPORT_ADMIN);
    let before = app.support_user(&cookie, &casey).await.json();
    assert_eq!(before["last_active_at"], Value::Null);
    app.cookie_for(SUPPORT_ADMIN).await;
    let after = app.support_user(&cookie, &casey).await.json();
    assert!(after["last_active_at"].is_string(), "{after}");
    assert_eq!(
        after["version"], before["version"],
        "activity is not an edit"
    );
}

#[tokio::test]
async fn a_person_of_another_organisation_gets_an_account_here_too() {
    let app = TestApp::with_mail();
    let cookie = app.cookie_for(SYSADMIN).await;
    let robin = app.account_in(OTHER_ORG_ADMIN, "Contoso Ltd");
    let u = app
        .created(
            &cookie,
            " Sysadmin@Contoso.example ",
            "Robin Diaz",
            "customer_support_admin",
        )
        .await;
    let here = u["id"].as_str().unwrap().to_string();
    assert_ne!(here, robin, "Northwind's own account of them");
    assert_eq!(
        (&u["status"], &u["role"], &u["email"]),
        (
            &json!("invited"),
            &json!("customer_support_admin"),
            &json!(OTHER_ORG_ADMIN)
        )
    );
    assert_eq!(here, app.account_in(OTHER_ORG_ADMIN, "Northwind Traders"));
    // The same email twice in one organisation is still a duplicate.
    app.create_user(&cookie, OTHER_ORG_ADMIN, "Robin", "customer_support_admin")
        .await
        .problem(409, types::DUPLICATE_USER);
    // Contoso's account is untouched: still its active system administrator, with its password,
    // and alone in the session's organisations while the invitation waits.
    let contoso = app.cookie_for(OTHER_ORG_ADMIN).await;
    let session = app.get("/api/v1/session", Some(&contoso)).await.json();
    assert_eq!(session["user"]["id"], robin.as_str());
    assert_eq!(session["user"]["role"], "support_system_admin");
    assert_eq!(session["organisations"].as_array().unwrap().len(), 1);
    let theirs = app.get("/api/v1/audit-log", Some(&contoso)).await.json();
    assert!(
        theirs["items"].as_array().unwrap().is_empty(),
        "Northwind's log"
    );

    // Accepting the invitation sets the person's one password, on both accounts.
    let token = app.invitation_token(OTHER_ORG_ADMIN);
    let r = app.accept(&token, "A brand new passphrase").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    app.sign_in_as(OTHER_ORG_ADMIN, DEMO_PASSWORD)
        .await
        .problem(401, types::INVALID_CREDENTIALS);
    let r = app
        .sign_in_as(OTHER_ORG_ADMIN, "A brand new passphrase")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let session = r.json();
    // Contoso, used last (signed in to above).
    assert_eq!(session["organisation"]["name"], "Contoso Ltd");
    let names: Vec<&str> = session["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Contoso Ltd", "Northwind Traders"]);
    let hashes: Vec<String> = app
        .state
        .db
        .conn()
        .prepare("SELECT password_hash FROM users WHERE email = ?1")
        .unwrap()
        .query_map([OTHER_ORG_ADMIN], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(hashes.len(), 2);
    assert_eq!(hashes[0], hashes[1], "one password for the person");
}
