//! Randomised cross-user and cross-organisation probes: an identity asks, by id or with a
//! filter, for a row it must not see; the answer is a refusal or an empty list, and its body
//! names none of the row's identifying values. `MATRIX_SEED=<n>` replays a run.

use super::*;

const PROBES: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Case,
    Chat,
    Upload,
    Callback,
    User,
    Audit,
}

use Answer::*;
use Kind::*;

/// A row an identity must not see: its id, and the values that would give it away.
struct Target {
    kind: Kind,
    id: String,
    values: Vec<String>,
    /// Of the caller's organisation, another user's: organisation-wide views may show it.
    same_org: bool,
}

fn target(kind: Kind, (id, value): &(String, String), same_org: bool) -> Target {
    Target {
        kind,
        id: id.clone(),
        values: vec![id.clone(), value.clone()],
        same_org,
    }
}

/// The rows of an organisation made for the matrix.
fn org_targets(org: &OrgRows, same_org: bool) -> Vec<Target> {
    vec![
        target(Case, &org.case, same_org),
        target(Chat, &org.admin_chat, same_org),
        target(Upload, &org.admin_upload, same_org),
        target(Callback, &org.callback, same_org),
        target(User, &org.user, same_org),
        Target {
            kind: Audit,
            id: org.audit.clone(),
            values: vec![org.audit.clone()],
            same_org,
        },
    ]
}

/// The chat and upload of Northwind's Customer Support Administrator.
fn casey(rows: &Rows, same_org: bool) -> [Target; 2] {
    [
        target(Chat, &rows.support_chat, same_org),
        target(Upload, &rows.support_upload, same_org),
    ]
}

/// The rows an identity must not see.
fn targets(rows: &Rows, who: Who) -> Vec<Target> {
    match who {
        // Without a session or a support role: nothing of any organisation, by any path.
        Who::SignedOut | Who::Member => {
            let mut all = org_targets(&rows.northwind, false);
            all.extend(org_targets(&rows.contoso, false));
            all.extend(casey(rows, false));
            all
        }
        Who::SupportAdmin => {
            let mut all = org_targets(&rows.contoso, false);
            let nw = &rows.northwind;
            all.push(target(Chat, &nw.admin_chat, true));
            all.push(target(Upload, &nw.admin_upload, true));
            all
        }
        Who::SysAdmin | Who::OtherOrgAdmin => {
            let mut all = org_targets(rows.foreign(who), false);
            all.extend(casey(rows, who == Who::SysAdmin));
            all
        }
    }
}

/// How a probe must be answered.
#[derive(Clone, Copy, PartialEq)]
enum Answer {
    /// 401, 403 or 404.
    Refused,
    /// A refusal (a 400 included) or an empty list.
    EmptyOrRefused,
    /// Any list, as long as the row is not in it.
    Unlisted,
}

/// The probes that aim at a row of this kind: a path template (`{id}`, `{value}`), how it must
/// be answered, and whether it applies to another user's row of the caller's own organisation
/// (organisation-wide views, history and similar cases, rightly show those).
const OPERATIONS: &[(Kind, &str, Answer, bool)] = &[
    (Case, "/api/v1/cases/{id}", Refused, false),
    (Case, "/api/v1/cases/{id}/thread", Refused, false),
    (
        Case,
        "/api/v1/cases?scope=organisation&q={value}",
        Unlisted,
        false,
    ),
    (
        Case,
        "/api/v1/cases/similar?product=analytics&text={value}",
        Unlisted,
        false,
    ),
    (Case, "/api/v1/history?kind=case", Unlisted, false),
    (Chat, "/api/v1/chats/{id}", Refused, true),
    (Chat, "/api/v1/chats/{id}/messages", Refused, true),
    (Chat, "/api/v1/chats/{id}/transcript", Refused, true),
    (Chat, "/api/v1/chats", Unlisted, true),
    (Chat, "/api/v1/history?kind=chat", Unlisted, false),
    (Upload, "/api/v1/attachments/{id}", Refused, true),
    (Callback, "/api/v1/callbacks", Unlisted, false),
    (Callback, "/api/v1/history?kind=callback", Unlisted, false),
    (User, "/api/v1/support-users/{id}", Refused, false),
    (User, "/api/v1/support-users/{id}/reviews", Refused, false),
    (
        User,
        "/api/v1/support-users?q={value}",
        EmptyOrRefused,
        false,
    ),
    (
        User,
        "/api/v1/cases?scope=organisation&requester={id}",
        EmptyOrRefused,
        false,
    ),
    (
        User,
        "/api/v1/history?requester={id}",
        EmptyOrRefused,
        false,
    ),
    (User, "/api/v1/audit-log?actor={id}", EmptyOrRefused, false),
    (User, "/api/v1/support-contacts", Unlisted, false),
    (Audit, "/api/v1/audit-log?q={id}", EmptyOrRefused, false),
];

fn is_empty_list(body: &Value) -> bool {
    let items = body.get("items").unwrap_or(body);
    items.as_array().is_some_and(|a| a.is_empty())
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn randomised_cross_user_and_cross_organisation_probes_leak_no_row() {
    let seed = std::env::var("MATRIX_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| crate::clock::now() as u64 ^ std::process::id() as u64);
    println!("probes: seed {seed} (MATRIX_SEED={seed} replays them)");
    let mut rng = Prng::new(seed);
    let app = TestApp::with_config(matrix_config());
    let (rows, cookies) = Rows::build(&app).await;
    // Morgan Avery, a Customer Support Administrator in both organisations, signed in and
    // switched to Contoso: Northwind's rows are out of reach though the person has them.
    let morgan = app.cookie_for(MULTI_ORG).await;
    let switch = json!({"organisation": rows.contoso.org_id});
    let path = "/api/v1/session/organisation";
    let r = send(
        &app,
        Method::PUT,
        path,
        &Payload::Json(switch),
        &morgan,
        &[],
    )
    .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.text());
    let mut identities: Vec<(String, &str, Vec<Target>)> = EVERYONE
        .iter()
        .zip(&cookies)
        .map(|(who, cookie)| (format!("{who:?}"), cookie.as_str(), targets(&rows, *who)))
        .collect();
    let mut northwind = org_targets(&rows.northwind, false);
    northwind.extend(casey(&rows, false));
    identities.push(("MultiOrgInContoso".into(), &morgan, northwind));
    let (mut leaks, mut refused, mut empty, mut unlisted) = (Vec::new(), 0, 0, 0);
    for n in 0..PROBES {
        let (who, cookie, all) = &identities[rng.below(identities.len())];
        let target = &all[rng.below(all.len())];
        let ops: Vec<_> = OPERATIONS
            .iter()
            .filter(|(kind, _, _, within)| *kind == target.kind && (*within || !target.same_org))
            .collect();
        let (_, template, answer, _) = ops[rng.below(ops.len())];
        let value = target.values.last().unwrap();
        let path = template
            .replace("{id}", &encode(&target.id))
            .replace("{value}", &encode(value));
        let r = send(&app, Method::GET, &path, &Payload::None, cookie, &[]).await;
        let code = r.status.as_u16();
        let text = r.text();
        let what = format!("probe {n}: {who} GET {path}: {code} {text}");
        let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let counter = match (answer, code) {
            (_, 401 | 403 | 404) | (EmptyOrRefused, 400) => Some(&mut refused),
            (EmptyOrRefused, 200) if is_empty_list(&body) => Some(&mut empty),
            (Unlisted, 200) => Some(&mut unlisted),
            _ => None,
        };
        // A foreign row's id or name in the answer, or an answer that is neither a refusal
        // nor an empty list where one is due (a row served by id, a filter that matched).
        match (
            target.values.iter().find(|v| text.contains(v.as_str())),
            counter,
        ) {
            (None, Some(counter)) => *counter += 1,
            (Some(v), _) => leaks.push(format!("{what} (names {v})")),
            (None, None) => leaks.push(format!("{what} (not a refusal or an empty list)")),
        }
        match who.as_str() {
            "SignedOut" => assert_eq!(code, 401, "{what}"),
            // Every signed-in user may see their own organisation's support contacts.
            "Member" if !template.ends_with("support-contacts") => assert_eq!(code, 403, "{what}"),
            _ => {}
        }
    }
    println!(
        "probes: {PROBES} cross-user and cross-organisation probes by {} identities: {refused} refused, {empty} empty lists, {unlisted} lists without the row; leaks = {}",
        identities.len(),
        leaks.len()
    );
    assert!(leaks.is_empty(), "rows leaked:\n{}", leaks.join("\n"));
}
