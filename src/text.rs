//! The interface's words, from the message catalogues in `messages/` (one per language, checked
//! and written into Rust by `build.rs`): a view names a message (`t(Msg::LayoutSkip)`,
//! `counted(Count::Resources, n)`) instead of writing its text.
//!
//! Every page is English today; the Welsh texts are checked and compiled with the English ones,
//! for the Welsh pages to come (the Cymraeg issue). Not every view has moved to the catalogue
//! yet: the layout and the counts of resources and comments have.

use messages::{Lang, Plural};

#[allow(dead_code)] // The Welsh texts wait for the Welsh pages.
mod generated {
    // (The file build.rs writes, in Cargo's output folder.)
    include!(concat!(env!("OUT_DIR"), "/", "messages.rs"));
}

pub use generated::{Count, Msg};

/// The language of the page being rendered.
const LANG: Lang = Lang::En;

/// The text of `msg` in the page's language.
pub fn t(msg: Msg) -> &'static str {
    match LANG {
        Lang::En => generated::text_en(msg),
        Lang::Cy => generated::text_cy(msg),
    }
}

/// The text of `msg` with its `{placeholders}` filled from `args`.
pub fn fill(msg: Msg, args: &[(&str, &str)]) -> String {
    let mut text = t(msg).to_owned();
    for (name, value) in args {
        text = text.replace(&["{", name, "}"].concat(), value);
    }
    text
}

/// `count` of `n` things in the page's language, in the plural form `n` takes there.
pub fn counted(count: Count, n: usize) -> String {
    let form = Plural::of(LANG, n).name();
    let text = match LANG {
        Lang::En => generated::count_en(count, form),
        Lang::Cy => generated::count_cy(count, form),
    };
    text.replace("{n}", &n.to_string())
}

/// The English forms of `count`, for the page's scripts (`{n}` where the number goes).
#[cfg(feature = "ssr")]
pub fn english_forms(count: Count) -> impl Iterator<Item = (&'static str, &'static str)> {
    let forms = Plural::forms(Lang::En).iter();
    forms.map(move |form| (form.name(), generated::count_en(count, form.name())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_the_english_catalogue_writes_them() {
        assert_eq!(t(Msg::LayoutSkip), "Skip to main content");
        assert_eq!(
            fill(Msg::LayoutProvidedBy, &[("organisation", "Uni")]),
            "Provided by Uni."
        );
        assert_eq!(counted(Count::Resources, 1), "1 resource");
        assert_eq!(counted(Count::Comments, 3), "3 comments");
        assert_eq!(generated::count_cy(Count::Comments, "zero"), "Dim sylwadau");
    }
}
