use super::AdminTabs;
use crate::api::{use_api, SupportUsersApi};
use crate::components::{
    people_options, use_list_url, wire_options, DataTable, DateField, ErrorNotice, FilterPanel,
    ListSearch, ListUrl, LoadingIndicator, SelectField, SemicolonChoice,
};
use crate::i18n::{audit_action_key, role_key, use_i18n, user_status_key, validation_key, Key};
use leptos::prelude::*;
use support_contract::cases::Person;
use support_contract::users::{
    AuditAction, AuditEntry, AuditQuery, SupportUserQuery, UserSnapshot,
};
use support_contract::wire::{from_wire, wire_name};
use support_contract::{Locale, Page, Role};

/// The audit log of administrative changes: who changed what about whom and when, with the
/// state before and after; filters in the URL, and a CSV download of the filtered view.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let list = use_list_url::<AuditQuery>("/support-users/audit");
    let q = list.query;
    let entries = LocalResource::new({
        let api = api.clone();
        move || api.audit_log(q.get())
    });
    // French and Spanish spreadsheets expect `;` between columns.
    let semicolon = RwSignal::new(i18n.locale.get_untracked() != Locale::En);
    let export = move || api.audit_log_export_url(&q.get(), semicolon.get());
    let actions = wire_options(
        [
            AuditAction::UserCreated,
            AuditAction::UserImported,
            AuditAction::RoleChanged,
            AuditAction::UserRemoved,
            AuditAction::UserValidated,
            AuditAction::UserFlagged,
            AuditAction::InvitationAccepted,
            AuditAction::ImportChecked,
        ]
        .map(|a| (a, audit_action_key(a))),
    );
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::AuditLog)}</h1>
            <AdminTabs/>
            <FilterPanel title=Key::FilterAuditLog filtered=Signal::derive(move || list.is_filtered())
                on_clear=Callback::new(move |_| list.clear())
                search=ListSearch {
                    id: "audit-search",
                    label: Key::SearchAudit,
                    current: Signal::derive(move || q.get().query.q),
                    on_search: Callback::new(move |text: String| list.update(|q| q.q = text)),
                }>
                <div class="filter-grid">
                    <SelectField id="audit-action" label=Key::ColAction options=actions any=Key::AnyValue
                        value=Signal::derive(move || q.get().action.map(|a| wire_name(&a).to_string()).unwrap_or_default())
                        on_change=Callback::new(move |v: String| list.update(|q| q.action = from_wire(&v)))/>
                    <ActorFilter list=list/>
                    <DateField id="audit-from" label=Key::FromDate value=Signal::derive(move || q.get().query.from)
                        on_change=Callback::new(move |d: String| list.update(|q| q.from = d))/>
                    <DateField id="audit-to" label=Key::ToDate value=Signal::derive(move || q.get().query.to)
                        on_change=Callback::new(move |d: String| list.update(|q| q.to = d))/>
                </div>
            </FilterPanel>
            <section class="card" aria-labelledby="export-title">
                <h2 id="export-title">{i18n.s(Key::ExportTitle)}</h2>
                <SemicolonChoice id="export-semicolon" semicolon=semicolon/>
                <a class="button" href=export download="audit-log.csv">{i18n.s(Key::DownloadCsv)}</a>
            </section>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(page) if page.items.is_empty() => view! { <p class="empty" role="status">{i18n.s(Key::AuditEmpty)}</p> }.into_any(),
                        Ok(page) => view! { <AuditTable page=page list=list/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// "role: A → B, status: C → D": the fields that differ between before and after, and how
/// many rows an import read.
fn change_text(i18n: crate::i18n::I18n, e: &AuditEntry) -> String {
    let empty = UserSnapshot::default();
    let (b, a) = (
        e.before.as_ref().unwrap_or(&empty),
        e.after.as_ref().unwrap_or(&empty),
    );
    let mut parts = Vec::new();
    let arrow = |from: Option<&str>, to: Option<&str>| match (from, to) {
        (Some(f), Some(t)) if f != t => Some(format!("{f} → {t}")),
        (None, Some(t)) => Some(t.to_string()),
        _ => None,
    };
    let role = |r: Option<Role>| r.map(|r| i18n.t(role_key(Some(r))));
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
    if let Some(n) = e.rows {
        parts.push(i18n.count(u64::from(n), Key::AuditRowsOne, Key::AuditRowsMany));
    }
    parts.join(" · ")
}

/// One page of the log, newest first, and the way to the next.
#[component]
fn AuditTable(page: Page<AuditEntry>, list: ListUrl<AuditQuery>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DataTable caption=Key::AuditLog columns=vec![Key::ColWhen, Key::ColWho, Key::ColAction, Key::ColSupportUser, Key::ColChange]>
                    {page.items.into_iter().map(|e| {
                        let at = e.at.clone();
                        let who = e.actor.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| i18n.t(Key::System).to_string());
                        let action = audit_action_key(e.action);
                        let (name, email) = (e.target.name.clone(), e.target.email.clone());
                        let change = move || change_text(i18n, &e);
                        view! {
                            <tr>
                                <td>{move || i18n.date_time(&at)}</td>
                                <td>{who}</td>
                                <td>{i18n.s(action)}</td>
                                <th scope="row">{name}<br/><span class="muted">{email}</span></th>
                                <td>{change}</td>
                            </tr>
                        }
                    }).collect_view()}
        </DataTable>
        {list.pager(page.next_cursor)}
    }
}

/// Who made the change: any Support System Administrator of the organisation.
#[component]
fn ActorFilter(list: ListUrl<AuditQuery>) -> impl IntoView {
    let api = use_api::<dyn SupportUsersApi>();
    let admins = LocalResource::new(move || {
        api.support_users(
            SupportUserQuery {
                role: Some(Role::SupportSystemAdmin),
                ..SupportUserQuery::default()
            }
            .into(),
        )
    });
    let people = Signal::derive(move || {
        let admins = admins.get().and_then(Result::ok).map(|page| page.items);
        people_options(admins.map(|users| {
            users
                .into_iter()
                .map(|u| Person {
                    id: u.id,
                    name: u.name,
                })
                .collect()
        }))
    });
    view! {
        <SelectField id="audit-actor" label=Key::ChangedBy options=people any=Key::AnyValue
            value=Signal::derive(move || list.query.get().query.actor)
            on_change=Callback::new(move |actor: String| list.update(|q| q.actor = actor))/>
    }
}
