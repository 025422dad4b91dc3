//! Passing a page on: the system's share sheet, or its link on the clipboard; and downloading
//! resources as a file (done by `src/js/export.js`, which `takeover.js` loads on request).

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

/// Asks for `ids` (resource ids, in order) to be downloaded as `<name>.<extension>`, saying
/// what happened in the element `status`: the "toolkit:export" event, which `takeover.js`
/// hands to `export.js`.
pub fn request_export(extension: &str, name: &str, status: &str, ids: &[String]) {
    let detail = [extension, name, status, &ids.join(" ")].join("\n");
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(&detail));
    let event = web_sys::CustomEvent::new_with_event_init_dict("toolkit:export", &init);
    if let (Some(window), Ok(event)) = (window(), event) {
        let _ = window.dispatch_event(&event);
    }
}

/// The `data-<key>` attribute of the element an event happened on (a click on a button in a
/// group of them, handled once by the group).
pub fn target_data(event: &web_sys::Event, key: &str) -> Option<String> {
    let element: web_sys::Element = event.target()?.dyn_into().ok()?;
    element.get_attribute(&["data-", key].concat())
}
