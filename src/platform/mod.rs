//! The one place that talks to browser APIs: fetching, JSON parsing, the document, focus, the
//! clipboard, theme colours, embedding in a frame, and the service worker's update signal.
//! Each part is in its own file; the rest of the app names them all as `platform::…`.
//!
//! Every function here does nothing (or answers "unknown") outside a browser, where the app's
//! components are rendered natively to static HTML by the `prerender` binary.

mod clock;
mod form;
mod lifecycle;
mod list;
mod net;
mod share;
mod storage;

pub use clock::*;
pub use form::Form;
pub use lifecycle::*;
pub use list::*;
pub use net::*;
pub use share::*;
pub use storage::*;

use settings::Theme;
use wasm_bindgen::JsCast;

use crate::routes::Base;

/// The browser window; `None` when the app's components are rendered natively to static HTML
/// (the `prerender` binary), where every function here then does nothing (web-sys calls would
/// panic outside a browser).
pub(crate) fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

pub(crate) fn document() -> Option<web_sys::Document> {
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

/// The path of the page's address, as the browser has it.
pub fn location_path() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Marks the document as written in the language whose tag is `tag` (the app's own page,
/// `app.html`, is English until then).
pub fn set_document_language(tag: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// A note in the browser's console, for whoever looks into why something did not happen.
pub fn warn(text: &str) {
    leptos::logging::warn!("{text}");
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

/// Copies text to the clipboard. Resolves to whether it worked, since the Clipboard API is
/// refused on insecure origins and in some embedded browsers.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens a link in this tab (a `mailto:` link opens the mail program and leaves the page).
pub fn open(url: &str) {
    if let Some(window) = window() {
        let _ = window.location().set_href(url);
    }
}
