//! The mount functions as a host page's JavaScript calls them, once the portal's script has
//! loaded (Trunk's bootstrap puts the module's exports on `window.wasmBindings`):
//!
//! ```js
//! const { mountChat } = window.wasmBindings;
//! const chat = mountChat(document.querySelector('#help'), { apiBase: '/api/v1', basePath: '/support' });
//! chat.unmount();
//! ```

use super::{mount_chat, mount_portal};
use crate::api::RuntimeConfig;
use wasm_bindgen::prelude::*;

/// A mounted portal or chat widget. `unmount()` removes it and ends what it started (its
/// listeners, timers and chat connection); so does dropping it in Rust.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    pub(super) fn new(handle: impl std::any::Any) -> Mounted {
        Mounted {
            handle: Some(Box::new(handle)),
        }
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Takes the mounted part out of the page. Calling it again does nothing.
    pub fn unmount(&mut self) {
        self.handle = None;
    }
}

/// A configuration from JavaScript: `{ apiBase, basePath }`, each optional.
fn config_from(value: &JsValue) -> RuntimeConfig {
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let defaults = RuntimeConfig::default();
    RuntimeConfig {
        api_base: field("apiBase").unwrap_or(defaults.api_base),
        base_path: field("basePath").unwrap_or(defaults.base_path),
    }
}

/// `mountPortal(element, { apiBase, basePath })`: the whole portal inside `element`.
#[wasm_bindgen(js_name = mountPortal)]
pub fn mount_portal_from_js(element: web_sys::HtmlElement, config: JsValue) -> Mounted {
    mount_portal(element, config_from(&config))
}

/// `mountChat(element, { apiBase, basePath })`: the chat launcher and its panel alone.
#[wasm_bindgen(js_name = mountChat)]
pub fn mount_chat_from_js(element: web_sys::HtmlElement, config: JsValue) -> Mounted {
    mount_chat(element, config_from(&config))
}
