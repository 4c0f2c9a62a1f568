//! `--demo` on a database: it seeds an empty one and keeps its public tokens on the next start,
//! but a database it did not seed gets none of the demo's openings (tokens, console, accounts).

use axum::http::{header, Method, StatusCode};
use support_contract::{Plan, Region};

use super::*;
use crate::config::{Bootstrap, Secret, DEMO_AGENT_TOKEN, DEMO_HOST_TOKEN};
use crate::seed::{bootstrap, start_demo, DemoStart};

/// The configuration `--demo` gives: the public demo tokens.
fn demo_config(database: &str) -> Config {
    let command = crate::config::parse(["--demo".to_string()], |_| None).unwrap();
    let crate::config::Command::Serve(config) = command else {
        panic!("--demo serves")
    };
    Config {
        database: database.into(),
        static_dir: TestApp::config().static_dir,
        ..*config
    }
}

impl TestApp {
    /// An app over `db` as it is, without the demo seed of [`TestApp::with_config`].
    fn over(db: Db, config: Config) -> Self {
        let state = AppState::new(db, config);
        TestApp {
            router: app(state.clone()),
            state,
        }
    }

    /// A GET of the agent API and a hand-off request of the host API for `email`, with these
    /// bearer tokens: their two statuses.
    async fn token_statuses(
        &self,
        agent: &str,
        host: &str,
        email: &str,
    ) -> (StatusCode, StatusCode) {
        let auth = format!("Bearer {agent}");
        let chats = self
            .req(
                Method::GET,
                "/agent/v1/chats",
                None,
                "",
                &[("authorization", &auth)],
            )
            .await;
        let handoff = self.mint(host, email).await;
        (chats.status, handoff.status)
    }
}

/// The administrator of a production database.
const OPS: &str = "ops@acme.test";

fn production_db() -> Db {
    let db = Db::open(":memory:").unwrap();
    let admin = Bootstrap {
        admin_email: OPS.into(),
        admin_password: Secret("a long enough password".into()),
        admin_name: "Ops".into(),
        org_name: "Acme".into(),
        org_plan: Plan::Standard,
        org_region: Region::Emea,
    };
    assert!(bootstrap(&mut db.conn(), &admin).unwrap());
    db
}

#[tokio::test]
async fn demo_on_a_database_it_did_not_seed_turns_on_no_public_token_nor_console() {
    let db = production_db();
    let mut config = demo_config(":memory:");
    let start = start_demo(&mut db.conn(), &mut config).unwrap();
    assert_eq!(start, DemoStart::NotTheDemos);
    assert!(!config.demo && config.agent_token.is_none() && config.host_token.is_none());
    let demo_users: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM users WHERE email LIKE '%.example'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(demo_users, 0, "no demo account added");

    let app = TestApp::over(db, config);
    let (agent, host) = app
        .token_statuses(DEMO_AGENT_TOKEN, DEMO_HOST_TOKEN, OPS)
        .await;
    assert_eq!(
        (agent, host),
        (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
    );
    // The console's sign-in would take any active user's email without a password.
    let form = (
        "application/x-www-form-urlencoded",
        b"email=ops%40acme.test".to_vec(),
    );
    let signed = app
        .request(Method::POST, "/console/sign-in", Some(form), "", &[])
        .await;
    assert_ne!(signed.status, StatusCode::SEE_OTHER);
    assert!(signed.header(header::SET_COOKIE).is_empty());
}

#[tokio::test]
async fn an_operators_own_tokens_stay_with_demo_on_a_database_it_did_not_seed() {
    let db = production_db();
    let mut config = Config {
        agent_token: Some(Secret("agent-of-the-operator".into())),
        host_token: Some(Secret("host-of-the-operator".into())),
        ..demo_config(":memory:")
    };
    start_demo(&mut db.conn(), &mut config).unwrap();
    let app = TestApp::over(db, config);
    let (agent, _) = app.token_statuses("agent-of-the-operator", "", OPS).await;
    assert_eq!(agent, StatusCode::OK);
    let (_, host) = app.token_statuses("", "host-of-the-operator", OPS).await;
    assert_eq!(host, StatusCode::CREATED);
}

#[tokio::test]
async fn demo_started_again_on_its_own_database_keeps_the_demo_tokens() {
    let dir = std::env::temp_dir().join(format!("sp-demo-{}", random_token(9)));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("demo.db").to_string_lossy().into_owned();
    {
        let db = Db::open(&path).unwrap();
        let mut config = demo_config(&path);
        assert_eq!(
            start_demo(&mut db.conn(), &mut config).unwrap(),
            DemoStart::Seeded
        );
    }
    // The second `make run` on the same file.
    let db = Db::open(&path).unwrap();
    let mut config = demo_config(&path);
    assert_eq!(
        start_demo(&mut db.conn(), &mut config).unwrap(),
        DemoStart::Again
    );
    assert!(config.demo);
    let app = TestApp::over(
        db,
        Config {
            data_dir: Some(dir.join("files")),
            ..config
        },
    );
    let (agent, host) = app
        .token_statuses(DEMO_AGENT_TOKEN, DEMO_HOST_TOKEN, SYSADMIN)
        .await;
    assert_eq!(agent, StatusCode::OK);
    assert_eq!(host, StatusCode::CREATED);
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
