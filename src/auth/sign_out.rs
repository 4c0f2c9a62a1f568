//! Signing out. Drafts and the chat outbox are kept on this device so that nothing is lost,
//! which on a shared computer leaves them for the next person at this browser to find (not to
//! read in the portal: they are kept per user, but they are there). So signing out asks first,
//! when some are kept, whether to keep or remove them (`SignOutDialog`, from the sign-in
//! chunk: the first load keeps only this).

use super::SessionCtx;
use crate::api::SessionApi;
use crate::components::Router;
use std::sync::Arc;

/// Ends the session: asks the backend to, then leaves for the sign-in page signed out.
pub async fn end_session(api: Arc<dyn SessionApi>, router: Router, ctx: SessionCtx) {
    // Signed out locally even if the request fails: the cookie is the server's to end.
    let _ = api.sign_out().await;
    // Leave the page first, so its guard does not also redirect (with itself as `next`).
    router.go("/sign-in");
    ctx.signed_out();
}
