//! The page an invitation link opens: the invited person sets their password, then signs in.

use crate::api::{field_error, use_api, ApiError, InvitationsApi};
use crate::components::{AppLink, ErrorNotice, LoadingIndicator, TextField};
use crate::i18n::{role_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::users::{password_problem, AcceptInvitation, Invitation, PASSWORD_MIN};

/// Where the token waits while the page is open: per tab, gone when the tab closes.
const TOKEN_KEY: &str = "sp-invitation-token";

/// The invitation token. The link carries it in the fragment (never sent to a server); it is
/// moved to this tab's session storage and taken out of the address bar, so it stays out of
/// the history and survives a reload.
fn take_token() -> Option<String> {
    let window = window();
    let storage = window.session_storage().ok().flatten();
    let hash = window.location().hash().unwrap_or_default();
    let from_link = hash
        .trim_start_matches('#')
        .split('&')
        .find_map(|kv| kv.strip_prefix("token="))
        .map(str::to_string)
        .filter(|t| !t.is_empty());
    if let Some(token) = &from_link {
        if let Some(s) = &storage {
            let _ = s.set_item(TOKEN_KEY, token);
        }
        let path = window.location().pathname().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
        return from_link;
    }
    storage.and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
}

fn forget_token() {
    if let Some(s) = window().session_storage().ok().flatten() {
        let _ = s.remove_item(TOKEN_KEY);
    }
}

/// Set a password from an invitation link: whose invitation it is, the password rules, and
/// then the way to sign in.
#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn InvitationsApi>();
    let token = take_token();
    let invitation = LocalResource::new({
        let token = token.clone();
        move || {
            let inspected = token.clone().map(|t| api.inspect_invitation(t));
            async move {
                match inspected {
                    Some(answer) => answer.await,
                    None => Err(ApiError::InvitationInvalid),
                }
            }
        }
    });
    view! {
        <section class="sign-in card" aria-labelledby="page-title">
            <h1 id="page-title">{i18n.s(Key::SetPasswordTitle)}</h1>
            <Suspense fallback=|| view! { <LoadingIndicator/> }>
                {move || {
                    let token = token.clone().unwrap_or_default();
                    Suspend::new(async move {
                        match invitation.await {
                            Ok(inv) => view! { <PasswordForm invitation=inv token=token/> }.into_any(),
                            Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// The password and its confirmation, checked here first and then by the backend.
#[component]
fn PasswordForm(invitation: Invitation, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn InvitationsApi>();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let email = invitation.email.clone();
    let accept = Action::new_local(move |password: &String| {
        api.accept_invitation(AcceptInvitation {
            token: token.clone(),
            password: password.clone(),
        })
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = accept.value().get() {
            forget_token();
        }
    });
    let password_error = Signal::derive({
        let email = email.clone();
        move || {
            let local = tried
                .get()
                .then(|| password_problem(&password.get(), &email))
                .flatten();
            let answer = accept.value().get().and_then(Result::err);
            let refused = answer.as_ref().map_or(&[][..], ApiError::field_errors);
            field_error("password", local, refused, i18n.locale.get())
        }
    });
    let confirm_error = Signal::derive(move || {
        (tried.get() && password.get() != confirm.get())
            .then(|| i18n.t(Key::ErrPasswordsDiffer).to_string())
    });
    let welcome = {
        let inv = invitation.clone();
        move || {
            i18n.tr(
                Key::SetPasswordWelcome,
                &[
                    ("name", &inv.name),
                    ("email", &inv.email),
                    ("organisation", &inv.organisation),
                    ("role", i18n.t(role_key(Some(inv.role)))),
                ],
            )
        }
    };
    let rules = move || i18n.tr(Key::PasswordRules, &[("min", &PASSWORD_MIN.to_string())]);
    let other_error = move || match accept.value().get() {
        Some(Err(ApiError::Validation(_))) | None | Some(Ok(())) => None,
        Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }),
    };
    view! {
        <Show when=move || !matches!(accept.value().get(), Some(Ok(())))
            fallback=move || view! {
                <div class="notice success" role="status">
                    <p>{i18n.s(Key::PasswordSet)}</p>
                    <AppLink href="/sign-in">{i18n.s(Key::SignIn)}</AppLink>
                </div>
            }>
            <p>{welcome.clone()}</p>
            {other_error}
            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                tried.set(true);
                if password_error.get_untracked().is_none() && confirm_error.get_untracked().is_none() {
                    accept.dispatch(password.get_untracked());
                }
            }>
                <p id="password-rules" class="hint">{rules}</p>
                <TextField id="new-password".into() label=Key::NewPassword kind="password"
                    autocomplete="new-password" value=password error=password_error/>
                <TextField id="confirm-password".into() label=Key::ConfirmPassword kind="password"
                    autocomplete="new-password" value=confirm error=confirm_error/>
                <button type="submit" class="button primary" disabled=move || accept.pending().get()>
                    {i18n.s(Key::SetPassword)}
                </button>
            </form>
        </Show>
    }
}
