//! Reading a catalogue from JSON text, with errors that say where the text is wrong.

use std::fmt;

use serde_json::Value;

use crate::model::Catalogue;
use crate::validate::{Problem, validate};

/// Why a catalogue could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all (or is cut short). `at` is the (line, column) of the
    /// problem, both from 1.
    Syntax {
        message: &'static str,
        at: (usize, usize),
    },
    /// The JSON is well formed but has the wrong shape or breaks catalogue rules; every
    /// problem found is listed.
    Invalid(Vec<Problem>),
}

pub use crate::json::MAX_DEPTH;

impl LoadError {
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
                at: (line, column),
            } => write!(
                f,
                "not valid JSON: {message} (line {line}, column {column})"
            ),
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

/// Parses JSON text into a generic value, or a syntax error with its position
/// ([`crate::json`], the one parser of the tools, the static pages and the app).
pub fn parse_json(json: &str) -> Result<Value, LoadError> {
    located(json, crate::json::parse(json))
}

/// [`parse_json`], reading numbers that are not whole with `float` (see
/// [`crate::json::parse_with`]; the app passes the browser's `parseFloat`).
pub fn parse_json_with(json: &str, float: fn(&str) -> f64) -> Result<Value, LoadError> {
    located(json, crate::json::parse_with(json, float))
}

fn located(
    json: &str,
    parsed: Result<Value, crate::json::SyntaxError>,
) -> Result<Value, LoadError> {
    parsed.map_err(|e| LoadError::Syntax {
        message: e.message,
        at: e.line_and_column(json),
    })
}

impl Catalogue {
    /// Validates a catalogue document, as [`parse_json`] reads it.
    pub fn from_value(document: &Value) -> Result<Catalogue, LoadError> {
        validate(document).map_err(LoadError::Invalid)
    }
}
