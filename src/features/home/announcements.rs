use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::home::{Announcement, Severity};

fn severity_key(s: Severity) -> Key {
    match s {
        Severity::Critical => Key::SeverityCritical,
        Severity::Warning => Key::SeverityWarning,
        Severity::Info | Severity::Unknown => Key::SeverityInfo,
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "announcement critical",
        Severity::Warning => "announcement warning",
        Severity::Info | Severity::Unknown => "announcement info",
    }
}

/// The vendor's current announcements in the user's language, the most severe first, each
/// saying its severity in words (not only by colour); or that there are none.
#[component]
pub(super) fn Announcements(items: Vec<Announcement>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="home-announcements" aria-labelledby="announcements-title">
            <h2 id="announcements-title">{i18n.s(Key::HomeAnnouncementsTitle)}</h2>
            {if items.is_empty() {
                view! { <p class="empty">{i18n.s(Key::HomeAnnouncementsNone)}</p> }.into_any()
            } else {
                view! {
                    <ul class="announcements">
                        {items.into_iter().map(|a| view! { <AnnouncementItem announcement=a/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// One announcement: its severity, title, text (as text, one paragraph per blank-line
/// separated block) and until when it stands.
#[component]
fn AnnouncementItem(announcement: Announcement) -> impl IntoView {
    let i18n = use_i18n();
    let a = announcement;
    let lang = a.language.tag();
    let until = a
        .ends_at
        .clone()
        .map(|at| move || i18n.tr(Key::AnnouncementUntil, &[("date", &i18n.date_time(&at))]));
    let paragraphs: Vec<String> = a
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    view! {
        <li class=severity_class(a.severity)>
            <p class="announcement-head">
                <span class="badge">{i18n.s(severity_key(a.severity))}</span>
                " "
                <strong lang=lang>{a.title}</strong>
            </p>
            {paragraphs.into_iter().map(|p| view! { <p lang=lang>{p}</p> }).collect_view()}
            {until.map(|u| view! { <p class="hint">{u}</p> })}
        </li>
    }
}
