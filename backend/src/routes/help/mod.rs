//! `/help`: help articles searched, read and voted on, popular forum threads, suggestions while
//! a case is written; and `/agent/v1/help/articles`, where the vendor writes articles. Every
//! customer handler requires `browse_help`, which every role has (members included).
//!
//! One concern per file: `articles` searches and reads, `votes` records "Was this helpful?",
//! `forums` lists threads, `suggestions` serves the case wizard, `agent` writes articles;
//! `params` reads the language and the search's query.

mod agent;
mod articles;
mod forums;
pub(crate) mod params;
mod suggestions;
mod votes;

// Glob re-exports: `routes!` needs each handler's hidden `__path_*` companion beside it.
pub use agent::*;
pub use articles::*;
pub use forums::*;
pub use suggestions::*;
pub use votes::*;

use support_contract::Capability;

use crate::auth::RequiredCapability;

/// Marker: the handler requires [`Capability::BrowseHelp`].
pub struct BrowseHelp;

impl RequiredCapability for BrowseHelp {
    const CAPABILITY: Capability = Capability::BrowseHelp;
}
