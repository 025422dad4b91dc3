//! Passing a page on: the system's share sheet, or its link on the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{copy_text, window};

/// What became of a link the visitor asked to share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// Handed to the system's share sheet (the Web Share API), which said it was shared.
    Sheet,
    /// The visitor closed the share sheet.
    Cancelled,
    /// Copied to the clipboard (no share sheet here, or it refused).
    Copied,
    /// Neither worked.
    Failed,
}

/// Offers `url` to the system's share sheet where the browser has one (phones, tablets, some
/// desktops), and copies it otherwise.
pub async fn share_link(title: &str, url: &str) -> Shared {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return Shared::Failed;
    };
    if js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false) {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => return Shared::Sheet,
            Err(e)
                if e.dyn_ref::<js_sys::Error>()
                    .is_some_and(|e| e.name() == "AbortError") =>
            {
                return Shared::Cancelled;
            }
            // Refused (no user activation left, a policy in a frame): copy instead.
            Err(_) => {}
        }
    }
    match copy_text(url).await {
        true => Shared::Copied,
        false => Shared::Failed,
    }
}

/// The address of the page shown, as the visitor would pass it on.
pub fn page_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}
