//! The portal configuration, fetched once and shared: phase, products, phones, role table.

use super::{use_api, ApiError, SessionApi};
use leptos::prelude::*;
use support_contract::{PortalConfig, Product};

/// The shared portal-configuration resource.
pub type PortalResource = LocalResource<Result<PortalConfig, ApiError>>;

/// Fetches the portal configuration once for the whole app.
pub fn provide_portal() -> PortalResource {
    let session = use_api::<dyn SessionApi>();
    let portal = LocalResource::new(move || session.portal());
    provide_context(portal);
    portal
}

/// The products the backend supports, as `GET /portal` publishes them (none until it loaded).
pub fn use_products() -> Signal<Vec<Product>> {
    let portal = use_portal();
    Signal::derive(move || {
        portal
            .get()
            .and_then(|r| r.ok())
            .map(|p| p.products.into_iter().map(|c| c.product).collect())
            .unwrap_or_default()
    })
}

/// The portal configuration resource. Panics outside `provide_portal`.
pub fn use_portal() -> PortalResource {
    expect_context::<PortalResource>()
}
