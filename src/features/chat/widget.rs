use super::conversation::Conversation;
use super::ended::Ended;
use super::prechat::PreChat;
use super::session::ChatCtx;
use crate::auth::use_session;
use crate::components::{use_chat_opener, AppLink};
use crate::i18n::{use_i18n, Key};
use leptos::html::{Button, Section};
use leptos::prelude::*;
use support_contract::chat::ChatStatus;
use support_contract::Capability;

/// Which part of a chat the panel shows.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Before,
    During,
    After,
}

/// The chat launcher and its panel, for users who may chat. Mounted once beside the pages, so
/// the conversation survives navigation.
#[component]
pub fn ChatWidget() -> impl IntoView {
    let ctx = use_session();
    view! {
        <Show when=move || ctx.can(Capability::Chat)>
            <Launcher/>
        </Show>
    }
}

#[component]
fn Launcher() -> impl IntoView {
    let i18n = use_i18n();
    let chat = ChatCtx::new();
    provide_context(chat);
    let launcher = NodeRef::<Button>::new();
    let panel = NodeRef::<Section>::new();
    // Focus follows the panel: into it when it opens, back to the launcher when it closes.
    Effect::new(move |was_open: Option<bool>| {
        let open = chat.open.get();
        if open {
            chat.unread.set(0);
            if let Some(p) = panel.get() {
                let _ = p.focus();
            }
        } else if was_open == Some(true) {
            if let Some(b) = launcher.get() {
                let _ = b.focus();
            }
        }
        open
    });
    // Another page asked for the panel ("Resume the chat" on the home page).
    if let Some(opener) = use_chat_opener() {
        Effect::new(move |seen: Option<u32>| {
            let asked = opener.requests();
            if seen.is_some_and(|s| s != asked) {
                chat.open.set(true);
            }
            asked
        });
    }
    // Back from the sign-in-again dialog: the backend had closed the link with the session.
    let session = use_session();
    let api = crate::api::use_api::<dyn crate::api::ChatApi>();
    Effect::new(move |was_expired: Option<bool>| {
        let expired = session.expired.get();
        if was_expired == Some(true) && !expired {
            chat.resume_after_sign_in(api.clone());
        }
        expired
    });
    let online = window_event_listener(leptos::ev::online, move |_| chat.online());
    on_cleanup(move || {
        online.remove();
        chat.disconnect();
    });
    // Only a change of stage rebuilds the panel's body: a status or agent event (one comes
    // with every reconnect) must not wipe what the user is typing or the files they attached.
    let stage = Memo::new(
        move |_| match chat.chat.with(|c| c.as_ref().map(|c| c.status)) {
            None => Stage::Before,
            Some(ChatStatus::Ended) => Stage::After,
            Some(_) => Stage::During,
        },
    );
    let closed_now = move || {
        stage.get() == Stage::Before
            && matches!(chat.availability.get(), Some(Ok(list)) if !list.is_empty() && !list.iter().any(|a| a.available))
    };
    let label = move || {
        let unread = chat.unread.get();
        if unread > 0 {
            i18n.tr(
                Key::ChatLauncherUnread,
                &[("count", &i18n.number(unread as f64))],
            )
        } else if closed_now() {
            i18n.t(Key::ChatLauncherClosed).to_string()
        } else {
            i18n.t(Key::ChatLauncher).to_string()
        }
    };
    view! {
        <div class="chat-widget">
            // While the panel is closed, the list's own live region is gone: say that support wrote.
            <p class="visually-hidden" aria-live="polite">
                {move || (!chat.open.get() && chat.unread.get() > 0).then(label)}
            </p>
            <Show when=move || chat.open.get()>
                <section node_ref=panel class="chat-panel card" role="dialog" aria-modal="false"
                    aria-labelledby="chat-title" tabindex="-1"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            chat.open.set(false);
                        }
                    }>
                    <div class="chat-head">
                        <h2 id="chat-title">{i18n.s(Key::ChatTitle)}</h2>
                        <button type="button" class="button" on:click=move |_| chat.open.set(false)>
                            {i18n.s(Key::ChatMinimise)}
                        </button>
                    </div>
                    {move || match stage.get() {
                        Stage::Before => view! { <PreChat/> }.into_any(),
                        Stage::After => view! { <Ended/> }.into_any(),
                        Stage::During => view! { <Conversation/> }.into_any(),
                    }}
                    <p class="chat-foot"><AppLink href="/chats">{i18n.s(Key::ChatAllChats)}</AppLink></p>
                </section>
            </Show>
            <button node_ref=launcher type="button" class="button primary chat-launcher"
                aria-expanded=move || chat.open.get().to_string()
                on:click=move |_| chat.open.update(|o| *o = !*o)>
                {label}
                {move || (chat.unread.get() > 0).then(|| view! {
                    <span class="badge" aria-hidden="true">{chat.unread.get()}</span>
                })}
            </button>
        </div>
    }
}
