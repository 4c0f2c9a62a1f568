//! The chat panel: what the launcher opens. Not in the first load (see `launcher`).

use super::conversation::Conversation;
use super::ended::Ended;
use super::launcher::use_chat_launcher;
use super::prechat::PreChat;
use super::session::ChatCtx;
use crate::auth::use_session;
use crate::components::AppLink;
use crate::i18n::{use_i18n, Key};
use leptos::html::Section;
use leptos::prelude::*;
use support_contract::chat::ChatStatus;

/// Which part of a chat the panel shows.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Before,
    During,
    After,
}

/// The chat panel and what keeps the chat going (its state, the resume of an open chat, the
/// realtime link), inside the launcher's widget.
#[component]
pub fn ChatPanel() -> impl IntoView {
    let i18n = use_i18n();
    let launcher = use_chat_launcher();
    let chat = ChatCtx::new(launcher);
    provide_context(chat);
    let panel = NodeRef::<Section>::new();
    // Focus follows the panel: into it when it opens, back to the launcher when it closes. The
    // panel may be built after this first runs, and put on the page later still (its code
    // arrived after the launcher opened, and the first availability answer is awaited), so its
    // arrival runs this again and the focus waits until it is on the page.
    Effect::new(move |was_open: Option<bool>| {
        let open = chat.open.get();
        let drawn = panel.get();
        if open {
            chat.unread.set(0);
            if let Some(p) = drawn {
                focus_once_shown(p, 300);
            }
        } else if was_open == Some(true) {
            if let Some(b) = launcher.button.get() {
                let _ = b.focus();
            }
        }
        open
    });
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
    // The launcher says when no product offers chat now.
    Effect::new(move || {
        let closed = stage.get() == Stage::Before
            && matches!(chat.availability.get(), Some(Ok(list)) if !list.is_empty() && !list.iter().any(|a| a.available));
        launcher.closed_now.set(closed);
    });
    view! {
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
    }
}

/// Focuses `element` in the first frame where it is on the page, trying for `frames` frames.
fn focus_once_shown(element: web_sys::HtmlElement, frames: u16) {
    request_animation_frame(move || {
        if element.is_connected() {
            let _ = element.focus();
        } else if frames > 0 {
            focus_once_shown(element, frames - 1);
        }
    });
}
