//! The one place that talks to browser APIs: fetching, JSON parsing, the document, focus, the
//! clipboard, theme colours, embedding in a frame, and the service worker's update signal.

use catalogue::LoadError;
use catalogue::load::MAX_DEPTH;
use gloo_net::http::Request;
use serde_json::{Number, Value};
use settings::Theme;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::routes::Base;

/// What went wrong fetching a file the app needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("the request for {url} failed: {reason}")]
    Network { url: String, reason: String },
    #[error("the server answered {status} {status_text} for {url}")]
    Status {
        url: String,
        status: u16,
        status_text: String,
    },
}

/// Fetches a text file relative to the page's base URL.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let network = |e: gloo_net::Error| FetchError::Network {
        url: url.to_owned(),
        reason: e.to_string(),
    };
    let response = Request::get(url).send().await.map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: response.url(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.text().await.map_err(network)
}

/// Parses JSON with the browser's own parser (`JSON.parse`) into the value type the domain
/// crate reads. Linking serde_json's parser instead cost 3.3 KB of gzipped wasm (net of this
/// conversion). A syntax error keeps the line and column where the browser gives them.
pub fn parse_json(text: &str) -> Result<Value, LoadError> {
    let parsed = js_sys::JSON::parse(text).map_err(|e| {
        let message = e.dyn_into::<js_sys::Error>().map_or_else(
            |e| e.as_string().unwrap_or_default(),
            |e| String::from(e.message()),
        );
        LoadError::from_parser_message(&message)
    })?;
    // The browser's parser takes any depth; this bridge refuses what serde_json's would.
    let mut too_deep = false;
    let value = to_value(&parsed, MAX_DEPTH, &mut too_deep);
    if too_deep {
        Err(LoadError::too_deep())
    } else {
        Ok(value)
    }
}

/// A value from `JSON.parse` (so only strings, numbers, booleans, null, arrays and plain
/// objects) as a `serde_json::Value`. Arrays and objects nested more than `depth` deep set
/// `too_deep` (and are left out). Whole numbers become integers, as serde_json reads them.
fn to_value(value: &JsValue, depth: usize, too_deep: &mut bool) -> Value {
    if let Some(text) = value.as_string() {
        Value::String(text)
    } else if let Some(n) = value.as_f64() {
        // Whole numbers JavaScript holds exactly (|n| < 2^53) are integers; others are floats.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if n.fract() == 0.0 && n.abs() < EXACT {
            if n >= 0.0 {
                Value::from(n as u64)
            } else {
                Value::from(n as i64)
            }
        } else {
            Number::from_f64(n).map_or(Value::Null, Value::Number)
        }
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if !value.is_object() {
        Value::Null
    } else if depth == 0 || *too_deep {
        *too_deep = true;
        Value::Null
    } else if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        Value::Array(
            array
                .iter()
                .map(|item| to_value(&item, depth - 1, too_deep))
                .collect(),
        )
    } else {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        Value::Object(
            entries
                .iter()
                .map(|entry| {
                    let pair: &js_sys::Array = entry.unchecked_ref();
                    (
                        pair.get(0).as_string().unwrap_or_default(),
                        to_value(&pair.get(1), depth - 1, too_deep),
                    )
                })
                .collect(),
        )
    }
}

/// The browser window; `None` when the app's components are rendered natively to static HTML
/// (the `prerender` binary), where every function here then does nothing (web-sys calls would
/// panic outside a browser).
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The base path from `<base href>`, which Trunk writes from `--public-url`.
pub fn base() -> Base {
    let path = document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    Base::from_base_path(&path)
}

/// True on screens at least as wide as the layout's two-column breakpoint (48rem in
/// main.css); false when not known (in static pages, which must also suit phones).
pub fn wide_screen() -> bool {
    window()
        .and_then(|w| w.match_media("(max-width: 48rem)").ok().flatten())
        .is_some_and(|m| !m.matches())
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Moves keyboard and screen-reader focus to the element with `id` (which should have
/// `tabindex="-1"` if it is not focusable by itself).
pub fn focus(id: &str) {
    focus_selector(&format!("#{id}"));
}

/// Moves focus to the first element matching a CSS selector, if any.
pub fn focus_selector(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The query string the page was opened with ("?embed=1…"), before the router changes it.
pub fn initial_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Applies the deployer's colours as CSS custom properties on the root element. (Setting
/// properties through the CSSOM is allowed by a `style-src 'self'` policy; inline styles are not.)
pub fn apply_theme(theme: &Theme) {
    let Some(root) = document()
        .and_then(|d| d.document_element())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (property, colour) in [("--brand", &theme.brand), ("--highlight", &theme.highlight)] {
        if let Some(colour) = colour {
            let _ = style.set_property(property, colour.as_str());
        }
    }
}

/// The message an embedding page receives with the toolkit's height.
pub const HEIGHT_MESSAGE: &str = "resilience-toolkit:height";

/// Embed mode: marks the root element (the stylesheet drops the page chrome's spacing) and,
/// inside a frame, tells the parent page the content's height whenever it changes, as
/// `{ type: "resilience-toolkit:height", height }`, so the frame can fit it without scrolling.
pub fn start_embed_mode() {
    let Some(window) = window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("embed");
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
/// `pwa.js`, which registers the service worker), including if that happened before the app
/// started.
pub fn on_update_ready(ready: impl Fn() + Clone + 'static) {
    let Some(window) = window() else {
        return;
    };
    let already = js_sys::Reflect::get(&window, &"toolkitUpdateReady".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if already {
        ready();
    }
    let listener = Closure::<dyn FnMut()>::new(ready);
    let _ = window.add_event_listener_with_callback(
        "toolkit:update-ready",
        listener.as_ref().unchecked_ref(),
    );
    listener.forget();
}

/// Asks `pwa.js` to switch to the waiting version; the page reloads when it has.
pub fn apply_update() {
    dispatch("toolkit:apply-update");
}

/// Waits until the page may be replaced: `takeover.js` holds it while a pointer is pressed, so
/// that the click it ends in reaches the element it was pressed on.
pub async fn page_free() {
    let free = window()
        .and_then(|w| js_sys::Reflect::get(&w, &"toolkitFree".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(free) = free {
        let _ = wasm_bindgen_futures::JsFuture::from(free).await;
    }
}

/// Replaces what the page showed before the app started (the static page written by the
/// build, or a loading message: the `#boot` element) with the app that `mount` mounts, within
/// one task, so the browser never paints a page between the two. `takeover.js` listens to the
/// two events around it to carry over scroll position, focus and anything already typed.
pub fn take_over(mount: impl FnOnce()) {
    dispatch("toolkit:take-over");
    if let Some(el) = document().and_then(|d| d.get_element_by_id("boot")) {
        el.remove();
    }
    mount();
    dispatch("toolkit:taken-over");
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

/// Copies text to the clipboard. Resolves to whether it worked, since the Clipboard API is
/// refused on insecure origins and in some embedded browsers.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The browser's `localStorage`, or `None` where it is refused (private modes, blocked
/// storage, sandboxed frames).
fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Whether this browser lets the site keep anything between visits. Asked once at start-up:
/// some browsers hand out a storage that refuses every write, so this writes and removes a
/// probe value.
pub fn storage_available() -> bool {
    const PROBE: &str = "resilience-toolkit:probe";
    local_storage().is_some_and(|storage| {
        let writable = storage.set_item(PROBE, "1").is_ok();
        let _ = storage.remove_item(PROBE);
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

/// What the browser believes about the network (false means certainly offline).
pub fn online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}

/// Calls `back` whenever the browser comes back online.
pub fn on_online(back: impl Fn() + 'static) {
    let Some(window) = window() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(back);
    let _ = window.add_event_listener_with_callback("online", listener.as_ref().unchecked_ref());
    listener.forget();
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

/// How long a webhook may take to answer before the try counts as failed.
const WEBHOOK_TIMEOUT_MS: u64 = 20_000;

/// POSTs a submission's JSON to a webhook, with its idempotency key in a header too, and says
/// what came of it.
pub async fn post_json(url: &str, body: &str, key: &str) -> contributions::Attempt {
    use contributions::Attempt;
    if !online() {
        return Attempt::Offline;
    }
    let abort = web_sys::AbortController::new().ok();
    let timer = abort
        .clone()
        .and_then(|a| set_timer(WEBHOOK_TIMEOUT_MS, move || a.abort()));
    let request = Request::post(url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .abort_signal(abort.as_ref().map(|a| a.signal()).as_ref())
        .body(body.to_owned());
    let result = match request {
        Ok(request) => request.send().await,
        Err(e) => return Attempt::Refused(format!("it could not be prepared ({e})")),
    };
    if let Some(timer) = timer {
        cancel_timer(timer);
    }
    match result {
        Ok(response) => Attempt::from_status(response.status()),
        Err(_) if abort.is_some_and(|a| a.signal().aborted()) => {
            Attempt::Retry("the receiver did not answer within 20 seconds".to_owned())
        }
        Err(_) if !online() => Attempt::Offline,
        Err(_) => Attempt::Retry("the receiver could not be reached".to_owned()),
    }
}

/// Opens a link in this tab (a `mailto:` link opens the mail program and leaves the page).
pub fn open(url: &str) {
    if let Some(window) = window() {
        let _ = window.location().set_href(url);
    }
}

/// The form an event happened on (its `currentTarget`), if it is one.
pub struct Form(web_sys::HtmlFormElement);

impl Form {
    pub fn of(event: &web_sys::Event) -> Option<Form> {
        event.current_target()?.dyn_into().ok().map(Form)
    }

    /// The (name, value) pairs the form would submit.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let Ok(data) = web_sys::FormData::new_with_form(&self.0) else {
            return Vec::new();
        };
        let Ok(Some(entries)) = js_sys::try_iter(&data) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let pair = js_sys::Array::from(&entry);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }

    /// Back to the values the form was built with.
    pub fn reset(&self) {
        self.0.reset();
    }
}
