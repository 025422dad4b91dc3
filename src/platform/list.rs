//! My list as `src/js/controls.js` keeps it, through its list global: controls.js owns the
//! list's storage (it answers "Save" on every page, the pages the app never starts on
//! included), and the app's My list page reads and changes it only through here, so the list is
//! stored one way. Also where the list's items are (for dragging one), scrolling, and printing.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::window;
use crate::contract::global;

/// The list global's method `name`, bound to it.
fn method(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let window: JsValue = window()?.into();
    let list = js_sys::Reflect::get(&window, &global::LIST.into()).ok()?;
    let f = js_sys::Reflect::get(&list, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((list, f))
}

/// The saved resources' ids, in their order (none outside the browser).
pub fn saved_list() -> Vec<String> {
    let Some((list, read)) = method("read") else {
        return Vec::new();
    };
    let Ok(ids) = read.call0(&list) else {
        return Vec::new();
    };
    js_sys::Array::from(&ids)
        .iter()
        .filter_map(|id| id.as_string())
        .collect()
}

/// Keeps `ids` as the list, in their order (every page and tab hears of it).
pub fn save_list(ids: &[String]) {
    if let Some((list, write)) = method("write") {
        let array: js_sys::Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
        let _ = write.call1(&list, &array);
    }
}

/// Where the list is kept: "local" (this browser), "session" (this tab) or "page".
pub fn list_kept() -> String {
    method("kept")
        .and_then(|(list, kept)| kept.call0(&list).ok())
        .and_then(|k| k.as_string())
        .unwrap_or_default()
}

/// Calls `changed` whenever the list changes, in this page or another tab.
pub fn on_list_change(changed: impl Fn() + 'static) {
    let Some((list, on_change)) = method("onChange") else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(changed);
    let _ = on_change.call1(&list, listener.as_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// The top and bottom, in the window, of each element that `selector` finds, in order.
pub fn boxes(selector: &str) -> Vec<(f64, f64)> {
    let Some(found) = super::document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|el| {
            let r = el.get_bounding_client_rect();
            (r.top(), r.bottom())
        })
        .collect()
}

/// Scrolls the window by `y` pixels (a drag near its edge).
pub fn scroll_by(y: f64) {
    if let Some(window) = window() {
        window.scroll_by_with_x_and_y(0.0, y);
    }
}

/// The window's height, in the same pixels as [`boxes`].
pub fn window_height() -> f64 {
    window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Opens the browser's print dialog (the page prints as a reading list).
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}
