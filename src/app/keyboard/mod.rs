//! The keyboard's layer (see `app::keys`), in the `keys` chunk: one window listener and what
//! the keys do, the list of shortcuts, and the palette (from the `palette` chunk). Ctrl+K (⌘K)
//! opens the palette from anywhere; a single key acts only when no field has focus, nothing is
//! open over the page, someone is signed in and shortcuts are on (Settings: WCAG 2.1.4).

mod palette;
mod shortcuts;

use super::keys::{Keys, Overlay};
use super::lazy::{LazyPage, PageLoad};
use crate::auth::{AppPage, SessionState};
use crate::components::preferences;
use leptos::prelude::*;
pub use palette::CommandPalette;
use shortcuts::ShortcutList;
use std::cell::Cell;
use wasm_bindgen::JsCast;

/// `g` then one of these letters goes to the page (for a user who may open it).
pub const GO: [(&str, AppPage); 8] = [
    ("d", AppPage::Home),
    ("c", AppPage::Cases),
    ("t", AppPage::Chats),
    ("h", AppPage::History),
    ("f", AppPage::Help),
    ("p", AppPage::Contact),
    ("u", AppPage::SupportUsers),
    ("s", AppPage::Settings),
];

/// How long after `g` its letter still counts, in milliseconds.
const AFTER_G_MS: f64 = 1500.0;

/// The pages the signed-in user may open, in navigation order.
fn allowed_pages(keys: Keys) -> Vec<AppPage> {
    AppPage::ALL
        .into_iter()
        .filter(|p| p.needs().is_none_or(|c| keys.session.can(c)))
        .collect()
}

/// Runs a single key's shortcut (no field has focus, shortcuts are on, nothing is open);
/// `after_g`: `g` came just before.
fn on_key(key: &str, after_g: bool, keys: Keys) {
    if after_g {
        let allowed = allowed_pages(keys);
        if let Some((_, page)) = GO
            .iter()
            .find(|(letter, page)| *letter == key && allowed.contains(page))
        {
            keys.router.go(&page.href());
        }
        return;
    }
    match key {
        "j" => move_in_list(true),
        "k" => move_in_list(false),
        "/" => focus_search(),
        "?" => keys.open(Overlay::Shortcuts),
        _ => {}
    }
}

/// Moves focus to the next (or previous) row of the page's list, on the row's link: Enter
/// then opens it. From outside the list, `j` starts at its first row and `k` at its last.
fn move_in_list(down: bool) {
    let document = document();
    let Ok(rows) = document.query_selector_all("#main tbody tr") else {
        return;
    };
    let rows: Vec<(web_sys::Element, web_sys::HtmlElement)> = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|row| {
            let link = row.query_selector("a[href]").ok()??;
            Some((row, link.dyn_into::<web_sys::HtmlElement>().ok()?))
        })
        .collect();
    let Some(last) = rows.len().checked_sub(1) else {
        return;
    };
    let active = document.active_element();
    let at = rows
        .iter()
        .position(|(row, _)| active.as_ref().is_some_and(|a| row.contains(Some(a))));
    let next = match (at, down) {
        (None, true) => 0,
        (None, false) => last,
        (Some(i), true) => (i + 1).min(last),
        (Some(i), false) => i.saturating_sub(1),
    };
    let _ = rows[next].1.focus();
}

/// Moves focus to the page's search field, if it has one.
fn focus_search() {
    if let Some(field) = document()
        .query_selector("#main input[type=search]")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = field.focus();
    }
}

/// Whether the key goes into a field (a text input, a text area, a list box, an editable).
fn typing(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.matches("input, textarea, select, [contenteditable]:not([contenteditable=false])")
                .unwrap_or(false)
        })
}

/// The keyboard's layer: listens for the keys while it is mounted, and shows the palette (from
/// `palette`, its chunk) or the list of shortcuts, whichever is open.
#[component]
pub fn KeyboardLayer(palette: PageLoad) -> impl IntoView {
    let keys = expect_context::<Keys>();
    let signed_in = move || {
        keys.session
            .state
            .with_untracked(|s| matches!(s, SessionState::SignedIn(_)))
    };
    // When `g` came, so that the next key can follow it.
    let g_at = Cell::new(f64::NEG_INFINITY);
    let listener = window_event_listener(leptos::ev::keydown, move |e| {
        if e.default_prevented() || e.alt_key() || !signed_in() {
            return;
        }
        let key = e.key();
        if e.ctrl_key() || e.meta_key() {
            if key.eq_ignore_ascii_case("k") {
                e.prevent_default();
                keys.open(Overlay::Palette);
            }
            return;
        }
        if key.chars().count() != 1
            || keys.open_now().is_some()
            || typing(&e)
            || !preferences::shortcuts_on()
        {
            return;
        }
        // Firefox would open its quick find; the search field gets focus instead.
        if key == "/" {
            e.prevent_default();
        }
        let now = js_sys::Date::now();
        let after_g = now - g_at.replace(f64::NEG_INFINITY) < AFTER_G_MS;
        if key == "g" && !after_g {
            g_at.set(now);
        }
        on_key(&key, after_g, keys);
    });
    on_cleanup(move || listener.remove());
    // The palette's button says its shortcut once the shortcut works (the layer lives as long
    // as the header that holds it).
    if let Ok(Some(b)) = document().query_selector(".palette-button") {
        let _ = b.set_attribute("aria-keyshortcuts", "Control+K Meta+K");
    }
    move || match keys.open_now() {
        Some(Overlay::Palette) => view! { <LazyPage load=palette part=true/> }.into_any(),
        Some(Overlay::Shortcuts) => view! { <ShortcutList keys/> }.into_any(),
        None => ().into_any(),
    }
}

/// Opens `dialog` as a modal once it is in the page. Returns what gives focus back to where it
/// was before it opened (for a close that does not go elsewhere).
fn show_modal(dialog: NodeRef<leptos::html::Dialog>) -> impl Fn() + Copy + 'static {
    let before = StoredValue::new_local(document().active_element());
    // The dialog exists before it is in the document (a part from a chunk is built, then
    // mounted), and only a dialog in the document can open: the next frame, it is.
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            request_animation_frame(move || {
                if !d.open() {
                    let _ = d.show_modal();
                }
            });
        }
    });
    move || {
        before.with_value(|b| {
            if let Some(el) = b.as_ref().and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        })
    }
}
