//! Parsing flags and environment variables.

use super::*;

fn serve(args: &[&str], env: &[(&str, &str)]) -> Config {
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let lookup = |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    match parse(args.iter().map(|s| s.to_string()), lookup).unwrap() {
        Command::Serve(c) => *c,
        other => panic!("expected serve, got {other:?}"),
    }
}

#[test]
fn defaults_apply_without_flags_or_environment() {
    let c = serve(&[], &[]);
    assert_eq!(
        (c.host.as_str(), c.port, c.database.as_str()),
        ("127.0.0.1", 8080, "support-portal.db")
    );
    assert_eq!(c.phase, Phase::Live);
    assert!(!c.demo && !c.secure_cookies);
    assert_eq!(c.session_ttl, Duration::from_secs(480 * 60));
}

#[test]
fn sessions_last_twelve_hours_at_most_unless_configured() {
    assert_eq!(serve(&[], &[]).session_max, Duration::from_secs(12 * 3600));
    let c = serve(
        &["--session-max-hours", "2"],
        &[("SP_SESSION_MAX_HOURS", "5")],
    );
    assert_eq!(c.session_max, Duration::from_secs(2 * 3600));
    let c = serve(&[], &[("SP_SESSION_MAX_HOURS", "5")]);
    assert_eq!(c.session_max, Duration::from_secs(5 * 3600));
    for bad in ["0", "8761", "-1", "twelve"] {
        let args = ["--session-max-hours".to_string(), bad.to_string()];
        assert!(parse(args, |_| None).is_err(), "{bad}");
    }
}

#[test]
fn a_flag_wins_over_its_environment_variable() {
    let c = serve(
        &["--port", "0", "--phase=setup"],
        &[
            ("SP_PORT", "9000"),
            ("SP_PHASE", "enablement"),
            ("SP_DEMO", "1"),
        ],
    );
    assert_eq!(c.port, 0);
    assert_eq!(c.phase, Phase::Setup);
    assert!(c.demo);
}

#[test]
fn case_settings_have_defaults_and_the_demo_has_an_agent_token() {
    let c = serve(&[], &[]);
    assert_eq!(c.max_attachment_bytes, 25 * 1024 * 1024);
    assert_eq!(c.auto_close_days, 7);
    assert!(c.agent_token.is_none() && c.data_dir.is_none());
    let c = serve(&["--demo"], &[]);
    assert_eq!(c.agent_token.unwrap().0, DEMO_AGENT_TOKEN);
    let c = serve(
        &["--max-attachment-mb", "2", "--agent-token=s3cret"],
        &[("SP_AUTO_CLOSE_DAYS", "3"), ("SP_DATA_DIR", "/tmp/x")],
    );
    assert_eq!(c.max_attachment_bytes, 2 * 1024 * 1024);
    assert_eq!(c.agent_token.as_ref().unwrap().0, "s3cret");
    assert!(!format!("{c:?}").contains("s3cret"));
    assert_eq!(
        (c.auto_close_days, c.data_dir.unwrap()),
        (3, PathBuf::from("/tmp/x"))
    );
}

#[test]
fn user_administration_and_mail_settings_have_defaults() {
    let c = serve(&[], &[]);
    assert_eq!((c.review_days, c.invitation_days), (180, 7));
    assert!(c.smtp.is_none() && c.mail_dir.is_none() && c.public_url.is_none());
    assert_eq!(c.mail_from, DEFAULT_MAIL_FROM);
    let c = serve(
        &[
            "--review-days",
            "30",
            "--smtp-url=smtp://u:hunter2@relay.test:2525",
        ],
        &[
            ("SP_INVITATION_DAYS", "2"),
            ("SP_MAIL_DIR", "/tmp/mail"),
            ("SP_PUBLIC_URL", "https://portal.example/"),
        ],
    );
    assert_eq!((c.review_days, c.invitation_days), (30, 2));
    assert_eq!(c.smtp.as_ref().unwrap().port, 2525);
    assert!(!format!("{c:?}").contains("hunter2"));
    assert_eq!(c.mail_dir.unwrap(), PathBuf::from("/tmp/mail"));
    assert_eq!(c.public_url.unwrap(), "https://portal.example");
    let none = |_: &str| None;
    assert!(parse(["--review-days".into(), "0".into()], none).is_err());
    assert!(parse(["--public-url".into(), "portal".into()], none).is_err());
}

#[test]
fn chat_settings_have_defaults_flags_and_variables() {
    let c = serve(&[], &[]);
    assert_eq!(c.chat_hours, ChatHours::Business);
    assert!(!c.demo_agent);
    assert_eq!(c.chat_heartbeat, Duration::from_secs(15));
    let c = serve(&["--chat-hours", "always", "--demo-agent"], &[]);
    assert_eq!(c.chat_hours, ChatHours::Always);
    assert!(c.demo_agent);
    let c = serve(&[], &[("SP_CHAT_HOURS", "closed"), ("SP_DEMO_AGENT", "1")]);
    assert_eq!(c.chat_hours, ChatHours::Closed);
    assert!(c.demo_agent);
    let none = |_: &str| None;
    assert!(parse(["--chat-hours".into(), "weekends".into()], none).is_err());
}

#[test]
fn origin_lists_are_split_on_spaces() {
    let c = serve(
        &["--connect-src", "https://a.example  wss://b.example"],
        &[],
    );
    assert_eq!(c.connect_src, ["https://a.example", "wss://b.example"]);
}

#[test]
fn hand_off_settings_have_defaults_flags_and_variables() {
    let c = serve(&[], &[]);
    assert!(c.host_token.is_none());
    assert_eq!(c.handoff_seconds, 60);
    let c = serve(&["--demo"], &[]);
    assert_eq!(c.host_token.unwrap().0, DEMO_HOST_TOKEN);
    let c = serve(
        &["--host-token=h0st-s3cret", "--handoff-seconds", "5"],
        &[("SP_HANDOFF_SECONDS", "600")],
    );
    assert_eq!(c.host_token.as_ref().unwrap().0, "h0st-s3cret");
    assert!(!format!("{c:?}").contains("h0st-s3cret"));
    assert_eq!(c.handoff_seconds, 5);
    let c = serve(
        &["--demo"],
        &[("SP_HOST_TOKEN", "from-env"), ("SP_HANDOFF_SECONDS", "600")],
    );
    assert_eq!(c.host_token.unwrap().0, "from-env");
    assert_eq!(c.handoff_seconds, 600);
    let none = |_: &str| None;
    for bad in ["0", "601", "-1", "soon"] {
        assert!(parse(["--handoff-seconds".into(), bad.into()], none).is_err());
    }
}

#[test]
fn embed_origins_are_exact_lowercase_origins() {
    assert!(serve(&[], &[]).embed_origins.is_empty());
    let c = serve(
        &[],
        &[(
            "SP_EMBED_ORIGINS",
            "https://Console.example/ http://localhost:3000  https://[::1]:8443",
        )],
    );
    assert_eq!(
        c.embed_origins,
        [
            "https://console.example",
            "http://localhost:3000",
            "https://[::1]:8443"
        ]
    );
    let none = |_: &str| None;
    for bad in [
        "console.example",
        "ftp://console.example",
        "https://console.example/admin",
        "https://*.example",
        "https://console.example:0",
        "https://console.example:http",
        "https://",
        "https://console.example?x=1",
        "'self'",
    ] {
        assert!(
            parse(["--embed-origins".into(), bad.into()], none).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn bad_values_and_unknown_flags_are_refused() {
    let none = |_: &str| None;
    assert!(parse(["--phase".into(), "beta".into()], none).is_err());
    assert!(parse(["--port".into()], none).is_err());
    assert!(parse(["--verbose".into()], none).is_err());
    assert!(parse(["--connect-src".into(), "'unsafe-inline'".into()], none).is_err());
}

#[test]
fn the_bootstrap_password_never_shows_in_debug_output() {
    let c = serve(
        &[],
        &[
            ("SP_BOOTSTRAP_ADMIN_EMAIL", "Admin@Example.com"),
            ("SP_BOOTSTRAP_ADMIN_PASSWORD", "hunter2-secret"),
        ],
    );
    let b = c.bootstrap.as_ref().unwrap();
    assert_eq!(b.admin_email, "admin@example.com");
    assert!(!format!("{c:?}").contains("hunter2-secret"));
}

#[test]
fn trusted_proxies_are_ip_addresses() {
    assert!(serve(&[], &[]).trusted_proxies.is_empty());
    let c = serve(&[], &[("SP_TRUSTED_PROXIES", " 10.0.0.1  ::1 ")]);
    let expected: Vec<std::net::IpAddr> = vec!["10.0.0.1".parse().unwrap(), "::1".parse().unwrap()];
    assert_eq!(c.trusted_proxies, expected);
    let err = parse(
        ["--trusted-proxies", "10.0.0.0/8"].map(String::from),
        |_| None,
    )
    .unwrap_err();
    assert!(err.contains("--trusted-proxies"), "{err}");
}

#[test]
fn a_bootstrap_administrator_who_could_never_sign_in_is_refused() {
    let long_password = "p".repeat(257);
    let long_email = format!("{}@example.com", "a".repeat(250));
    for (email, password) in [
        ("admin@example.com", long_password.as_str()),
        (long_email.as_str(), "hunter2-secret"),
    ] {
        let env = |k: &str| match k {
            "SP_BOOTSTRAP_ADMIN_EMAIL" => Some(email.to_string()),
            "SP_BOOTSTRAP_ADMIN_PASSWORD" => Some(password.to_string()),
            _ => None,
        };
        let err = parse(Vec::<String>::new(), env).unwrap_err();
        assert!(err.contains("at most"), "{err}");
    }
}

#[test]
fn operations_settings_have_defaults_flags_and_variables() {
    let c = serve(&[], &[]);
    assert!(!c.log_requests);
    assert_eq!(c.drain, Duration::ZERO);
    let c = serve(&["--log-requests", "--drain-seconds", "5"], &[]);
    assert!(c.log_requests);
    assert_eq!(c.drain, Duration::from_secs(5));
    let c = serve(&[], &[("SP_LOG_REQUESTS", "1"), ("SP_DRAIN_SECONDS", "7")]);
    assert!(c.log_requests);
    assert_eq!(c.drain, Duration::from_secs(7));
    for bad in ["301", "-1", "soon"] {
        let args = ["--drain-seconds".to_string(), bad.to_string()];
        assert!(parse(args, |_| None).is_err(), "{bad}");
    }
}

#[test]
fn smtp_is_protected_by_starttls_unless_told_otherwise() {
    let c = serve(&["--smtp-url", "smtp://relay.example"], &[]);
    assert_eq!(c.smtp.unwrap().tls, SmtpTls::StartTls);
    let c = serve(
        &[
            "--smtp-url",
            "smtp://relay.example:465",
            "--smtp-tls",
            "implicit",
        ],
        &[],
    );
    assert_eq!(c.smtp.unwrap().tls, SmtpTls::Implicit);
    let c = serve(
        &["--smtp-url", "smtp://localhost:2525"],
        &[("SP_SMTP_TLS", "none")],
    );
    assert_eq!(c.smtp.unwrap().tls, SmtpTls::None);
    let args = ["--smtp-url", "smtp://relay.example", "--smtp-tls", "maybe"];
    assert!(parse(args.map(String::from), |_| None).is_err());
    let missing = [
        "--smtp-url",
        "smtp://relay.example",
        "--smtp-ca-file",
        "/nonexistent/ca.pem",
    ];
    assert!(parse(missing.map(String::from), |_| None).is_err());
}

#[test]
fn check_database_takes_a_path_and_nothing_else_matters() {
    let args = ["--port", "1", "--check-database", "/tmp/x.db"].map(String::from);
    match parse(args, |_| None).unwrap() {
        Command::CheckDatabase(path) => assert_eq!(path, "/tmp/x.db"),
        other => panic!("expected a check, got {other:?}"),
    }
    let inline = ["--check-database=/tmp/y.db"].map(String::from);
    assert!(
        matches!(parse(inline, |_| None).unwrap(), Command::CheckDatabase(p) if p == "/tmp/y.db")
    );
    assert!(parse(["--check-database".to_string()], |_| None).is_err());
}
