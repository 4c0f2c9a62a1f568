use crate::api::use_runtime_config;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

/// Present when the portal's router is: inside the portal, links navigate in the app; in a
/// part mounted on its own (the chat widget on a host page), they load the portal's page.
#[derive(Clone, Copy)]
struct InPortalRouter;

/// Marks everything below as running inside the portal's router (call it inside `<Router>`).
pub fn provide_portal_router() {
    provide_context(InPortalRouter);
}

fn in_router() -> bool {
    use_context::<InPortalRouter>().is_some()
}

/// The address of an in-app path, under the base path the host serves the portal at (for a link
/// that opens a page of the portal in a new tab).
pub fn portal_href(path: &str) -> String {
    format!(
        "{}{}",
        use_runtime_config().base_path.trim_end_matches('/'),
        path
    )
}

/// A link to a page of the portal. `href` is the in-app path (`/contact`); the base path the
/// host serves the app under is added here, because the router's `<A>` uses absolute paths as
/// they are (while its navigation adds the base). Outside the portal's router it is a plain
/// link to the portal's page.
#[component]
pub fn AppLink(
    #[prop(into)] href: String,
    /// Marks the link current only on its exact path (navigation links).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let href = portal_href(&href);
    if in_router() {
        view! { <A href=href exact=exact>{children()}</A> }.into_any()
    } else {
        view! { <a href=href>{children()}</a> }.into_any()
    }
}

/// Goes to a page of the portal: an in-app navigation inside the portal, a page load outside.
pub type GoTo = Arc<dyn Fn(&str) + Send + Sync>;

/// The way to go to a page of the portal from here (call it while building a component).
pub fn use_go_to() -> GoTo {
    if in_router() {
        let navigate = use_navigate();
        Arc::new(move |path: &str| navigate(path, Default::default()))
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
