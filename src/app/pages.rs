//! Which page lives in which chunk. The home page and the shell stay in the first load; every
//! other area's pages arrive with their chunk (see `lazy`), and so do sign-in and the access
//! page, which a signed-in user with the right role never sees.

use super::keyboard::{CommandPalette, KeyboardLayer};
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
// Pages that share a chunk share one builder, told which page: each builder costs the first
// load bytes of its own.
page! { cases, cases(detail: bool), preload_cases, if detail { CaseDetailPage().into_any() } else { CaseListPage().into_any() } }
page! { file_case, file_case, preload_file_case, FileCasePage().into_any() }
// Signing in, on the page or again in the dialog once a session ended (a visit with a session
// never needs it), and signing out, which asks about kept drafts only when there are some
// (the sign-in page comes next).
page! { sign_in, sign_in(part: SignInPart), preload_sign_in, match part {
    SignInPart::Page => SignInPage().into_any(),
    SignInPart::Again => ReauthDialog().into_any(),
    SignInPart::SignOut(asking) => view! { <SignOutDialog asking=asking/> }.into_any(),
} }
// What a page needs that the user's role lacks, and whom to ask.
page! { access, access(needs: Capability), preload_access, view! { <AccessPage needs=needs/> }.into_any() }
// Setting a password from an invitation happens once per user: not worth everyone's first load.
page! { set_password, set_password, preload_set_password, SetPasswordPage().into_any() }
// The chat panel leaves the first load too; the launcher stays (see `LazyChatPanel`).
page! { chat_panel, chat_panel, preload_chat_panel, ChatPanel().into_any() }
// Only people in several organisations switch between them.
page! { organisations, organisation_switch, preload_organisation_switch, OrganisationSwitch().into_any() }
page! { chats, chats(one: bool), preload_chats, if one { view! { <PastChatRoute/> }.into_any() } else { ChatsPage().into_any() } }
page! { history, history, preload_history, HistoryPage().into_any() }
page! { help, help(article: bool), preload_help, if article { HelpArticlePage().into_any() } else { HelpPage().into_any() } }
page! { learning, learning, preload_learning, LearningPage().into_any() }
page! { contact, contact, preload_contact, ContactPage().into_any() }
page! { settings, settings, preload_settings, SettingsPage().into_any() }
page! { support_users, users, preload_users, SupportUsersPage().into_any() }
page! { user_edit, user_edit(new: bool), preload_user_edit, if new { CreateSupportUserPage().into_any() } else { SupportUserPage().into_any() } }
page! { user_review, user_review, preload_user_review, ReviewQueuePage().into_any() }
page! { user_import, user_import, preload_user_import, ImportSupportUsersPage().into_any() }
page! { user_audit, user_audit, preload_user_audit, AuditLogPage().into_any() }
// The keyboard's layer (its listener and the list of shortcuts), and the palette.
page! { keys, keyboard_layer, preload_keyboard_layer, view! { <KeyboardLayer palette=Pages::PALETTE/> }.into_any() }
page! { palette, palette, preload_palette, CommandPalette().into_any() }

/// Which part of the sign-in chunk to build.
#[derive(Clone, Copy)]
pub(super) enum SignInPart {
    /// The sign-in page.
    Page,
    /// The sign-in-again dialog, once a session ended.
    Again,
    /// Signing out, which asks about kept drafts (`asking` back to false to stay signed in).
    SignOut(RwSignal<bool>),
}

/// The routes' page builders, by path.
pub(super) struct Pages;

impl Pages {
    pub const CASE_LIST: PageLoad = load!(cases(false));
    pub const CASE_DETAIL: PageLoad = load!(cases(true));
    pub const FILE_CASE: PageLoad = load!(file_case);
    pub const SIGN_IN: PageLoad = load!(sign_in(SignInPart::Page));
    pub const SET_PASSWORD: PageLoad = load!(set_password);
    pub const CHAT_PANEL: PageLoad = load!(chat_panel);
    pub const ORGANISATION_SWITCH: PageLoad = load!(organisation_switch);
    pub const REAUTH_DIALOG: PageLoad = load!(sign_in(SignInPart::Again));
    pub const PAST_CHATS: PageLoad = load!(chats(false));
    pub const PAST_CHAT: PageLoad = load!(chats(true));
    pub const HISTORY: PageLoad = load!(history);
    pub const HELP: PageLoad = load!(help(false));
    pub const HELP_ARTICLE: PageLoad = load!(help(true));
    pub const LEARNING: PageLoad = load!(learning);
    pub const CONTACT: PageLoad = load!(contact);
    pub const SETTINGS: PageLoad = load!(settings);
    pub const USERS: PageLoad = load!(users);
    pub const USER_NEW: PageLoad = load!(user_edit(true));
    pub const USER_REVIEW: PageLoad = load!(user_review);
    pub const USER_IMPORT: PageLoad = load!(user_import);
    pub const USER_AUDIT: PageLoad = load!(user_audit);
    pub const USER_DETAIL: PageLoad = load!(user_edit(false));
    pub const KEYBOARD: PageLoad = load!(keyboard_layer);
    pub const PALETTE: PageLoad = load!(palette);
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
    Load::new(move || Box::pin(sign_in(SignInPart::SignOut(asking))))
}

/// Fetches the sign-out step's chunk.
pub(super) async fn fetch_sign_out_step() -> Result<(), ChunkError> {
    let fetch: ChunkPreload = load!(preload_sign_in);
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
