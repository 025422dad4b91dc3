//! Reading a submitted form.

use wasm_bindgen::JsCast;

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
