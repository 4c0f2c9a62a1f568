//! Which page lives in which chunk. The home page and the shell stay in the first load; every
//! other area's pages arrive with their chunk (see `lazy`), and so do sign-in and the access
//! page, which a signed-in user with the right role never sees.

use super::lazy::{load, page, ChunkError, ChunkPreload, LazyPage, Load, PageLoad};
use super::PastChatRoute;
use crate::api::RuntimeConfig;
use crate::auth::{
    AccessPage, AppPage, AuthViews, OrganisationSwitch, ReauthDialog, SetPasswordPage, SignInPage,
    SignOutDialog,
};
use crate::features::{
    cases::{CaseDetailPage, CaseListPage, FileCasePage},
    chat::{ChatPanel, ChatsPage},
    contact::ContactPage,
    help::{HelpArticlePage, HelpPage},
    history::HistoryPage,
    learning::LearningPage,
    settings::SettingsPage,
    support_users::{
        AuditLogPage, CreateSupportUserPage, ImportSupportUsersPage, ReviewQueuePage,
        SupportUserPage, SupportUsersPage,
    },
};
use crate::i18n::Locale;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use support_contract::Capability;

// `page! { chunk, builder, preload, page }`. Support-user administration is four chunks:
// together its pages would pass the chunk budget.
page! { cases, case_list, preload_cases, CaseListPage().into_any() }
page! { cases, case_detail, preload_case_detail, CaseDetailPage().into_any() }
page! { file_case, file_case, preload_file_case, FileCasePage().into_any() }
// Signing in, on the page or again in the dialog when a session ended: a visit with a session
// never needs it.
page! { sign_in, sign_in, preload_sign_in, SignInPage().into_any() }
// The dialog itself too: it shows only once a session ended.
page! { sign_in, reauth_dialog, preload_reauth_dialog, ReauthDialog().into_any() }
// Signing out asks about kept drafts only when there are some; the sign-in page comes next.
page! { sign_in, sign_out_dialog(asking: RwSignal<bool>), preload_sign_out_dialog, view! { <SignOutDialog asking=asking/> }.into_any() }
// What a page needs that the user's role lacks, and whom to ask.
page! { access, access(needs: Capability), preload_access, view! { <AccessPage needs=needs/> }.into_any() }
// Setting a password from an invitation happens once per user: not worth everyone's first load.
page! { set_password, set_password, preload_set_password, SetPasswordPage().into_any() }
// The chat panel leaves the first load too; the launcher stays (see `LazyChatPanel`).
page! { chat_panel, chat_panel, preload_chat_panel, ChatPanel().into_any() }
// Only people in several organisations switch between them.
page! { organisations, organisation_switch, preload_organisation_switch, OrganisationSwitch().into_any() }
page! { chats, past_chats, preload_chats, ChatsPage().into_any() }
page! { chats, past_chat, preload_past_chat, view! { <PastChatRoute/> }.into_any() }
page! { history, history, preload_history, HistoryPage().into_any() }
page! { help, help, preload_help, HelpPage().into_any() }
page! { help, help_article, preload_help_article, HelpArticlePage().into_any() }
page! { learning, learning, preload_learning, LearningPage().into_any() }
page! { contact, contact, preload_contact, ContactPage().into_any() }
page! { settings, settings, preload_settings, SettingsPage().into_any() }
page! { support_users, users, preload_users, SupportUsersPage().into_any() }
page! { user_edit, user_new, preload_user_new, CreateSupportUserPage().into_any() }
page! { user_edit, user_detail, preload_user_detail, SupportUserPage().into_any() }
page! { user_review, user_review, preload_user_review, ReviewQueuePage().into_any() }
page! { user_import, user_import, preload_user_import, ImportSupportUsersPage().into_any() }
page! { user_audit, user_audit, preload_user_audit, AuditLogPage().into_any() }

/// The routes' page builders, by path.
pub(super) struct Pages;

impl Pages {
    pub const CASE_LIST: PageLoad = load!(case_list);
    pub const CASE_DETAIL: PageLoad = load!(case_detail);
    pub const FILE_CASE: PageLoad = load!(file_case);
    pub const SIGN_IN: PageLoad = load!(sign_in);
    pub const SET_PASSWORD: PageLoad = load!(set_password);
    pub const CHAT_PANEL: PageLoad = load!(chat_panel);
    pub const ORGANISATION_SWITCH: PageLoad = load!(organisation_switch);
    pub const REAUTH_DIALOG: PageLoad = load!(reauth_dialog);
    pub const PAST_CHATS: PageLoad = load!(past_chats);
    pub const PAST_CHAT: PageLoad = load!(past_chat);
    pub const HISTORY: PageLoad = load!(history);
    pub const HELP: PageLoad = load!(help);
    pub const HELP_ARTICLE: PageLoad = load!(help_article);
    pub const LEARNING: PageLoad = load!(learning);
    pub const CONTACT: PageLoad = load!(contact);
    pub const SETTINGS: PageLoad = load!(settings);
    pub const USERS: PageLoad = load!(users);
    pub const USER_NEW: PageLoad = load!(user_new);
    pub const USER_REVIEW: PageLoad = load!(user_review);
    pub const USER_IMPORT: PageLoad = load!(user_import);
    pub const USER_AUDIT: PageLoad = load!(user_audit);
    pub const USER_DETAIL: PageLoad = load!(user_detail);
}

/// The sign-in form of the "sign in again" dialog and the access page, from their chunks.
pub(super) const AUTH_VIEWS: AuthViews = AuthViews {
    access: |needs| {
        let load = Load::new(move || Box::pin(async move { access(needs).await }));
        view! { <LazyPage load=load/> }.into_any()
    },
};

/// Fetches sign-in's code (and, in French or Spanish, that language's texts) at once, while
/// the backend is asked who is signed in: a visit that will likely show the sign-in page then
/// shows it a round trip sooner.
pub(super) fn fetch_sign_in_ahead(locale: Locale, config: RuntimeConfig) {
    leptos::task::spawn_local(async move {
        let texts = super::fetch_texts(locale, &config);
        let _ = futures::future::join(preload_sign_in(), texts).await;
    });
}

/// The sign-out step that looks for the user's kept input (see `auth::SignOutDialog`), built
/// once its chunk is there; `asking` goes back to false when the user stays signed in.
pub(super) fn sign_out_step(asking: RwSignal<bool>) -> Load {
    Load::new(move || Box::pin(async move { sign_out_dialog(asking).await }))
}

/// Fetches the sign-out step's chunk.
pub(super) async fn fetch_sign_out_step() -> Result<(), ChunkError> {
    let fetch: ChunkPreload = load!(preload_sign_out_dialog);
    fetch().await.map_err(|_| ChunkError)
}

/// Fetches the chunk behind a navigation link ahead of the click (its list page's chunk); a
/// failure is left for the page itself to report.
pub(super) fn preload(page: AppPage) {
    if let Some(preload) = preload_of(page) {
        leptos::task::spawn_local(async move {
            let _ = preload().await;
        });
    }
}

/// What to fetch ahead when the navigation link to `page` is pointed at.
fn preload_of(page: AppPage) -> Option<ChunkPreload> {
    let preload: ChunkPreload = match page {
        AppPage::Home => return None,
        AppPage::Cases => load!(preload_cases),
        AppPage::Chats => load!(preload_chats),
        AppPage::History => load!(preload_history),
        AppPage::Help => load!(preload_help),
        AppPage::Contact => load!(preload_contact),
        AppPage::SupportUsers => load!(preload_users),
        AppPage::Settings => load!(preload_settings),
    };
    Some(preload)
}
