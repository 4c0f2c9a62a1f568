//! Command-line flags and their environment variables (a flag wins over its variable).

use std::path::PathBuf;
use std::time::Duration;

use support_contract::Phase;

mod bootstrap;
mod csp;
mod mail;
mod origins;
mod proxies;
mod usage;

pub use bootstrap::{Bootstrap, Secret};
pub use csp::CspTest;
pub use mail::{SmtpSettings, SmtpTls, DEFAULT_MAIL_FROM};
use origins::{exact_origin, origins};
pub use usage::USAGE;

/// When chat is open, on top of the product's channels and the phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatHours {
    /// During the business hours of the organisation's region.
    Business,
    /// At any hour (demos and tests that must not depend on the clock).
    Always,
    /// Never: always outside business hours (tests of that path).
    Closed,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// Serve with this configuration.
    Serve(Box<Config>),
    /// Print the OpenAPI document and exit.
    PrintOpenApi,
    /// Check the SQLite file at this path (`PRAGMA integrity_check` and `foreign_key_check`),
    /// print the findings (`ok` when there are none) and exit.
    CheckDatabase(String),
    /// Print the usage text and exit.
    Help,
}

/// The server configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on.
    pub host: String,
    /// Port to listen on; 0 lets the OS choose.
    pub port: u16,
    /// SQLite database path, or `:memory:`.
    pub database: String,
    /// The rollout phase the portal reports.
    pub phase: Phase,
    /// Seed the demo organisations and accounts into an empty database.
    pub demo: bool,
    /// Directory holding the built app (`index.html` and its assets).
    pub static_dir: PathBuf,
    /// Idle timeout of a session.
    pub session_ttl: Duration,
    /// Absolute lifetime of a session from sign-in: use renews the idle timeout up to here.
    pub session_max: Duration,
    /// Mark the session cookie `Secure` and send `Strict-Transport-Security` (behind HTTPS).
    pub secure_cookies: bool,
    /// Extra origins for the CSP `connect-src` directive.
    pub connect_src: Vec<String>,
    /// Extra origins allowed to make state-changing API calls.
    pub allowed_origins: Vec<String>,
    /// Origins whose pages may frame the portal (CSP `frame-ancestors`) and post messages to it
    /// (`embedOrigins` of `/config.json`): exact `scheme://host[:port]`, lowercase.
    pub embed_origins: Vec<String>,
    /// The reverse proxies in front of the server, whose `X-Forwarded-For` names the client;
    /// without them, the client is the peer of the connection.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// First administrator of a fresh non-demo database.
    pub bootstrap: Option<Bootstrap>,
    /// Where attachments are stored; `None`: `data`, or a temporary directory for `:memory:`.
    pub data_dir: Option<PathBuf>,
    /// The largest attachment accepted, in bytes.
    pub max_attachment_bytes: u64,
    /// Bearer token of the agent API; `None` turns the agent API off (404).
    pub agent_token: Option<Secret>,
    /// Bearer token with which a host mints hand-off tokens; `None` turns that off (404).
    pub host_token: Option<Secret>,
    /// How many seconds a hand-off token works, 1 to 600.
    pub handoff_seconds: u32,
    /// Cases awaiting the customer for longer than this many days are closed automatically.
    pub auto_close_days: i64,
    /// With `demo`: extra generated cases for Northwind, for the benchmarks.
    pub demo_cases: u32,
    /// With `demo`: how many generated interactions (cases, chats, callbacks) to add.
    pub demo_history: u32,
    /// With `demo`: generated Customer Support Administrators for the load benchmark.
    pub demo_users: u32,
    /// Extra generated help articles for a fresh help library, for the benchmarks.
    pub demo_help: u32,
    /// A validation older than this many days is due for review.
    pub review_days: i64,
    /// Days an invitation link works.
    pub invitation_days: i64,
    /// The SMTP relay mail goes through; `None`: mail is written to files.
    pub smtp: Option<SmtpSettings>,
    /// Where mail files go without SMTP; `None`: `mail`, or a temporary directory for `:memory:`.
    pub mail_dir: Option<PathBuf>,
    /// The sender of every mail (a mailbox, checked when parsing).
    pub mail_from: String,
    /// The portal's address for links in mails, without a trailing slash; `None`: the address
    /// the server listens on (set by `main` once bound).
    pub public_url: Option<String>,
    /// When chat is open.
    pub chat_hours: ChatHours,
    /// Run the demo agent, which accepts and answers every chat.
    pub demo_agent: bool,
    /// Time between heartbeats on a chat stream (and between session re-checks). Not a flag:
    /// the contract fixes it at [`support_contract::chat::HEARTBEAT_SECS`]; tests shorten it.
    pub chat_heartbeat: Duration,
    /// Log one line per request to stderr (method, path, status, milliseconds).
    pub log_requests: bool,
    /// Test only (`--test-csp`): report every Trusted Types sink, and with `off` send no CSP.
    pub test_csp: Option<CspTest>,
    /// How long a stopping server keeps accepting requests, answering 503 on `/readyz`, so that
    /// load balancers take it out of rotation before it stops listening.
    pub drain: Duration,
}

/// The agent token used with `--demo` when none is configured. Public on purpose: demo data.
pub const DEMO_AGENT_TOKEN: &str = "demo-agent-token";

/// The host token used with `--demo` when none is configured. Public on purpose: demo data.
pub const DEMO_HOST_TOKEN: &str = "demo-host-token";

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8080,
            database: "support-portal.db".into(),
            phase: Phase::Live,
            demo: false,
            static_dir: PathBuf::from("dist"),
            session_ttl: Duration::from_secs(480 * 60),
            session_max: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            connect_src: Vec::new(),
            allowed_origins: Vec::new(),
            embed_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            bootstrap: None,
            data_dir: None,
            max_attachment_bytes: 25 * 1024 * 1024,
            agent_token: None,
            host_token: None,
            handoff_seconds: 60,
            auto_close_days: 7,
            demo_cases: 0,
            demo_history: 0,
            demo_users: 0,
            demo_help: 0,
            review_days: 180,
            invitation_days: 7,
            smtp: None,
            mail_dir: None,
            mail_from: DEFAULT_MAIL_FROM.into(),
            public_url: None,
            chat_hours: ChatHours::Business,
            demo_agent: false,
            chat_heartbeat: Duration::from_secs(support_contract::chat::HEARTBEAT_SECS),
            log_requests: false,
            test_csp: None,
            drain: Duration::ZERO,
        }
    }
}

/// Parses the arguments (without the program name) against an environment lookup.
pub fn parse<I, E>(args: I, env: E) -> Result<Command, String>
where
    I: IntoIterator<Item = String>,
    E: Fn(&str) -> Option<String>,
{
    let mut flags: Vec<(String, Option<String>)> = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match name.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--print-openapi" => return Ok(Command::PrintOpenApi),
            "--check-database" => {
                let path = match inline {
                    Some(v) => v,
                    None => args.next().ok_or("--check-database needs a path")?,
                };
                return Ok(Command::CheckDatabase(path));
            }
            "--demo" | "--secure-cookies" | "--demo-agent" | "--log-requests" => {
                flags.push((name, Some(inline.unwrap_or("1".into()))))
            }
            "--host"
            | "--port"
            | "--database"
            | "--phase"
            | "--static-dir"
            | "--session-ttl-minutes"
            | "--session-max-hours"
            | "--connect-src"
            | "--allowed-origins"
            | "--embed-origins"
            | "--trusted-proxies"
            | "--data-dir"
            | "--max-attachment-mb"
            | "--agent-token"
            | "--host-token"
            | "--handoff-seconds"
            | "--test-csp"
            | "--auto-close-days"
            | "--demo-cases"
            | "--demo-history"
            | "--demo-users"
            | "--demo-help"
            | "--review-days"
            | "--invitation-days"
            | "--smtp-url"
            | "--mail-dir"
            | "--mail-from"
            | "--public-url"
            | "--chat-hours"
            | "--drain-seconds"
            | "--smtp-tls"
            | "--smtp-ca-file" => {
                let value = match inline {
                    Some(v) => v,
                    None => args.next().ok_or_else(|| format!("{name} needs a value"))?,
                };
                flags.push((name, Some(value)));
            }
            _ => return Err(format!("unknown argument `{arg}` (see --help)")),
        }
    }
    let setting = |flag: &str, var: &str| -> Option<String> {
        flags
            .iter()
            .rev()
            .find(|(n, _)| n == flag)
            .and_then(|(_, v)| v.clone())
            .or_else(|| env(var))
    };

    let mut config = Config::default();
    if let Some(v) = setting("--host", "SP_HOST") {
        config.host = v;
    }
    if let Some(v) = setting("--port", "SP_PORT") {
        config.port = v.parse().map_err(|_| format!("invalid port `{v}`"))?;
    }
    if let Some(v) = setting("--database", "SP_DATABASE") {
        config.database = v;
    }
    if let Some(v) = setting("--phase", "SP_PHASE") {
        config.phase = match v.as_str() {
            "setup" => Phase::Setup,
            "enablement" => Phase::Enablement,
            "live" => Phase::Live,
            _ => return Err(format!("invalid phase `{v}` (setup, enablement or live)")),
        };
    }
    config.demo = setting("--demo", "SP_DEMO").is_some_and(|v| truthy(&v));
    if let Some(v) = setting("--static-dir", "SP_STATIC_DIR") {
        config.static_dir = PathBuf::from(v);
    }
    if let Some(v) = setting("--session-ttl-minutes", "SP_SESSION_TTL_MINUTES") {
        let minutes: u64 = v
            .parse()
            .ok()
            .filter(|m| *m > 0)
            .ok_or_else(|| format!("invalid session TTL `{v}` (minutes, at least 1)"))?;
        config.session_ttl = Duration::from_secs(minutes * 60);
    }
    if let Some(v) = setting("--session-max-hours", "SP_SESSION_MAX_HOURS") {
        let hours: u64 = v
            .parse()
            .ok()
            .filter(|h| (1..=8760).contains(h))
            .ok_or_else(|| format!("invalid session lifetime `{v}` (hours, 1 to 8760)"))?;
        config.session_max = Duration::from_secs(hours * 3600);
    }
    config.secure_cookies =
        setting("--secure-cookies", "SP_SECURE_COOKIES").is_some_and(|v| truthy(&v));
    if let Some(v) = setting("--connect-src", "SP_CONNECT_SRC") {
        config.connect_src = origins(&v, "--connect-src")?;
    }
    if let Some(v) = setting("--allowed-origins", "SP_ALLOWED_ORIGINS") {
        config.allowed_origins = origins(&v, "--allowed-origins")?;
    }
    if let Some(v) = setting("--embed-origins", "SP_EMBED_ORIGINS") {
        config.embed_origins = origins(&v, "--embed-origins")?
            .into_iter()
            .map(|o| exact_origin(&o, "--embed-origins"))
            .collect::<Result<_, _>>()?;
    }
    if let Some(v) = setting("--trusted-proxies", "SP_TRUSTED_PROXIES") {
        config.trusted_proxies = proxies::addresses(&v)?;
    }
    if let Some(v) = setting("--data-dir", "SP_DATA_DIR").filter(|v| !v.is_empty()) {
        config.data_dir = Some(PathBuf::from(v));
    }
    if let Some(v) = setting("--max-attachment-mb", "SP_MAX_ATTACHMENT_MB") {
        let mb: u64 = v
            .parse()
            .ok()
            .filter(|m| (1..=10_240).contains(m))
            .ok_or_else(|| format!("invalid attachment limit `{v}` (MiB, 1 to 10240)"))?;
        config.max_attachment_bytes = mb * 1024 * 1024;
    }
    config.agent_token = setting("--agent-token", "SP_AGENT_TOKEN")
        .filter(|v| !v.is_empty())
        .map(Secret)
        .or_else(|| config.demo.then(|| Secret(DEMO_AGENT_TOKEN.into())));
    config.host_token = setting("--host-token", "SP_HOST_TOKEN")
        .filter(|v| !v.is_empty())
        .map(Secret)
        .or_else(|| config.demo.then(|| Secret(DEMO_HOST_TOKEN.into())));
    if let Some(v) = setting("--handoff-seconds", "SP_HANDOFF_SECONDS") {
        config.handoff_seconds = v
            .parse()
            .ok()
            .filter(|s| (1..=600).contains(s))
            .ok_or_else(|| format!("invalid hand-off seconds `{v}` (1 to 600)"))?;
    }
    if let Some(v) = setting("--auto-close-days", "SP_AUTO_CLOSE_DAYS") {
        config.auto_close_days = v
            .parse()
            .ok()
            .filter(|d| *d >= 1)
            .ok_or_else(|| format!("invalid auto-close days `{v}` (at least 1)"))?;
    }
    if let Some(v) = setting("--demo-cases", "SP_DEMO_CASES") {
        config.demo_cases = v
            .parse()
            .ok()
            .filter(|n| *n <= 1_000_000)
            .ok_or_else(|| format!("invalid number of demo cases `{v}` (0 to 1000000)"))?;
    }
    if let Some(v) = setting("--demo-history", "SP_DEMO_HISTORY") {
        config.demo_history =
            v.parse().ok().filter(|n| *n <= 1_000_000).ok_or_else(|| {
                format!("invalid number of demo interactions `{v}` (0 to 1000000)")
            })?;
    }
    if let Some(v) = setting("--demo-users", "SP_DEMO_USERS") {
        config.demo_users = v
            .parse()
            .ok()
            .filter(|n| *n <= 100_000)
            .ok_or_else(|| format!("invalid number of demo users `{v}` (0 to 100000)"))?;
    }
    if let Some(v) = setting("--demo-help", "SP_DEMO_HELP") {
        config.demo_help = v
            .parse()
            .ok()
            .filter(|n| *n <= 100_000)
            .ok_or_else(|| format!("invalid number of help articles `{v}` (0 to 100000)"))?;
    }
    if let Some(v) = setting("--review-days", "SP_REVIEW_DAYS") {
        config.review_days = days(&v, "review days", 3650)?;
    }
    if let Some(v) = setting("--invitation-days", "SP_INVITATION_DAYS") {
        config.invitation_days = days(&v, "invitation days", 365)?;
    }
    if let Some(v) = setting("--smtp-url", "SP_SMTP_URL").filter(|v| !v.is_empty()) {
        let mut smtp = mail::smtp_url(&v)?;
        if let Some(v) = setting("--smtp-tls", "SP_SMTP_TLS") {
            smtp.tls = mail::smtp_tls(&v)?;
        }
        if let Some(v) = setting("--smtp-ca-file", "SP_SMTP_CA_FILE").filter(|v| !v.is_empty()) {
            smtp.extra_ca = Some(mail::smtp_ca_file(&v)?);
        }
        config.smtp = Some(smtp);
    }
    if let Some(v) = setting("--mail-dir", "SP_MAIL_DIR").filter(|v| !v.is_empty()) {
        config.mail_dir = Some(PathBuf::from(v));
    }
    if let Some(v) = setting("--mail-from", "SP_MAIL_FROM").filter(|v| !v.is_empty()) {
        config.mail_from = mail::mail_from(&v)?;
    }
    if let Some(v) = setting("--public-url", "SP_PUBLIC_URL").filter(|v| !v.is_empty()) {
        config.public_url = Some(mail::public_url(&v)?);
    }
    if let Some(v) = setting("--chat-hours", "SP_CHAT_HOURS") {
        config.chat_hours = match v.as_str() {
            "business" => ChatHours::Business,
            "always" => ChatHours::Always,
            "closed" => ChatHours::Closed,
            _ => {
                return Err(format!(
                    "invalid chat hours `{v}` (business, always or closed)"
                ))
            }
        };
    }
    config.demo_agent = setting("--demo-agent", "SP_DEMO_AGENT").is_some_and(|v| truthy(&v));
    config.log_requests = setting("--log-requests", "SP_LOG_REQUESTS").is_some_and(|v| truthy(&v));
    if let Some(v) = setting("--drain-seconds", "SP_DRAIN_SECONDS") {
        let seconds: u64 = v
            .parse()
            .ok()
            .filter(|s| *s <= 300)
            .ok_or_else(|| format!("invalid drain seconds `{v}` (0 to 300)"))?;
        config.drain = Duration::from_secs(seconds);
    }
    if let Some(v) = setting("--test-csp", "SP_TEST_CSP") {
        config.test_csp = Some(CspTest::parse(&v)?);
    }
    config.bootstrap = bootstrap::from_env(&env)?;
    Ok(Command::Serve(Box::new(config)))
}

/// A whole number of days from 1 to `max`.
fn days(v: &str, what: &str, max: i64) -> Result<i64, String> {
    v.parse()
        .ok()
        .filter(|d| (1..=max).contains(d))
        .ok_or_else(|| format!("invalid {what} `{v}` (1 to {max})"))
}

fn truthy(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

#[cfg(test)]
mod tests;
