//! `/cases`: filing, listing, reading and working support cases as a customer. Every handler
//! requires `manage_cases` and is scoped to the caller's organisation: another organisation's
//! case is "not found", never data.
//!
//! One concern per file: `create` files, `list` lists (with `list_params` checking the
//! query), `read` reads, `edits` replies, closes and reopens, `requests` asks for an
//! urgency change or a call, `similar` finds look-alike open cases while one is written and
//! follows one of them. `validate` checks a filing, `lookup` holds the shared refusals.

pub(crate) mod create;
mod edits;
mod list;
mod list_params;
mod lookup;
mod read;
mod requests;
mod similar;
mod validate;

// Glob re-exports: `routes!` needs each handler's hidden `__path_*` companion beside it, and the
// public constants, forms and checks keep their `routes::cases::` paths.
pub use create::*;
pub use edits::*;
pub use list::*;
pub use list_params::*;
pub use lookup::transition_not_allowed;
pub use read::*;
pub use requests::*;
pub use similar::*;
pub use validate::*;
