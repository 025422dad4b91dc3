//! The app's life in the page: starting over the static page, embedding in a frame, and the
//! service worker's update signal.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{document, window};
use crate::contract::{BOOT_ID, EMBED_CLASS, HEIGHT_MESSAGE, event, global};

/// Embed mode: marks the root element (the stylesheet drops the page chrome's spacing) and,
/// inside a frame, tells the parent page the content's height whenever it changes, as
/// `{ type: HEIGHT_MESSAGE, height }`, so the frame can fit it without scrolling.
pub fn start_embed_mode() {
    let Some(window) = window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1(EMBED_CLASS);
    }
    let (Ok(Some(parent)), Some(body)) = (window.parent(), document.body()) else {
        return;
    };
    let (this, parent_value): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) =
        (window.as_ref(), parent.as_ref());
    if this == parent_value {
        return; // Not in a frame: a top-level window is its own parent.
    }
    let observed = body.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let height = f64::from(body.offset_height());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&observed);
    }
    // The observer lives as long as the page.
    post.forget();
}

/// Calls `ready` once a new version of the app is installed and waiting (as told by
/// `offline.js`, which registers the service worker), including if that happened before the app
/// started.
pub fn on_update_ready(ready: impl Fn() + Clone + 'static) {
    let Some(window) = window() else {
        return;
    };
    let already = js_sys::Reflect::get(&window, &global::UPDATE_READY.into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if already {
        ready();
    }
    let listener = Closure::<dyn FnMut()>::new(ready);
    let _ = window
        .add_event_listener_with_callback(event::UPDATE_READY, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Calls `changed` when the site's catalogue or settings change while the app runs (as told by
/// `start.js`, which hears it from the service worker).
pub fn on_data_changed(changed: impl Fn() + 'static) {
    let Some(window) = window() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(changed);
    let _ = window
        .add_event_listener_with_callback(event::DATA_CHANGED, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Asks `offline.js` to switch to the waiting version; the page reloads when it has.
pub fn apply_update() {
    dispatch(event::APPLY_UPDATE);
}

/// Waits until the page may be replaced: `start.js` holds it while a pointer is pressed, so
/// that the click it ends in reaches the element it was pressed on.
pub async fn page_free() {
    if let Some(free) = global_promise(global::FREE) {
        let _ = wasm_bindgen_futures::JsFuture::from(free).await;
    }
}

/// The data files `start.js` fetched from the server while it checked the static page (as the
/// settings name them), once it has: the app takes those from the browser's cache.
pub async fn just_fetched() -> Vec<String> {
    let Some(checked) = global_promise(global::CHECKED) else {
        return Vec::new();
    };
    match wasm_bindgen_futures::JsFuture::from(checked).await {
        Ok(names) => js_sys::Array::from(&names)
            .iter()
            .filter_map(|name| name.as_string())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The promise a script's global function `name` returns.
fn global_promise(name: &str) -> Option<js_sys::Promise> {
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &name.into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
}

/// Replaces what the page showed before the app started (the static page written by the
/// build, or a loading message: the `#boot` element) with the app that `mount` mounts, within
/// one task, so the browser never paints a page between the two. `start.js` listens to the
/// two events around it to carry over scroll position, focus and anything already typed.
pub fn take_over(mount: impl FnOnce()) {
    dispatch(event::TAKE_OVER);
    if let Some(el) = document().and_then(|d| d.get_element_by_id(BOOT_ID)) {
        el.remove();
    }
    mount();
    dispatch(event::TAKEN_OVER);
}

/// Runs a future on the browser's event loop (before the app is mounted, when Leptos' own
/// executor is not yet set up).
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

/// Resumes in a new task, so that the browser can paint and answer input in between: long
/// start-up work is done in several short tasks rather than one long one.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn dispatch(name: &str) {
    // The window first: creating an event outside a browser would panic.
    let Some(window) = window() else { return };
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window.dispatch_event(&event);
    }
}
