use super::user_forms::{RemoveSection, ReviewForm, RoleForm};
use super::AdminTabs;
use crate::api::{use_api, ApiError, SupportUsersApi};
use crate::components::{use_route_param, AppLink, ErrorNotice, LoadingIndicator};
use crate::i18n::{role_key, use_i18n, user_source_key, user_status_key, validation_key, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use support_contract::users::{ReviewDecision, ReviewRecord};
use support_contract::{SupportUser, UserStatus};

/// One support user: who they are and where they stand, their role, their review history, and
/// removal. Every change sends the version shown, so a change made meanwhile elsewhere is never
/// overwritten: the page explains it and shows the latest.
#[component]
pub fn SupportUserPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let id = use_route_param();
    let user = RwSignal::new(None::<Result<SupportUser, ApiError>>);
    let reviews = RwSignal::new(Vec::<ReviewRecord>::new());
    // The outcome of the last change, announced.
    let outcome = RwSignal::new(None::<Result<String, ApiError>>);
    let reload = {
        let api = api.clone();
        Callback::new(move |_: ()| {
            let api = api.clone();
            let id = id.get_untracked();
            spawn_local(async move {
                let fresh = api.support_user(id.clone()).await;
                user.set(Some(fresh));
                if let Ok(r) = api.support_user_reviews(id).await {
                    reviews.set(r);
                }
            });
        })
    };
    // Another user's page: nothing of the previous one stays on screen.
    Effect::new(move |_| {
        id.track();
        user.set(None);
        reviews.set(Vec::new());
        outcome.set(None);
        reload.run(());
    });
    // After a refused change, the latest version is fetched so the user decides on it.
    let after_change = Callback::new(move |result: Result<(SupportUser, String), ApiError>| {
        match result {
            Ok((fresh, message)) => {
                user.set(Some(Ok(fresh)));
                outcome.set(Some(Ok(message)));
            }
            Err(e) => {
                outcome.set(Some(Err(e)));
            }
        }
        reload.run(());
    });
    let editable = Memo::new(move |_| {
        user.with(|u| matches!(u, Some(Ok(u)) if u.status != UserStatus::Removed))
    });
    view! {
        <div class="page">
            {move || match user.get() {
                None => view! { <LoadingIndicator/> }.into_any(),
                Some(Err(e)) => view! { <h1 id="page-title">{i18n.s(Key::NavSupportUsers)}</h1><ErrorNotice error=e reload=true/> }.into_any(),
                Some(Ok(u)) => view! { <h1 id="page-title">{u.name.clone()}</h1> }.into_any(),
            }}
            <AdminTabs/>
            <div role="status" class="outcome">
                {move || match outcome.get() {
                    Some(Ok(text)) => view! { <p class="notice success">{text}</p> }.into_any(),
                    // The page already shows the latest version: "reload" would mislead.
                    Some(Err(ApiError::Conflict)) => view! {
                        <p class="notice error">{i18n.s(Key::UserChangedMeanwhile)}</p>
                    }.into_any(),
                    Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            {move || user.get().and_then(Result::ok).map(|u| view! { <Facts user=u/> })}
            // The forms are built once per user shown (and again if they are removed), not at
            // every refresh: a half-typed flag reason survives another change's outcome.
            {move || editable.get().then(|| view! {
                <RoleForm user=user after=after_change/>
                <ReviewForm user=user after=after_change/>
                <RemoveSection user=user after=after_change/>
            })}
            <History reviews=reviews/>
            <AppLink href="/support-users">{i18n.s(Key::BackToSupportUsers)}</AppLink>
        </div>
    }
}

/// The user's facts as a description list.
#[component]
fn Facts(user: SupportUser) -> impl IntoView {
    let i18n = use_i18n();
    let u = user;
    let created = u.created_at.clone();
    let created_by = u.created_by.as_ref().map(|p| p.name.clone());
    let last = u.last_active_at.clone();
    let v = u.validation.clone();
    let validation = move || {
        let state = i18n.t(validation_key(v.state)).to_string();
        match (&v.by, &v.at) {
            (Some(by), Some(at)) => i18n.tr(
                Key::ValidationBy,
                &[
                    ("state", &state),
                    ("name", &by.name),
                    ("when", &i18n.date_time(at)),
                ],
            ),
            _ => state,
        }
    };
    let reason = u.validation.reason.clone();
    view! {
        <dl class="facts card">
            <div><dt>{i18n.s(Key::Email)}</dt><dd>{u.email.clone()}</dd></div>
            <div><dt>{i18n.s(Key::ColRole)}</dt><dd>{i18n.s(role_key(Some(u.role)))}</dd></div>
            <div><dt>{i18n.s(Key::ColStatus)}</dt><dd>{i18n.s(user_status_key(u.status))}</dd></div>
            <div><dt>{i18n.s(Key::ColSource)}</dt><dd>{i18n.s(user_source_key(u.source))}</dd></div>
            <div><dt>{i18n.s(Key::ColCreated)}</dt><dd>{move || match &created_by {
                Some(by) => i18n.tr(Key::CreatedBy, &[("name", by), ("when", &i18n.date_time(&created))]),
                None => i18n.date_time(&created),
            }}</dd></div>
            <div><dt>{i18n.s(Key::ColLastActive)}</dt><dd>{move || last.as_deref().map(|t| i18n.date_time(t)).unwrap_or_else(|| i18n.t(Key::Never).to_string())}</dd></div>
            <div><dt>{i18n.s(Key::ColValidation)}</dt><dd>{validation}</dd></div>
            {reason.map(|r| view! { <div><dt>{i18n.s(Key::FlagReason)}</dt><dd>{r}</dd></div> })}
        </dl>
    }
}

/// Every review decision about the user, newest first.
#[component]
fn History(reviews: RwSignal<Vec<ReviewRecord>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{i18n.s(Key::ReviewHistory)}</h2>
            {move || reviews.with(|r| r.is_empty()).then(|| view! { <p>{i18n.s(Key::NoReviewsYet)}</p> })}
            <ol class="history">
                {move || reviews.get().into_iter().map(|r| {
                    let key = match r.decision {
                        ReviewDecision::Flagged => Key::ReviewFlaggedBy,
                        _ => Key::ReviewValidatedBy,
                    };
                    let text = move || i18n.tr(key, &[("name", &r.by.name), ("when", &i18n.date_time(&r.at))]);
                    let reason = r.reason.clone();
                    view! { <li>{text}{reason.map(|why| view! { <q>{why}</q> })}</li> }
                }).collect_view()}
            </ol>
        </section>
    }
}
