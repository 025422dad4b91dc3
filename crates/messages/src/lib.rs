//! The interface in each language: the languages the toolkit is written in ([`Lang`]), each
//! language's plural rules ([`Plural`]), and its message catalogue ([`Messages`]), one JSON file
//! per language (`messages/en/`, `messages/cy/`, a file per part of the interface), checked against the English one: the
//! same keys, the same placeholders, and every plural form the language has.
//!
//! A message is text with named placeholders (`"Provided by {organisation}."`), or, for a
//! count, one text per plural form of the language (`{"one": "{n} resource", "other": "{n}
//! resources"}`): Welsh has six (zero, one, two, few, many, other), so whole messages are
//! written for each, never words glued to numbers.
//!
//! Nothing here touches the browser or the file system: the caller reads the files.

mod catalogue_file;
mod plural;

pub use catalogue_file::{Message, Messages, fill};
pub use plural::Plural;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// Its BCP 47 code: the `lang` attribute, the pages' path prefix (`/cy/…`) and the name of
    /// its catalogue (`messages/cy/`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// Its name in itself, as the link to it reads on a page in the other language.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Cymraeg",
        }
    }

    /// Its tag for a page's `lang` attribute: British English, Welsh.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy",
        }
    }

    /// Its Open Graph locale.
    pub const fn locale(self) -> &'static str {
        match self {
            Lang::En => "en_GB",
            Lang::Cy => "cy_GB",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}
