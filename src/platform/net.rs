//! The network: fetching the app's files, parsing JSON with the browser's parser, and posting
//! contributions to a webhook.

use catalogue::LoadError;
use catalogue::load::MAX_DEPTH;
use gloo_net::http::Request;
use serde_json::{Number, Value};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

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
