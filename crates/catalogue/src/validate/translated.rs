//! Checks for the catalogue's own words in Welsh: a term's or a collection's `cy` object, which
//! is optional in the format (a copy of the toolkit may be English only) but complete when given.

use serde_json::{Map, Value};

use super::{Checker, Location, WELSH};

impl Checker {
    /// The record's `cy` object, if it has one: the two `fields` (label and description, or
    /// title and introduction), the first never empty, the second not empty when `second`
    /// is required (a term's description only when the English one is given).
    pub(super) fn translated(
        &mut self,
        location: &Location,
        record: &Map<String, Value>,
        fields: [&str; 2],
        second: bool,
    ) -> Option<[String; 2]> {
        let value = record.get(WELSH).filter(|v| !v.is_null())?;
        let object = self.object(location, WELSH, value)?;
        for key in object.keys().filter(|k| !fields.contains(&k.as_str())) {
            let message = format!(
                "has an unknown field \"{key}\" (known: {})",
                fields.join(", ")
            );
            self.report(location, WELSH, message);
        }
        let [first_name, second_name] = fields;
        let first = self.text(location, object, first_name, false);
        let other = self.text(location, object, second_name, false);
        for (name, text, needed) in [(first_name, &first, true), (second_name, &other, second)] {
            if needed && text.is_empty() {
                let message = format!("needs its Welsh {name} (\"{name}\" under \"{WELSH}\")");
                self.report(location, WELSH, message);
            }
        }
        Some([first, other])
    }
}
