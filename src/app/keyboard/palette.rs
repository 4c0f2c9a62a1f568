//! The command palette (Ctrl+K, or the header's button): one field that finds pages, actions
//! and cases as you type, with what the user's capabilities allow and nothing else. A combobox
//! over a listbox: the arrow keys move, Enter goes, Escape closes and gives focus back.

use super::{allowed_pages, show_modal};
use crate::api::{use_api, ApiError, CasesApi};
use crate::app::keys::{Keys, Overlay};
use crate::components::use_chat_opener;
use crate::domain::{palette_case_search, palette_matches};
use crate::i18n::{use_i18n, I18n, Key};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use support_contract::cases::{CaseQuery, CaseScope, CaseSort, CaseSummary};
use support_contract::query::Paged;
use support_contract::Capability;

/// At most this many cases are offered.
const CASES_SHOWN: usize = 5;
/// The case search waits for typing to pause this long (milliseconds).
const PAUSE_MS: u64 = 250;

/// What an entry does.
#[derive(Clone, PartialEq)]
enum Target {
    Go(String),
    Chat,
    Shortcuts,
}

/// An entry of the list: what it says and what it does.
#[derive(Clone, PartialEq)]
struct Entry {
    label: String,
    target: Target,
}

/// The pages and actions this user may use, in the current language.
fn fixed_entries(i18n: I18n, keys: Keys, chat: bool) -> Vec<Entry> {
    let can = |c| keys.session.can(c);
    let go = |label: String, to: &str| Entry {
        label,
        target: Target::Go(to.into()),
    };
    let mut entries: Vec<Entry> = allowed_pages(keys)
        .into_iter()
        .map(|page| {
            let label = i18n.tr(Key::PaletteGoTo, &[("page", i18n.t(page.label()))]);
            go(label, &page.href())
        })
        .collect();
    let actions = [
        (Capability::ManageCases, Key::FileCase, "/cases/new"),
        (Capability::ManageCases, Key::RequestCallback, "/contact"),
        (
            Capability::ViewHistory,
            Key::ActionExportHistory,
            "/history",
        ),
        (
            Capability::ManageUsers,
            Key::AddSupportUser,
            "/support-users/new",
        ),
        (
            Capability::ManageUsers,
            Key::ActionImportUsers,
            "/support-users/import",
        ),
        (
            Capability::ReviewUsers,
            Key::ActionReviewUsers,
            "/support-users/review",
        ),
    ];
    entries.extend(
        actions
            .into_iter()
            .filter(|(needs, _, _)| can(*needs))
            .map(|(_, label, to)| go(i18n.t(label).into(), to)),
    );
    if chat && can(Capability::Chat) {
        entries.push(Entry {
            label: i18n.t(Key::ChatLauncher).into(),
            target: Target::Chat,
        });
    }
    entries.push(Entry {
        label: i18n.t(Key::ShortcutsTitle).into(),
        target: Target::Shortcuts,
    });
    entries
}

/// The palette, open over the page.
#[component]
pub fn CommandPalette() -> impl IntoView {
    let keys = expect_context::<Keys>();
    let i18n = use_i18n();
    let api = use_api::<dyn CasesApi>();
    let opener = use_chat_opener();
    let dialog = NodeRef::<Dialog>::new();
    let restore = show_modal(dialog);
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let chosen = StoredValue::new(None::<Target>);

    // Cases by number or title, once typing pauses (from two letters or digits). A signal, not
    // a resource: a resource read under the part's <Suspense> would swap the open palette for
    // the fallback at every search, and lose its field and focus.
    let wanted = move || {
        palette_case_search(&typed.get()).filter(|_| keys.session.can(Capability::ManageCases))
    };
    let found = RwSignal::new(None::<(String, Result<Vec<CaseSummary>, ApiError>)>);
    let pause = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let q = wanted();
        pause.update_value(|p| {
            if let Some(p) = p.take() {
                p.clear();
            }
        });
        let Some(q) = q else { return };
        let api = api.clone();
        let search = move || {
            spawn_local(async move {
                // Every field named, not `..CaseQuery::default()`: that call from this chunk
                // would keep a function of the first load out of line (bytes every visit).
                let query = CaseQuery {
                    scope: CaseScope::Organisation,
                    statuses: Vec::new(),
                    products: Vec::new(),
                    priorities: Vec::new(),
                    requester: String::new(),
                    q: q.clone(),
                    sort: CaseSort::default(),
                    from: String::new(),
                    to: String::new(),
                };
                let answer = api
                    .list_cases(Paged {
                        query,
                        cursor: None,
                    })
                    .await;
                let _ = found.try_set(Some((q, answer.map(|page| page.items))));
            })
        };
        let handle = set_timeout_with_handle(search, std::time::Duration::from_millis(PAUSE_MS));
        pause.set_value(handle.ok());
    });
    // The answer to what is typed now, if it came.
    let answer = move || {
        let q = wanted()?;
        found.with(|f| {
            f.as_ref()
                .filter(|(asked, _)| *asked == q)
                .map(|(_, a)| a.clone())
        })
    };
    let searching = move || wanted().is_some() && answer().is_none();

    let entries = Memo::new(move |_| {
        let typed = typed.get();
        let mut shown: Vec<Entry> = fixed_entries(i18n, keys, opener.is_some())
            .into_iter()
            .filter(|e| palette_matches(&e.label, &typed))
            .collect();
        if let Some(Ok(found)) = answer() {
            shown.extend(found.into_iter().take(CASES_SHOWN).map(|c| Entry {
                label: format!("{} · {}", c.number, c.title),
                target: Target::Go(format!("/cases/{}", c.id)),
            }));
        }
        shown
    });
    // The first entry is the one Enter takes, whenever the list changes.
    Effect::new(move |_| {
        entries.track();
        active.set(0);
    });

    let choose = move |i: usize| {
        if let Some(entry) = entries.with_untracked(|e| e.get(i).cloned()) {
            chosen.set_value(Some(entry.target));
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
        }
    };
    // Closed by a choice: go there; by Escape: back where focus was.
    let on_close = move |_| {
        keys.close();
        match chosen.get_value() {
            Some(Target::Go(to)) => keys.router.go(&to),
            Some(Target::Chat) => {
                if let Some(opener) = opener {
                    opener.open();
                }
            }
            Some(Target::Shortcuts) => keys.open(Overlay::Shortcuts),
            None => restore(),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = entries.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => active.update(|a| *a = (*a + 1) % count),
            "ArrowUp" if count > 0 => active.update(|a| *a = (*a + count - 1) % count),
            "Home" => active.set(0),
            "End" => active.set(count.saturating_sub(1)),
            "Enter" => choose(active.get_untracked()),
            _ => return,
        }
        ev.prevent_default();
    };
    let status = move || {
        let count = entries.with(Vec::len);
        if searching() {
            i18n.t(Key::PaletteSearching).to_string()
        } else if let Some(Err(e)) = answer() {
            e.message(i18n.locale.get())
        } else if count == 0 {
            i18n.t(Key::PaletteNone).to_string()
        } else {
            i18n.tr(Key::PaletteCount, &[("n", &i18n.number(count as f64))])
        }
    };

    view! {
        <dialog node_ref=dialog class="dialog palette" aria-labelledby="palette-title" on:close=on_close>
            <h2 id="palette-title">{i18n.s(Key::PaletteTitle)}</h2>
            <label for="palette-input">{i18n.s(Key::PaletteLabel)}</label>
            <input id="palette-input" type="text" role="combobox" autocomplete="off" autofocus
                aria-expanded="true" aria-controls="palette-list" aria-autocomplete="list"
                aria-activedescendant=move || (!entries.with(Vec::is_empty)).then(|| format!("palette-option-{}", active.get()))
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
                on:keydown=on_keydown/>
            <p class="palette-status" role="status">{status}</p>
            <ul id="palette-list" role="listbox" aria-label=i18n.s(Key::PaletteTitle)>
                {move || entries.get().into_iter().enumerate().map(|(i, entry)| view! {
                    <li id=format!("palette-option-{i}") role="option"
                        aria-selected=move || (active.get() == i).to_string()
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| choose(i)>
                        {entry.label}
                    </li>
                }).collect_view()}
            </ul>
        </dialog>
    }
}
