//! Drafts: what has been typed into a form, saved in the browser until it is sent.

use serde_json::Value;

use crate::field::FormField;

/// A form's draft as saved in the browser: its (name, value) pairs as JSON, or `None` when
/// nothing has been typed. The honeypot is never saved.
pub fn draft_json(pairs: &[(String, String)]) -> Option<String> {
    let kept: Vec<Value> = pairs
        .iter()
        .filter(|(name, value)| name != FormField::Website.name() && !value.trim().is_empty())
        .map(|(name, value)| {
            Value::Array(vec![
                Value::from(name.as_str()),
                Value::from(value.as_str()),
            ])
        })
        .collect();
    (!kept.is_empty()).then(|| Value::Array(kept).to_string())
}

/// The pairs of a saved draft (as parsed by any JSON parser), for `from_pairs`; a damaged draft
/// gives none.
pub fn draft_pairs(value: &Value) -> Vec<(String, String)> {
    let Value::Array(items) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item.as_array()?.as_slice() {
            [Value::String(name), Value::String(value)] => Some((name.clone(), value.clone())),
            _ => None,
        })
        .collect()
}
