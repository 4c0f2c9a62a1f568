//! Who is signed in and what they may do: the session context, the page table (which
//! capability each page needs) and the route guard that reads it, the sign-in page, the sign-in-again dialog, signing out, and the access page shown for a missing capability.

mod access;
mod guard;
mod organisations;
mod pages;
mod reauth;
mod session;
mod set_password;
mod sign_in;
mod sign_out;
mod sign_out_dialog;
mod views;

pub use access::AccessPage;
pub use guard::Guard;
pub use organisations::OrganisationSwitch;
pub use pages::{nav_for, page_for, AppPage};
pub use reauth::ReauthDialog;
pub use session::{
    likely_signed_out, load_session, provide_session, use_draft, use_session, SessionCtx,
    SessionState,
};
pub use set_password::SetPasswordPage;
pub use sign_in::{SignInForm, SignInPage};
pub use sign_out::end_session;
pub use sign_out_dialog::SignOutDialog;
pub use views::{provide_auth_views, AuthViews};
