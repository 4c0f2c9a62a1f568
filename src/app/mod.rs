//! The app layer: providers, the router (its routes follow `auth::AppPage`), and the shell. It composes the
//! features; nothing imports it but `main.rs` and tests.

mod exports;
mod keyboard;
mod keys;
mod lazy;
mod pages;
mod shell;

pub use exports::{HostOptions, Mounted};

use crate::api::{
    load_runtime_config, load_texts, provide_http, provide_portal, provide_runtime_config, use_api,
    RuntimeConfig, SessionApi,
};
use crate::auth::{
    likely_signed_out, load_session, provide_auth_views, provide_session, use_session, AppPage,
    Guard, SessionCtx, SessionState,
};
use crate::components::{
    provide_chat_opener, provide_first_screen, provide_host, use_route_param, use_router, AppLink,
    Host, LoadingIndicator, Router, Routes,
};
use crate::domain::path_segments;
use crate::features::{
    chat::{ChatWidget, PastChatPage},
    home::HomePage,
};
use crate::i18n::{
    add_texts, has_texts, initial_locale, provide_i18n, use_i18n, I18n, Key, Locale,
};
use keys::Keys;
use lazy::{LazyChatPanel, LazyPage};
use leptos::prelude::*;
use pages::Pages;
use shell::{track_page_title, Header, Menu, Nav, SkipLink};
use wasm_bindgen::JsCast;

/// Starts the standalone app (`index.html`): reads `config.json`, then mounts into
/// `#support-portal`. A host page has no such element: it mounts the portal itself
/// (`SupportPortal.mount`, see `scripts/embed.js`), and loading the module mounts nothing.
pub fn start() {
    let Some(target) = document()
        .get_element_by_id("support-portal")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // Leptos sets up its task executor when it mounts; this runs before that.
    wasm_bindgen_futures::spawn_local(async move {
        let config = load_runtime_config().await;
        // The first screen in the user's language, not English first. (Its English is built
        // in; the rest of English comes with the first page from a chunk.)
        let locale = initial_locale();
        if locale != Locale::En {
            fetch_texts(locale, &config).await;
        }
        // The standalone portal stays for the page's life.
        std::mem::forget(mount_portal(target, config, HostOptions::default()));
    });
}

/// Provides what every mounted part of the portal needs: language, session, the runtime
/// configuration, the backend's areas and the portal configuration. `areas` provides the
/// areas (`api::provide_http`, or a test's fakes), given the callback that reports an ended
/// session. The portal, the chat widget alone and the component tests all mount through it.
pub fn provide_everything(config: RuntimeConfig, areas: impl FnOnce(Callback<()>)) -> SessionCtx {
    let i18n = provide_i18n();
    follow_wanted_language(i18n, config.clone());
    let session = provide_session(i18n);
    areas(Callback::new(move |_| session.mark_unauthorized()));
    provide_runtime_config(config);
    provide_portal();
    provide_chat_opener();
    provide_first_screen();
    provide_auth_views(pages::AUTH_VIEWS);
    session
}

/// Shows the language asked for once its texts are here (a split build fetches French and
/// Spanish when they are first chosen); if they cannot be fetched, the language shown stays
/// and `missed` says which could not come, so the language select can tell the user.
fn follow_wanted_language(i18n: I18n, config: RuntimeConfig) {
    Effect::new(move || {
        let wanted = i18n.wanted.get();
        if wanted == i18n.locale.get_untracked() {
            return;
        }
        let config = config.clone();
        leptos::task::spawn_local(async move {
            fetch_texts(wanted, &config).await;
            if i18n.wanted.get_untracked() != wanted {
                return;
            }
            if has_texts(wanted) {
                i18n.missed.set(None);
                i18n.locale.set(wanted);
            } else {
                i18n.wanted.set(i18n.locale.get_untracked());
                i18n.missed.set(Some(wanted));
            }
        });
    });
}

/// Fetches and adds the texts of `locale` unless they are here: in a split build French and
/// Spanish from their files (see `i18n::messages`).
async fn fetch_texts(locale: Locale, config: &RuntimeConfig) {
    if has_texts(locale) {
        return;
    }
    if let Some(file) = load_texts(locale, config).await {
        add_texts(locale, &file);
    }
}

/// Everything over HTTP at the configured backend, the host bridge, and the session loading
/// (through the host's hand-off token when it gave one).
fn provide_live(config: &RuntimeConfig, host: HostOptions) -> (I18n, Host) {
    let base = config.api_base.clone();
    let session = provide_everything(config.clone(), |on_unauthorized| {
        provide_http(&base, on_unauthorized)
    });
    let bridge = provide_host(host.listener, host.organisation);
    let i18n = use_i18n();
    if let Some(locale) = host.locale {
        session.follow_host_language();
        i18n.switch(locale);
    }
    tell_session_ended(session, bridge);
    load_session(use_api::<dyn SessionApi>(), session, host.handoff);
    (i18n, bridge)
}

/// Tells the host when a signed-in session ends (expired, signed out), so that a console can
/// sign its user in again.
fn tell_session_ended(session: SessionCtx, host: Host) {
    if !host.listens() {
        return;
    }
    Effect::new(move |was_live: Option<bool>| {
        let live = session
            .state
            .with(|s| matches!(s, SessionState::SignedIn(_)))
            && !session.expired.get();
        if was_live == Some(true) && !live {
            host.tell("session-ended", &[]);
        }
        live
    });
}

/// Mounts `app` into a root element of its own inside `target` (the portal's styles apply
/// inside `.sp-root` only), and gives the host its bridge.
fn mount_in(
    target: web_sys::HtmlElement,
    config: RuntimeConfig,
    host: HostOptions,
    app: impl FnOnce(&RuntimeConfig) -> AnyView + 'static,
) -> Mounted {
    target.set_inner_html("");
    let root: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a document makes elements")
        .unchecked_into();
    root.set_class_name("sp-root");
    let _ = target.append_child(&root);
    let bridge = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = bridge.clone();
    // Standalone, the page is the portal's: its language is the document's.
    let standalone = target.id() == "support-portal";
    let lang = root.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let (i18n, bridge) = provide_live(&config, host);
        slot.set(Some((i18n, bridge)));
        // Screen readers and hyphenation follow the language of the portal's root.
        Effect::new(move |_| {
            let tag = i18n.locale.get().tag();
            let _ = lang.set_attribute("lang", tag);
            if standalone {
                if let Some(html) = document().document_element() {
                    let _ = html.set_attribute("lang", tag);
                }
            }
        });
        app(&config)
    });
    Mounted::new(handle, root, bridge.take())
}

/// Mounts the portal into `target`, talking to the backend `config` names. A host page that
/// embeds the portal calls this (from JavaScript: `SupportPortal.mount`) with its own element,
/// configuration and options; dropping the result unmounts it.
pub fn mount_portal(
    target: web_sys::HtmlElement,
    config: RuntimeConfig,
    host: HostOptions,
) -> Mounted {
    mount_in(target, config, host, |config| {
        if likely_signed_out() {
            pages::fetch_sign_in_ahead(use_i18n().locale.get_untracked(), config.clone());
        }
        view! { <App base_path=config.base_path.clone()/> }.into_any()
    })
}

/// Mounts only the chat launcher and its panel into `target`, for a host page outside the
/// portal (the vendor's console): no router, no navigation; its links load the portal's pages
/// under `config.base_path`, and an ended session asks to sign in again in place.
pub fn mount_chat(
    target: web_sys::HtmlElement,
    config: RuntimeConfig,
    host: HostOptions,
) -> Mounted {
    mount_in(target, config, host, |_| {
        view! {
            <ChatWidget panel=|| view! { <LazyChatPanel load=Pages::CHAT_PANEL/> }/>
            <Reauth/>
        }
        .into_any()
    })
}

/// The sign-in-again dialog, from its chunk, once a signed-in request found the session ended
/// (`SessionCtx::expired`): the page stays mounted underneath.
#[component]
fn Reauth() -> impl IntoView {
    let ctx = use_session();
    move || {
        ctx.expired
            .get()
            .then(|| view! { <LazyPage load=Pages::REAUTH_DIALOG part=true/> })
    }
}

/// The portal: router, shell and pages. Expects what `provide_everything` provides.
#[component]
pub fn App(#[prop(optional, into)] base_path: String) -> impl IntoView {
    view! {
        <Router base=base_path>
            <Shell/>
        </Router>
    }
}

/// The frame and the page for the current path; pages render inside `<main>`.
#[component]
fn Shell() -> impl IntoView {
    let menu = Menu::new();
    track_page_title(menu);
    // Until the backend says who this is, only a loading line: the frame then appears whole,
    // instead of growing a user line and a navigation that push the page down as it loads.
    let ctx = use_session();
    let keys = Keys::new(use_router(), ctx);
    provide_context(keys);
    let known = Memo::new(move |_| !matches!(ctx.state.get(), SessionState::Loading));
    view! {
        <Show when=move || known.get() fallback=|| view! {
            <main id="main" class="main" tabindex="-1"><LoadingIndicator/></main>
        }>
            <SkipLink/>
            <Header menu keys/>
            <Nav/>
            // Built again when the session moves to another organisation: no page, list or
            // chat of the previous one stays.
            {move || {
                ctx.organisation_switches();
                view! {
                    <main id="main" class="main" tabindex="-1">
                        <Routes matcher=route_of view=page_of/>
                    </main>
                    <ChatWidget panel=|| view! { <LazyChatPanel load=Pages::CHAT_PANEL/> }/>
                }
            }}
            <Reauth/>
        </Show>
    }
}

/// The portal's routes: each a page (the path parameter, if it has one, comes from
/// `use_route_param`).
#[derive(Clone, Copy, PartialEq)]
enum Route {
    SignIn,
    SetPassword,
    Home,
    CaseList,
    FileCase,
    CaseDetail,
    PastChats,
    PastChat,
    History,
    Help,
    HelpArticle,
    Learning,
    Contact,
    Users,
    UserNew,
    UserReview,
    UserImport,
    UserAudit,
    UserDetail,
    Settings,
    NotFound,
}

/// The route an in-app path shows, and its path parameter. The areas' first segments come from
/// the page table (`AppPage`), which the navigation and the guards read too.
fn route_of(path: &str) -> (Route, Option<String>) {
    let segments = path_segments(path);
    let page = segments.first().and_then(|s| AppPage::from_path(s));
    let param = |s: &str| Some(crate::domain::decode_component(s));
    match (page, segments.as_slice()) {
        (_, []) => (Route::Home, None),
        (_, ["sign-in"]) => (Route::SignIn, None),
        (_, ["set-password"]) => (Route::SetPassword, None),
        // Not in the page table: "Get started" is reached from the home page and the phase
        // banner, not the navigation (see LearningPage); every signed-in user.
        (_, ["learning"]) => (Route::Learning, None),
        (Some(AppPage::Cases), [_]) => (Route::CaseList, None),
        (Some(AppPage::Cases), [_, "new"]) => (Route::FileCase, None),
        (Some(AppPage::Cases), [_, id]) => (Route::CaseDetail, param(id)),
        (Some(AppPage::Chats), [_]) => (Route::PastChats, None),
        (Some(AppPage::Chats), [_, id]) => (Route::PastChat, param(id)),
        (Some(AppPage::History), [_]) => (Route::History, None),
        (Some(AppPage::Help), [_]) => (Route::Help, None),
        (Some(AppPage::Help), [_, slug]) => (Route::HelpArticle, param(slug)),
        (Some(AppPage::Contact), [_]) => (Route::Contact, None),
        (Some(AppPage::SupportUsers), [_]) => (Route::Users, None),
        (Some(AppPage::SupportUsers), [_, "new"]) => (Route::UserNew, None),
        (Some(AppPage::SupportUsers), [_, "review"]) => (Route::UserReview, None),
        (Some(AppPage::SupportUsers), [_, "import"]) => (Route::UserImport, None),
        (Some(AppPage::SupportUsers), [_, "audit"]) => (Route::UserAudit, None),
        (Some(AppPage::SupportUsers), [_, id]) => (Route::UserDetail, param(id)),
        (Some(AppPage::Settings), [_]) => (Route::Settings, None),
        _ => (Route::NotFound, None),
    }
}

/// A route's page: from its chunk (but the home page), behind the guard of its area (a user
/// the page refuses never fetches it).
fn page_of(route: Route) -> AnyView {
    let (needs, load) = match route {
        Route::SignIn => return view! { <LazyPage load=Pages::SIGN_IN/> }.into_any(),
        Route::SetPassword => return view! { <LazyPage load=Pages::SET_PASSWORD/> }.into_any(),
        Route::NotFound => return NotFound().into_any(),
        Route::Home => {
            let needs = AppPage::Home.needs();
            return view! { <Guard needs=needs>{HomePage()}</Guard> }.into_any();
        }
        Route::Learning => (None, Pages::LEARNING),
        Route::CaseList => (AppPage::Cases.needs(), Pages::CASE_LIST),
        Route::FileCase => (AppPage::Cases.needs(), Pages::FILE_CASE),
        Route::CaseDetail => (AppPage::Cases.needs(), Pages::CASE_DETAIL),
        Route::PastChats => (AppPage::Chats.needs(), Pages::PAST_CHATS),
        Route::PastChat => (AppPage::Chats.needs(), Pages::PAST_CHAT),
        Route::History => (AppPage::History.needs(), Pages::HISTORY),
        Route::Help => (AppPage::Help.needs(), Pages::HELP),
        Route::HelpArticle => (AppPage::Help.needs(), Pages::HELP_ARTICLE),
        Route::Contact => (AppPage::Contact.needs(), Pages::CONTACT),
        Route::Users => (AppPage::SupportUsers.needs(), Pages::USERS),
        Route::UserNew => (AppPage::SupportUsers.needs(), Pages::USER_NEW),
        Route::UserReview => (AppPage::SupportUsers.needs(), Pages::USER_REVIEW),
        Route::UserImport => (AppPage::SupportUsers.needs(), Pages::USER_IMPORT),
        Route::UserAudit => (AppPage::SupportUsers.needs(), Pages::USER_AUDIT),
        Route::UserDetail => (AppPage::SupportUsers.needs(), Pages::USER_DETAIL),
        Route::Settings => (AppPage::Settings.needs(), Pages::SETTINGS),
    };
    view! { <Guard needs=needs><LazyPage load=load/></Guard> }.into_any()
}

/// A past chat's page, for the chat id in the path (the chat feature itself stays free of
/// the router, so that it also mounts outside the portal).
#[component]
fn PastChatRoute() -> impl IntoView {
    let id = use_route_param();
    view! { <PastChatPage id=id/> }
}

/// Any path the route table does not know.
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="page-title">
            <h1 id="page-title">{i18n.s(Key::NotFoundTitle)}</h1>
            <p>{i18n.s(Key::NotFoundBody)}</p>
            <p><AppLink href="/">{i18n.s(Key::BackHome)}</AppLink></p>
        </section>
    }
}
