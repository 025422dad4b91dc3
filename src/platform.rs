//! The one place that talks to browser APIs: fetching, the document, focus and the clipboard.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;

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

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
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

/// True on screens narrower than the layout's one-column breakpoint (48rem in main.css).
pub fn narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 48rem)").ok().flatten())
        .is_some_and(|m| m.matches())
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

/// Removes the "Loading…" message that `index.html` shows until the app starts.
pub fn remove_boot_message() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("boot")) {
        el.remove();
    }
}

/// Copies text to the clipboard. Resolves to whether it worked, since the Clipboard API is
/// refused on insecure origins and in some embedded browsers.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
