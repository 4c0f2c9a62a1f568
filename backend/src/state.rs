//! What every handler shares.

use std::sync::Arc;

use crate::config::Config;
use crate::db::Db;
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
    /// Failed sign-ins per email.
    pub throttle: Throttle,
}

impl AppState {
    /// Bundles an opened database with the configuration.
    pub fn new(db: Db, config: Config) -> Self {
        AppState(Arc::new(Inner {
            db,
            config,
            throttle: Throttle::default(),
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.0
    }
}
