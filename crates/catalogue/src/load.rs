//! Reading a catalogue from JSON text, with errors that say where the text is wrong.

use std::fmt;

use serde_json::Value;

use crate::model::Catalogue;
use crate::validate::{Problem, validate};

/// Why a catalogue could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all (or is cut short).
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is well formed but has the wrong shape or breaks catalogue rules; every
    /// problem found is listed.
    Invalid(Vec<Problem>),
}

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
                line,
                column,
                message,
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

/// Parses JSON text into a generic value, or a syntax error with its position.
pub fn parse_json(json: &str) -> Result<Value, LoadError> {
    serde_json::from_str(json).map_err(|e| {
        // serde_json appends " at line L column C"; the position is kept in fields instead.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        LoadError::Syntax {
            line: e.line(),
            column: e.column(),
            message: message.to_owned(),
        }
    })
}

/// Parses and validates a catalogue document.
pub fn parse_catalogue(json: &str) -> Result<Catalogue, LoadError> {
    validate(&parse_json(json)?).map_err(LoadError::Invalid)
}
