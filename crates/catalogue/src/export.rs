//! Resources as files for reference managers and spreadsheets: RIS, BibTeX and CSV.
//!
//! Each resource becomes one of three kinds of reference: a journal article when its link is a
//! DOI (its publisher is then the journal, as the catalogue records it), a report for research
//! reports and case studies, and a web page for everything else (intervention tools, learning
//! materials). Names are written as the catalogue gives them, as in [`crate::citation`]; a
//! resource with no named author is credited to its publisher. The evidence behind each resource
//! travels with it: three CSV columns, and a note in RIS and BibTeX.
//!
//! Written with `push_str` rather than `format!`: this runs in the app, where every formatting
//! call site costs wasm.

use std::borrow::Cow;

use crate::cite::citation;
use crate::evidence;
use crate::model::{Facet, Resource, Taxonomy};
use crate::text::fold_into;

/// A file format the toolkit exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A spreadsheet: UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF lines.
    Csv,
    /// RIS, read by EndNote, Zotero, Mendeley and RefWorks.
    Ris,
    /// BibTeX, with LaTeX escapes (for LaTeX, JabRef and Overleaf).
    Bibtex,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Ris, Format::Bibtex];

    /// Its name on a button: "CSV", "RIS", "BibTeX".
    pub fn label(self) -> &'static str {
        ["CSV", "RIS", "BibTeX"][self as usize]
    }

    /// The file name's ending, without the dot.
    pub fn extension(self) -> &'static str {
        ["csv", "ris", "bib"][self as usize]
    }

    /// The media type of the file.
    pub fn media_type(self) -> &'static str {
        [
            "text/csv;charset=utf-8",
            "application/x-research-info-systems",
            "application/x-bibtex",
        ][self as usize]
    }
}

/// What kind of reference a resource is, for reference managers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Article,
    Report,
    WebPage,
}

impl Kind {
    pub fn of(r: &Resource) -> Kind {
        if doi(r).is_some() {
            Kind::Article
        } else if matches!(r.kind.as_str(), "research-report" | "case-study") {
            Kind::Report
        } else {
            Kind::WebPage
        }
    }

    /// The RIS reference type (`TY`).
    pub fn ris(self) -> &'static str {
        ["JOUR", "RPRT", "ELEC"][self as usize]
    }

    /// The BibTeX entry type.
    pub fn bibtex(self) -> &'static str {
        ["article", "techreport", "misc"][self as usize]
    }
}

/// The DOI of a resource whose link is a DOI link (`https://doi.org/10.…`).
pub fn doi(r: &Resource) -> Option<&str> {
    let rest = r.url.as_deref()?.split_once("://")?.1;
    let (host, path) = rest.split_once('/')?;
    let doi_host = host.eq_ignore_ascii_case("doi.org") || host.eq_ignore_ascii_case("dx.doi.org");
    (doi_host && path.starts_with("10.")).then_some(path)
}

/// The CSV file's columns.
pub const CSV_HEADER: [&str; 14] = [
    "Title",
    "Authors",
    "Publisher",
    "Year",
    "Type",
    "Approaches",
    "Subjects",
    "Summary",
    "Kind of evidence",
    "Standard of evidence",
    "Evidence basis",
    "Link",
    "Citation",
    "Page in the toolkit",
];

/// Several values in one cell.
pub const CSV_LIST_SEPARATOR: &str = "; ";

/// Written into each RIS and BibTeX record, before the address of the resource's page.
pub const LISTED_IN: &str = "In the Resilience Toolkit: ";

/// The resources in `format`: [`head`], then each one's [`record`]. `page` gives the address
/// of a resource's page in the toolkit (from its id), written into each record.
pub fn export<'a>(
    format: Format,
    resources: impl IntoIterator<Item = &'a Resource>,
    taxonomy: &Taxonomy,
    page: &dyn Fn(&str) -> String,
) -> String {
    let mut out = head(format);
    for r in resources {
        record(&mut out, format, r, taxonomy, &page(&r.id));
    }
    out
}

/// What a file in `format` starts with, before its records: for CSV, the byte order mark and
/// the header line; nothing for RIS and BibTeX.
pub fn head(format: Format) -> String {
    let mut out = String::new();
    if format == Format::Csv {
        out.push('\u{FEFF}');
        csv_line(&mut out, &CSV_HEADER);
    }
    out
}

/// Appends one resource's record in `format` (a CSV line, an RIS record or a BibTeX entry);
/// `page` is the address of its page in the toolkit. A file is its [`head`] followed by
/// records in any order, so records can be written one by one (the app writes those of a list
/// as the visitor downloads it).
pub fn record(out: &mut String, format: Format, r: &Resource, taxonomy: &Taxonomy, page: &str) {
    match format {
        Format::Csv => csv(out, r, taxonomy, page),
        Format::Ris => ris(out, r, taxonomy, page),
        Format::Bibtex => bibtex(out, r, taxonomy, page),
    }
}

/// The labels of a resource's terms of one facet.
fn labels<'a>(r: &'a Resource, taxonomy: &'a Taxonomy, facet: Facet) -> Vec<&'a str> {
    let ids = r.terms(facet).iter();
    ids.map(|id| taxonomy.label(facet, id)).collect()
}

/// One resource in the columns of [`CSV_HEADER`].
fn csv(out: &mut String, r: &Resource, taxonomy: &Taxonomy, page: &str) {
    let mut authors = r.authors.join(CSV_LIST_SEPARATOR);
    if r.et_al {
        authors.push_str(" et al.");
    }
    let year = r.year.map(|y| y.to_string()).unwrap_or_default();
    let list = |facet| labels(r, taxonomy, facet).join(CSV_LIST_SEPARATOR);
    csv_line(
        out,
        &[
            &r.title,
            &authors,
            &r.publisher,
            &year,
            &list(Facet::Type),
            &list(Facet::Approach),
            &list(Facet::Subject),
            &r.summary,
            &list(Facet::Evidence),
            &list(Facet::Standard),
            &r.evidence_basis,
            r.url.as_deref().unwrap_or_default(),
            &citation(r),
            page,
        ],
    );
}

/// One CSV line (RFC 4180): each field [`defuse_cell`]ed, then quoted where it was defused or
/// holds a comma, a quote or a line break.
fn csv_line(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = defuse_cell(field);
        if matches!(cell, Cow::Owned(_)) || cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// What a spreadsheet cell must not start with (OWASP's CSV injection list, and the full-width
/// forms Excel and LibreOffice read alike): `=`, `+`, `-`, `@`, tab, carriage return, `＝`, `＋`,
/// `－`, `＠`.
pub const FORMULA_TRIGGERS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Text as a spreadsheet cell that is never run as a formula: text starting with one of the
/// [`FORMULA_TRIGGERS`], or with an apostrophe, gets an apostrophe in front (which Excel and
/// LibreOffice show as plain text); other text is returned as it is (borrowed). Prefixing text
/// that already starts with `'` makes the rule reversible: [`restore_cell`] gives back exactly
/// the text, for any text. Every CSV the toolkit writes uses it, and every CSV it reads undoes it.
pub fn defuse_cell(text: &str) -> Cow<'_, str> {
    match text.starts_with(FORMULA_TRIGGERS) || text.starts_with('\'') {
        true => Cow::Owned(["'", text].concat()),
        false => Cow::Borrowed(text),
    }
}

/// A cell's text as it was before [`defuse_cell`]: one leading apostrophe, if any, removed.
pub fn restore_cell(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// Who a reference names as its authors: the authors, or the publisher for none.
fn creators(r: &Resource) -> Vec<&str> {
    match r.authors.is_empty() {
        true => vec![r.publisher.as_str()],
        false => r.authors.iter().map(String::as_str).collect(),
    }
}

/// One RIS record: a tag of two letters, two spaces, a hyphen and a space, then the value on
/// one line; CRLF line ends.
fn ris(out: &mut String, r: &Resource, taxonomy: &Taxonomy, page: &str) {
    let kind = Kind::of(r);
    let mut tag = |tag: &str, value: &str| {
        out.push_str(tag);
        out.push_str("  - ");
        for (i, word) in value.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        out.push_str("\r\n");
    };
    tag("TY", kind.ris());
    tag("TI", &r.title);
    creators(r).into_iter().for_each(|name| tag("AU", name));
    if !r.publisher.is_empty() {
        tag(
            if kind == Kind::Article { "JO" } else { "PB" },
            &r.publisher,
        );
    }
    if let Some(year) = r.year {
        tag("PY", &year.to_string());
    }
    tag("AB", &r.summary);
    for facet in [Facet::Approach, Facet::Subject] {
        labels(r, taxonomy, facet)
            .into_iter()
            .for_each(|label| tag("KW", label));
    }
    if let Some(doi) = doi(r) {
        tag("DO", doi);
    }
    if let Some(url) = &r.url {
        tag("UR", url);
    }
    tag("N1", &evidence::note(r, taxonomy));
    tag("N1", &[LISTED_IN, page].concat());
    tag("ER", "");
}

/// One BibTeX entry, keyed by the resource's id: `@article`, `@techreport` or `@misc`.
fn bibtex(out: &mut String, r: &Resource, taxonomy: &Taxonomy, page: &str) {
    let kind = Kind::of(r);
    for piece in ["@", kind.bibtex(), "{", &r.id, ",\n"] {
        out.push_str(piece);
    }
    let mut field = |name: &str, value: &str| {
        for piece in ["  ", name, " = {", value, "},\n"] {
            out.push_str(piece);
        }
    };
    // Braced again, so that styles keep the title's capitals.
    field("title", &["{", &tex(&r.title), "}"].concat());
    let mut names: Vec<String> = creators(r)
        .into_iter()
        // A braced name is kept whole: an organisation, or a name with "and" in it.
        .map(
            |name| match r.authors.is_empty() || name.contains(" and ") {
                true => ["{", &tex(name), "}"].concat(),
                false => tex(name),
            },
        )
        .collect();
    if r.et_al {
        names.push("others".to_owned());
    }
    field("author", &names.join(" and "));
    if !r.publisher.is_empty() {
        let name = ["journal", "institution", "publisher"][kind as usize];
        field(name, &tex(&r.publisher));
    }
    if let Some(year) = r.year {
        field("year", &year.to_string());
    }
    if let Some(doi) = doi(r) {
        field("doi", doi);
    }
    if let Some(url) = &r.url {
        if kind == Kind::WebPage {
            field("howpublished", &["\\url{", url, "}"].concat());
        }
        field("url", url);
    }
    field("abstract", &tex(&r.summary));
    let mut keywords = labels(r, taxonomy, Facet::Approach);
    keywords.extend(labels(r, taxonomy, Facet::Subject));
    field("keywords", &tex(&keywords.join(", ")));
    let note = [
        &tex(&evidence::note(r, taxonomy)),
        " ",
        LISTED_IN,
        "\\url{",
        page,
        "}",
    ];
    field("note", &note.concat());
    out.push_str("}\n\n");
}

/// Text for a BibTeX field: LaTeX's special characters escaped, accented letters and
/// typographic punctuation as LaTeX commands (which BibTeX sorts and styles correctly, where
/// raw UTF-8 trips older tools); other characters are kept as they are.
pub fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let command = match c {
            '\\' => "\\textbackslash{}",
            '{' => "\\{",
            '}' => "\\}",
            '&' => "\\&",
            '%' => "\\%",
            '$' => "\\$",
            '#' => "\\#",
            '_' => "\\_",
            '~' => "\\textasciitilde{}",
            '^' => "\\textasciicircum{}",
            '\u{2018}' => "`",
            '\u{2019}' => "'",
            '\u{201C}' => "``",
            '\u{201D}' => "''",
            '\u{2013}' => "--",
            '\u{2014}' => "---",
            '\u{2026}' => "\\ldots{}",
            '\u{00A0}' => "~",
            c if c.is_ascii() => {
                out.push(c);
                continue;
            }
            c => {
                accented(&mut out, c);
                continue;
            }
        };
        out.push_str(command);
    }
    out
}

/// Writes a non-ASCII letter as a LaTeX command in braces ("é" is `{\'e}`, "ß" is `{\ss}`)
/// where LaTeX has one, and as itself otherwise.
fn accented(out: &mut String, c: char) {
    let letter = match c {
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'å' => "aa",
        'Å' => "AA",
        'ı' => "i",
        _ => "",
    };
    // Grave, acute, circumflex, tilde, umlaut, cedilla, caron, double acute, ogonek, dot.
    let accent = match c {
        'À' | 'È' | 'Ì' | 'Ò' | 'Ù' | 'à' | 'è' | 'ì' | 'ò' | 'ù' => "`",
        'Á' | 'É' | 'Í' | 'Ó' | 'Ú' | 'Ý' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ý' | 'Ć' | 'ć' | 'Ń'
        | 'ń' | 'Ś' | 'ś' | 'Ź' | 'ź' => "'",
        'Â' | 'Ê' | 'Î' | 'Ô' | 'Û' | 'â' | 'ê' | 'î' | 'ô' | 'û' => "^",
        'Ã' | 'Ñ' | 'Õ' | 'ã' | 'ñ' | 'õ' => "~",
        'Ä' | 'Ë' | 'Ï' | 'Ö' | 'Ü' | 'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'ÿ' | 'Ÿ' => "\"",
        'Ç' | 'ç' | 'Ş' | 'ş' | 'Ţ' | 'ţ' => "c",
        'Č' | 'č' | 'Š' | 'š' | 'Ž' | 'ž' | 'Ř' | 'ř' | 'Ě' | 'ě' => "v",
        'Ő' | 'ő' | 'Ű' | 'ű' => "H",
        'Ą' | 'ą' | 'Ę' | 'ę' => "k",
        'Ż' | 'ż' => ".",
        _ => "",
    };
    if letter.is_empty() && accent.is_empty() {
        out.push(c);
        return;
    }
    out.push_str("{\\");
    out.push_str(letter);
    out.push_str(accent);
    if !accent.is_empty() {
        // A letter accent (\c, \v…) is a command name, ended by a space.
        if accent.as_bytes()[0].is_ascii_alphabetic() {
            out.push(' ');
        }
        // The letter under the accent (the catalogue's folding gives it, lowercased); a
        // dotless i takes an accent in place of its dot.
        let mut base = String::new();
        fold_into(c.encode_utf8(&mut [0; 4]), &mut base);
        match (base.as_str(), c.is_uppercase()) {
            ("i", false) => out.push_str("\\i"),
            (b, true) => out.push_str(&b.to_ascii_uppercase()),
            (b, false) => out.push_str(b),
        }
    }
    out.push('}');
}

/// A file name for an export: "resilience-toolkit-resources.csv".
pub fn file_name(stem: &str, format: Format) -> String {
    [stem, ".", format.extension()].concat()
}
