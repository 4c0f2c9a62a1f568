//! The portal's side of the bridge to a host page (the vendor's console): what it tells the
//! host (`navigated`, `unread`, `session-ended`, `ready`) through the one listener the host
//! gave at mount, the router a host's `navigate()` drives, and the organisation its console
//! has chosen. Standalone, there is no
//! listener and telling is a no-op. The JavaScript half (events on the host's element, the
//! iframe's messages) is `scripts/embed.js`.

use super::Router;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The host's listener, if one mounted the portal, the portal's router once it runs, and the
/// organisation the host asked for.
#[derive(Clone, Copy)]
pub struct Host {
    listener: StoredValue<Option<js_sys::Function>, LocalStorage>,
    router: StoredValue<Option<Router>>,
    organisation: RwSignal<Option<String>>,
}

impl Host {
    /// Whether a host page listens (then the host, not the portal, owns the document's title).
    pub fn listens(self) -> bool {
        self.listener.with_value(Option::is_some)
    }

    /// Tells the host `name` with `detail` (`[key, value]` pairs: strings or numbers).
    pub fn tell(self, name: &str, detail: &[(&str, JsValue)]) {
        self.listener.with_value(|listener| {
            let Some(listener) = listener else { return };
            let object = js_sys::Object::new();
            for (key, value) in detail {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
            }
            let _ = listener.call2(&JsValue::NULL, &JsValue::from_str(name), &object);
        });
    }

    /// The router of the mounted portal registers itself here, for `navigate`.
    pub fn attach_router(self, router: Router) {
        self.router.set_value(Some(router));
    }

    /// The organisation the host's console has chosen (its id), if it chose one; reactive.
    pub fn organisation(self) -> Option<String> {
        self.organisation.get()
    }

    /// The host's console switched to `organisation`: the portal follows (see
    /// `auth::OrganisationSwitch`).
    pub fn set_organisation(self, organisation: String) {
        self.organisation.set(Some(organisation));
    }

    /// The host asks for the in-app `path` (`/cases?status=open`): a new history entry.
    pub fn navigate(self, path: &str) {
        if let Some(router) = self.router.try_get_value().flatten() {
            if path.starts_with('/') && !path.starts_with("//") {
                router.go(path);
            }
        }
    }
}

/// Provides the host bridge; `listener` is the host's `(name, detail)` function, if any, and
/// `organisation` the organisation its console shows, if it said.
pub fn provide_host(listener: Option<js_sys::Function>, organisation: Option<String>) -> Host {
    let host = Host {
        listener: StoredValue::new_local(listener),
        router: StoredValue::new(None),
        organisation: RwSignal::new(organisation),
    };
    provide_context(host);
    host
}

/// The host bridge (a bridge that listens to nothing outside `provide_host`, as in tests).
pub fn use_host() -> Option<Host> {
    use_context::<Host>()
}

/// Tells the host, if there is one.
pub fn tell_host(name: &str, detail: &[(&str, JsValue)]) {
    if let Some(host) = use_host() {
        host.tell(name, detail);
    }
}
