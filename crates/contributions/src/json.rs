//! A small JSON writer that keeps fields in the order given, so a proposed resource reads like
//! a file in `seeds/resources/` (serde_json's own map sorts keys).

use serde_json::Value;

/// A JSON value whose objects keep their field order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Value(Value),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    pub(crate) fn text(s: &str) -> Json {
        Json::Value(Value::String(s.to_owned()))
    }

    pub(crate) fn texts(list: &[String]) -> Json {
        Json::Value(Value::Array(
            list.iter().cloned().map(Value::String).collect(),
        ))
    }

    /// Two-space indented, arrays of plain values on one line.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Value(value) => out.push_str(&value.to_string()),
            Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Object(fields) => {
                out.push_str("{\n");
                for (i, (key, value)) in fields.iter().enumerate() {
                    push_indent(out, depth + 1);
                    out.push_str(&Value::String((*key).to_owned()).to_string());
                    out.push_str(": ");
                    value.write(out, depth + 1);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                push_indent(out, depth);
                out.push('}');
            }
        }
    }
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_escapes() {
        let json = Json::Object(vec![
            ("z", Json::text("a \"quoted\"\nline")),
            ("a", Json::texts(&["x".to_owned(), "y".to_owned()])),
            (
                "n",
                Json::Object(vec![("k", Json::Value(Value::Bool(true)))]),
            ),
        ]);
        assert_eq!(
            json.pretty(),
            "{\n  \"z\": \"a \\\"quoted\\\"\\nline\",\n  \"a\": [\"x\",\"y\"],\n  \"n\": {\n    \"k\": true\n  }\n}"
        );
        let parsed: Value = serde_json::from_str(&json.pretty()).unwrap();
        assert_eq!(parsed["z"], "a \"quoted\"\nline");
    }
}
