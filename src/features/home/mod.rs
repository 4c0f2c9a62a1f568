//! The home page: a greeting, the rollout phase, the vendor's announcements, "Get started"
//! with the user's progress in the enablement phase, what needs a support role (their cases
//! awaiting a reply, open cases, the open chat, callbacks, support users to review), a help
//! search with popular forum threads, and for a member who their support administrators are.
//!
//! The blocks (`announcements`, `get_started`, `needs_you`, `help_box`, the member's support
//! administrators) are drawn from one answer (`GET /home`): one request and one decoding for
//! the first screen, and one message with a retry if it fails.

mod announcements;
mod get_started;
mod help_box;
mod needs_you;

use crate::api::{use_api, HomeApi};
use crate::auth::{page_for, use_session};
use crate::components::{
    AppLink, ErrorNotice, Hold, LoadingIndicator, PhaseBanner, Settled, SupportAdminList,
};
use crate::domain::phones_for_region;
use crate::i18n::{capability_key, role_key, use_i18n, Key};
use announcements::Announcements;
use get_started::GetStarted;
use help_box::HelpBox;
use leptos::prelude::*;
use needs_you::NeedsYou;
use support_contract::home::HomeSummary;
use support_contract::{Capability, Organisation, Phase, Region, Role};

/// What the home page is built from: a renewed session with the same user, role and
/// organisation rebuilds nothing (and refetches nothing).
#[derive(Clone, Debug, PartialEq)]
struct Who {
    name: String,
    role: Option<Role>,
    organisation: Organisation,
    capabilities: Vec<Capability>,
}

/// Home: greeting, phase banner, announcements, "Get started" (enablement), what needs the
/// user, help, and what they can do here.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let who = Memo::new(move |_| {
        ctx.session().map(|s| Who {
            name: s.user.name,
            role: s.user.role,
            organisation: s.organisation,
            capabilities: s.capabilities,
        })
    });
    let body = move || {
        who.get().map(|w| {
            // A closure: a language switch must not rebuild the page (and its blocks' requests).
            let name = w.name.clone();
            let greeting = move || i18n.tr(Key::Greeting, &[("name", &name)]);
            let can = |c: Capability| w.capabilities.contains(&c);
            let parts = Parts {
                support: can(Capability::ManageCases),
                chat: can(Capability::Chat),
                users: can(Capability::ManageUsers),
            };
            let api = use_api::<dyn HomeApi>();
            let hold = Hold::new();
            let home = LocalResource::new(move || api.home(i18n.locale.get()));
            let phase = Memo::new(move |_| home.get().and_then(|r| r.ok()).map(|s| s.phase));
            let enablement = move || phase.get() == Some(Phase::Enablement);
            let region = w.organisation.region;
            view! {
                <h1 id="page-title">{greeting}</h1>
                <p class="lead">{w.organisation.name.clone()}" · "{i18n.s(role_key(w.role))}</p>
                <Transition fallback=|| view! { <LoadingIndicator/> }>
                    {move || Suspend::new(async move {
                        match hold.after(home.await) {
                            Ok(summary) => view! { <Blocks summary=summary parts=parts region=region/> }.into_any(),
                            Err(e) => view! { <ErrorNotice error=e retry=Callback::new(move |_| home.refetch())/> }.into_any(),
                        }
                    })}
                </Transition>
                <CanDo capabilities=w.capabilities.clone() enablement=Signal::derive(enablement)/>
            }
        })
    };
    view! {
        <div class="page home">
            // The blocks load on their own; the page shows once they have answered, whole.
            <Settled>{body}</Settled>
        </div>
    }
}

/// Which of the home page's parts the user's capabilities grant.
#[derive(Clone, Copy)]
struct Parts {
    /// What needs a support role (`manage_cases`).
    support: bool,
    /// Their open chat (`chat`).
    chat: bool,
    /// Support users to review and invited (`manage_users`).
    users: bool,
}

/// The blocks under the greeting, from the one answer: the rollout phase's banner (first,
/// before anything to do; with the numbers of the user's `region`), announcements, "Get
/// started" (in the enablement phase), what needs a support role, help, and for a member whom
/// to ask for support access.
#[component]
fn Blocks(mut summary: HomeSummary, parts: Parts, region: Region) -> impl IntoView {
    let i18n = use_i18n();
    let phones = phones_for_region(&summary.phone_numbers, region);
    // The everyone's parts go to their blocks; what needs a support role stays in `summary`.
    let announcements = std::mem::take(&mut summary.announcements);
    let learning = std::mem::take(&mut summary.learning);
    let threads = std::mem::take(&mut summary.popular_threads);
    let admins = summary.support_admins.take();
    view! {
        <PhaseBanner phase=summary.phase phones=phones/>
        <Announcements items=announcements/>
        {(summary.phase == Phase::Enablement).then(|| view! { <GetStarted learning=learning/> })}
        {parts.support.then(|| view! { <NeedsYou summary=summary chat=parts.chat users=parts.users/> })}
        <HelpBox threads=threads/>
        {admins.map(|list| view! {
            <section class="card" aria-labelledby="admins-title">
                <h2 id="admins-title">{i18n.s(Key::HomeAdminsTitle)}</h2>
                <SupportAdminList list=list intro=Key::MemberAccessHint/>
            </section>
        })}
    }
}

/// The user's capabilities as things to do, each leading to its page, and (outside the
/// enablement phase, where "Get started" has its own block) the way to "Get started".
#[component]
fn CanDo(capabilities: Vec<Capability>, #[prop(into)] enablement: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="can-do-title" class="card">
            <h2 id="can-do-title">{i18n.s(Key::WhatYouCanDo)}</h2>
            <ul class="can-do">
                {capabilities.into_iter().filter(|c| *c != Capability::Unknown).map(|c| {
                    let label = i18n.s(capability_key(c));
                    match page_for(c).map(|p| p.href()) {
                        Some(href) => view! { <li><AppLink href=href>{label}</AppLink></li> }.into_any(),
                        None => view! { <li>{label}</li> }.into_any(),
                    }
                }).collect_view()}
                <Show when=move || !enablement.get()>
                    <li><AppLink href="/learning">{i18n.s(Key::HomeLearningLink)}</AppLink></li>
                </Show>
            </ul>
        </section>
    }
}
