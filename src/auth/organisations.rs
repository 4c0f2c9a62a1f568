//! Moving the session to another of the person's organisations: the header's switcher
//! (standalone), or the host console's choice (embedded: `Host::organisation`, and then no
//! switcher of the portal's own). Only people in two or more organisations get this, from its
//! own chunk. Every page and the chat are built again after a switch (`SessionCtx::
//! switched_organisation`); drafts and the chat's outbox are kept by user account, which is
//! one per organisation, so each organisation's stay its own.

use super::{use_session, SessionState};
use crate::api::{use_api, OrganisationsApi};
use crate::components::{use_host, use_router};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The organisation select (unless a host console chooses), and the switch itself.
#[component]
pub fn OrganisationSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let api = use_api::<dyn OrganisationsApi>();
    let router = use_router();
    let host = use_host();
    let failed = RwSignal::new(false);
    // A memo: each option compares against it. Read through `session()`, which clones the
    // whole session with its list of organisations, every option cost a copy of that list, and
    // a session with ten thousand organisations froze the page for seconds.
    let current = Memo::new(move |_| {
        ctx.state.with(|s| match s {
            SessionState::SignedIn(s) => s.organisation.id.clone(),
            _ => String::new(),
        })
    });
    let switch = Callback::new(move |organisation: String| {
        if organisation.is_empty() || current.with_untracked(|c| *c == organisation) {
            return;
        }
        failed.set(false);
        let switched = api.switch_organisation(organisation);
        spawn_local(async move {
            match switched.await {
                Ok(session) => {
                    // A page of the other organisation (a case) is not this one's: back to
                    // the start of its section.
                    let path = router.path();
                    let section = path.split('/').nth(1).unwrap_or_default();
                    router.replace(&format!("/{section}"));
                    ctx.switched_organisation(session);
                }
                Err(_) => failed.set(true),
            }
        });
    });
    // The host console's choice, now and whenever it changes; once it chose, its own switcher
    // is the one shown.
    let chosen_by_host = move || host.and_then(|h| h.organisation()).is_some();
    if let Some(host) = host {
        Effect::new(move || {
            if let Some(organisation) = host.organisation() {
                switch.run(organisation);
            }
        });
    }
    let options = move || {
        ctx.state.with(|s| match s {
            SessionState::SignedIn(s) => s.organisations.clone(),
            _ => Vec::new(),
        })
    };
    view! {
        {move || (!chosen_by_host()).then(|| view! {
            <label class="language">
                <span>{i18n.s(Key::OrganisationLabel)}</span>
                <select prop:value=move || current.get() on:change=move |ev| switch.run(event_target_value(&ev))>
                    <For each=options key=|o| o.id.clone() let:o>
                        <option value=o.id.clone() selected=move || current.with(|c| *c == o.id)>{o.name.clone()}</option>
                    </For>
                </select>
            </label>
        })}
        <p class="language-missed" role="status">
            {move || failed.get().then(|| i18n.t(Key::OrganisationSwitchFailed))}
        </p>
    }
}
