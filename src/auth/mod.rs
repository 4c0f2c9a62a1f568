//! Who is signed in and what they may do: the session context, the route guard, the sign-in
//! page, the sign-in-again dialog, and the access page shown for a missing capability.

mod access;
mod guard;
mod reauth;
mod session;
mod sign_in;

pub use access::{AccessPage, SupportAdmins};
pub use guard::Guard;
pub use reauth::ReauthDialog;
pub use session::{load_session, provide_session, use_session, SessionCtx, SessionState};
pub use sign_in::{SignInForm, SignInPage};
