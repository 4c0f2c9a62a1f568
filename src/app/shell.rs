//! The frame around every page: skip link, header, navigation, and the page title.

use super::keys::{Keys, Overlay};
use super::lazy::LazyPage;
use super::pages::{fetch_sign_out_step, preload, sign_out_step, Pages};
use crate::api::{use_api, SessionApi};
use crate::auth::{end_session, nav_for, use_session, AppPage, SessionState};
use crate::components::{first_screen_up, use_host, use_router, AppLink, LanguageSelect};
use crate::i18n::{role_key, use_i18n, Key, Locale};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Lets keyboard users jump past the header and navigation. It moves focus itself: the router
/// would otherwise treat `#main` as a navigation and leave focus where it was.
#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_main();
    };
    view! { <a class="skip-link" href="#main" on:click=skip>{i18n.s(Key::SkipToContent)}</a> }
}

/// Moves focus to the page content (`<main tabindex="-1">`).
fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// On a phone (under 45rem), once someone is signed in, the menu button shows the organisation,
/// user, language, sign-out and the navigation, which are hidden until then; `Menu` is whether
/// they are shown. The stylesheet shows the button and hides the rest from the button's
/// `aria-expanded` (`:has()`), so nothing else is toggled; wider screens, and the signed-out
/// pages, never show the button and always show the rest. A disclosure: the button opens and
/// closes it (Enter or Space), and following a link to another page closes it.
#[derive(Clone, Copy)]
pub struct Menu(RwSignal<bool>);

impl Menu {
    /// A closed menu.
    pub fn new() -> Menu {
        Menu(RwSignal::new(false))
    }
}

/// Organisation, user, role, the command palette's button, language and sign-out. The language is remembered in the browser
/// and, when signed in, in the profile.
#[component]
pub fn Header(menu: Menu, keys: Keys) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let api = use_api::<dyn SessionApi>();
    let router = use_router();
    let change_language = {
        let api = api.clone();
        Callback::new(move |locale: Locale| ctx.pick_language(api.clone(), locale))
    };
    let several_organisations = Memo::new(move |_| {
        ctx.state
            .with(|s| matches!(s, SessionState::SignedIn(s) if s.organisations.len() > 1))
    });
    // Signing out first looks for the user's input kept on this device, in code from the
    // sign-in chunk (fetched now, needed next anyway). Without it (offline), sign out keeping it.
    let asking = RwSignal::new(false);
    let sign_out = move |_| {
        let api = api.clone();
        spawn_local(async move {
            match fetch_sign_out_step().await {
                Ok(()) => asking.set(true),
                Err(_) => end_session(api, router, ctx).await,
            }
        });
    };
    let open = menu.0;
    let first_up = first_screen_up();
    // A memo: the layer is built once, not again (losing an open palette's text) when the
    // palette asks for it after the first screen already has.
    let layer = Memo::new(move |_| first_up() || keys.layer_wanted());
    view! {
        <header class="header">
            <p class="brand">{i18n.s(Key::AppName)}</p>
            // The keyboard's layer (its listener, the palette, the list of shortcuts), from its
            // chunk once the first screen is up or the palette is asked for; here, not among
            // the actions that a phone's menu hides.
            {move || layer.get().then(|| view! { <LazyPage load=Pages::KEYBOARD part=true/> })}
            // Shown by the stylesheet on a phone, once someone is signed in (`.who`).
            <button type="button" class="button menu-button"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)>
                {i18n.s(Key::Menu)}
            </button>
            {move || ctx.session().map(|s| view! {
                <p class="who">
                    <span class="org">{s.organisation.name}</span>
                    <span class="user">{i18n.tr(Key::SignedInAs, &[("name", &s.user.name)])}</span>
                    <span class="role">{i18n.s(role_key(s.user.role))}</span>
                </p>
            })}
            <div class="header-actions">
                // Shown by the stylesheet once someone is signed in (`.who`), like the menu button.
                <button type="button" class="button palette-button" on:click=move |_| keys.open(Overlay::Palette)>
                    {i18n.s(Key::PaletteButton)}
                </button>
                // Embedded, the console's own language menu sets the portal's.
                {(!ctx.host_sets_language()).then(|| view! { <LanguageSelect on_change=change_language/> })}
                {move || several_organisations.get().then(|| view! {
                    <LazyPage load=Pages::ORGANISATION_SWITCH part=true/>
                })}
                {move || ctx.session().is_some().then(|| view! {
                    <button type="button" class="button" on:click=sign_out.clone()>{i18n.s(Key::SignOut)}</button>
                })}
                {move || asking.get().then(|| view! { <LazyPage load=sign_out_step(asking) part=true/> })}
            </div>
        </header>
    }
}

/// The main navigation, built from the page table and the user's capabilities (on a phone,
/// behind the header's menu button).
#[component]
pub fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let pages = Memo::new(move |_| {
        ctx.session()
            .map(|s| nav_for(&s.capabilities))
            .unwrap_or_default()
    });
    view! {
        <Show when=move || !pages.get().is_empty()>
            <nav class="nav" aria-label=i18n.s(Key::MainNavigation)>
                // Rebuilt whole when the pages change (a new session's capabilities): a keyed
                // <For> would cost the first load its diffing for a list of eight links.
                <ul>
                    {move || pages.get().into_iter().map(|page| view! {
                        // Pointing at a link, or tabbing to it, fetches its page's chunk ahead.
                        <li on:pointerenter=move |_| preload(page) on:focusin=move |_| preload(page)>
                            <AppLink href=page.href() exact=true>{i18n.s(page.label())}</AppLink>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </Show>
    }
}

/// Keeps the document title on the current page (embedded: tells the host the page's path and
/// title instead), and moves focus to the new page's content
/// after a navigation, so screen-reader users hear where they are.
pub fn track_page_title(menu: Menu) {
    let i18n = use_i18n();
    let router = use_router();
    let host = use_host();
    if let Some(host) = host {
        host.attach_router(router);
    }
    Effect::new(move |previous: Option<String>| {
        let path = router.path();
        let app = i18n.t(Key::AppName);
        let title = match AppPage::from_path(&path) {
            Some(page) => format!("{} · {app}", i18n.t(page.label())),
            None if path == "/sign-in" => format!("{} · {app}", i18n.t(Key::SignIn)),
            None if path == "/learning" => format!("{} · {app}", i18n.t(Key::LearningTitle)),
            None => app.to_string(),
        };
        // Embedded, the host owns its document's title: it hears the page's instead.
        match host.filter(|h| h.listens()) {
            Some(host) => host.tell(
                "navigated",
                &[
                    ("path", format!("{path}{}", router.search()).into()),
                    ("title", title.into()),
                ],
            ),
            None => document().set_title(&title),
        }
        if previous.is_some_and(|p| p != path) {
            menu.0.set(false);
            focus_main();
        }
        path
    });
}
