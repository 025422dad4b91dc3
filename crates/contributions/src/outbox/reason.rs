//! Why a try failed, as the outbox keeps it: a reason the interface words in the visitor's
//! language, stored as a short code (`#temporary 503`); words an earlier version stored are
//! kept and shown as they are.

/// Why a try to send a submission failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The receiver answered with a temporary error (a server error, "too many requests").
    Temporary(u16),
    /// The receiver refused it with this status.
    Refused(u16),
    /// The browser could not prepare the request (its own words).
    Unprepared(String),
    /// The receiver did not answer in time.
    Timeout,
    /// The receiver could not be reached.
    Unreachable,
    /// The browser was offline; it will be sent when it is back online.
    Offline,
    /// Every automatic try failed, the last for this reason.
    GaveUp(Box<Reason>),
    /// Words stored by an earlier version, or given by a test.
    Words(String),
}

/// Starts every code, which words are not read as.
const CODE: char = '#';

impl Reason {
    /// How it is stored.
    pub fn code(&self) -> String {
        match self {
            Reason::Temporary(status) => format!("{CODE}temporary {status}"),
            Reason::Refused(status) => format!("{CODE}refused {status}"),
            Reason::Unprepared(why) => format!("{CODE}unprepared {why}"),
            Reason::Timeout => format!("{CODE}timeout"),
            Reason::Unreachable => format!("{CODE}unreachable"),
            Reason::Offline => format!("{CODE}offline"),
            Reason::GaveUp(last) => format!("{CODE}gave-up {}", last.code()),
            Reason::Words(words) => words.clone(),
        }
    }

    /// Reads what [`Reason::code`] stored; anything else is words, kept as they are.
    pub fn read(text: &str) -> Reason {
        Reason::parse(text).unwrap_or_else(|| Reason::Words(text.to_owned()))
    }

    fn parse(text: &str) -> Option<Reason> {
        let code = text.strip_prefix(CODE)?;
        let (name, rest) = code.split_once(' ').unwrap_or((code, ""));
        let status = || rest.parse::<u16>().ok();
        Some(match name {
            "temporary" => Reason::Temporary(status()?),
            "refused" => Reason::Refused(status()?),
            "unprepared" => Reason::Unprepared(rest.to_owned()),
            "timeout" if rest.is_empty() => Reason::Timeout,
            "unreachable" if rest.is_empty() => Reason::Unreachable,
            "offline" if rest.is_empty() => Reason::Offline,
            "gave-up" => Reason::GaveUp(Box::new(Reason::parse(rest)?)),
            _ => return None,
        })
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Reason {
        Reason::read(text)
    }
}
