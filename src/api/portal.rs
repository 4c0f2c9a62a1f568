//! The portal area: its configuration, fetched once and shared (phase, products, phones, the
//! role table), and whom a member asks for support access. An area of its own, apart from the
//! session the first screen needs: its calls and their decoding travel with the pages that use
//! them, not in the first load.

use super::core::Http;
use super::{use_api, ApiError, ApiFuture};
use leptos::prelude::*;
use support_contract::{PortalConfig, Product, SupportContact};

/// What the app asks of the backend about how the portal is set up.
pub trait PortalApi: Send + Sync {
    /// `GET /portal`: phase, products and channels, phones, the role table.
    fn portal(&self) -> ApiFuture<PortalConfig>;
    /// `GET /support-contacts`: whom a member asks for support access.
    fn support_contacts(&self) -> ApiFuture<Vec<SupportContact>>;
}

impl PortalApi for Http {
    fn portal(&self) -> ApiFuture<PortalConfig> {
        self.get("/portal").public().fetch()
    }

    fn support_contacts(&self) -> ApiFuture<Vec<SupportContact>> {
        self.get("/support-contacts").fetch()
    }
}

/// The shared portal-configuration resource.
pub type PortalResource = LocalResource<Result<PortalConfig, ApiError>>;

/// Where the one portal-configuration resource lives once a page has asked for it, and the
/// owner it lives under (the mount's, so that it outlives the page that asked). Weak: the slot
/// is a context of that owner, and a strong reference would keep the owner, and everything
/// the mount made, alive after unmounting.
#[derive(Clone)]
struct PortalSlot {
    owner: WeakOwner,
    resource: StoredValue<Option<PortalResource>>,
}

/// Makes the portal configuration available below. It is fetched the first time a page asks
/// for it (`use_portal`), not at mount: the home page's answer (`GET /home`) carries what the
/// first screen shows of it, so the first screen neither asks for it nor carries its decoder.
pub fn provide_portal() {
    if let Some(owner) = Owner::current() {
        provide_context(PortalSlot {
            owner: owner.downgrade(),
            resource: StoredValue::new(None),
        });
    }
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

/// The portal configuration resource, fetched once for the whole mount. Panics outside
/// `provide_portal`.
pub fn use_portal() -> PortalResource {
    let slot = expect_context::<PortalSlot>();
    if let Some(portal) = slot.resource.get_value() {
        return portal;
    }
    let api = use_api::<dyn PortalApi>();
    let make = move || LocalResource::new(move || api.portal());
    let portal = match slot.owner.upgrade() {
        Some(owner) => owner.with(make),
        None => make(),
    };
    slot.resource.set_value(Some(portal));
    portal
}
