//! The mount functions as a host page's JavaScript calls them. Host pages do not call these
//! directly: `scripts/embed.js` (the one script tag a host adds) loads the module and wraps
//! them as `SupportPortal.mount(element, config)` and `<support-portal>`.

use super::{mount_chat, mount_portal};
use crate::api::RuntimeConfig;
use crate::components::Host;
use crate::i18n::{I18n, Locale};
use wasm_bindgen::prelude::*;

/// What a host page gives besides where the backend is: the console's language (it then
/// wins over the profile's) and organisation, its signed-in user's hand-off token, and its
/// listener for what the portal tells (`(name, detail)`).
#[derive(Default)]
pub struct HostOptions {
    pub locale: Option<Locale>,
    pub organisation: Option<String>,
    pub handoff: Option<String>,
    pub listener: Option<js_sys::Function>,
}

/// A mounted portal or chat widget. `unmount()` removes it and ends what it started (its
/// listeners, timers and chat connection); so does dropping it in Rust.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
    root: web_sys::Element,
    bridge: Option<(I18n, Host)>,
}

impl Mounted {
    pub(super) fn new(
        handle: impl std::any::Any,
        root: impl Into<web_sys::Element>,
        bridge: Option<(I18n, Host)>,
    ) -> Mounted {
        Mounted {
            handle: Some(Box::new(handle)),
            root: root.into(),
            bridge,
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.unmount();
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Takes the mounted part out of the page. Calling it again does nothing.
    pub fn unmount(&mut self) {
        self.bridge = None;
        if self.handle.take().is_some() {
            self.root.remove();
        }
    }

    /// Goes to the in-app `path` (`/cases?status=open`), as a new history entry.
    pub fn navigate(&self, path: &str) {
        if let Some((_, host)) = self.bridge {
            host.navigate(path);
        }
    }

    /// Moves the session to the person's `organisation` (its id), as the header's switcher
    /// does; nothing for a person with one organisation.
    #[wasm_bindgen(js_name = setOrganisation)]
    pub fn set_organisation(&self, organisation: String) {
        if let Some((_, host)) = self.bridge {
            host.set_organisation(organisation);
        }
    }

    /// Shows the portal in `locale` (`en`, `fr`, `es`); false for a language it does not have.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: &str) -> bool {
        match (self.bridge, Locale::from_tag(locale)) {
            (Some((i18n, _)), Some(locale)) => {
                i18n.switch(locale);
                true
            }
            _ => false,
        }
    }
}

/// A configuration from JavaScript: `{ apiBase, basePath, texts, locale, organisation,
/// handoffToken, onEvent }`, each optional.
fn config_from(value: &JsValue) -> (RuntimeConfig, HostOptions) {
    let get = |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
    let field = |name: &str| get(name).and_then(|v| v.as_string());
    let defaults = RuntimeConfig::default();
    let config = RuntimeConfig {
        api_base: field("apiBase").unwrap_or(defaults.api_base),
        base_path: field("basePath").unwrap_or(defaults.base_path),
        texts: field("texts"),
    };
    let host = HostOptions {
        locale: field("locale").and_then(|l| Locale::from_tag(&l)),
        organisation: field("organisation").filter(|o| !o.is_empty()),
        handoff: field("handoffToken").filter(|t| !t.is_empty()),
        listener: get("onEvent").and_then(|f| f.dyn_into().ok()),
    };
    (config, host)
}

/// `mountPortal(element, config)`: the whole portal inside `element`.
#[wasm_bindgen(js_name = mountPortal)]
pub fn mount_portal_from_js(element: web_sys::HtmlElement, config: JsValue) -> Mounted {
    let (config, host) = config_from(&config);
    mount_portal(element, config, host)
}

/// `mountChat(element, config)`: the chat launcher and its panel alone.
#[wasm_bindgen(js_name = mountChat)]
pub fn mount_chat_from_js(element: web_sys::HtmlElement, config: JsValue) -> Mounted {
    let (config, host) = config_from(&config);
    mount_chat(element, config, host)
}
