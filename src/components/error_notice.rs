use crate::api::ApiError;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// An API error in the user's language, announced, with an optional "Try again". Where a page
/// failed to load (`reload`), a failure that may pass (no answer, a server error, a busy server)
/// offers "Try again" as a reload of the page: what the user typed is kept on the device.
#[component]
pub fn ErrorNotice(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
    #[prop(optional)] reload: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let passing = matches!(
        error,
        ApiError::Network | ApiError::Server { .. } | ApiError::Busy { .. }
    );
    let retry = retry.or_else(|| {
        (reload && passing).then(|| {
            Callback::new(|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            })
        })
    });
    let message = move || error.message(i18n.locale.get());
    view! {
        <div class="notice error" role="alert">
            <p>{message}</p>
            {retry.map(|r| view! {
                <button type="button" class="button" on:click=move |_| r.run(())>{i18n.s(Key::TryAgain)}</button>
            })}
        </div>
    }
}
