//! Unsent input kept on this device as it is typed (a reply, a chat message being written), so
//! a reload, a crash or an ended session never loses it.

use super::local_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A value saved under `key` (which must name the user) whenever it changes, and restored when
/// the component is built again; the default value is no draft at all and removes the key.
pub fn use_persisted<T>(key: String) -> RwSignal<T>
where
    T: Serialize + DeserializeOwned + Clone + Default + PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(T::default());
    let loaded = RwSignal::new(false);
    {
        let key = key.clone();
        spawn_local(async move {
            let saved = local_store::load(&key)
                .await
                .and_then(|json| serde_json::from_str::<T>(&json).ok());
            // Whatever the user typed while it loaded wins over the saved draft; the form may
            // also be gone already.
            let untouched = value
                .try_with_untracked(|v| *v == T::default())
                .unwrap_or(false);
            if let (Some(saved), true) = (saved, untouched) {
                value.set(saved);
            }
            loaded.set(true);
        });
    }
    Effect::new(move |_| {
        let current = value.get();
        if !loaded.get() {
            return;
        }
        let key = key.clone();
        let json = (current != T::default()).then(|| serde_json::to_string(&current));
        spawn_local(async move {
            match json {
                Some(Ok(json)) => {
                    local_store::save(&key, &json).await;
                }
                _ => local_store::remove(&key).await,
            }
        });
    });
    value
}
