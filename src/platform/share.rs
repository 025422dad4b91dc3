//! Passing a page on: its address (the share sheet and the clipboard are `src/js/controls.js`'s);
//! and downloading resources as a file made in the browser.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// The address of the page shown, as the visitor would pass it on.
pub fn page_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The address the site is served from (`https://toolkit.example.ac.uk`), for absolute links
/// to its pages in files and emails.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Saves `text` as a file named `file_name`, of type `media_type`, as a download the browser
/// hands to the visitor. False where the browser would not make the file.
pub fn download(file_name: &str, media_type: &str, text: &str) -> bool {
    let (Some(window), Some(document)) = (window(), super::document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let link = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(link) = link else {
        return false;
    };
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", file_name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
    // The browser has taken the file by then; the address is let go a little later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    true
}

/// The attribute `name` of the element an event happened on (a click on a button in a group of
/// them, handled once by the group).
pub fn target_data(event: &web_sys::Event, name: &str) -> Option<String> {
    let element: web_sys::Element = event.target()?.dyn_into().ok()?;
    element.get_attribute(name)
}
