use super::{use_session, SessionState, SignInForm};
use crate::api::use_runtime_config;
use crate::i18n::{use_i18n, Key};
use leptos::html::Dialog;
use leptos::prelude::*;
use support_contract::Session;

/// Asks to sign in again when the session ended mid-work. A modal `<dialog>` over the page,
/// which stays mounted underneath, so nothing the user typed is lost. The app mounts it (from
/// its chunk) only while the session is expired, and takes it away once signed in again.
#[component]
pub fn ReauthDialog() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let dialog = NodeRef::<Dialog>::new();
    let home = format!("{}/", use_runtime_config().base_path.trim_end_matches('/'));
    // Whose session ended: the page stays only for that user.
    let (previous_id, email) = ctx.state.with_untracked(|s| match s {
        SessionState::SignedIn(s) => (Some(s.user.id.clone()), s.user.email.clone()),
        _ => (None, String::new()),
    });
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            if !el.open() {
                let _ = el.show_modal();
            }
        }
    });
    let on_success = Callback::new(move |session: Session| {
        if previous_id.as_deref() == Some(session.user.id.as_str()) {
            ctx.signed_in(session);
        } else {
            // Someone else signed in: nothing of the previous user's page may stay on screen.
            let _ = window().location().assign(&home);
        }
    });
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="reauth-title"
            on:cancel=|ev: leptos::ev::Event| ev.prevent_default()>
            <h2 id="reauth-title">{i18n.s(Key::SessionEndedTitle)}</h2>
            <p>{i18n.s(Key::SessionEndedBody)}</p>
            <SignInForm id="reauth" initial_email=email on_success=on_success/>
        </dialog>
    }
}
