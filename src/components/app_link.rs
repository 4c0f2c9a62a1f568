use super::router::{try_use_router, Router};
use crate::api::use_runtime_config;
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use std::sync::Arc;

/// The address of an in-app path, under the base path the host serves the portal at (for a link
/// that opens a page of the portal in a new tab).
pub fn portal_href(path: &str) -> String {
    format!(
        "{}{}",
        use_runtime_config().base_path.trim_end_matches('/'),
        path
    )
}

/// A link to a page of the portal. `href` is the in-app path (`/contact`); the link's address
/// adds the base path the host serves the app under. Inside the portal a plain click navigates
/// in the app and the link is marked current (`aria-current="page"`) on its page; outside the
/// portal's router it is a plain link to the portal's page.
#[component]
pub fn AppLink(
    #[prop(into)] href: String,
    /// Marks the link current only on its exact path (navigation links), not on the pages
    /// below it.
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let address = portal_href(&href);
    let Some(router) = try_use_router() else {
        return view! { <a href=address>{children()}</a> }.into_any();
    };
    let own = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string();
    let current = move || is_current(&router.path(), &own, exact).then_some("page");
    let follow = move |ev: MouseEvent| follow_link(ev, router, &href);
    view! { <a href=address aria-current=current on:click=follow>{children()}</a> }.into_any()
}

/// Whether a link to `own` is the page at `path`: the same path, or (unless `exact`) a page
/// below it.
fn is_current(path: &str, own: &str, exact: bool) -> bool {
    let path = path.trim_end_matches('/');
    let own = own.trim_end_matches('/');
    path == own
        || (!exact
            && path
                .strip_prefix(own)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// A plain click on an in-app link navigates in the app; one that asks for another tab or
/// window (a modifier key, another button) is the browser's.
fn follow_link(ev: MouseEvent, router: Router, href: &str) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    ev.prevent_default();
    router.go(href);
}

/// Goes to a page of the portal: an in-app navigation inside the portal, a page load outside.
pub type GoTo = Arc<dyn Fn(&str) + Send + Sync>;

/// The way to go to a page of the portal from here (call it while building a component).
pub fn use_go_to() -> GoTo {
    if let Some(router) = try_use_router() {
        Arc::new(move |path: &str| router.go(path))
    } else {
        let base = use_runtime_config()
            .base_path
            .trim_end_matches('/')
            .to_string();
        Arc::new(move |path: &str| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().assign(&format!("{base}{path}"));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_link_is_current_on_its_page_and_unless_exact_below_it() {
        assert!(is_current("/cases", "/cases", true));
        assert!(is_current("/cases/", "/cases", true));
        assert!(!is_current("/cases/12", "/cases", true));
        assert!(is_current("/cases/12", "/cases", false));
        assert!(!is_current("/cases-old", "/cases", false));
        assert!(is_current("/", "/", true));
        assert!(!is_current("/cases", "/", true));
    }
}
