//! What the site keeps between visits, in `localStorage`, and changes to it from other tabs.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::window;

/// The browser's `localStorage`, or `None` where it is refused (private modes, blocked
/// storage, sandboxed frames).
fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Whether this browser lets the site keep anything between visits. Asked once at start-up:
/// some browsers hand out a storage that refuses every write, so this writes and removes a
/// value under `probe`.
pub fn storage_available(probe: &str) -> bool {
    local_storage().is_some_and(|storage| {
        let writable = storage.set_item(probe, "1").is_ok();
        let _ = storage.remove_item(probe);
        writable
    })
}

/// Stores a value; false if it could not be kept (storage refused or full).
pub fn store(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn unstore(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// Every stored (key, value) whose key starts with `prefix`.
pub fn stored_with_prefix(prefix: &str) -> Vec<(String, String)> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| storage.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

/// Calls `changed(key, new value)` when another tab changes stored values.
pub fn on_storage_change(changed: impl Fn(String, Option<String>) + 'static) {
    let Some(window) = window() else {
        return;
    };
    let listener =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            if let Some(key) = e.key() {
                changed(key, e.new_value());
            }
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}
