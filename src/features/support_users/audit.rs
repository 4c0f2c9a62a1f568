use super::{use_list_params, AdminTabs, ListSearch, Pager};
use crate::api::use_backend;
use crate::components::{DataTable, ErrorNotice, LoadingIndicator, PersonSelect, SelectField};
use crate::domain::{wire_name, ListParams, AUDIT_LOG, SUPPORT_USERS};
use crate::i18n::{audit_action_key, role_key, use_i18n, user_status_key, validation_key, Key};
use leptos::prelude::*;
use support_contract::users::{AuditEntry, UserSnapshot};
use support_contract::{Locale, Page};

/// The audit log of administrative changes: who changed what about whom and when, with the
/// state before and after; filters in the URL, and a CSV download of the filtered view.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let backend = use_backend();
    let (query, go) = use_list_params(AUDIT_LOG, "/support-users/audit");
    let entries = LocalResource::new({
        let backend = backend.clone();
        move || {
            let backend = backend.clone();
            let q = query.get();
            async move { backend.audit_log(q).await }
        }
    });
    // French and Spanish spreadsheets expect `;` between columns.
    let semicolon = RwSignal::new(i18n.locale.get_untracked() != Locale::En);
    let export = move || backend.audit_log_export_url(&query.get(), semicolon.get());
    let set = move |name: &'static str| {
        Callback::new(move |v: String| go.run(query.get_untracked().with(name, &v)))
    };
    let value = move |name: &'static str| Signal::derive(move || query.get().get(name).to_string());
    use support_contract::users::AuditAction as A;
    let actions = [
        A::UserCreated,
        A::UserImported,
        A::RoleChanged,
        A::UserRemoved,
        A::UserValidated,
        A::UserFlagged,
        A::InvitationAccepted,
    ]
    .into_iter()
    .map(|a| (wire_name(a), audit_action_key(a)))
    .collect::<Vec<_>>();
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::AuditLog)}</h1>
            <AdminTabs/>
            <section class="card filters" aria-labelledby="filters-title">
                <h2 id="filters-title" class="visually-hidden">{i18n.s(Key::FiltersTitle)}</h2>
                <ListSearch id="audit-search" label=Key::SearchAudit query=query go=go/>
                <div class="filter-grid">
                    <SelectField id="audit-action" label=Key::ColAction options=actions any=Key::AnyValue
                        value=value("action") on_change=set("action")/>
                    <ActorFilter query=query go=go/>
                    <div class="field">
                        <label for="audit-from">{i18n.s(Key::FromDate)}</label>
                        <input id="audit-from" type="date" prop:value=move || query.get().get("from").to_string()
                            on:change=move |ev| go.run(query.get_untracked().with("from", &event_target_value(&ev)))/>
                    </div>
                    <div class="field">
                        <label for="audit-to">{i18n.s(Key::ToDate)}</label>
                        <input id="audit-to" type="date" prop:value=move || query.get().get("to").to_string()
                            on:change=move |ev| go.run(query.get_untracked().with("to", &event_target_value(&ev)))/>
                    </div>
                </div>
            </section>
            <section class="card" aria-labelledby="export-title">
                <h2 id="export-title">{i18n.s(Key::ExportTitle)}</h2>
                <div class="choice">
                    <input type="checkbox" id="export-semicolon" prop:checked=move || semicolon.get()
                        on:change=move |ev| semicolon.set(event_target_checked(&ev))/>
                    <label for="export-semicolon">{i18n.s(Key::SemicolonSeparator)}</label>
                </div>
                <a class="button" href=export download="audit-log.csv">{i18n.s(Key::DownloadCsv)}</a>
            </section>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(page) if page.items.is_empty() => view! { <p class="empty" role="status">{i18n.s(Key::AuditEmpty)}</p> }.into_any(),
                        Ok(page) => view! { <AuditTable page=page query=query go=go/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// "role: A → B, status: C → D": the fields that differ between before and after.
fn change_text(
    i18n: crate::i18n::I18n,
    before: &Option<UserSnapshot>,
    after: &Option<UserSnapshot>,
) -> String {
    let empty = UserSnapshot::default();
    let (b, a) = (
        before.as_ref().unwrap_or(&empty),
        after.as_ref().unwrap_or(&empty),
    );
    let mut parts = Vec::new();
    let arrow = |from: Option<&str>, to: Option<&str>| match (from, to) {
        (Some(f), Some(t)) if f != t => Some(format!("{f} → {t}")),
        (None, Some(t)) => Some(t.to_string()),
        _ => None,
    };
    let role = |r: Option<support_contract::Role>| r.map(|r| i18n.t(role_key(Some(r))));
    if let Some(t) = arrow(role(b.role), role(a.role)) {
        parts.push(t);
    }
    if let Some(t) = arrow(
        b.status.map(|s| i18n.t(user_status_key(s))),
        a.status.map(|s| i18n.t(user_status_key(s))),
    ) {
        parts.push(t);
    }
    if let Some(t) = arrow(
        b.validation.map(|v| i18n.t(validation_key(v))),
        a.validation.map(|v| i18n.t(validation_key(v))),
    ) {
        parts.push(t);
    }
    if let Some(r) = &a.reason {
        parts.push(format!("“{r}”"));
    }
    parts.join(" · ")
}

/// One page of the log, newest first, and the way to the next.
#[component]
fn AuditTable(
    page: Page<AuditEntry>,
    query: Memo<ListParams>,
    go: Callback<ListParams>,
) -> impl IntoView {
    let i18n = use_i18n();
    let next = page.next_cursor.clone();
    view! {
        <DataTable caption=Key::AuditLog columns=vec![Key::ColWhen, Key::ColWho, Key::ColAction, Key::ColSupportUser, Key::ColChange]>
                    {page.items.into_iter().map(|e| {
                        let at = e.at.clone();
                        let who = e.actor.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| i18n.t(Key::System).to_string());
                        let change = move || change_text(i18n, &e.before, &e.after);
                        view! {
                            <tr>
                                <td>{move || i18n.date_time(&at)}</td>
                                <td>{who}</td>
                                <td>{i18n.s(audit_action_key(e.action))}</td>
                                <th scope="row">{e.target.name.clone()}<br/><span class="muted">{e.target.email.clone()}</span></th>
                                <td>{change}</td>
                            </tr>
                        }
                    }).collect_view()}
        </DataTable>
        <Pager query=query go=go next=next/>
    }
}

/// Who made the change: any Support System Administrator of the organisation, past or present.
#[component]
fn ActorFilter(query: Memo<ListParams>, go: Callback<ListParams>) -> impl IntoView {
    let backend = use_backend();
    let admins = LocalResource::new(move || {
        let backend = backend.clone();
        let q = ListParams::from_params(SUPPORT_USERS, |k| {
            (k == "role").then(|| "support_system_admin".to_string())
        });
        async move {
            backend
                .support_users(q)
                .await
                .map(|p| p.items)
                .unwrap_or_default()
        }
    });
    let people = Signal::derive(move || {
        admins
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect()
    });
    view! {
        <PersonSelect id="audit-actor" label=Key::ChangedBy people=people
            value=Signal::derive(move || query.get().get("actor").to_string())
            on_change=Callback::new(move |actor: String| go.run(query.get_untracked().with("actor", &actor)))/>
    }
}
