//! Time, timers and randomness.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::window;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The current time as ISO 8601 in UTC (`2026-11-23T10:15:30.123Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// 16 random bytes from the browser's cryptographic generator (available on plain http too,
/// unlike `crypto.randomUUID`).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// Runs `f` once after `ms` milliseconds; returns a handle for [`cancel_timer`].
pub fn set_timer(ms: u64, f: impl FnOnce() + 'static) -> Option<i32> {
    let window = window()?;
    let callback = Closure::once_into_js(f);
    let ms = i32::try_from(ms).unwrap_or(i32::MAX);
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
}

pub fn cancel_timer(handle: i32) {
    if let Some(window) = window() {
        window.clear_timeout_with_handle(handle);
    }
}
