//! What every handler shares.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::chat::actions::Env;
use crate::chat::hub::ChatHub;
use crate::clock::Wall;
use crate::config::Config;
use crate::db::Db;
use crate::handoff::Handoffs;
use crate::mail::Mailer;
use crate::throttle::Throttle;

/// Shared application state; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// The parts of [`AppState`].
pub struct Inner {
    /// The database.
    pub db: Db,
    /// The configuration the server started with.
    pub config: Config,
    /// Failed sign-ins per email and per client address.
    pub throttle: Throttle,
    /// The hand-off tokens minted by the host and not yet used.
    pub handoffs: Handoffs,
    /// Where attachments are stored (created on first upload).
    pub data_dir: PathBuf,
    /// Sends invitations and notifications.
    pub mailer: Mailer,
    /// The portal's address for links in mails, without a trailing slash.
    pub public_url: String,
    /// The live channels of the chat streams.
    pub chat_hub: ChatHub,
    /// The clock sessions are checked against.
    pub clock: Wall,
    /// Set once the server starts stopping: readiness answers 503 from then on.
    stopping: AtomicBool,
}

impl AppState {
    /// A hand-off token for an account, working once for `--handoff-seconds`; `Err(seconds
    /// until a place frees up)` when too many wait to be used (see [`Handoffs`]).
    pub fn mint_handoff(&self, user_id: &str) -> Result<String, u64> {
        let ttl = std::time::Duration::from_secs(self.config.handoff_seconds.into());
        self.handoffs.mint(user_id, ttl)
    }

    /// Bundles an opened database with the configuration.
    pub fn new(db: Db, config: Config) -> Self {
        let data_dir = match &config.data_dir {
            Some(dir) => dir.clone(),
            // A throwaway database gets throwaway files.
            None if config.database == ":memory:" => {
                std::env::temp_dir().join(format!("sp-data-{}", crate::tokens::random_token(9)))
            }
            None => PathBuf::from("data"),
        };
        let mailer = Mailer::new(&config);
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}:{}", config.host, config.port));
        let chat_hub = ChatHub::new(config.chat_heartbeat);
        AppState(Arc::new(Inner {
            db,
            chat_hub,
            config,
            throttle: Throttle::default(),
            handoffs: Handoffs::default(),
            data_dir,
            mailer,
            public_url,
            clock: Wall::default(),
            stopping: AtomicBool::new(false),
        }))
    }

    /// The server is stopping: readiness turns 503 (load balancers send no more traffic) and
    /// chat streams close with "service restart" (clients reconnect, to another instance).
    pub fn begin_shutdown(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.chat_hub.shut_down();
    }

    /// Whether [`AppState::begin_shutdown`] was called.
    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// The store and the hub, as the chat changes take them.
    pub fn chat_env(&self) -> Env<'_> {
        Env {
            db: &self.db,
            hub: &self.chat_hub,
        }
    }

    /// True when the attachments live in a throwaway directory (an in-memory database without
    /// `--data-dir`), which the server deletes when it stops.
    pub fn data_dir_is_temporary(&self) -> bool {
        self.config.data_dir.is_none() && self.config.database == ":memory:"
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.0
    }
}
