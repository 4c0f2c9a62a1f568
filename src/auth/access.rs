use super::use_session;
use crate::api::{use_api, use_portal, PortalApi};
use crate::components::{AppLink, ErrorNotice, LoadingIndicator, SupportAdminList};
use crate::domain::roles_granting;
use crate::i18n::{role_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::Capability;

/// Shown instead of a page the user's role does not allow: which role it needs, and whom to
/// ask. Never a blank page or a redirect loop.
#[component]
pub fn AccessPage(needs: Capability) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let portal = use_portal();
    let roles = move || {
        portal.get().and_then(|r| r.ok()).map(|p| {
            let names: Vec<&str> = roles_granting(&p.roles, needs)
                .into_iter()
                .map(|r| i18n.t(role_key(r)))
                .collect();
            i18n.tr(Key::AccessNeedsRole, &[("roles", &names.join(", "))])
        })
    };
    let my_role = move || {
        ctx.session().map(|s| {
            i18n.tr(
                Key::AccessYourRole,
                &[("role", i18n.t(role_key(s.user.role)))],
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="access-title">
            <h1 id="access-title">{i18n.s(Key::AccessTitle)}</h1>
            <p>{roles}</p>
            <p>{my_role}</p>
            <SupportAdmins intro=Key::AskAdmins/>
            <p><AppLink href="/">{i18n.s(Key::BackHome)}</AppLink></p>
        </section>
    }
}

/// The organisation's support administrators, to ask for access, as the backend lists them.
#[component]
fn SupportAdmins(intro: Key) -> impl IntoView {
    let api = use_api::<dyn PortalApi>();
    let contacts = LocalResource::new(move || api.support_contacts());
    view! {
        <Transition fallback=|| view! { <LoadingIndicator/> }>
            {move || Suspend::new(async move {
                match contacts.await {
                    Ok(list) => view! { <SupportAdminList list=list intro=intro/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                }
            })}
        </Transition>
    }
}
