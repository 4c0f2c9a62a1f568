//! The parts of this folder that few visits need, whose code arrives in a chunk of its own:
//! the sign-in form of the "sign in again" dialog and the page for a missing capability. The
//! app layer says how to build each (`app::pages`, from the chunk), so this folder knows
//! nothing of chunks; `Guard` and `ReauthDialog` ask for them here.

use leptos::prelude::*;
use support_contract::{Capability, Session};

/// How to build the views that arrive with their chunk.
#[derive(Clone, Copy)]
pub struct AuthViews {
    /// The sign-in form in the dialog, for the email of the session that ended; it calls
    /// back with the new session.
    pub reauth_form: fn(String, Callback<Session>) -> AnyView,
    /// The page shown instead of one that needs `Capability` (see `AccessPage`).
    pub access: fn(Capability) -> AnyView,
}

/// Provides `views` to `Guard` and `ReauthDialog`.
pub fn provide_auth_views(views: AuthViews) {
    provide_context(views);
}

/// The views `provide_auth_views` provided. Panics without them, which is a programming error.
pub(super) fn use_auth_views() -> AuthViews {
    expect_context::<AuthViews>()
}
