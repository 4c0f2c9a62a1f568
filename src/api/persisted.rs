//! Unsent input kept on this device as it is typed (a form, a reply, a chat message being
//! written), so a reload, a crash or an ended session never loses it.

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
    // What the store holds ("" for nothing): an unchanged value is never written again.
    let stored = StoredValue::new(String::new());
    {
        let key = key.clone();
        spawn_local(async move {
            let saved = local_store::load(&key).await;
            let parsed = saved
                .as_deref()
                .and_then(|j| serde_json::from_str::<T>(j).ok());
            // Whatever the user typed while it loaded wins over the saved draft; the form may
            // also be gone already.
            let untouched = value
                .try_with_untracked(|v| *v == T::default())
                .unwrap_or(false);
            if let (Some(parsed), true) = (parsed, untouched) {
                stored.set_value(saved.unwrap_or_default());
                value.set(parsed);
            }
            loaded.set(true);
        });
    }
    Effect::new(move |_| {
        let json = value.with(|v| {
            if *v == T::default() {
                String::new()
            } else {
                serde_json::to_string(v).unwrap_or_default()
            }
        });
        if !loaded.get() || stored.with_value(|s| *s == json) {
            return;
        }
        stored.set_value(json.clone());
        let key = key.clone();
        spawn_local(async move {
            if json.is_empty() {
                local_store::remove(&key).await;
            } else {
                local_store::save(&key, &json).await;
            }
        });
    });
    value
}
