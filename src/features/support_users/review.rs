use super::AdminTabs;
use crate::api::{use_api, ApiError, SupportUsersApi};
use crate::auth::use_session;
use crate::components::{AppLink, ErrorNotice, LoadingIndicator};
use crate::i18n::{role_key, use_i18n, validation_key, Key};
use leptos::prelude::*;
use support_contract::users::{ReviewDecision, ReviewRequest, SupportUserQuery, ValidationFilter};
use support_contract::{Capability, SupportUser};

/// The review queue: every support user never reviewed or due for another review, with
/// checkboxes to validate or flag several at once. Native checkboxes and buttons, so it all
/// works by keyboard.
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::ReviewQueue)}</h1>
            <AdminTabs/>
            <p class="lead">{i18n.s(Key::ReviewQueueExplained)}</p>
            {move || if ctx.can(Capability::ReviewUsers) {
                view! { <Queue/> }.into_any()
            } else {
                view! { <ErrorNotice error=ApiError::Forbidden/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let refresh = RwSignal::new(0u32);
    let users = LocalResource::new({
        let api = api.clone();
        move || {
            refresh.track();
            api.support_users(
                SupportUserQuery {
                    validation: Some(ValidationFilter::NeedsReview),
                    ..SupportUserQuery::default()
                }
                .into(),
            )
        }
    });
    let selected = RwSignal::new(Vec::<String>::new());
    let reason = RwSignal::new(String::new());
    let missing_reason = RwSignal::new(false);
    let decide = Action::new_local(move |decision: &ReviewDecision| {
        let flagged = *decision == ReviewDecision::Flagged;
        let reviewed = api.review_support_users(ReviewRequest {
            user_ids: selected.get_untracked(),
            decision: *decision,
            reason: Some(reason.get_untracked().trim().to_string()).filter(|r| !r.is_empty()),
        });
        async move { reviewed.await.map(|u| (flagged, u.len())) }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = decide.value().get() {
            selected.set(Vec::new());
            reason.set(String::new());
            refresh.update(|n| *n += 1);
        }
    });
    let outcome = move || match decide.value().get() {
        Some(Ok((flagged, n))) => {
            let key = if flagged {
                Key::UsersFlagged
            } else {
                Key::UsersValidated
            };
            Some(view! { <p class="notice success">{i18n.tr(key, &[("count", &i18n.number(n as f64))])}</p> }.into_any())
        }
        Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }.into_any()),
        None => None,
    };
    let none_selected = move || selected.with(|s| s.is_empty());
    view! {
        <div role="status">{outcome}</div>
        <Transition fallback=|| view! { <LoadingIndicator/> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(page) if page.items.is_empty() => view! { <p class="empty">{i18n.s(Key::ReviewQueueEmpty)}</p> }.into_any(),
                    Ok(page) => {
                        // Decided users leave the queue, so the next ones come up by themselves.
                        let more = page.next_cursor.is_some();
                        view! {
                            <QueueTable users=page.items selected=selected/>
                            {more.then(|| view! { <p class="hint">{i18n.s(Key::ReviewQueueMore)}</p> })}
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                }
            })}
        </Transition>
        <section class="card" aria-labelledby="decide-title">
            <h2 id="decide-title">{move || i18n.tr(Key::SelectedCount, &[("count", &i18n.number(selected.with(|s| s.len()) as f64))])}</h2>
            <button type="button" class="button primary" disabled=move || none_selected() || decide.pending().get()
                on:click=move |_| { decide.dispatch(ReviewDecision::Validated); }>
                {i18n.s(Key::ValidateSelected)}
            </button>
            <div class="field">
                <label for="queue-flag-reason">{i18n.s(Key::FlagReason)}</label>
                <input id="queue-flag-reason" type="text" aria-describedby="queue-flag-reason-error"
                    aria-invalid=move || missing_reason.get().to_string()
                    prop:value=move || reason.get()
                    on:input=move |ev| { reason.set(event_target_value(&ev)); missing_reason.set(false); }/>
                <p id="queue-flag-reason-error" class="field-error">{move || missing_reason.get().then(|| i18n.t(Key::ErrRequired))}</p>
            </div>
            <button type="button" class="button" disabled=move || none_selected() || decide.pending().get()
                on:click=move |_| {
                    if reason.get_untracked().trim().is_empty() {
                        missing_reason.set(true);
                    } else {
                        decide.dispatch(ReviewDecision::Flagged);
                    }
                }>
                {i18n.s(Key::FlagSelected)}
            </button>
        </section>
    }
}

/// The queue's users, each with a checkbox named after them, and one to select them all.
#[component]
fn QueueTable(users: Vec<SupportUser>, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let ids: Vec<String> = users.iter().map(|u| u.id.clone()).collect();
    let all_ids = ids.clone();
    // Keep only the selections still in the queue.
    selected.update(|s| s.retain(|id| ids.contains(id)));
    let all =
        move || selected.with(|s| !all_ids.is_empty() && all_ids.iter().all(|id| s.contains(id)));
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{i18n.s(Key::ReviewQueue)}</caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <input type="checkbox" id="select-all" aria-label=i18n.s(Key::SelectAll)
                                prop:checked=all
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.set(if on { ids.clone() } else { Vec::new() });
                                }/>
                        </th>
                        <th scope="col">{i18n.s(Key::ColName)}</th>
                        <th scope="col">{i18n.s(Key::Email)}</th>
                        <th scope="col">{i18n.s(Key::ColRole)}</th>
                        <th scope="col">{i18n.s(Key::ColValidation)}</th>
                    </tr>
                </thead>
                <tbody>
                    {users.into_iter().map(|u| {
                        let id = u.id.clone();
                        let checked = { let id = id.clone(); move || selected.with(|s| s.contains(&id)) };
                        let name = u.name.clone();
                        let (href, email, role, state) = (format!("/support-users/{}", u.id), u.email.clone(), u.role, u.validation.state);
                        let label = move || i18n.tr(Key::SelectUser, &[("name", &u.name)]);
                        view! {
                            <tr>
                                <td><input type="checkbox" aria-label=label prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id.clone();
                                        selected.update(|s| { s.retain(|x| *x != id); if on { s.push(id); } });
                                    }/></td>
                                <th scope="row"><AppLink href=href>{name}</AppLink></th>
                                <td>{email}</td>
                                <td>{i18n.s(role_key(Some(role)))}</td>
                                <td>{i18n.s(validation_key(state))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
