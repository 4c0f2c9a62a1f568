//! Every operation called as five identities, the refusals first, each answer checked.

use axum::http::StatusCode;

use super::bodies::shape;
use super::plan::{bearer_plan, plan, Call, Expect};
use super::table::{contract, TABLE};
use super::*;

/// Figures of a run.
#[derive(Default)]
struct Tally {
    calls: usize,
    refused: usize,
    allowed: usize,
    succeeded: usize,
    unsuccessful: Vec<String>,
}

/// Makes the calls, the refusals first (they change nothing), and checks each answer.
async fn run(app: &TestApp, calls: Vec<Call>, who: &str, tally: &mut Tally) {
    let (refusals, allowed): (Vec<Call>, Vec<Call>) = calls
        .into_iter()
        .partition(|c| matches!(c.expect, Expect::Exactly(_)));
    for c in refusals.iter().chain(&allowed) {
        let auth = c.bearer.map(|b| format!("Bearer {b}"));
        let mut headers: Vec<(&str, &str)> = c
            .shape
            .headers
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        if let Some(auth) = &auth {
            headers.push(("authorization", auth));
        }
        let path = format!("{}{}", c.path, c.shape.query);
        let r = send(
            app,
            c.method.clone(),
            &path,
            &c.shape.payload,
            &c.cookie,
            &headers,
        )
        .await;
        let code = r.status.as_u16();
        let sent = match &c.shape.payload {
            Payload::Json(v) => v.to_string(),
            _ => String::new(),
        };
        let what = format!(
            "{who} {} {path} {sent} ({}): {code} {}",
            c.method,
            c.op,
            r.text()
        );
        tally.calls += 1;
        match c.expect {
            Expect::Exactly(want) => {
                assert_eq!(code, want, "{what}");
                tally.refused += 1;
            }
            Expect::Allowed { own_row } => {
                assert!(code != 401 && code != 403 && code < 500, "{what}");
                assert!(!(own_row && code == 404), "own row not found: {what}");
                tally.allowed += 1;
                // Without a socket the stream can only answer "upgrade required"; `live` opens it.
                let upgrade = c.op == "chat_stream" && r.status == StatusCode::UPGRADE_REQUIRED;
                if r.status.is_success() || upgrade {
                    tally.succeeded += 1;
                } else {
                    tally.unsuccessful.push(format!("{who} {} {code}", c.op));
                }
            }
        }
    }
}

#[tokio::test]
async fn every_operation_answers_each_identity_as_the_role_table_says() {
    let started = std::time::Instant::now();
    let ops = contract();
    let mut tally = Tally::default();
    for (i, who) in EVERYONE.into_iter().enumerate() {
        // A fresh app per identity: one's allowed calls (removing a user, closing a case,
        // signing out) never change what another's expect.
        let app = TestApp::with_config(matrix_config());
        let (rows, cookies) = Rows::build(&app).await;
        let calls = plan(who, &rows, &cookies[i], &ops);
        run(&app, calls, &format!("{who:?}"), &mut tally).await;
        if who == Who::SignedOut {
            run(&app, bearer_plan(&rows, &ops), "bearer", &mut tally).await;
        }
    }
    // Without a configured token the agent API and the hand-off do not exist.
    let app = TestApp::new();
    for (id, access) in TABLE {
        let Some(token) = access.bearer() else {
            continue;
        };
        let op = &ops[*id];
        let path = op.path.replace('{', "x").replace('}', "");
        let auth = format!("Bearer {token}");
        let payload = shape(id, MEMBER, "x", "x", ["x", "x"]).payload;
        let headers = [("authorization", auth.as_str())];
        let r = send(&app, op.method.clone(), &path, &payload, "", &headers).await;
        assert_eq!(r.status.as_u16(), 404, "{id} without a configured token");
        tally.calls += 1;
        tally.refused += 1;
    }
    println!(
        "role matrix: {} operations x {} identities = {} cells; {} calls: {} refused as expected, {} allowed ({} succeeded) in {:.1} s",
        ops.len(),
        EVERYONE.len(),
        ops.len() * EVERYONE.len(),
        tally.calls,
        tally.refused,
        tally.allowed,
        tally.succeeded,
        started.elapsed().as_secs_f64()
    );
    if !tally.unsuccessful.is_empty() {
        println!(
            "allowed, yet not a success: {}",
            tally.unsuccessful.join(", ")
        );
    }
}
