//! The interface's words, from the message catalogues in `messages/` (one per language, checked
//! and written into Rust by `build.rs`): a view names a message (`t(Msg::LayoutSkip)`,
//! `counted(Count::Resources, n)`) instead of writing its text, and gets it in the page's
//! language. English is built in; another language's words are a table the app reads when it
//! starts on a page in that language (`read_table`), and the build has compiled in.

use std::cell::Cell;
use std::sync::Mutex;

use catalogue::{Collection, Date, Facet, Sort, Taxonomy, Term};
use messages::{Lang, Plural};

// Some messages are the build's alone (the pages' descriptions, the feeds), unused in the app.
#[allow(dead_code)]
mod generated {
    // (The file build.rs writes, in Cargo's output folder.)
    include!(concat!(env!("OUT_DIR"), "/", "messages.rs"));
}

#[cfg(feature = "ssr")]
pub use generated::table_of;
#[cfg(feature = "ssr")]
pub use generated::text_en;
pub use generated::{Count, Msg, file_of};

thread_local! {
    /// The language of the page being rendered (an index into [`Lang::ALL`]): one per app, set
    /// when it starts; set before each language's pages by the build, which renders one page
    /// at a time on a thread.
    static LANG: Cell<usize> = const { Cell::new(0) };
}

/// A language's messages other than English's, as the build writes them ([`file_of`]): read by
/// the app from that file, by the build from what it compiled in.
struct Table {
    texts: Vec<&'static str>,
    counts: Vec<Vec<&'static str>>,
}

/// The tables read so far, by language (an app reads one, the build each).
static TABLES: Mutex<Vec<(Lang, &'static Table)>> = Mutex::new(Vec::new());

/// The language of the page being rendered.
pub fn lang() -> Lang {
    Lang::ALL[LANG.with(Cell::get)]
}

/// Renders the pages from now on in `lang`, whose messages must have been read
/// ([`read_table`]) unless it is English.
pub fn set_lang(lang: Lang) {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    LANG.with(|l| l.set(index));
}

/// Takes `lang`'s messages from `value` (the parsed text of its [`file_of`]). Fails on a file
/// that is not one: a table must have every message of this build, or the page stays as written.
pub fn read_table(lang: Lang, value: &serde_json::Value) -> Result<(), String> {
    let strings = |v: &serde_json::Value| -> Option<Vec<&'static str>> {
        v.as_array()?
            .iter()
            .map(|t| {
                t.as_str()
                    .map(|t| &*Box::leak(t.to_owned().into_boxed_str()))
            })
            .collect()
    };
    let texts = strings(&value["texts"]).ok_or("no texts")?;
    let counts: Vec<Vec<&'static str>> = value["counts"]
        .as_array()
        .ok_or("no counts")?
        .iter()
        .map(strings)
        .collect::<Option<_>>()
        .ok_or("a count is not a list of texts")?;
    let forms = Plural::forms(lang).len();
    if texts.len() != generated::TEXTS
        || counts.len() != generated::COUNTS
        || counts.iter().any(|c| c.len() != forms)
    {
        return Err(format!("the {} messages are not this build's", lang.code()));
    }
    let table: &'static Table = Box::leak(Box::new(Table { texts, counts }));
    TABLES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((lang, table));
    Ok(())
}

fn table(lang: Lang) -> Option<&'static Table> {
    let tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, table)) = tables.iter().find(|(l, _)| *l == lang) {
        return Some(table);
    }
    drop(tables);
    #[cfg(feature = "ssr")]
    if let Some(json) = table_of(lang) {
        read_table(lang, &catalogue::parse_json(json).ok()?).ok()?;
        return table(lang);
    }
    None
}

/// The text of `msg` in the page's language.
pub fn t(msg: Msg) -> &'static str {
    match other_table() {
        Some(table) => table.texts[msg as usize],
        None => generated::text_en(msg),
    }
}

/// The table of the page's language, unless it is English (built in) or was not read.
fn other_table() -> Option<&'static Table> {
    let lang = lang();
    (lang != Lang::En).then(|| table(lang)).flatten()
}

/// The text of `msg` with its `{placeholders}` filled from `args`.
pub fn fill(msg: Msg, args: &[(&str, &str)]) -> String {
    messages::fill(t(msg), args)
}

/// `text` before and after its placeholder `{name}`, where a view puts an element (a link, a
/// code): all of it before, when it has no such placeholder.
pub fn split_at<'a>(text: &'a str, name: &str) -> (&'a str, &'a str) {
    text.split_once(&["{", name, "}"].concat())
        .unwrap_or((text, ""))
}

/// `count` of `n` things in the page's language, in the plural form `n` takes there.
pub fn counted(count: Count, n: usize) -> String {
    counted_with(count, n, &[])
}

/// `count` of `n`, with its other `{placeholders}` filled from `args`.
pub fn counted_with(count: Count, n: usize, args: &[(&str, &str)]) -> String {
    let number = n.to_string();
    let text = form_text(count, Plural::of(lang(), n));
    messages::fill(&messages::fill(text, &[("n", &number)]), args)
}

/// The text of `count` for the plural form `form` of the page's language (`{n}` unfilled).
fn form_text(count: Count, form: Plural) -> &'static str {
    match other_table() {
        Some(table) => {
            let at = Plural::forms(lang()).iter().position(|f| *f == form);
            at.map_or("", |at| table.counts[count as usize][at])
        }
        None => generated::count_en(count, form.name()),
    }
}

/// The language the resources are published in (English), for the `lang` of their words
/// (titles, summaries, credits, curators' notes) on a page in another language; none on an
/// English page, whose language is theirs.
pub fn published_lang() -> Option<&'static str> {
    (lang() != Lang::En).then_some(Lang::En.tag())
}

/// [`published_lang`] as an attribute for HTML written as text: ` lang="en-GB"`, or nothing.
pub fn published_lang_attribute() -> String {
    published_lang().map_or_else(String::new, |tag| format!(" lang=\"{tag}\""))
}

/// A facet's name, as the heading above its terms ("Resource type").
pub fn facet_label(facet: Facet) -> &'static str {
    t(match facet {
        Facet::Approach => Msg::FacetApproach,
        Facet::Type => Msg::FacetType,
        Facet::Standard => Msg::FacetStandard,
        Facet::Evidence => Msg::FacetEvidence,
        Facet::Subject => Msg::FacetSubject,
    })
}

/// A sort order's name in the sort menu.
pub fn sort_label(sort: Sort) -> &'static str {
    t(match sort {
        Sort::Relevance => Msg::SortRelevance,
        Sort::Newest => Msg::SortNewest,
        Sort::Title => Msg::SortTitle,
        Sort::Year => Msg::SortYear,
        Sort::Evidence => Msg::SortEvidence,
    })
}

/// A term's label in the page's language (the catalogue's Welsh, when it gives one).
pub fn term_label(term: &Term) -> &str {
    match (lang(), &term.cy) {
        (Lang::Cy, Some(cy)) => &cy.label,
        _ => &term.label,
    }
}

/// A term's description in the page's language.
pub fn term_description(term: &Term) -> &str {
    match (lang(), &term.cy) {
        (Lang::Cy, Some(cy)) => &cy.description,
        _ => &term.description,
    }
}

/// The label of the term `id` of `facet`, in the page's language (its id if there is none).
pub fn label_of<'a>(taxonomy: &'a Taxonomy, facet: Facet, id: &'a str) -> &'a str {
    taxonomy.term(facet, id).map_or(id, term_label)
}

/// A collection's title in the page's language.
pub fn collection_title(collection: &Collection) -> &str {
    match (lang(), &collection.cy) {
        (Lang::Cy, Some(cy)) => &cy.title,
        _ => &collection.title,
    }
}

/// A collection's introduction in the page's language.
pub fn collection_intro(collection: &Collection) -> &str {
    match (lang(), &collection.cy) {
        (Lang::Cy, Some(cy)) => &cy.intro,
        _ => &collection.intro,
    }
}

/// A month's name in the page's language (1 is January).
fn month_name(month: u32) -> &'static str {
    const MONTHS: [Msg; 12] = [
        Msg::DateMonth1,
        Msg::DateMonth2,
        Msg::DateMonth3,
        Msg::DateMonth4,
        Msg::DateMonth5,
        Msg::DateMonth6,
        Msg::DateMonth7,
        Msg::DateMonth8,
        Msg::DateMonth9,
        Msg::DateMonth10,
        Msg::DateMonth11,
        Msg::DateMonth12,
    ];
    t(MONTHS[month.clamp(1, 12) as usize - 1])
}

/// A date as people read it in the page's language: "23 November 2026", "23 Tachwedd 2026".
pub fn long_date(date: &Date) -> String {
    let text = date.as_str();
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|d| d.parse().ok());
    let day: u32 = number(8..10).unwrap_or(1);
    fill(
        Msg::DateLong,
        &[
            ("day", &day.to_string()),
            ("month", month_name(number(5..7).unwrap_or(1))),
            ("year", text.get(..4).unwrap_or_default()),
        ],
    )
}

/// A month and its year ("November 2026") from its key, `YYYY-MM`.
pub fn month_year(key: &str) -> String {
    let (year, month) = key.split_once('-').unwrap_or((key, "01"));
    let month = month_name(month.parse().unwrap_or(1));
    fill(Msg::DateMonthYear, &[("month", month), ("year", year)])
}

/// Runs `f` with the pages in `lang`, then back in the language they were in.
#[cfg(feature = "ssr")]
pub fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = self::lang();
    set_lang(lang);
    let out = f();
    set_lang(before);
    out
}

/// The forms of `count` in the page's language, for the page's scripts: each plural form's
/// name and its text (`{n}` where the number goes).
#[cfg(feature = "ssr")]
pub fn forms(count: Count) -> Vec<(&'static str, &'static str)> {
    let forms = Plural::forms(lang()).iter();
    forms
        .map(|form| (form.name(), form_text(count, *form)))
        .collect()
}

#[cfg(test)]
#[path = "../crates/messages/folder.rs"]
mod folder;

/// The English catalogue as the files write it, for tests that look messages up by key.
#[cfg(test)]
pub fn english_catalogue() -> messages::Messages {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("messages");
    folder::read_catalogue(&root, Lang::En).unwrap()
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
        set_lang(Lang::Cy);
        let welsh = (counted(Count::Comments, 0), t(Msg::LayoutSkip));
        set_lang(Lang::En);
        assert_eq!(
            welsh,
            ("Dim sylwadau".to_owned(), "Neidio i'r prif gynnwys")
        );
    }
}
