//! `support-backend`: parse the configuration, prepare the database, serve until told to stop.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use support_backend::config::{self, Command, Config};
use support_backend::{db, openapi, seed, shutdown, AppState};

/// How long in-flight requests get to finish once the server stops accepting (after
/// `--drain-seconds`).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let command = match config::parse(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("support-backend: {e}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => print!("{}", config::USAGE),
        Command::PrintOpenApi => print!("{}", openapi::json()),
        Command::CheckDatabase(path) => match db::check_file(&path) {
            Ok(found) if found.is_empty() => println!("ok"),
            Ok(found) => {
                for line in found {
                    println!("{line}");
                }
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("support-backend: cannot check database {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        Command::Serve(config) => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .expect("tokio runtime");
            let served = runtime.block_on(serve(*config));
            // A readiness probe may still wait on the database lock: do not wait for it.
            runtime.shutdown_timeout(Duration::from_secs(1));
            if let Err(e) = served {
                eprintln!("support-backend: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

async fn serve(mut config: Config) -> Result<(), String> {
    let db = db::Db::open(&config.database)
        .map_err(|e| format!("cannot open database {}: {e}", config.database))?;
    {
        let mut conn = db.conn();
        if config.demo {
            let start = seed::start_demo(&mut conn, &mut config)
                .map_err(|e| format!("demo seed failed: {e}"))?;
            if start == seed::DemoStart::NotTheDemos {
                eprintln!(
                    "warning: --demo ignored: {} holds data the demo did not seed; serving it \
                     without demo accounts, console or public demo tokens (the demo needs a new --database)",
                    config.database
                );
            }
            let fresh = start == seed::DemoStart::Seeded;
            if fresh && config.demo_cases > 0 {
                seed::seed_generated_cases(&mut conn, config.demo_cases)
                    .map_err(|e| format!("demo cases failed: {e}"))?;
                eprintln!("filed {} generated demo cases", config.demo_cases);
            }
            if fresh && config.demo_users > 0 {
                seed::seed_load_users(&mut conn, config.demo_users)
                    .map_err(|e| format!("demo users failed: {e}"))?;
                eprintln!(
                    "made {} generated accounts ({} to {})",
                    config.demo_users,
                    seed::load_user_email(1),
                    seed::load_user_email(config.demo_users)
                );
            }
            if fresh && config.demo_history > 0 {
                seed::seed_generated_history(&mut conn, config.demo_history)
                    .map_err(|e| format!("demo history failed: {e}"))?;
                eprintln!("made {} generated demo interactions", config.demo_history);
            }
        }
        // The help library is the vendor's content: every fresh database gets it.
        if seed::seed_help(&mut conn, config.demo_help)
            .map_err(|e| format!("help library failed: {e}"))?
            && config.demo_help > 0
        {
            eprintln!("added {} generated help articles", config.demo_help);
        }
        // So are the "Get started" material and the first announcement.
        seed::seed_learning(&mut conn, support_backend::clock::now())
            .map_err(|e| format!("learning material failed: {e}"))?;
        if let Some(b) = &config.bootstrap {
            if seed::bootstrap(&mut conn, b).map_err(|e| format!("bootstrap failed: {e}"))? {
                eprintln!(
                    "created organisation {:?} with administrator {}",
                    b.org_name, b.admin_email
                );
            }
        }
    }
    if !config.static_dir.join("index.html").is_file() {
        eprintln!(
            "warning: {} has no index.html; the API works, the app is not served",
            config.static_dir.display()
        );
    }

    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    let addr: SocketAddr = listener.local_addr().map_err(|e| e.to_string())?;
    let phase = support_contract::wire::wire_name(&config.phase);
    println!("support-backend listening on http://{addr} (phase {phase})");
    if config.demo {
        println!("demo accounts (password {}):", seed::DEMO_PASSWORD);
        for (email, role) in seed::demo_accounts() {
            println!("  {email:<34} {role}");
        }
    }

    if config.demo
        && config.agent_token.as_ref().map(|t| t.0.as_str()) == Some(config::DEMO_AGENT_TOKEN)
    {
        println!(
            "agent API: /agent/v1 with Authorization: Bearer {}",
            config::DEMO_AGENT_TOKEN
        );
    }
    if config.demo
        && config.host_token.as_ref().map(|t| t.0.as_str()) == Some(config::DEMO_HOST_TOKEN)
    {
        println!(
            "host hand-off: POST /api/v1/host/handoff with Authorization: Bearer {}",
            config::DEMO_HOST_TOKEN
        );
    }
    if config.demo {
        println!("demo console (the portal embedded in a host page): http://{addr}/console/");
    }

    // Links in mails point at the address actually bound (port 0 picks one) unless configured.
    if config.public_url.is_none() {
        config.public_url = Some(format!("http://{addr}"));
    }
    let state = AppState::new(db, config);
    println!("{}", state.mailer.describe());
    tokio::spawn(support_backend::housekeeping::every_minute(state.clone()));
    if state.config.demo_agent {
        println!(
            "demo agent: accepts and answers every chat as {:?}",
            support_backend::chat::demo_agent::NAME
        );
        let state = state.clone();
        tokio::spawn(async move { support_backend::chat::demo_agent::run(state.chat_env()).await });
    }
    let served = shutdown::serve(listener, state.clone(), shutdown_signal(), SHUTDOWN_GRACE)
        .await
        .map_err(|e| e.to_string());
    if state.data_dir_is_temporary() {
        let _ = std::fs::remove_dir_all(&state.data_dir);
    }
    state.mailer.remove_temporary_dir();
    served
}

/// Resolves on ctrl-c or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
