use crate::components::{use_chat_opener, AppLink};
use crate::domain::{cases_href, invited_users_href, open_case_statuses};
use crate::i18n::{product_key, use_i18n, I18n, Key};
use leptos::prelude::*;
use support_contract::cases::{CaseStatus, CaseSummary};
use support_contract::chat::ChatStatus;
use support_contract::home::{HomeChat, HomeSummary};

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
    let awaiting = Counted {
        n: cases.awaiting_your_reply,
        keys: [
            Key::HomeAwaitingNone,
            Key::HomeAwaitingOne,
            Key::HomeAwaitingMany,
        ],
        cases: cases.awaiting,
        link: (
            cases_href(&[CaseStatus::AwaitingYourReply]),
            Key::HomeAwaitingAll,
        ),
        always: false,
    };
    let open = Counted {
        n: cases.open,
        keys: [Key::HomeOpenNone, Key::HomeOpenOne, Key::HomeOpenMany],
        cases: Vec::new(),
        link: (cases_href(&open_case_statuses()), Key::HomeOpenAll),
        always: false,
    };
    let callbacks = Counted {
        n: callbacks_waiting.unwrap_or_default(),
        keys: [
            Key::HomeCallbacksNone,
            Key::HomeCallbacksOne,
            Key::HomeCallbacksMany,
        ],
        cases: Vec::new(),
        link: ("/contact".into(), Key::RequestCallback),
        always: true,
    };
    let users = users.then(|| {
        let counts = support_users.unwrap_or_default();
        vec![
            Counted {
                n: counts.needs_review,
                keys: [Key::HomeReviewNone, Key::HomeReviewOne, Key::HomeReviewMany],
                cases: Vec::new(),
                link: ("/support-users/review".into(), Key::ReviewQueue),
                always: false,
            },
            Counted {
                n: counts.invited,
                keys: [
                    Key::HomeInvitedNone,
                    Key::HomeInvitedOne,
                    Key::HomeInvitedMany,
                ],
                cases: Vec::new(),
                link: (invited_users_href(), Key::HomeInvitedLink),
                always: false,
            },
        ]
    });
    view! {
        <section class="home-needs" aria-labelledby="needs-you-title">
            <h2 id="needs-you-title">{i18n.s(Key::HomeNeedsYou)}</h2>
            <div class="home-grid">
                <CountCard id="awaiting-title" title=Key::HomeAwaitingTitle counts=vec![awaiting]/>
                <CountCard id="open-cases-title" title=Key::HomeOpenTitle counts=vec![open]/>
                {chat.then(|| view! { <ChatCard chat=open_chat/> })}
                <CountCard id="home-callbacks-title" title=Key::HomeCallbacksTitle counts=vec![callbacks]/>
                {users.map(|counts| view! { <CountCard id="home-users-title" title=Key::HomeUsersTitle counts=counts/> })}
            </div>
        </section>
    }
}

/// One count of things that need the user, and where to see them.
struct Counted {
    n: u32,
    /// The count in words: for none, one and many.
    keys: [Key; 3],
    /// The first of the cases counted, each to its page.
    cases: Vec<CaseSummary>,
    /// The way to all of them: address and label.
    link: (String, Key),
    /// Whether the link shows for none too (it leads to where they are asked for).
    always: bool,
}

/// A card of counts (the user's cases awaiting their reply, their open cases, callbacks,
/// support users): each count in words, the first cases counted, and the way to all of them.
/// One component for every card, so the first load carries one.
#[component]
fn CountCard(id: &'static str, title: Key, counts: Vec<Counted>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby=id>
            <h3 id=id>{i18n.s(title)}</h3>
            {counts.into_iter().map(|c| {
                let Counted { n, keys, cases, link: (href, label), always } = c;
                view! {
                    <p>{move || counted(i18n, n, keys)}</p>
                    {(!cases.is_empty()).then(|| view! {
                        <ul class="home-cases">
                            {cases.into_iter().map(|c| view! { <CaseLine case=c/> }).collect_view()}
                        </ul>
                    })}
                    {(always || n > 0).then(|| view! { <p><AppLink href=href>{i18n.s(label)}</AppLink></p> })}
                }
            }).collect_view()}
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
