use super::session::ChatCtx;
use crate::api::{
    use_api, use_attachment_rules, use_attachment_upload, with_links, ChatApi, LinkState,
};
use crate::auth::use_draft;
use crate::components::{AttachmentPicker, FileLinks, LinkedText};
use crate::domain::{ChatLine, Delivery};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::Attachment;
use support_contract::chat::{ChatStatus, MESSAGE_MAX};

/// The conversation: queue position while waiting, the messages (a polite live region), their
/// delivery state with a retry for failed ones, the typing indicator, the link's state, and the
/// box to write in.
#[component]
pub fn Conversation() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let chat = expect_context::<ChatCtx>();
    // What is being written stays on this device until sent: a reload keeps it.
    let chat_id = chat
        .chat
        .with_untracked(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default());
    let draft = use_draft("draft:chat", &format!("{chat_id}:text"), String::new()).value;
    let files = use_draft(
        "draft:chat",
        &format!("{chat_id}:files"),
        Vec::<Attachment>::new(),
    )
    .value;
    let uploading = RwSignal::new(false);
    let queued = move || {
        chat.chat
            .get()
            .is_some_and(|c| c.status == ChatStatus::Queued)
    };
    let queue_text = move || {
        chat.queue.get().map(|(position, minutes)| {
            i18n.tr(
                Key::ChatQueue,
                &[
                    ("position", &i18n.number(position as f64)),
                    ("minutes", &i18n.number(minutes as f64)),
                ],
            )
        })
    };
    let agent_text = move || {
        chat.chat
            .get()
            .and_then(|c| c.agent)
            .map(|agent| i18n.tr(Key::ChatWithAgent, &[("agent", &agent)]))
    };
    let link_text = move || match chat.link.get() {
        LinkState::Reconnecting => Some(i18n.t(Key::ChatReconnecting)),
        LinkState::Connecting => Some(i18n.t(Key::ChatConnecting)),
        _ => None,
    };
    let send_api = api.clone();
    let end_api = api.clone();
    // A message is text, files, or both; it waits until its files are uploaded.
    let send = move || {
        let body = draft.get_untracked().trim().to_string();
        let attached = files.get_untracked();
        if (!body.is_empty() || !attached.is_empty()) && !uploading.get_untracked() {
            chat.send(body, attached, send_api.clone());
            draft.set(String::new());
            files.set(Vec::new());
        }
    };
    let send_on_submit = send.clone();
    let end = Action::new_local(move |_: &()| {
        let api = end_api.clone();
        let id = chat.chat.get_untracked().map(|c| c.id).unwrap_or_default();
        async move {
            if let Ok(ended) = api.end_chat(id).await {
                chat.chat.set(Some(ended));
            }
        }
    });
    view! {
        <div class="chat-body">
            <p class="chat-state" role="status">
                {move || if queued() { queue_text().unwrap_or_else(|| i18n.t(Key::ChatWaiting).to_string()) } else { agent_text().unwrap_or_default() }}
            </p>
            {move || link_text().map(|t| view! { <p class="chat-link notice">{t}</p> })}
            <ol class="chat-messages" aria-live="polite" aria-label=i18n.s(Key::ChatMessages)>
                <For each=move || chat.lines.get() key=|l| l.id.clone() let:line>
                    <Line line=line/>
                </For>
            </ol>
            {move || chat.agent_typing.get().then(|| view! { <p class="chat-typing">{i18n.s(Key::ChatAgentTyping)}</p> })}
            <form class="chat-compose" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                send_on_submit();
            }>
                <label for="chat-input">{i18n.s(Key::ChatYourMessage)}</label>
                <textarea id="chat-input" rows="2" maxlength=MESSAGE_MAX.to_string()
                    prop:value=move || draft.get()
                    on:input=move |ev| { draft.set(event_target_value(&ev)); chat.typing(true); }
                    on:blur=move |_| chat.typing(false)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        // Enter sends, Shift+Enter starts a new line.
                        if ev.key() == "Enter" && !ev.shift_key() {
                            ev.prevent_default();
                            send();
                        }
                    }></textarea>
                <AttachmentPicker id="chat-files" busy=uploading attached=files
                    upload=use_attachment_upload() rules=use_attachment_rules()
                    on_add=Callback::new(move |a| files.update(|f| f.push(a)))
                    on_remove=Callback::new(move |id: String| files.update(|f| f.retain(|a| a.id != id)))/>
                <div class="actions">
                    <button type="submit" class="button primary" disabled=move || uploading.get()>{i18n.s(Key::ChatSend)}</button>
                    <button type="button" class="button" disabled=move || end.pending().get()
                        on:click=move |_| { end.dispatch(()); }>{i18n.s(Key::ChatEnd)}</button>
                </div>
            </form>
        </div>
    }
}

/// One message as shown anywhere: who wrote it, what (links made safe, never HTML), its files;
/// `extra` follows (the delivery state of the user's own, in the live panel).
pub(super) fn message_view(line: &ChatLine, extra: impl IntoView + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let who = match (&line.author, line.from_support) {
        (Some(name), true) => name.clone(),
        (None, true) => i18n.t(Key::SupportTeam).to_string(),
        _ => i18n.t(Key::ChatYou).to_string(),
    };
    let class = if line.from_support {
        "chat-line from-support"
    } else {
        "chat-line"
    };
    view! {
        <li class=class>
            <p class="chat-meta">{who}</p>
            <p class="chat-text"><LinkedText text=line.body.clone()/></p>
            <FileLinks files=with_links(line.attachments.clone())/>
            {extra}
        </li>
    }
}

/// One message of the live conversation, and for the user's own, whether it arrived.
#[component]
fn Line(line: ChatLine) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let chat = expect_context::<ChatCtx>();
    // Only a line written here and not stored yet can still change state; a stored one (the
    // history, everything support wrote) is settled, and costs no reactive work per update.
    if line.from_support {
        return message_view(&line, ()).into_any();
    }
    if line.seq.is_some() {
        let sent = view! { <span class="chat-delivery">{i18n.s(Key::ChatSent)}</span> };
        return message_view(&line, Some(sent.into_any())).into_any();
    }
    // Its own state only (see `line_states`): the line keeps its element (and is announced
    // once) as it goes from sending to sent.
    let line_state = chat.states.of(&line);
    let delivery = Memo::new({
        let line_state = line_state.clone();
        move |_| line_state.with(|s| s.delivery)
    });
    let id = line.id.clone();
    let state = move || match delivery.get() {
        Delivery::Sending => {
            let line_state = line_state.clone();
            view! {
                <span class="chat-delivery">
                    {i18n.s(Key::ChatSending)}
                    {move || line_state.with(|s| s.kept).then(|| [" ", i18n.t(Key::SavedOnDevice)].concat())}
                </span>
            }
            .into_any()
        }
        Delivery::Sent => {
            view! { <span class="chat-delivery">{i18n.s(Key::ChatSent)}</span> }.into_any()
        }
        Delivery::Failed => {
            let id = id.clone();
            let api = api.clone();
            view! {
                <span class="chat-delivery failed">{i18n.s(Key::ChatFailed)}</span>
                <button type="button" class="button" on:click=move |_| chat.retry(id.clone(), api.clone())>
                    {i18n.s(Key::ChatRetry)}
                </button>
            }
            .into_any()
        }
    };
    message_view(&line, Some(state)).into_any()
}
