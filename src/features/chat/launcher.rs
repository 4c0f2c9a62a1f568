//! The chat launcher: the only part of chat in the first load. The panel, the conversation and
//! the realtime link arrive later (the app decides how: in a split build, from their own
//! chunk) and share the launcher's state through [`ChatLauncher`].

use crate::auth::use_session;
use crate::components::{use_chat_opener, use_host};
use crate::i18n::{use_i18n, Key};
use leptos::html::Button;
use leptos::prelude::*;
use support_contract::Capability;

/// What the launcher and the panel share: whether the panel is open, how many messages
/// arrived unseen, whether chat is closed right now, and the launcher button (focus returns
/// to it when the panel closes).
#[derive(Clone, Copy)]
pub struct ChatLauncher {
    pub open: RwSignal<bool>,
    pub unread: RwSignal<u32>,
    pub closed_now: RwSignal<bool>,
    pub button: NodeRef<Button>,
}

/// The launcher's state, inside the chat widget.
pub fn use_chat_launcher() -> ChatLauncher {
    expect_context::<ChatLauncher>()
}

/// The chat launcher, and `panel` beside it, for users who may chat. Mounted once beside the
/// pages, so the conversation survives navigation.
#[component]
pub fn ChatWidget(#[prop(into)] panel: ViewFn) -> impl IntoView {
    let ctx = use_session();
    view! {
        <Show when=move || ctx.can(Capability::Chat)>
            <Launcher panel=panel.clone()/>
        </Show>
    }
}

/// The button that opens the panel, with the count of unread messages.
#[component]
fn Launcher(panel: ViewFn) -> impl IntoView {
    let i18n = use_i18n();
    let state = ChatLauncher {
        open: RwSignal::new(false),
        unread: RwSignal::new(0),
        closed_now: RwSignal::new(false),
        button: NodeRef::new(),
    };
    provide_context(state);
    // Another page asked for the panel ("Resume the chat" on the home page).
    if let Some(opener) = use_chat_opener() {
        Effect::new(move |seen: Option<u32>| {
            let asked = opener.requests();
            if seen.is_some_and(|s| s != asked) {
                state.open.set(true);
            }
            asked
        });
    }
    // A host page shows the count in its own frame (its navigation, its tab title).
    if let Some(host) = use_host() {
        Effect::new(move || host.tell("unread", &[("count", state.unread.get().into())]));
    }
    let label = move || {
        let unread = state.unread.get();
        if unread > 0 {
            i18n.tr(
                Key::ChatLauncherUnread,
                &[("count", &i18n.number(unread as f64))],
            )
        } else if state.closed_now.get() {
            i18n.t(Key::ChatLauncherClosed).to_string()
        } else {
            i18n.t(Key::ChatLauncher).to_string()
        }
    };
    view! {
        <div class="chat-widget">
            // While the panel is closed, the list's own live region is gone: say that support wrote.
            <p class="visually-hidden" aria-live="polite">
                {move || (!state.open.get() && state.unread.get() > 0).then(label)}
            </p>
            {panel.run()}
            <button node_ref=state.button type="button" class="button primary chat-launcher"
                aria-expanded=move || state.open.get().to_string()
                on:click=move |_| state.open.update(|o| *o = !*o)>
                {label}
                {move || (state.unread.get() > 0).then(|| view! {
                    <span class="badge" aria-hidden="true">{state.unread.get()}</span>
                })}
            </button>
        </div>
    }
}
