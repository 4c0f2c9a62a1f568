//! Loading lines, and holding a page back until its blocks have their first answers.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use std::time::Duration;

/// The longest a `Settled` region stays hidden waiting for its blocks.
const MAX_WAIT: Duration = Duration::from_millis(1000);

/// A polite "Loading…" that screen readers announce.
#[component]
pub fn LoadingIndicator() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{i18n.s(Key::Loading)}</p> }
}

/// Whether the first screen is up: a `Settled` region shown, or a page's chunk arrived. What
/// must not compete with the first screen (fetching the chat panel's code) waits for it.
#[derive(Clone, Copy)]
struct FirstScreen(RwSignal<bool>);

/// The longest anything waits for the first screen (a page that says nothing about it).
const FIRST_SCREEN_AT_LATEST: Duration = Duration::from_millis(3000);

/// Provides `FirstScreen`, which holds by itself after three seconds at the latest.
pub fn provide_first_screen() {
    let up = RwSignal::new(false);
    provide_context(FirstScreen(up));
    clear_on_cleanup(set_timeout_with_handle(
        move || {
            let _ = up.try_set(true);
        },
        FIRST_SCREEN_AT_LATEST,
    ));
}

/// An unmounted portal leaves no timer behind.
fn clear_on_cleanup(timer: Result<TimeoutHandle, wasm_bindgen::JsValue>) {
    if let Ok(timer) = timer {
        on_cleanup(move || timer.clear());
    }
}

/// Says that the first screen is up (nothing outside `provide_first_screen`).
pub fn first_screen_is_up() -> impl Fn() + Copy + Send + Sync + 'static {
    let first = use_context::<FirstScreen>();
    move || {
        if let Some(FirstScreen(up)) = first {
            let _ = up.try_set(true);
        }
    }
}

/// Whether the first screen is up (reactive; always outside `provide_first_screen`).
pub fn first_screen_up() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let up = use_context::<FirstScreen>().map(|FirstScreen(up)| up);
    move || up.is_none_or(|up| up.get())
}

/// Runs `f` once, when the first screen is up (at once outside `provide_first_screen`).
pub fn after_first_screen(f: impl FnOnce() + 'static) {
    let up = use_context::<FirstScreen>().map(|FirstScreen(up)| up);
    let mut f = Some(f);
    Effect::new(move || {
        if up.is_none_or(|up| up.get()) {
            if let Some(f) = f.take() {
                f();
            }
        }
    });
}

/// How many blocks of a `Settled` region are still waiting for their first answer.
#[derive(Clone, Copy)]
struct Pending(RwSignal<u32>);

/// A block of a `Settled` region waiting for its first answer: made while the block is built,
/// let go (`after`) when the answer, or an error, is there. Outside a region it does nothing.
#[derive(Clone, Copy)]
pub struct Hold {
    pending: Option<RwSignal<u32>>,
    held: StoredValue<bool>,
}

impl Hold {
    pub fn new() -> Self {
        let pending = use_context::<Pending>().map(|Pending(p)| p);
        if let Some(p) = pending {
            p.update(|n| *n += 1);
        }
        Hold {
            pending,
            held: StoredValue::new(true),
        }
    }

    /// Lets go (the first time only) and hands `answer` on: `match hold.after(x.await) { .. }`.
    pub fn after<T>(self, answer: T) -> T {
        if self.held.try_get_value() == Some(true) {
            self.held.set_value(false);
            if let Some(p) = self.pending {
                p.try_update(|n| *n = n.saturating_sub(1));
            }
        }
        answer
    }
}

impl Default for Hold {
    fn default() -> Self {
        Self::new()
    }
}

/// Shows `children` whole once every block in them holding it (`Hold`) has its first answer,
/// or after one second at the latest, with one loading line until then: blocks that fill in
/// one by one would otherwise push each other down while the user starts reading. Once shown,
/// it stays shown.
#[component]
pub fn Settled(children: Children) -> impl IntoView {
    let shown = RwSignal::new(false);
    let pending = RwSignal::new(0u32);
    let first_screen_up = first_screen_is_up();
    provide_context(Pending(pending));
    let content = children();
    let reveal = move || {
        let _ = shown.try_set(true);
        first_screen_up();
    };
    // Effects run after the blocks are built, so each has taken its hold by then.
    Effect::new(move |_| {
        if pending.get() == 0 {
            reveal();
        }
    });
    clear_on_cleanup(set_timeout_with_handle(reveal, MAX_WAIT));
    view! {
        <Show when=move || !shown.get()><LoadingIndicator/></Show>
        <div class="settled" class:settling=move || !shown.get()>{content}</div>
    }
}
