//! The portal configuration, fetched once and shared: phase, products, phones, role table.

use super::{use_backend, ApiError};
use leptos::prelude::*;
use support_contract::PortalConfig;

/// The shared portal-configuration resource.
pub type PortalResource = LocalResource<Result<PortalConfig, ApiError>>;

/// Fetches the portal configuration once for the whole app.
pub fn provide_portal() -> PortalResource {
    let backend = use_backend();
    let portal = LocalResource::new(move || {
        let backend = backend.clone();
        async move { backend.portal().await }
    });
    provide_context(portal);
    portal
}

/// The portal configuration resource. Panics outside `provide_portal`.
pub fn use_portal() -> PortalResource {
    expect_context::<PortalResource>()
}
