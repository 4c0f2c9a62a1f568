//! `/support-users`: the organisation's support users, administered by the Support System
//! Administrator. Every handler requires `manage_users` (reviews: `review_users`) and is scoped
//! to the caller's organisation: another organisation's user is "not found", never data.
//!
//! One concern per file: `list` lists and counts (with `list_params` checking the query),
//! `read` reads a user and their reviews, `create` creates, `edit` changes the role and removes,
//! `review` records review decisions, `import` creates from a CSV file. `lookup` holds what
//! they share.

mod create;
mod edit;
mod import;
mod list;
mod list_params;
mod lookup;
mod read;
mod review;

// Glob re-exports: `routes!` needs each handler's hidden `__path_*` companion beside it.
pub use create::*;
pub use edit::*;
pub use import::*;
pub use list::*;
pub use read::*;
pub use review::*;
