//! The home page: the rollout phase, a greeting, and what this user can do here.

use crate::api::use_portal;
use crate::auth::{page_for, use_session, SupportAdmins};
use crate::components::{AppLink, ErrorNotice, PhaseBanner};
use crate::domain::phones_for_region;
use crate::i18n::{capability_key, role_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::Capability;

/// Home: phase banner, greeting, and the user's capabilities as things to do.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let portal = use_portal();
    let banner = move || {
        let session = ctx.session()?;
        Some(match portal.get()? {
            Ok(p) => {
                let phones = phones_for_region(&p.phone_numbers, session.organisation.region);
                view! { <PhaseBanner phase=p.phase phones=phones/> }.into_any()
            }
            Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
        })
    };
    let body = move || {
        ctx.session().map(|s| {
            let greeting = i18n.tr(Key::Greeting, &[("name", &s.user.name)]);
            let is_member = !s.capabilities.contains(&Capability::ManageCases);
            let caps = s.capabilities.clone();
            view! {
                <h1 id="page-title">{greeting}</h1>
                <p class="lead">{s.organisation.name.clone()}" · "{i18n.s(role_key(s.user.role))}</p>
                // The rollout phase comes right under the greeting, before anything to do.
                {banner}
                <section aria-labelledby="can-do-title" class="card">
                    <h2 id="can-do-title">{i18n.s(Key::WhatYouCanDo)}</h2>
                    <ul class="can-do">
                        {caps.into_iter().filter(|c| *c != Capability::Unknown).map(|c| {
                            let label = i18n.s(capability_key(c));
                            match page_for(c).map(|p| p.href()) {
                                Some(href) => view! { <li><AppLink href=href>{label}</AppLink></li> }.into_any(),
                                None => view! { <li>{label}</li> }.into_any(),
                            }
                        }).collect_view()}
                    </ul>
                    {is_member.then(|| view! { <SupportAdmins intro=Key::MemberAccessHint/> })}
                </section>
            }
        })
    };
    view! {
        <div class="page">
            {body}
        </div>
    }
}
