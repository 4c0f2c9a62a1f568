//! Plain Rust rules the UI reasons with: no Leptos, no browser, tested natively.

mod locale;
mod portal;

pub use locale::negotiate_locale;
pub use portal::{phones_for_region, roles_granting, safe_return_path, strip_base};
