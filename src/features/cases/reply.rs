use crate::api::{random_id, use_api, use_attachment_rules, use_attachment_upload, CasesApi};
use crate::auth::use_draft;
use crate::components::AttachmentPicker;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::{Attachment, NewComment, ThreadEntry};

/// The reply box, with attachments. What was typed and attached is kept on this device (per user
/// and case) until it is sent: it survives a failed send, an ended session and a reload. A send
/// carries a key kept with the draft: sending the same words again after a lost answer (by
/// itself, by the button, or after a reload) never posts them twice; changed words are a new reply.
#[component]
pub fn ReplyForm(case_id: String, on_sent: Callback<Option<ThreadEntry>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let kept = use_draft("draft:reply", &format!("{case_id}:body"), String::new());
    let body = kept.value;
    let required = RwSignal::new(false);
    let files = use_draft(
        "draft:reply",
        &format!("{case_id}:files"),
        Vec::<Attachment>::new(),
    )
    .value;
    let key = use_draft("draft:reply", &format!("{case_id}:key"), String::new()).value;
    // Changed words or files are a new reply, under a new key.
    let new_reply = move || {
        if !key.with_untracked(String::is_empty) {
            key.set(String::new());
        }
    };
    let busy = RwSignal::new(false);
    let wait = RwSignal::new(false);
    let send = Action::new_local(move |(comment, key): &(NewComment, String)| {
        api.comment(case_id.clone(), comment.clone(), key.clone())
    });
    Effect::new(move |_| {
        if let Some(Ok(entry)) = send.value().get() {
            body.set(String::new());
            files.set(Vec::new());
            key.set(String::new());
            on_sent.run(Some(entry));
        }
    });
    let error = Signal::derive(move || {
        if required.get() {
            return Some(i18n.t(Key::ErrRequired).to_string());
        }
        if wait.get() && busy.get() {
            return Some(i18n.t(Key::WaitForUploads).to_string());
        }
        send.value().get().and_then(|r| r.err()).map(|e| {
            let locale = i18n.locale.get();
            e.field_message("body", locale)
                .or_else(|| e.field_message("attachments", locale))
                .unwrap_or_else(|| e.message(locale))
        })
    });
    // Sends the reply as shown (the button, or Ctrl+Enter in the box).
    let submit = move || {
        let text = body.get_untracked();
        required.set(text.trim().is_empty());
        wait.set(busy.get_untracked());
        if !text.trim().is_empty() && !busy.get_untracked() {
            let attachments = files.get_untracked().into_iter().map(|a| a.id).collect();
            if key.with_untracked(String::is_empty) {
                key.set(random_id());
            }
            send.dispatch((
                NewComment {
                    body: text,
                    attachments,
                },
                key.get_untracked(),
            ));
        }
    };
    let sent = move || matches!(send.value().get(), Some(Ok(_))).then(|| i18n.t(Key::ReplySent));
    view! {
        <form class="form reply" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            submit();
        }>
            <div class="field">
                <label for="reply-body">{i18n.s(Key::YourReply)}</label>
                <textarea id="reply-body" rows="5"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby="reply-body-error"
                    prop:value=move || body.get()
                    aria-keyshortcuts="Control+Enter Meta+Enter"
                    on:input=move |ev| { required.set(false); new_reply(); body.set(event_target_value(&ev)); }
                    on:keydown=move |ev| {
                        // Ctrl+Enter (⌘Enter) sends, as the Send reply button would.
                        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                            ev.prevent_default();
                            submit();
                        }
                    }></textarea>
                <p id="reply-body-error" class="field-error">{move || error.get()}</p>
            </div>
            <AttachmentPicker id="reply-files" busy=busy attached=files
                upload=use_attachment_upload() rules=use_attachment_rules()
                on_add=Callback::new(move |a| { new_reply(); files.update(|f| f.push(a)) })
                on_remove=Callback::new(move |id: String| { new_reply(); files.update(|f| f.retain(|a| a.id != id)) })/>
            // Only once the reply as shown is committed on this device.
            <p class="hint">{move || kept.saved.get().then(|| i18n.t(Key::SavedOnDevice))}</p>
            <p role="status">{sent}</p>
            <button type="submit" class="button primary" disabled=move || send.pending().get()>
                {move || if send.pending().get() { i18n.t(Key::Sending) } else { i18n.t(Key::SendReply) }}
            </button>
        </form>
    }
}
