//! `/audit-log`: the organisation's administrative changes, for the Support System
//! Administrator: `list` pages through them, `export` downloads them as CSV; `params` reads the
//! filters both share.

mod export;
mod list;
mod params;

pub use export::*;
pub use list::*;
