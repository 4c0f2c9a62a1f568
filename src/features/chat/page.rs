use crate::api::{use_api, ChatApi};
use crate::components::{AppLink, DataTable, ErrorNotice, LoadingIndicator};
use crate::i18n::{product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::chat::{Chat, ChatStatus};

pub(super) fn status_key(status: ChatStatus) -> Key {
    match status {
        ChatStatus::Queued => Key::ChatStatusQueued,
        ChatStatus::Active => Key::ChatStatusActive,
        ChatStatus::Ended => Key::ChatStatusEnded,
        ChatStatus::Unknown => Key::Unknown,
    }
}

/// Every chat of the user, newest first, with its rating and transcript downloads; each opens
/// on its own page.
#[component]
pub fn ChatsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let chats = LocalResource::new(move || api.chats());
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::PastChats)}</h1>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match chats.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{i18n.s(Key::NoChatsYet)}</p> }.into_any(),
                        Ok(list) => view! { <ChatTable chats=list/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn ChatTable(chats: Vec<Chat>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    view! {
        <DataTable caption=Key::PastChats columns=vec![Key::ColWhen, Key::FilterProduct, Key::ChatTopic, Key::ColStatus, Key::ChatRateTitle, Key::ChatTranscript]>
            {chats.into_iter().map(|c| {
                let at = c.created_at.clone();
                let text = api.chat_transcript_url(&c.id, false);
                let rating = c.rating.as_ref().map(|r| format!("{}/5", r.score)).unwrap_or_default();
                view! {
                    <tr>
                        <td>{move || i18n.date_time(&at)}</td>
                        <td>{i18n.s(product_key(c.product))}</td>
                        <th scope="row"><AppLink href=format!("/chats/{}", c.id)>{c.topic.clone()}</AppLink></th>
                        <td>{i18n.s(status_key(c.status))}</td>
                        <td>{rating}</td>
                        <td><a href=text download>{i18n.s(Key::ChatTranscriptText)}</a></td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
}
