//! Pages that arrive in their own wasm chunk. In a split build (`--features split`, made by
//! `scripts/build.mjs`), each `page!` is a `wasm_split` point: its code, and what only it uses,
//! leave the first load for a chunk named after its area, fetched the first time the page
//! opens (or sooner: `preload` when its link is hovered or focused). In a plain build (Trunk,
//! the component tests) the same functions simply build the page.

use crate::components::{after_first_screen, first_screen_is_up, LoadingIndicator};
use crate::features::chat::use_chat_launcher;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A page's chunk could not be fetched (offline, blocked, a new release replaced it).
#[derive(Clone, Copy, Debug)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// A page (or part) being built once its chunk is there.
pub type PageFuture = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

/// Builds a page once its chunk is there.
pub type PageLoad = fn() -> PageFuture;

/// Builds a page, or a part with the arguments it was given, once its chunk is there.
#[derive(Clone)]
pub struct Load(Arc<dyn Fn() -> PageFuture + Send + Sync>);

impl Load {
    pub fn new(load: impl Fn() -> PageFuture + Send + Sync + 'static) -> Self {
        Load(Arc::new(load))
    }
}

impl From<PageLoad> for Load {
    fn from(load: PageLoad) -> Self {
        Load(Arc::new(load))
    }
}

/// What fetching a chunk ahead fails with: the split loader's own error (a plain build has no
/// chunks to fetch).
#[cfg(feature = "split")]
pub type PreloadError = leptos::wasm_split::SplitLoaderError;
#[cfg(not(feature = "split"))]
pub type PreloadError = ChunkError;

/// Fetches a page's chunk without building the page.
pub type ChunkPreload = fn() -> Pin<Box<dyn Future<Output = Result<(), PreloadError>>>>;

/// `page!(chunk, name, preload_name, body)`: `name()` builds `body` in chunk `chunk`,
/// `preload_name()` only fetches the chunk. Both are async and fail with `ChunkError`. A part
/// that needs arguments from the first load names them: `page!(chunk, name(a: A), ...)`.
// rustfmt re-indents attributes inside macro_rules on every run; this one is kept by hand.
#[rustfmt::skip]
macro_rules! page {
    ($chunk:ident, $name:ident, $preload:ident, $body:expr) => {
        page!($chunk, $name(), $preload, $body);
    };
    ($chunk:ident, $name:ident($($arg:ident: $ty:ty),*), $preload:ident, $body:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(#[allow(dead_code)] $preload))]
        fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> {
            // The English of pages from chunks comes with their code (see `i18n::messages`).
            crate::i18n::add_later_english();
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<AnyView, ChunkError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        async fn $preload() -> Result<(), ChunkError> {
            Ok(())
        }
    };
}
pub(super) use page;

/// `load!(name)` or `load!(name(args))`: the `PageLoad` (or, for a preload, `ChunkPreload`) of
/// a `page!` function:
/// its future boxed as it is, with no async block around it (one per page cost the first load
/// 8 KB).
macro_rules! load {
    ($f:ident) => {
        || -> Pin<Box<dyn Future<Output = _>>> { Box::pin($f()) }
    };
    ($f:ident($($arg:expr),*)) => {
        || -> Pin<Box<dyn Future<Output = _>>> { Box::pin($f($($arg),*)) }
    };
}
pub(super) use load;

/// Shows a page (or part) from its chunk: a loading line while the chunk arrives, then the
/// page; if the chunk cannot be fetched, a message with a retry (which fetches it again), never
/// a blank page. A `part` of the frame (the header's organisation switcher) shows no loading
/// line and is not the first screen.
#[component]
pub fn LazyPage(#[prop(into)] load: Load, #[prop(optional)] part: bool) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let first_screen_up = first_screen_is_up();
    view! {
        <Suspense fallback=move || (!part).then(|| view! { <LoadingIndicator/> })>
            {move || {
                attempt.track();
                let load = load.0.clone();
                // The browser has one thread: the wrapper only tells the type system so.
                Suspend::new(SendWrapper::new(async move {
                    match load().await {
                        Ok(page) => {
                            if !part {
                                first_screen_up();
                            }
                            page
                        }
                        Err(ChunkError) => view! { <ChunkFailed retry=move || attempt.update(|n| *n += 1)/> }.into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}

/// The page's code did not arrive: say so, in the user's language, with a way to try again.
#[component]
fn ChunkFailed(retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" role="alert" aria-labelledby="page-title">
            <h1 id="page-title">{i18n.s(Key::ChunkFailedTitle)}</h1>
            <p>{i18n.s(Key::ChunkFailedBody)}</p>
            <button type="button" class="button primary" on:click=move |_| retry()>
                {i18n.s(Key::TryAgain)}
            </button>
        </section>
    }
}

/// The chat panel from its chunk. It is fetched when the browser is first idle once the first
/// screen is up (`FirstScreen`: so an open chat resumes and counts unread messages, without
/// competing with that screen's requests), or at once when the launcher opens; if it cannot be
/// fetched, the open panel says so with a retry.
#[component]
pub fn LazyChatPanel(load: PageLoad) -> impl IntoView {
    let launcher = use_chat_launcher();
    let wanted = RwSignal::new(false);
    after_first_screen(move || {
        when_idle(move || {
            wanted.try_set(true);
        })
    });
    Effect::new(move || {
        if launcher.open.get() {
            wanted.set(true);
        }
    });
    let attempt = RwSignal::new(0u32);
    let waiting = move || {
        launcher.open.get().then(|| {
            view! { <section class="chat-panel card" aria-busy="true"><LoadingIndicator/></section> }
        })
    };
    view! {
        <Show when=move || wanted.get()>
            // A transition, not a suspense: a chat resource reloading inside the panel (chat
            // availability, asked again at every open) must not swap the panel for the
            // loading line, which would lose focus and what the user typed.
            <Transition fallback=waiting>
                {move || {
                    attempt.track();
                    Suspend::new(SendWrapper::new(async move {
                        match load().await {
                            Ok(panel) => panel,
                            Err(ChunkError) => view! { <ChatPanelFailed retry=move || attempt.update(|n| *n += 1)/> }.into_any(),
                        }
                    }))
                }}
            </Transition>
        </Show>
    }
}

/// The panel's code did not arrive: once the user opens it, say so with a way to try again.
#[component]
fn ChatPanelFailed(retry: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let launcher = use_chat_launcher();
    move || {
        let retry = retry.clone();
        launcher.open.get().then(|| {
            view! {
                <section class="chat-panel card" role="alert" aria-labelledby="chat-title">
                    <h2 id="chat-title">{i18n.s(Key::ChatTitle)}</h2>
                    <p>{i18n.s(Key::ChunkFailedBody)}</p>
                    <button type="button" class="button primary" on:click=move |_| retry()>
                        {i18n.s(Key::TryAgain)}
                    </button>
                </section>
            }
        })
    }
}

/// Runs `f` once the browser is idle (or at once where it cannot say).
fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let callback = Closure::once_into_js(f);
    if window()
        .request_idle_callback(callback.unchecked_ref())
        .is_err()
    {
        let _ = callback
            .unchecked_ref::<js_sys::Function>()
            .call0(&wasm_bindgen::JsValue::NULL);
    }
}
