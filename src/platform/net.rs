//! The network: fetching the app's files, parsing JSON, and posting contributions to a webhook.

use catalogue::LoadError;
use gloo_net::http::Request;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::{cancel_timer, set_timer, window};

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

/// Fetches a text file relative to the page's base URL; one the page has `just_fetched` from
/// the server is taken from the browser's cache.
pub async fn fetch_text(url: &str, just_fetched: bool) -> Result<String, FetchError> {
    let network = |e: gloo_net::Error| FetchError::Network {
        url: url.to_owned(),
        reason: e.to_string(),
    };
    let request = match just_fetched {
        true => Request::get(url).cache(web_sys::RequestCache::ForceCache),
        false => Request::get(url),
    };
    let response = request.send().await.map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: response.url(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.text().await.map_err(network)
}

/// Parses JSON with the domain's parser, reading numbers that are not whole with the browser's
/// `parseFloat` (Rust's float parsing would add 15 KB of gzipped wasm). The app parses JSON
/// only through this.
pub fn parse_json(text: &str) -> Result<Value, LoadError> {
    catalogue::load::parse_json_with(text, js_sys::Number::parse_float)
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

/// How long a webhook may take to answer before the try counts as failed.
const WEBHOOK_TIMEOUT_MS: u64 = 20_000;

/// POSTs a submission's JSON to a webhook, and says what came of it. As `application/json`
/// with its idempotency key in a header too; or, `simple`, as `text/plain` with no header of
/// its own (the key is in the body) and without CORS, so the browser sends it without asking
/// the receiver first, and an answer it does not let the page read is [`Unconfirmed`].
///
/// [`Unconfirmed`]: contributions::Attempt::Unconfirmed
pub async fn post_json(url: &str, body: &str, key: &str, simple: bool) -> contributions::Attempt {
    use contributions::{Attempt, Reason};
    if !online() {
        return Attempt::Offline;
    }
    let abort = web_sys::AbortController::new().ok();
    let timer = abort
        .clone()
        .and_then(|a| set_timer(WEBHOOK_TIMEOUT_MS, move || a.abort()));
    let request = match simple {
        true => Request::post(url)
            .mode(web_sys::RequestMode::NoCors)
            .header("Content-Type", "text/plain;charset=UTF-8"),
        false => Request::post(url)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key),
    };
    let request = request
        .abort_signal(abort.as_ref().map(|a| a.signal()).as_ref())
        .body(body.to_owned());
    let result = match request {
        Ok(request) => request.send().await,
        Err(e) => return Attempt::Refused(Reason::Unprepared(e.to_string())),
    };
    if let Some(timer) = timer {
        cancel_timer(timer);
    }
    match result {
        // An opaque response: a server answered; what it said is hidden from the page.
        Ok(response) if simple && response.status() == 0 => Attempt::Unconfirmed,
        Ok(response) => Attempt::from_status(response.status()),
        Err(_) if abort.is_some_and(|a| a.signal().aborted()) => Attempt::Retry(Reason::Timeout),
        Err(_) if !online() => Attempt::Offline,
        Err(_) => Attempt::Retry(Reason::Unreachable),
    }
}
