use crate::components::{use_chat_opener, AppLink};
use crate::domain::{cases_href, invited_users_href, open_case_statuses};
use crate::i18n::{product_key, use_i18n, I18n, Key};
use leptos::prelude::*;
use support_contract::cases::{CaseStatus, CaseSummary};
use support_contract::chat::ChatStatus;
use support_contract::home::{CasesNeedingYou, HomeChat, HomeSummary};
use support_contract::users::SupportUserCounts;

/// A count as a sentence: `none` for zero, `one` for one, `many` otherwise.
fn counted(i18n: I18n, n: u32, [none, one, many]: [Key; 3]) -> String {
    match n {
        0 => i18n.t(none).to_string(),
        n => i18n.count(u64::from(n), one, many),
    }
}

/// What needs a support role, from the home page's answer (`GET /home`): cases awaiting
/// their reply and open, their open chat (with `chat`), callbacks still waiting, and support
/// users to review or still invited (with `users`). Each part says plainly when there is
/// nothing.
#[component]
pub(super) fn NeedsYou(summary: HomeSummary, chat: bool, users: bool) -> impl IntoView {
    let i18n = use_i18n();
    let HomeSummary {
        cases,
        open_chat,
        callbacks_waiting,
        support_users,
        ..
    } = summary;
    let cases = cases.unwrap_or_default();
    view! {
        <section class="home-needs" aria-labelledby="needs-you-title">
            <h2 id="needs-you-title">{i18n.s(Key::HomeNeedsYou)}</h2>
            <div class="home-grid">
                <AwaitingCard cases=cases.clone()/>
                <OpenCard open=cases.open/>
                {chat.then(|| view! { <ChatCard chat=open_chat/> })}
                <CallbacksCard waiting=callbacks_waiting.unwrap_or_default()/>
                {users.then(|| view! { <UsersCard counts=support_users.unwrap_or_default()/> })}
            </div>
        </section>
    }
}

/// The user's cases awaiting their reply: how many, the first five (each to its page) and the
/// way to all of them.
#[component]
fn AwaitingCard(cases: CasesNeedingYou) -> impl IntoView {
    let i18n = use_i18n();
    let n = cases.awaiting_your_reply;
    let keys = [
        Key::HomeAwaitingNone,
        Key::HomeAwaitingOne,
        Key::HomeAwaitingMany,
    ];
    view! {
        <section class="card" aria-labelledby="awaiting-title">
            <h3 id="awaiting-title">{i18n.s(Key::HomeAwaitingTitle)}</h3>
            <p>{move || counted(i18n, n, keys)}</p>
            {(!cases.awaiting.is_empty()).then(|| view! {
                <ul class="home-cases">
                    {cases.awaiting.into_iter().map(|c| view! { <CaseLine case=c/> }).collect_view()}
                </ul>
            })}
            {(n > 0).then(|| view! {
                <p><AppLink href=cases_href(&[CaseStatus::AwaitingYourReply])>{i18n.s(Key::HomeAwaitingAll)}</AppLink></p>
            })}
        </section>
    }
}

/// One case: its number and title (the link), product and last update.
#[component]
fn CaseLine(case: CaseSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/cases/{}", case.id);
    let updated = case.updated_at.clone();
    view! {
        <li>
            <AppLink href=href>{case.number}" · "{case.title}</AppLink>
            <p class="help-meta">
                <span class="badge">{i18n.s(product_key(case.product))}</span>
                " "
                <span>{move || i18n.date_time(&updated)}</span>
            </p>
        </li>
    }
}

/// How many of the user's cases are open, and the way to them.
#[component]
fn OpenCard(open: u32) -> impl IntoView {
    let i18n = use_i18n();
    let keys = [Key::HomeOpenNone, Key::HomeOpenOne, Key::HomeOpenMany];
    view! {
        <section class="card" aria-labelledby="open-cases-title">
            <h3 id="open-cases-title">{i18n.s(Key::HomeOpenTitle)}</h3>
            <p>{move || counted(i18n, open, keys)}</p>
            {(open > 0).then(|| view! {
                <p><AppLink href=cases_href(&open_case_statuses())>{i18n.s(Key::HomeOpenAll)}</AppLink></p>
            })}
        </section>
    }
}

/// The user's open chat, with the button that opens the chat panel on it.
#[component]
fn ChatCard(chat: Option<HomeChat>) -> impl IntoView {
    let i18n = use_i18n();
    let opener = use_chat_opener();
    let line = chat.map(|c| {
        let key = match c.status {
            ChatStatus::Queued => Key::HomeChatQueued,
            _ => Key::HomeChatActive,
        };
        move || i18n.tr(key, &[("topic", &c.topic)])
    });
    view! {
        <section class="card" aria-labelledby="home-chat-title">
            <h3 id="home-chat-title">{i18n.s(Key::HomeChatTitle)}</h3>
            {match line {
                Some(line) => view! {
                    <p>{line}</p>
                    {opener.map(|o| view! {
                        <button type="button" class="button primary" on:click=move |_| o.open()>
                            {i18n.s(Key::HomeChatResume)}
                        </button>
                    })}
                }.into_any(),
                None => view! { <p>{i18n.s(Key::HomeChatNone)}</p> }.into_any(),
            }}
        </section>
    }
}

/// The user's callback requests still waiting, and the contact page where they ask for one.
#[component]
fn CallbacksCard(waiting: u32) -> impl IntoView {
    let i18n = use_i18n();
    let keys = [
        Key::HomeCallbacksNone,
        Key::HomeCallbacksOne,
        Key::HomeCallbacksMany,
    ];
    view! {
        <section class="card" aria-labelledby="home-callbacks-title">
            <h3 id="home-callbacks-title">{i18n.s(Key::HomeCallbacksTitle)}</h3>
            <p>{move || counted(i18n, waiting, keys)}</p>
            <p><AppLink href="/contact">{i18n.s(Key::RequestCallback)}</AppLink></p>
        </section>
    }
}

/// For the Support System Administrator: support users waiting for review (to the review
/// queue) and invitations not accepted yet (to the list of invited users).
#[component]
fn UsersCard(counts: SupportUserCounts) -> impl IntoView {
    let i18n = use_i18n();
    let (review, invited) = (counts.needs_review, counts.invited);
    let review_keys = [Key::HomeReviewNone, Key::HomeReviewOne, Key::HomeReviewMany];
    let invited_keys = [
        Key::HomeInvitedNone,
        Key::HomeInvitedOne,
        Key::HomeInvitedMany,
    ];
    view! {
        <section class="card" aria-labelledby="home-users-title">
            <h3 id="home-users-title">{i18n.s(Key::HomeUsersTitle)}</h3>
            <p>{move || counted(i18n, review, review_keys)}</p>
            {(review > 0).then(|| view! {
                <p><AppLink href="/support-users/review">{i18n.s(Key::ReviewQueue)}</AppLink></p>
            })}
            <p>{move || counted(i18n, invited, invited_keys)}</p>
            {(invited > 0).then(|| view! {
                <p><AppLink href=invited_users_href()>{i18n.s(Key::HomeInvitedLink)}</AppLink></p>
            })}
        </section>
    }
}
