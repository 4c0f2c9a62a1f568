//! The part of this folder that few visits need and that it shows itself, whose code arrives in
//! a chunk of its own: the page for a missing capability. The app layer says how to build it
//! (`app::pages`, from the chunk), so this folder knows nothing of chunks; `Guard` asks for it
//! here. (The "sign in again" dialog is mounted by the app itself, from its chunk.)

use leptos::prelude::*;
use support_contract::Capability;

/// How to build the views that arrive with their chunk.
#[derive(Clone, Copy)]
pub struct AuthViews {
    /// The page shown instead of one that needs `Capability` (see `AccessPage`).
    pub access: fn(Capability) -> AnyView,
}

/// Provides `views` to `Guard`.
pub fn provide_auth_views(views: AuthViews) {
    provide_context(views);
}

/// The views `provide_auth_views` provided. Panics without them, which is a programming error.
pub(super) fn use_auth_views() -> AuthViews {
    expect_context::<AuthViews>()
}
