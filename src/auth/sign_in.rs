use super::use_session;
use crate::api::{field_error, use_api, ApiError, SessionApi};
use crate::components::{use_query, use_router, Redirect, TextField};
use crate::domain::safe_return_path;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::{FieldCode, Session, SignInRequest};

/// Client-side checks, so an obvious slip gets its message without a round trip.
fn check(email: &str, password: &str) -> (Option<FieldCode>, Option<FieldCode>) {
    let email_error = if email.trim().is_empty() {
        Some(FieldCode::Required)
    } else if !email.contains('@') {
        Some(FieldCode::InvalidEmail)
    } else {
        None
    };
    let password_error = password.is_empty().then_some(FieldCode::Required);
    (email_error, password_error)
}

/// Email and password form. Keeps what was typed when sign-in fails; `on_success` gets the
/// new session.
#[component]
pub fn SignInForm(
    #[prop(optional, into)] initial_email: String,
    #[prop(into)] on_success: Callback<Session>,
    /// Distinguishes the ids when the form appears twice (page and dialog).
    #[prop(default = "sign-in")]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SessionApi>();
    let email = RwSignal::new(initial_email);
    let password = RwSignal::new(String::new());
    let local_errors = RwSignal::new((None::<FieldCode>, None::<FieldCode>));
    let submit = Action::new_local(move |req: &SignInRequest| api.sign_in(req.clone()));
    let api_error = Memo::new(move |_| submit.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(session)) = submit.value().get() {
            password.set(String::new());
            on_success.run(session);
        }
    });

    let field_error = move |field: &'static str, local: Option<FieldCode>| {
        let answer = api_error.get();
        let refused = answer.as_ref().map_or(&[][..], ApiError::field_errors);
        field_error(field, local, refused, i18n.locale.get())
    };
    let email_error = Signal::derive(move || field_error("email", local_errors.get().0));
    let password_error = Signal::derive(move || field_error("password", local_errors.get().1));
    let form_error = move || {
        api_error
            .get()
            .filter(|e| !matches!(e, ApiError::Validation(_)))
            .map(|e| e.message(i18n.locale.get()))
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, p) = (email.get_untracked(), password.get_untracked());
        let errors = check(&e, &p);
        local_errors.set(errors);
        if errors == (None, None) {
            submit.dispatch(SignInRequest {
                email: e.trim().to_string(),
                password: p,
            });
        }
    };

    view! {
        <form class="form" novalidate on:submit=on_submit>
            <div role="alert" class="form-error">
                {move || form_error().map(|m| view! { <p>{m}</p> })}
            </div>
            <TextField id=format!("{id}-email") label=Key::Email kind="email" autocomplete="username"
                value=email error=email_error/>
            <TextField id=format!("{id}-password") label=Key::Password kind="password"
                autocomplete="current-password" value=password error=password_error/>
            <button type="submit" class="button primary" disabled=move || submit.pending().get()>
                {move || if submit.pending().get() { i18n.t(Key::SigningIn) } else { i18n.t(Key::SignIn) }}
            </button>
        </form>
    }
}

/// The sign-in page; afterwards the user lands where they were going (`?next=`).
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let query = use_query();
    let next = move || {
        let next =
            query.with_untracked(|q| q.iter().find(|(k, _)| k == "next").map(|(_, v)| v.clone()));
        safe_return_path(next.as_deref())
    };
    let router = use_router();
    let on_success = Callback::new(move |session| {
        ctx.signed_in(session);
        router.go(&next());
    });
    view! {
        <section class="sign-in card" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{i18n.s(Key::SignInTitle)}</h1>
            {move || ctx.session().is_some().then(|| view! { <Redirect path=next()/> })}
            <SignInForm on_success=on_success/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_form_names_both_missing_fields() {
        assert_eq!(
            check("", ""),
            (Some(FieldCode::Required), Some(FieldCode::Required))
        );
    }

    #[test]
    fn an_email_without_at_sign_is_refused_before_sending() {
        assert_eq!(
            check("alex", "secret"),
            (Some(FieldCode::InvalidEmail), None)
        );
        assert_eq!(check(" alex@example.com ", "secret"), (None, None));
    }
}
