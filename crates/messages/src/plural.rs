//! Each language's plural forms and which one a number takes (the CLDR plural rules for
//! cardinal numbers: English has two forms, Welsh six).

use crate::Lang;

/// A plural form (a CLDR plural category).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// Its name in a catalogue file.
    pub const fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The forms a language has, each of which a count message must give.
    pub const fn forms(lang: Lang) -> &'static [Plural] {
        match lang {
            Lang::En => &[Plural::One, Plural::Other],
            Lang::Cy => &[
                Plural::Zero,
                Plural::One,
                Plural::Two,
                Plural::Few,
                Plural::Many,
                Plural::Other,
            ],
        }
    }

    /// The form `n` takes in `lang` (CLDR: Welsh 0 zero, 1 one, 2 two, 3 few, 6 many, else
    /// other; English 1 one, else other).
    pub const fn of(lang: Lang, n: usize) -> Plural {
        match (lang, n) {
            (Lang::En, 1) => Plural::One,
            (Lang::En, _) => Plural::Other,
            (Lang::Cy, 0) => Plural::Zero,
            (Lang::Cy, 1) => Plural::One,
            (Lang::Cy, 2) => Plural::Two,
            (Lang::Cy, 3) => Plural::Few,
            (Lang::Cy, 6) => Plural::Many,
            (Lang::Cy, _) => Plural::Other,
        }
    }
}
