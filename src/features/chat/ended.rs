use super::session::ChatCtx;
use crate::api::{use_api, ChatApi};
use crate::components::{use_go_to, ErrorNotice};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::chat::ChatRating;

/// After the chat: rate it, download the transcript, continue as a case, or start again.
#[component]
pub fn Ended() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn ChatApi>();
    let chat = expect_context::<ChatCtx>();
    let go_to = use_go_to();
    let id = move || chat.chat.get().map(|c| c.id).unwrap_or_default();
    let score = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let rated = move || chat.chat.get().and_then(|c| c.rating).is_some();
    let rate = Action::new_local({
        let api = api.clone();
        move |r: &ChatRating| {
            let rated = api.rate_chat(id(), r.clone());
            async move {
                chat.chat.set(Some(rated.await?));
                Ok::<(), crate::api::ApiError>(())
            }
        }
    });
    let to_case = Action::new_local({
        let api = api.clone();
        move |_: &()| api.chat_to_case(id())
    });
    Effect::new(move |_| {
        if let Some(Ok(case)) = to_case.value().get() {
            chat.open.set(false);
            go_to(&format!("/cases/{}", case.id));
        }
    });
    let text_url = {
        let api = api.clone();
        move || api.chat_transcript_url(&id(), false)
    };
    let json_url = move || api.chat_transcript_url(&id(), true);
    let labels = [
        Key::Rating1,
        Key::Rating2,
        Key::Rating3,
        Key::Rating4,
        Key::Rating5,
    ];
    view! {
        <div class="chat-body">
            <p role="status">{i18n.s(Key::ChatEnded)}</p>
            <Show when=move || !rated() fallback=move || view! { <p>{i18n.s(Key::ChatThanksRating)}</p> }>
                <form class="form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if score.get_untracked() > 0 {
                        rate.dispatch(ChatRating { score: score.get_untracked(), comment: comment.get_untracked() });
                    }
                }>
                    <fieldset class="choices rating">
                        <legend>{i18n.s(Key::ChatRateTitle)}</legend>
                        {labels.into_iter().enumerate().map(|(i, key)| {
                            let n = i as u8 + 1;
                            let id = format!("chat-rating-{n}");
                            view! {
                                <div class="choice">
                                    <input type="radio" name="chat-rating" id=id.clone()
                                        prop:checked=move || score.get() == n on:change=move |_| score.set(n)/>
                                    <label for=id>{i18n.s(key)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="chat-rating-comment">{i18n.s(Key::ChatRatingComment)}</label>
                        <textarea id="chat-rating-comment" rows="2" maxlength="1000"
                            prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </div>
                    <button type="submit" class="button" disabled=move || score.get() == 0 || rate.pending().get()>
                        {i18n.s(Key::ChatSendRating)}
                    </button>
                </form>
            </Show>
            <ul class="links">
                <li><a href=text_url download>{i18n.s(Key::ChatTranscriptText)}</a></li>
                <li><a href=json_url download>{i18n.s(Key::ChatTranscriptJson)}</a></li>
            </ul>
            {move || match to_case.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e/> }),
                _ => None,
            }}
            <div class="actions">
                <button type="button" class="button" disabled=move || to_case.pending().get()
                    on:click=move |_| { to_case.dispatch(()); }>{i18n.s(Key::ChatContinueAsCase)}</button>
                <button type="button" class="button" on:click=move |_| chat.reset()>{i18n.s(Key::ChatNew)}</button>
            </div>
        </div>
    }
}
