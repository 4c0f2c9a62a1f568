use super::conversation::message_view;
use super::page::status_key;
use crate::api::{use_api, ApiError, ChatApi};
use crate::components::{AppLink, ErrorNotice, LoadingIndicator};
use crate::domain::ChatLine;
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::chat::{Chat, ChatMessage};

/// One past (or current) chat, read on the page: what it was about, who answered, every
/// message in order, the rating, the transcript downloads and the case it became.
#[component]
pub fn PastChatPage(#[prop(into)] id: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let found = LocalResource::new(move || {
        let api = api.clone();
        let id = id.get();
        async move {
            let chat = api.chat(id.clone()).await?;
            let messages = api.chat_messages(id, 0).await?;
            Ok::<(Chat, Vec<ChatMessage>), ApiError>((chat, messages))
        }
    });
    view! {
        <div class="page">
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok((chat, messages)) => view! { <Transcript chat=chat messages=messages/> }.into_any(),
                        Err(e) => view! {
                            <h1 id="page-title">{i18n.s(Key::PastChats)}</h1>
                            <ErrorNotice error=e/>
                        }.into_any(),
                    }
                })}
            </Transition>
            <p><AppLink href="/chats">{i18n.s(Key::BackToChats)}</AppLink></p>
        </div>
    }
}

#[component]
fn Transcript(chat: Chat, messages: Vec<ChatMessage>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let text = api.chat_transcript_url(&chat.id, false);
    let json = api.chat_transcript_url(&chat.id, true);
    let at = chat.created_at.clone();
    let agent = chat
        .agent
        .clone()
        .unwrap_or_else(|| i18n.t(Key::NotAssigned).to_string());
    let rating = chat.rating.as_ref().map(|r| {
        let score = format!("{}/5", r.score);
        let comment = (!r.comment.trim().is_empty()).then(|| r.comment.clone());
        view! { <dt>{i18n.s(Key::ChatRateTitle)}</dt><dd>{score}" "{comment.map(|c| view! { <q>{c}</q> })}</dd> }
    });
    let case = chat.case_id.clone().map(|id| {
        view! {
            <p><AppLink href=format!("/cases/{id}")>{i18n.s(Key::ChatOpenCase)}</AppLink></p>
        }
    });
    view! {
        <h1 id="page-title">{chat.topic.clone()}</h1>
        <dl class="facts card">
            <dt>{i18n.s(Key::ColWhen)}</dt><dd>{move || i18n.date_time(&at)}</dd>
            <dt>{i18n.s(Key::FilterProduct)}</dt><dd>{i18n.s(product_key(chat.product))}</dd>
            <dt>{i18n.s(Key::ColStatus)}</dt><dd>{i18n.s(status_key(chat.status))}</dd>
            <dt>{i18n.s(Key::Engineer)}</dt><dd>{agent}</dd>
            <dt>{i18n.s(Key::ChatSummary)}</dt><dd class="description">{chat.summary.clone()}</dd>
            {rating}
        </dl>
        {case}
        <section class="card" aria-labelledby="transcript-title">
            <h2 id="transcript-title">{i18n.s(Key::ChatTranscript)}</h2>
            {messages.is_empty().then(|| view! { <p>{i18n.s(Key::ChatNoMessages)}</p> })}
            <ol class="chat-messages transcript" aria-labelledby="transcript-title">
                {messages.iter().map(|m| message_view(&ChatLine::stored(m), ())).collect_view()}
            </ol>
            <ul class="links">
                <li><a href=text download>{i18n.s(Key::ChatTranscriptText)}</a></li>
                <li><a href=json download>{i18n.s(Key::ChatTranscriptJson)}</a></li>
            </ul>
        </section>
    }
}
