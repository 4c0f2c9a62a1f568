use crate::api::use_runtime_config;
use leptos::prelude::*;
use leptos_router::components::A;

/// A link to a page of the portal. `href` is the in-app path (`/contact`); the base path the
/// host serves the app under is added here, because the router's `<A>` uses absolute paths as
/// they are (while its navigation adds the base).
#[component]
pub fn AppLink(
    #[prop(into)] href: String,
    /// Marks the link current only on its exact path (navigation links).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let href = format!(
        "{}{}",
        use_runtime_config().base_path.trim_end_matches('/'),
        href
    );
    view! { <A href=href exact=exact>{children()}</A> }
}
