use crate::api::ApiError;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// An API error in the user's language, announced, with an optional "Try again".
#[component]
pub fn ErrorNotice(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
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
