use super::{use_session, views::use_auth_views, SessionState};
use crate::api::use_runtime_config;
use crate::i18n::{use_i18n, Key};
use leptos::html::Dialog;
use leptos::prelude::*;
use support_contract::Session;

/// Asks to sign in again when the session ended mid-work. A modal `<dialog>` over the page,
/// which stays mounted underneath, so nothing the user typed is lost.
#[component]
pub fn ReauthDialog() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let views = use_auth_views();
    let dialog = NodeRef::<Dialog>::new();
    let home = format!("{}/", use_runtime_config().base_path.trim_end_matches('/'));
    let previous = Memo::new(move |_| match ctx.state.get() {
        SessionState::SignedIn(s) => Some((s.user.id, s.user.email)),
        _ => None,
    });
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if ctx.expired.get() {
            if !el.open() {
                let _ = el.show_modal();
            }
        } else if el.open() {
            el.close();
        }
    });
    let on_success = Callback::new(move |session: Session| {
        let same_user = previous
            .get_untracked()
            .is_some_and(|(id, _)| id == session.user.id);
        if same_user {
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
            {move || ctx.expired.get().then(|| {
                let email = previous.get_untracked().map(|(_, e)| e).unwrap_or_default();
                (views.reauth_form)(email, on_success)
            })}
        </dialog>
    }
}
