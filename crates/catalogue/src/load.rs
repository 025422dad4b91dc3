//! Reading a catalogue from JSON text, with errors that say where the text is wrong.

use std::fmt;

use serde_json::Value;

use crate::model::Catalogue;
use crate::validate::{Problem, validate};

/// Why a catalogue could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all (or is cut short). `at` is the (line, column) of the
    /// problem, both from 1, when the parser said where it is.
    Syntax {
        message: String,
        at: Option<(usize, usize)>,
    },
    /// The JSON is well formed but has the wrong shape or breaks catalogue rules; every
    /// problem found is listed.
    Invalid(Vec<Problem>),
}

/// The deepest nesting of arrays and objects read, as serde_json's parser allows (its recursion
/// limit of 128 stops at the 128th level): deeper text is refused with a readable error rather
/// than exhausting the stack (the app's bridge from the browser's parser applies the same limit).
pub const MAX_DEPTH: usize = 127;

impl LoadError {
    /// The error for a document nested deeper than [`MAX_DEPTH`].
    pub fn too_deep() -> LoadError {
        LoadError::Syntax {
            message: format!("nested more than {MAX_DEPTH} arrays or objects deep"),
            at: None,
        }
    }

    /// A syntax error from another JSON parser's message, such as a browser's `JSON.parse`
    /// error. The position is read from "line L column C" where the message has it (Chromium:
    /// "Expected ',' or '}' after property value in JSON at position 52 (line 3 column 7)";
    /// Firefox: "JSON.parse: expected ',' … at line 3 column 7 of the JSON data"), and cut
    /// from the message; Safari's messages have no position.
    pub fn from_parser_message(message: &str) -> LoadError {
        let message = message.trim();
        let message = message.strip_prefix("JSON.parse: ").unwrap_or(message);
        let at = line_and_column(message);
        let text = [" in JSON at position ", " at position ", " at line "]
            .iter()
            .filter_map(|cut| message.find(cut))
            .min()
            .map_or(message, |end| &message[..end]);
        LoadError::Syntax {
            message: text.to_owned(),
            at,
        }
    }

    /// Every problem as its own line, for error pages and command-line output.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Syntax { .. } => vec![self.to_string()],
            LoadError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                message,
                at: Some((line, column)),
            } => write!(
                f,
                "not valid JSON: {message} (line {line}, column {column})"
            ),
            LoadError::Syntax { message, at: None } => write!(f, "not valid JSON: {message}"),
            LoadError::Invalid(problems) => {
                let s = if problems.len() == 1 { "" } else { "s" };
                write!(f, "{} problem{s}", problems.len())?;
                for p in problems {
                    write!(f, "\n  - {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses JSON text into a generic value, or a syntax error with its position.
pub fn parse_json(json: &str) -> Result<Value, LoadError> {
    serde_json::from_str(json).map_err(|e| {
        let at = Some((e.line(), e.column()));
        if e.to_string().starts_with("recursion limit exceeded") {
            return match LoadError::too_deep() {
                LoadError::Syntax { message, .. } => LoadError::Syntax { message, at },
                other => other,
            };
        }
        // serde_json appends " at line L column C"; the position is kept in its own field.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        LoadError::Syntax {
            message: message.to_owned(),
            at,
        }
    })
}

impl Catalogue {
    /// Validates a catalogue document, parsed by any JSON parser ([`parse_json`] natively; the
    /// app uses the browser's `JSON.parse`, which keeps a second JSON parser out of its wasm).
    pub fn from_value(document: &Value) -> Result<Catalogue, LoadError> {
        validate(document).map_err(LoadError::Invalid)
    }
}

/// The last "line L column C" in a parser's message.
fn line_and_column(message: &str) -> Option<(usize, usize)> {
    let (_, rest) = message.rsplit_once("line ")?;
    let (line, rest) = leading_number(rest)?;
    let (column, _) = leading_number(rest.strip_prefix(" column ")?)?;
    Some((line, column))
}

fn leading_number(text: &str) -> Option<(usize, &str)> {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    Some((text[..end].parse().ok()?, &text[end..]))
}
