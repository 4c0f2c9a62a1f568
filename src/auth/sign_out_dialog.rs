//! The sign-out step that looks for the user's input kept on this device (see `sign_out`),
//! and asks what to do with it. It arrives with the sign-in chunk, which comes next anyway.

use super::sign_out::end_session;
use super::use_session;
use crate::api::{local_store, use_api, SessionApi};
use crate::components::use_router;
use crate::i18n::{use_i18n, Key};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Signs out at once when nothing of the user's is kept here; otherwise asks whether to keep
/// their unsent drafts and messages or remove them first. Escape or Cancel stays signed in
/// (`asking` back to false).
#[component]
pub fn SignOutDialog(asking: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let (api, router, ctx) = (use_api::<dyn SessionApi>(), use_router(), use_session());
    let kept = RwSignal::new(None::<Vec<String>>);
    let user = ctx.session().map(|s| s.user.id).unwrap_or_default();
    let finish = move |forget: Vec<String>| {
        let api = api.clone();
        spawn_local(async move {
            end_session(api, router, ctx).await;
            asking.set(false);
            local_store::remove_all(&forget).await;
        });
    };
    spawn_local({
        let finish = finish.clone();
        async move {
            let found = local_store::keys_of(&user).await;
            if found.is_empty() {
                finish(found);
            } else {
                kept.set(Some(found));
            }
        }
    });
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        if let (Some(el), true) = (dialog.get(), kept.with(Option::is_some)) {
            if !el.open() {
                let _ = el.show_modal();
            }
        }
    });
    let choose = move |remove: bool| {
        let forget = match remove {
            true => kept.get_untracked().unwrap_or_default(),
            false => Vec::new(),
        };
        kept.set(None);
        finish(forget);
    };
    let choose_too = choose.clone();
    view! {
        <Show when=move || kept.with(Option::is_some)>
            <dialog node_ref=dialog class="dialog" aria-labelledby="sign-out-title"
                aria-describedby="sign-out-body" on:close=move |_| {
                    if kept.with_untracked(Option::is_some) { asking.set(false) }
                }>
                <h2 id="sign-out-title">{i18n.s(Key::SignOutKeptTitle)}</h2>
                <p id="sign-out-body">{i18n.s(Key::SignOutKeptBody)}</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click={
                        let choose = choose.clone();
                        move |_| choose(true)
                    }>{i18n.s(Key::SignOutRemove)}</button>
                    <button type="button" class="button" on:click={
                        let choose = choose_too.clone();
                        move |_| choose(false)
                    }>{i18n.s(Key::SignOutKeep)}</button>
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(d) = dialog.get() { d.close(); }
                    }>{i18n.s(Key::Cancel)}</button>
                </div>
            </dialog>
        </Show>
    }
}
