//! The changes an administrator makes on a user's page: role, review decision, removal. Each
//! sends the version on screen, and reports back to the page, which shows the outcome.

use crate::api::{use_api, ApiError, SupportUsersApi};
use crate::auth::use_session;
use crate::components::{wire_options, SelectField};
use crate::i18n::{role_key, use_i18n, Key};
use leptos::html::Dialog;
use leptos::prelude::*;
use support_contract::users::{ReviewDecision, ReviewRequest, ValidationState};
use support_contract::wire::{from_wire, wire_name};
use support_contract::{Capability, Role, SupportUser};

/// The user on screen, and what the page does with a change's outcome.
pub(super) type Shown = RwSignal<Option<Result<SupportUser, ApiError>>>;
pub(super) type Outcome = Callback<Result<(SupportUser, String), ApiError>>;

/// The current user, for a change: its id, version and name.
fn target(user: Shown) -> Option<SupportUser> {
    user.get_untracked().and_then(Result::ok)
}

/// Change the role, with the version shown.
#[component]
pub(super) fn RoleForm(user: Shown, after: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let current = move || user.get().and_then(Result::ok).map(|u| u.role);
    let chosen = RwSignal::new(String::new());
    Effect::new(move |_| {
        chosen.set(
            current()
                .map(|r| wire_name(&r).to_string())
                .unwrap_or_default(),
        )
    });
    let change = Action::new_local(move |role: &Role| {
        let api = api.clone();
        let role = *role;
        let u = target(user);
        async move {
            let u = u.ok_or(ApiError::NotFound)?;
            api.change_role(u.id, u.version, role).await
        }
    });
    Effect::new(move |_| {
        if let Some(result) = change.value().get() {
            after.run(result.map(|u| {
                let role = i18n.t(role_key(Some(u.role)));
                let text = i18n.tr(Key::RoleChanged, &[("name", &u.name), ("role", role)]);
                (u, text)
            }));
        }
    });
    let roles = [Role::CustomerSupportAdmin, Role::SupportSystemAdmin];
    view! {
        <section class="card" aria-labelledby="role-title">
            <h2 id="role-title">{i18n.s(Key::ChangeRole)}</h2>
            <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                if let Some(role) = from_wire::<Role>(&chosen.get_untracked()) {
                    change.dispatch(role);
                }
            }>
                <SelectField id="user-role" label=Key::ColRole
                    options=wire_options(roles.map(|r| (r, role_key(Some(r)))))
                    value=chosen on_change=Callback::new(move |v| chosen.set(v))/>
                <button type="submit" class="button" disabled=move || change.pending().get()
                    || current().map(|r| wire_name(&r)).unwrap_or_default() == chosen.get()>
                    {i18n.s(Key::SaveRole)}
                </button>
            </form>
        </section>
    }
}

/// Validate the user, or flag them with a reason.
#[component]
pub(super) fn ReviewForm(user: Shown, after: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let ctx = use_session();
    let reason = RwSignal::new(String::new());
    let missing_reason = RwSignal::new(false);
    let review = Action::new_local(move |decision: &ReviewDecision| {
        let api = api.clone();
        let decision = *decision;
        let u = target(user);
        let reason = reason.get_untracked().trim().to_string();
        async move {
            let u = u.ok_or(ApiError::NotFound)?;
            let request = ReviewRequest {
                user_ids: vec![u.id],
                decision,
                reason: (!reason.is_empty()).then_some(reason),
            };
            let mut updated = api.review_support_users(request).await?;
            updated.pop().ok_or(ApiError::Decode)
        }
    });
    Effect::new(move |_| {
        if let Some(result) = review.value().get() {
            if result.is_ok() {
                reason.set(String::new());
            }
            after.run(result.map(|u| {
                let key = if u.validation.state == ValidationState::Flagged {
                    Key::UserFlagged
                } else {
                    Key::UserValidated
                };
                let text = i18n.tr(key, &[("name", &u.name)]);
                (u, text)
            }));
        }
    });
    view! {
        <Show when=move || ctx.can(Capability::ReviewUsers)>
            <section class="card" aria-labelledby="review-title">
                <h2 id="review-title">{i18n.s(Key::ReviewTitle)}</h2>
                <p class="hint">{i18n.s(Key::ReviewExplained)}</p>
                <button type="button" class="button" disabled=move || review.pending().get()
                    on:click=move |_| { review.dispatch(ReviewDecision::Validated); }>
                    {i18n.s(Key::Validate)}
                </button>
                <div class="field">
                    <label for="flag-reason">{i18n.s(Key::FlagReason)}</label>
                    <input id="flag-reason" type="text" aria-describedby="flag-reason-error"
                        aria-invalid=move || missing_reason.get().to_string()
                        prop:value=move || reason.get()
                        on:input=move |ev| { reason.set(event_target_value(&ev)); missing_reason.set(false); }/>
                    <p id="flag-reason-error" class="field-error">
                        {move || missing_reason.get().then(|| i18n.t(Key::ErrRequired))}
                    </p>
                </div>
                <button type="button" class="button" disabled=move || review.pending().get()
                    on:click=move |_| {
                        if reason.get_untracked().trim().is_empty() {
                            missing_reason.set(true);
                        } else {
                            review.dispatch(ReviewDecision::Flagged);
                        }
                    }>
                    {i18n.s(Key::Flag)}
                </button>
            </section>
        </Show>
    }
}

/// Remove the user, after a confirmation that names them.
#[component]
pub(super) fn RemoveSection(user: Shown, after: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let dialog = NodeRef::<Dialog>::new();
    let name = move || {
        user.get()
            .and_then(Result::ok)
            .map(|u| u.name)
            .unwrap_or_default()
    };
    let email = move || {
        user.get()
            .and_then(Result::ok)
            .map(|u| u.email)
            .unwrap_or_default()
    };
    let remove = Action::new_local(move |_: &()| {
        let api = api.clone();
        let u = target(user);
        async move {
            let u = u.ok_or(ApiError::NotFound)?;
            api.remove_support_user(u.id, u.version).await
        }
    });
    Effect::new(move |_| {
        if let Some(result) = remove.value().get() {
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
            after.run(result.map(|u| {
                let text = i18n.tr(Key::UserRemoved, &[("name", &u.name)]);
                (u, text)
            }));
        }
    });
    let label = move || i18n.tr(Key::RemoveUser, &[("name", &name())]);
    view! {
        <section class="card danger-zone" aria-labelledby="remove-title">
            <h2 id="remove-title">{i18n.s(Key::RemoveTitle)}</h2>
            <p class="hint">{i18n.s(Key::RemoveExplained)}</p>
            <button type="button" class="button danger" on:click=move |_| {
                if let Some(d) = dialog.get() { let _ = d.show_modal(); }
            }>{label}</button>
            <dialog node_ref=dialog class="dialog" aria-labelledby="remove-confirm-title">
                <h2 id="remove-confirm-title">{move || i18n.tr(Key::RemoveConfirm, &[("name", &name()), ("email", &email())])}</h2>
                <p>{i18n.s(Key::RemoveExplained)}</p>
                <div class="actions">
                    <button type="button" class="button danger" disabled=move || remove.pending().get()
                        on:click=move |_| { remove.dispatch(()); }>{label}</button>
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(d) = dialog.get() { d.close(); }
                    }>{i18n.s(Key::Cancel)}</button>
                </div>
            </dialog>
        </section>
    }
}
