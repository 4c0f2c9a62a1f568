//! A tiny key-value store over IndexedDB for what must survive a reload, a crash or an ended
//! session: drafts now, the chat outbox later. IndexedDB, not localStorage: localStorage can
//! lose the latest writes when the browser is killed. Values are JSON strings.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB_NAME: &str = "support-portal";
const STORE: &str = "kv";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Waits for the event that `listen` sets `ok` for, or the one it sets `fail` for.
async fn settled(listen: impl Fn(&Function, &Function)) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let fail = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        listen(ok.unchecked_ref(), fail.unchecked_ref());
    });
    JsFuture::from(promise).await.map(drop)
}

/// Waits for an IndexedDB request to succeed or fail.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    settled(|ok, fail| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(fail));
    })
    .await?;
    request.result()
}

/// Runs `op` in a write transaction and waits for the transaction's `complete` event. A
/// request's success only means the write is in the transaction, which a browser killed a
/// moment later loses: the app says "saved" once this returns, so it must wait for the commit.
/// The default durability is enough for that: `complete` comes once the write is with the
/// operating system, which keeps it when the browser's process dies. ("strict", a flush to disk
/// on every write, is for a machine that loses power; it made a 1,000-message outbox, saved once
/// per message sent, take over a minute to drain.)
async fn write(
    op: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let db = database().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    op(&tx.object_store(STORE)?)?;
    // A failed request aborts the transaction.
    settled(|ok, fail| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(fail));
    })
    .await
}

async fn database() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let open = factory.open_with_u32(DB_NAME, 1)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db: IdbDatabase = done(&open).await?.dyn_into()?;
    drop(upgrade);
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Runs one read and waits for its result.
async fn read(
    op: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = database().await?;
    let tx = db.transaction_with_str(STORE)?;
    let request = op(&tx.object_store(STORE)?)?;
    done(&request).await
}

/// The value stored under `key`, if any. Storage failures read as "nothing stored".
pub async fn load(key: &str) -> Option<String> {
    read(|s| s.get(&JsValue::from_str(key)))
        .await
        .ok()
        .and_then(|v| v.as_string())
}

/// Stores `value` under `key`; true once it is committed to disk. Returns false when the
/// browser refused (private mode, quota).
pub async fn save(key: &str, value: &str) -> bool {
    write(|s| {
        s.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
            .map(drop)
    })
    .await
    .is_ok()
}

/// Forgets `key`.
pub async fn remove(key: &str) {
    let _ = write(|s| s.delete(&JsValue::from_str(key)).map(drop)).await;
}

/// The keys of everything kept for `user_id` (see `ids::is_users_key`): their drafts and chat
/// outbox. Storage failures read as "nothing kept".
pub async fn keys_of(user_id: &str) -> Vec<String> {
    let Ok(all) = read(|s| s.get_all_keys()).await else {
        return Vec::new();
    };
    js_sys::Array::from(&all)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| crate::ids::is_users_key(k, user_id))
        .collect()
}

/// Forgets every one of `keys`, in one transaction.
pub async fn remove_all(keys: &[String]) {
    let _ = write(|s| {
        for key in keys {
            s.delete(&JsValue::from_str(key))?;
        }
        Ok(())
    })
    .await;
}
