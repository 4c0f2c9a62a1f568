use super::{load_session, use_session, views::use_auth_views, SessionState};
use crate::api::{use_api, SessionApi};
use crate::components::{use_router, ErrorNotice, LoadingIndicator, Redirect};
use leptos::prelude::*;
use support_contract::Capability;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Decision {
    Wait,
    SignIn,
    Failed,
    Allow,
    Deny,
}

/// Shows `children` only to a signed-in user with `needs`; otherwise waits for the session,
/// sends to sign-in (and back here afterwards), or explains which role the page needs.
#[component]
pub fn Guard(needs: Option<Capability>, children: ChildrenFn) -> impl IntoView {
    let ctx = use_session();
    let api = use_api::<dyn SessionApi>();
    let router = use_router();
    let views = use_auth_views();
    // A memo, so a renewed session (same decision) does not re-create the page and lose input.
    let decision = Memo::new(move |_| match ctx.state.get() {
        SessionState::Loading => Decision::Wait,
        SessionState::SignedOut => Decision::SignIn,
        SessionState::Failed(_) => Decision::Failed,
        SessionState::SignedIn(s) => match needs {
            Some(c) if !s.capabilities.contains(&c) => Decision::Deny,
            _ => Decision::Allow,
        },
    });
    move || match decision.get() {
        Decision::Wait => view! { <LoadingIndicator/> }.into_any(),
        Decision::SignIn => {
            // `next` is an in-app path: navigating to it adds the base path again.
            let here = untrack(|| format!("{}{}", router.path(), router.search()));
            let to = format!(
                "/sign-in?next={}",
                String::from(js_sys::encode_uri_component(&here))
            );
            view! { <Redirect path=to/> }.into_any()
        }
        Decision::Failed => {
            let error = match ctx.state.get_untracked() {
                SessionState::Failed(e) => e,
                _ => crate::api::ApiError::Network,
            };
            let api = api.clone();
            let retry = Callback::new(move |_| load_session(api.clone(), ctx, None));
            view! { <ErrorNotice error=error retry=retry/> }.into_any()
        }
        Decision::Allow => children().into_any(),
        Decision::Deny => (views.access)(needs.unwrap_or(Capability::Unknown)),
    }
}
