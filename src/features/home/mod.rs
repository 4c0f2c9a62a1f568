//! The home page: a greeting, the rollout phase, the vendor's announcements, "Get started"
//! with the user's progress in the enablement phase, what needs a support role (their cases
//! awaiting a reply, open cases, the open chat, callbacks, support users to review), a help
//! search with popular forum threads, and for a member who their support administrators are.
//!
//! The blocks (`announcements`, `get_started`, `needs_you`, `help_box`) are drawn from one
//! answer (`GET /home`): one request and one decoding for the first screen, and one message
//! with a retry if it fails. The member's support administrators come from their own request.

mod announcements;
mod get_started;
mod help_box;
mod needs_you;

use crate::api::{use_api, use_portal, HomeApi};
use crate::auth::{page_for, use_session, SupportAdmins};
use crate::components::{AppLink, ErrorNotice, Hold, LoadingIndicator, PhaseBanner, Settled};
use crate::domain::phones_for_region;
use crate::i18n::{capability_key, role_key, use_i18n, Key};
use announcements::Announcements;
use get_started::GetStarted;
use help_box::HelpBox;
use leptos::prelude::*;
use needs_you::NeedsYou;
use support_contract::home::HomeSummary;
use support_contract::{Capability, Organisation, Phase, Role};

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
    let portal = use_portal();
    let who = Memo::new(move |_| {
        ctx.session().map(|s| Who {
            name: s.user.name,
            role: s.user.role,
            organisation: s.organisation,
            capabilities: s.capabilities,
        })
    });
    let phase = Memo::new(move |_| portal.get().and_then(|r| r.ok()).map(|p| p.phase));
    let enablement = move || phase.get() == Some(Phase::Enablement);
    let banner = move || {
        let region = who.with(|w| w.as_ref().map(|w| w.organisation.region))?;
        Some(match portal.get() {
            None => view! { <LoadingIndicator/> }.into_any(),
            Some(Ok(p)) => {
                let phones = phones_for_region(&p.phone_numbers, region);
                view! { <PhaseBanner phase=p.phase phones=phones/> }.into_any()
            }
            Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
        })
    };
    let body = move || {
        who.get().map(|w| {
            // The page (see `Settled`) waits for the portal configuration and its banner too.
            let banner_hold = Hold::new();
            Effect::new(move |_| {
                if portal.with(Option::is_some) {
                    banner_hold.after(());
                }
            });
            // A closure: a language switch must not rebuild the page (and its blocks' requests).
            let name = w.name.clone();
            let greeting = move || i18n.tr(Key::Greeting, &[("name", &name)]);
            let can = |c: Capability| w.capabilities.contains(&c);
            let is_member = !can(Capability::ManageCases);
            let parts = Parts {
                support: can(Capability::ManageCases),
                chat: can(Capability::Chat),
                users: can(Capability::ManageUsers),
            };
            let api = use_api::<dyn HomeApi>();
            let hold = Hold::new();
            let home = LocalResource::new(move || api.home(i18n.locale.get()));
            view! {
                <h1 id="page-title">{greeting}</h1>
                <p class="lead">{w.organisation.name.clone()}" · "{i18n.s(role_key(w.role))}</p>
                // The rollout phase comes right under the greeting, before anything to do.
                {banner}
                <Transition fallback=|| view! { <LoadingIndicator/> }>
                    {move || Suspend::new(async move {
                        match hold.after(home.await) {
                            Ok(summary) => view! { <Blocks summary=summary parts=parts enablement=Signal::derive(enablement)/> }.into_any(),
                            Err(e) => view! { <ErrorNotice error=e retry=Callback::new(move |_| home.refetch())/> }.into_any(),
                        }
                    })}
                </Transition>
                {is_member.then(|| view! {
                    <section class="card" aria-labelledby="admins-title">
                        <h2 id="admins-title">{i18n.s(Key::HomeAdminsTitle)}</h2>
                        <SupportAdmins intro=Key::MemberAccessHint/>
                    </section>
                })}
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

/// The blocks under the banner, from the one answer: announcements, "Get started" (in the
/// enablement phase), what needs a support role, and help.
#[component]
fn Blocks(mut summary: HomeSummary, parts: Parts, enablement: Signal<bool>) -> impl IntoView {
    // The everyone's parts go to their blocks; what needs a support role stays in `summary`.
    let announcements = std::mem::take(&mut summary.announcements);
    let learning = std::mem::take(&mut summary.learning);
    let threads = std::mem::take(&mut summary.popular_threads);
    view! {
        <Announcements items=announcements/>
        <Show when=move || enablement.get()>
            <GetStarted learning=learning.clone()/>
        </Show>
        {parts.support.then(|| view! { <NeedsYou summary=summary chat=parts.chat users=parts.users/> })}
        <HelpBox threads=threads/>
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
