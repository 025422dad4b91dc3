//! Passing a page on: its address (the share sheet and the clipboard are `src/js/controls.js`'s);
//! and downloading resources as a file (done by `src/js/export.js`, which `takeover.js` loads
//! on request).

use wasm_bindgen::{JsCast, JsValue};

use super::window;

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
