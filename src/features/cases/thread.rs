use crate::api::with_links;
use crate::components::FileLinks;
use crate::i18n::{case_status_key, priority_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::cases::{CallTiming, ThreadEntry, ThreadEvent};

/// A case's thread: comments, status changes, files and requests, oldest first. Every text
/// from people is rendered as text, never as HTML.
#[component]
pub fn Thread(entries: Signal<Vec<ThreadEntry>>) -> impl IntoView {
    view! {
        <ol class="thread">
            <For each=move || entries.get() key=|e| e.id.clone() let:entry>
                <ThreadItem entry=entry/>
            </For>
        </ol>
    }
}

#[component]
fn ThreadItem(entry: ThreadEntry) -> impl IntoView {
    let i18n = use_i18n();
    let who = move || match (&entry.author, entry.from_support) {
        (Some(p), true) => format!("{} ({})", p.name, i18n.t(Key::SupportTeam)),
        (Some(p), false) => p.name.clone(),
        (None, true) => i18n.t(Key::SupportTeam).to_string(),
        (None, false) => i18n.t(Key::System).to_string(),
    };
    let at = entry.at.clone();
    let class = if entry.from_support {
        "thread-item from-support"
    } else {
        "thread-item"
    };
    let body = match entry.event.clone() {
        ThreadEvent::CaseFiled { priority } => {
            let text = move || {
                i18n.tr(
                    Key::CaseFiledAs,
                    &[("priority", i18n.t(priority_key(priority)))],
                )
            };
            view! { <p class="event">{text}</p> }.into_any()
        }
        ThreadEvent::Comment { body, attachments } => view! {
            <p class="comment">{body}</p>
            <FileLinks files=with_links(attachments)/>
        }
        .into_any(),
        ThreadEvent::StatusChanged { from, to } => {
            let text = move || {
                i18n.tr(
                    Key::StatusChangedFromTo,
                    &[
                        ("from", i18n.t(case_status_key(from))),
                        ("to", i18n.t(case_status_key(to))),
                    ],
                )
            };
            view! { <p class="event">{text}</p> }.into_any()
        }
        ThreadEvent::AttachmentsAdded { attachments } => view! {
            <p class="event">{i18n.s(Key::AttachmentsAdded)}</p>
            <FileLinks files=with_links(attachments)/>
        }
        .into_any(),
        ThreadEvent::UrgencyChangeRequested { from, to, reason } => {
            let text = move || {
                i18n.tr(
                    Key::UrgencyRequested,
                    &[
                        ("from", i18n.t(priority_key(from))),
                        ("to", i18n.t(priority_key(to))),
                        ("reason", &reason),
                    ],
                )
            };
            view! { <p class="event">{text}</p> }.into_any()
        }
        ThreadEvent::CallRequested { phone, when } => {
            let text = move || match &when {
                CallTiming::Immediate => i18n.tr(Key::CallRequestedNow, &[("phone", &phone)]),
                CallTiming::Scheduled { at } => i18n.tr(
                    Key::CallRequestedAt,
                    &[("phone", &phone), ("when", &i18n.date_time(at))],
                ),
            };
            view! { <p class="event">{text}</p> }.into_any()
        }
        ThreadEvent::EngineerAssigned { engineer } => {
            let text = move || i18n.tr(Key::EngineerAssignedTo, &[("engineer", &engineer)]);
            view! { <p class="event">{text}</p> }.into_any()
        }
        ThreadEvent::Unknown => {
            view! { <p class="event">{i18n.s(Key::UnknownEvent)}</p> }.into_any()
        }
    };
    view! {
        <li class=class>
            <p class="thread-meta"><span class="author">{who}</span>" · "<span>{move || i18n.date_time(&at)}</span></p>
            {body}
        </li>
    }
}
