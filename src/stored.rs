//! What the portal keeps in this browser's `localStorage`: the language, the theme, whether
//! shortcuts are on, and whether someone was signed in here. Never a secret: any script on
//! the page can read it. A browser that refuses storage (private modes, policies) just
//! remembers nothing.

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// The value kept under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Keeps `value` under `key`, or forgets the key when `value` is empty.
pub fn write(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = match value {
            "" => s.remove_item(key),
            _ => s.set_item(key, value),
        };
    }
}
