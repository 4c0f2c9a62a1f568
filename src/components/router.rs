//! The portal's router: where the user is (the in-app path and query, kept in step with the
//! browser's address under the base path the host serves the portal at), going elsewhere
//! (`history.pushState`), and the page for the current path.
//!
//! In place of `leptos_router`, whose general machinery (nested routes, route matching by
//! typed segments, async route data, a document-wide click handler) was about a tenth of the
//! first load for what the portal uses of it: one level of routes, each with at most one path
//! parameter, links, a query, and redirects.

use crate::domain::{query_pairs, strip_base};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Where the user is in the portal, and the way to go elsewhere. Copy it into handlers.
#[derive(Clone, Copy)]
pub struct Router {
    base: StoredValue<String>,
    path: RwSignal<String>,
    search: RwSignal<String>,
}

impl Router {
    /// The in-app path (`/cases/12`: without the base path and the query); reactive.
    pub fn path(self) -> String {
        self.path.get()
    }

    /// The query with its `?` (or empty); reactive.
    pub fn search(self) -> String {
        self.search.get()
    }

    /// Goes to the in-app `to` (`/cases?q=x`): a new entry in the history.
    pub fn go(self, to: &str) {
        self.navigate(to, false);
    }

    /// Shows the in-app `to` in place of the current entry of the history.
    pub fn replace(self, to: &str) {
        self.navigate(to, true);
    }

    fn navigate(self, to: &str, replace: bool) {
        let (path, search) = match to.find('?') {
            Some(at) => to.split_at(at),
            None => (to, ""),
        };
        let same =
            self.path.with_untracked(|p| p == path) && self.search.with_untracked(|s| s == search);
        let url = format!(
            "{}{to}",
            self.base
                .with_value(|b| b.trim_end_matches('/').to_string())
        );
        let window = window();
        if let Ok(history) = window.history() {
            let _ = if replace || same {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
        self.show(path, search);
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Reads the browser's address (at start, and after back or forward).
    fn follow_browser(self) {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        let path = self.base.with_value(|b| strip_base(&path, b).to_string());
        self.show(&path, &search);
    }

    fn show(self, path: &str, search: &str) {
        if self.path.with_untracked(|p| p != path) {
            self.path.set(path.to_string());
        }
        if self.search.with_untracked(|s| s != search) {
            self.search.set(search.to_string());
        }
    }
}

/// The portal's router, under `base` (`/support`, or empty at the root): everything below
/// follows the browser's address and navigates within the portal.
#[component]
pub fn Router(#[prop(optional, into)] base: String, children: Children) -> impl IntoView {
    let router = Router {
        base: StoredValue::new(base),
        path: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    };
    router.follow_browser();
    let back_or_forward =
        window_event_listener(leptos::ev::popstate, move |_| router.follow_browser());
    on_cleanup(move || back_or_forward.remove());
    provide_context(router);
    children()
}

/// The portal's router, when there is one (a part mounted on its own, the chat widget on a
/// host page, has none).
pub fn try_use_router() -> Option<Router> {
    use_context::<Router>()
}

/// The portal's router (call it below `<Router>`).
pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// The current query's pairs, decoded, in order; reactive.
pub fn use_query() -> Signal<Vec<(String, String)>> {
    let router = use_router();
    Signal::derive(move || router.search.with(|s| query_pairs(s)))
}

/// The path parameter of the current route (a case's id, an article's slug), as `Routes`
/// provides it; empty outside any route.
#[derive(Clone, Copy)]
struct RouteParam(Memo<String>);

/// The current route's path parameter; reactive.
pub fn use_route_param() -> Memo<String> {
    use_context::<RouteParam>()
        .map(|p| p.0)
        .unwrap_or_else(|| Memo::new(|_| String::new()))
}

/// The page for the current path: `matcher` names the route of an in-app path (and its
/// parameter), `view` builds the route's page. The page stays while only its parameter or the
/// query changes.
#[component]
pub fn Routes<R>(matcher: fn(&str) -> (R, Option<String>), view: fn(R) -> AnyView) -> impl IntoView
where
    R: Clone + PartialEq + Send + Sync + 'static,
{
    let router = use_router();
    let matched = Memo::new(move |_| router.path.with(|p| matcher(p)));
    let route = Memo::new(move |_| matched.with(|m| m.0.clone()));
    provide_context(RouteParam(Memo::new(move |_| {
        matched.with(|m| m.1.clone().unwrap_or_default())
    })));
    move || view(route.get())
}

/// Sends the user to the in-app `path` in place of the current entry of the history (a page
/// they may not see yet, or no longer needs).
#[component]
pub fn Redirect(#[prop(into)] path: String) -> impl IntoView {
    let router = use_router();
    // After this render: the page that redirects is still being built.
    Effect::new(move |_| router.replace(&path));
}
