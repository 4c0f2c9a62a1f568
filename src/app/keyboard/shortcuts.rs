//! The list of keyboard shortcuts (`?`, or the palette's entry), in a dialog.

use super::{allowed_pages, show_modal, GO};
use crate::app::keys::Keys;
use crate::i18n::{use_i18n, Key};
use leptos::html::Dialog;
use leptos::prelude::*;

/// Every shortcut this user has, as a table of keys and what they do. Escape or Close shuts
/// it and gives focus back.
#[component]
pub fn ShortcutList(keys: Keys) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let restore = show_modal(dialog);
    let allowed = allowed_pages(keys);
    let go = GO
        .into_iter()
        .filter(|(_, page)| allowed.contains(page))
        .map(|(letter, page)| {
            let does = i18n.tr(Key::PaletteGoTo, &[("page", i18n.t(page.label()))]);
            (vec!["g", letter], does)
        });
    let enter = i18n.t(Key::KeyEnter);
    let single = |keys: &[&'static str], does: Key| (keys.to_vec(), i18n.t(does).to_string());
    let rows: Vec<(Vec<&'static str>, String)> =
        std::iter::once(single(&["Ctrl", "K"], Key::ShortcutPalette))
            .chain(go)
            .chain([
                single(&["j"], Key::ShortcutNext),
                single(&["k"], Key::ShortcutPrevious),
                single(&[enter], Key::ShortcutOpen),
                single(&["/"], Key::ShortcutSearch),
                single(&["Ctrl", enter], Key::ShortcutReply),
                single(&["?"], Key::ShortcutHelp),
            ])
            .collect();
    view! {
        <dialog node_ref=dialog class="dialog shortcuts" aria-labelledby="shortcuts-title"
            aria-describedby="shortcuts-intro" on:close=move |_| { keys.close(); restore(); }>
            <h2 id="shortcuts-title">{i18n.s(Key::ShortcutsTitle)}</h2>
            <p id="shortcuts-intro">{i18n.s(Key::ShortcutsIntro)}</p>
            <table class="table">
                <thead><tr><th scope="col">{i18n.s(Key::ShortcutKeys)}</th><th scope="col">{i18n.s(Key::ShortcutDoes)}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(pressed, does)| view! {
                        <tr>
                            <td>{pressed.into_iter().map(|k| view! { <kbd>{k}</kbd>" " }).collect_view()}</td>
                            <td>{does}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="button" on:click=move |_| {
                if let Some(d) = dialog.get() { d.close(); }
            }>{i18n.s(Key::Close)}</button>
        </dialog>
    }
}
