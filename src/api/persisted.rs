//! Unsent input kept on this device as it is typed (a form, a reply, a chat message being
//! written), so a reload, a crash or an ended session never loses it.

use super::local_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A value saved on this device whenever it changes, and restored when its form is built again.
pub struct Persisted<T: Send + Sync + 'static> {
    /// The value; every change is saved (the empty value, `T::default()`, removes it).
    pub value: RwSignal<T>,
    /// Set when a saved value (other than the empty one) came back.
    pub restored: RwSignal<bool>,
    /// Set once the saved value was looked for: only then does the form show what it holds.
    pub loaded: RwSignal<bool>,
    /// Set while the value shown is the one committed on this device (not the empty one): what
    /// a form may show as saved, since a browser killed now keeps it.
    pub saved: RwSignal<bool>,
    key: StoredValue<Option<String>>,
    /// What the store holds (`""` for nothing): an unchanged value is never written again.
    stored: StoredValue<String>,
}

impl<T: Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Persisted<T> {}

/// How a value is stored: `""` for the empty value, which is not stored at all.
fn stored_form<T: Serialize + Default + PartialEq>(value: &T) -> String {
    if *value == T::default() {
        String::new()
    } else {
        super::to_json(value)
    }
}

/// Keeps a value under `key` (which must name the user; `None`: keep nothing, as when no one is
/// signed in). It starts as `initial` until the saved value is read; what the user typed
/// meanwhile wins over the saved value. `initial` itself is never written until it changes.
pub fn use_persisted<T>(key: Option<String>, initial: T) -> Persisted<T>
where
    T: Serialize + DeserializeOwned + Clone + Default + PartialEq + Send + Sync + 'static,
{
    let untouched = stored_form(&initial);
    let persisted = Persisted {
        value: RwSignal::new(initial),
        restored: RwSignal::new(false),
        loaded: RwSignal::new(key.is_none()),
        saved: RwSignal::new(false),
        key: StoredValue::new(key.clone()),
        stored: StoredValue::new(untouched.clone()),
    };
    let loaded = persisted.loaded;
    if let Some(key) = key {
        spawn_local(async move {
            let saved = local_store::load(&key).await;
            let parsed = saved.as_deref().and_then(|j| super::from_json::<T>(j));
            // The form may be gone already, or the user may have typed.
            let as_built = persisted
                .value
                .try_with_untracked(|v| stored_form(v) == untouched)
                .unwrap_or(false);
            if let (Some(parsed), true) = (parsed, as_built) {
                persisted.stored.set_value(stored_form(&parsed));
                persisted.restored.set(parsed != T::default());
                persisted.saved.set(parsed != T::default());
                persisted.value.set(parsed);
            }
            loaded.set(true);
        });
    }
    Effect::new(move |_| {
        let form = persisted.value.with(stored_form);
        if !loaded.get() || persisted.stored.with_value(|s| *s == form) {
            return;
        }
        let Some(key) = persisted.key.get_value() else {
            return;
        };
        persisted.stored.set_value(form.clone());
        persisted.saved.set(false);
        spawn_local(async move {
            if form.is_empty() {
                local_store::remove(&key).await;
            } else if local_store::save(&key, &form).await {
                // Writes commit in order: the last one done, the value shown is on disk,
                // unless it changed meanwhile.
                let latest = persisted.stored.try_with_value(|s| *s == form);
                if latest == Some(true) {
                    persisted.saved.try_set(true);
                }
            }
        });
    });
    persisted
}

impl<T: Send + Sync + 'static> Persisted<T> {
    /// Removes the saved value and stops saving (the input was sent and the form is left).
    pub async fn forget(self) {
        if let Some(key) = self.key.try_update_value(Option::take).flatten() {
            local_store::remove(&key).await;
        }
    }
}
