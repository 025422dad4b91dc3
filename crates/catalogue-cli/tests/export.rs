//! The toolkit's exports (RIS, BibTeX, CSV; `catalogue::export`) read back with independent
//! readers, field by field against the real seed catalogue, plus the escaping rules.

mod common;

use catalogue::export::{
    CSV_HEADER, CSV_LIST_SEPARATOR, Format, Kind, LISTED_IN, defuse_cell, export, tex,
};
use catalogue::{Catalogue, Facet, Resource, citation, evidence};
use catalogue_cli::load_seeds;
use common::readers::{names, read_bibtex, read_ris, untex};

fn seeds() -> Catalogue {
    load_seeds(&common::real_seeds()).expect("valid seeds")
}

fn page(id: &str) -> String {
    format!("https://toolkit.example.ac.uk/resources/{id}")
}

fn exported(catalogue: &Catalogue, format: Format) -> String {
    export(format, &catalogue.resources, &catalogue.taxonomy, &page)
}

fn labels(c: &Catalogue, r: &Resource, facet: Facet) -> Vec<String> {
    r.terms(facet)
        .iter()
        .map(|id| c.taxonomy.label(facet, id).to_owned())
        .collect()
}

/// Who a record names: the authors, or the publisher for none.
fn creators(r: &Resource) -> Vec<String> {
    match r.authors.is_empty() {
        true => vec![r.publisher.clone()],
        false => r.authors.clone(),
    }
}

#[test]
fn csv_reads_back_in_a_spreadsheet_reader_field_by_field() {
    let catalogue = seeds();
    let text = exported(&catalogue, Format::Csv);
    let body = text
        .strip_prefix('\u{FEFF}')
        .expect("a byte order mark for Excel");
    assert!(body.contains("\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), catalogue.resources.len());
    let list = |v: Vec<String>| v.join(CSV_LIST_SEPARATOR);
    for (row, r) in rows.iter().zip(&catalogue.resources) {
        let authors = r.authors.join(CSV_LIST_SEPARATOR) + if r.et_al { " et al." } else { "" };
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        let expected = [
            r.title.clone(),
            authors,
            r.publisher.clone(),
            year,
            list(labels(&catalogue, r, Facet::Type)),
            list(labels(&catalogue, r, Facet::Approach)),
            list(labels(&catalogue, r, Facet::Subject)),
            r.summary.clone(),
            list(labels(&catalogue, r, Facet::Evidence)),
            list(labels(&catalogue, r, Facet::Standard)),
            r.evidence_basis.clone(),
            r.url.clone().unwrap_or_default(),
            citation(r),
            page(&r.id),
        ];
        // As a spreadsheet must hold them: defused, so no cell runs as a formula.
        let expected = expected.each_ref().map(|cell| defuse_cell(cell));
        let got: Vec<&str> = row.iter().collect();
        assert_eq!(got, expected, "{}", r.id);
    }
}

#[test]
fn csv_quotes_what_needs_it_and_defuses_formulas() {
    let mut catalogue = seeds();
    let r = &mut catalogue.resources[0];
    r.title = "=HYPERLINK(\"x\"), \"quoted\"".to_owned();
    r.summary = "Two\nlines".to_owned();
    let one = Catalogue {
        resources: vec![r.clone()],
        ..catalogue.clone()
    };
    let text = exported(&one, Format::Csv);
    let line = text.lines().nth(1).unwrap();
    assert!(
        line.starts_with("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\","),
        "{line}"
    );
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[0], "'=HYPERLINK(\"x\"), \"quoted\"");
    assert_eq!(&row[7], "Two\nlines");
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn ris_reads_back_field_by_field() {
    let catalogue = seeds();
    let records = read_ris(&exported(&catalogue, Format::Ris));
    assert_eq!(records.len(), catalogue.resources.len());
    for (record, r) in records.iter().zip(&catalogue.resources) {
        let all = |tag: &str| -> Vec<String> {
            record
                .iter()
                .filter(|(t, _)| t == tag)
                .map(|(_, v)| v.clone())
                .collect()
        };
        let kind = Kind::of(r);
        let ty = match kind {
            Kind::Article => "JOUR",
            Kind::Report => "RPRT",
            Kind::WebPage => "ELEC",
        };
        assert_eq!(
            record[0],
            ("TY".to_owned(), ty.to_owned()),
            "{}: TY first",
            r.id
        );
        assert_eq!(all("TI"), [one_line(&r.title)], "{}", r.id);
        assert_eq!(
            all("AU"),
            creators(r).iter().map(|a| one_line(a)).collect::<Vec<_>>(),
            "{}",
            r.id
        );
        let publisher_tag = if kind == Kind::Article { "JO" } else { "PB" };
        assert_eq!(
            all(publisher_tag).concat(),
            one_line(&r.publisher),
            "{}",
            r.id
        );
        assert_eq!(
            all("PY"),
            r.year
                .map(|y| y.to_string())
                .into_iter()
                .collect::<Vec<_>>()
        );
        assert_eq!(all("AB"), [one_line(&r.summary)], "{}", r.id);
        assert_eq!(
            all("UR"),
            r.url.iter().cloned().collect::<Vec<_>>(),
            "{}",
            r.id
        );
        let mut keywords = labels(&catalogue, r, Facet::Approach);
        keywords.extend(labels(&catalogue, r, Facet::Subject));
        assert_eq!(all("KW"), keywords, "{}", r.id);
        let evidence = one_line(&evidence::note(r, &catalogue.taxonomy));
        assert_eq!(all("N1"), [evidence, format!("{LISTED_IN}{}", page(&r.id))]);
    }
}

/// The text as LaTeX's ASCII quotes and dashes render it (what untex gives back).
fn typographic(text: &str) -> String {
    text.replace('\'', "’").replace("--", "–")
}

#[test]
fn bibtex_reads_back_field_by_field() {
    let catalogue = seeds();
    let entries = read_bibtex(&exported(&catalogue, Format::Bibtex));
    assert_eq!(entries.len(), catalogue.resources.len());
    for ((kind, key, fields), r) in entries.iter().zip(&catalogue.resources) {
        let field = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let expected_kind = match Kind::of(r) {
            Kind::Article => "article",
            Kind::Report => "techreport",
            Kind::WebPage => "misc",
        };
        assert_eq!(
            (kind.as_str(), key.as_str()),
            (expected_kind, r.id.as_str())
        );
        assert_eq!(
            untex(&field("title").unwrap()),
            typographic(&r.title),
            "{}",
            r.id
        );
        assert_eq!(
            untex(&field("abstract").unwrap()),
            typographic(&r.summary),
            "{}",
            r.id
        );
        let mut authors: Vec<String> = creators(r).iter().map(|a| typographic(a)).collect();
        if r.et_al {
            authors.push("others".to_owned());
        }
        let names: Vec<String> = names(&field("author").unwrap())
            .iter()
            .map(|n| untex(n))
            .collect();
        assert_eq!(names, authors, "{}", r.id);
        let publisher = ["journal", "institution", "publisher"]
            .iter()
            .find_map(|n| field(n));
        assert_eq!(
            publisher.map(|p| untex(&p)).unwrap_or_default(),
            typographic(&r.publisher),
            "{}",
            r.id
        );
        assert_eq!(field("year"), r.year.map(|y| y.to_string()), "{}", r.id);
        assert_eq!(field("url"), r.url.clone(), "{}", r.id);
        let note = field("note").unwrap();
        let listed = format!(" {LISTED_IN}\\url{{{}}}", page(&r.id));
        let evidence = note
            .strip_suffix(&listed)
            .expect("the page, after the evidence");
        assert_eq!(
            untex(evidence),
            typographic(&evidence::note(r, &catalogue.taxonomy)),
            "{}",
            r.id
        );
    }
}

#[test]
fn tex_escapes_special_characters_and_writes_accents_as_commands() {
    assert_eq!(
        tex("Money & {wellbeing}: 100% #1 $5 a_b ~ ^ \\"),
        "Money \\& \\{wellbeing\\}: 100\\% \\#1 \\$5 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
    );
    assert_eq!(
        tex("Université de Montréal"),
        "Universit{\\'e} de Montr{\\'e}al"
    );
    assert_eq!(
        tex("Zoë Ørsted, Łódź, Straße, naïve, Ça"),
        "Zo{\\\"e} {\\O}rsted, {\\L}{\\'o}d{\\'z}, Stra{\\ss}e, na{\\\"\\i}ve, {\\c C}a"
    );
    assert_eq!(
        tex("Students’ “voice” – 2017—18…"),
        "Students' ``voice'' -- 2017---18\\ldots{}"
    );
    // What LaTeX has no command for is kept as written.
    assert_eq!(tex("Ελληνικά"), "Ελληνικά");
    for text in [
        "Zoë Ørsted, Łódź, Straße, naïve, Ça",
        "Dvořák, Štěpán, Gdańsk, Győr",
    ] {
        assert_eq!(untex(&tex(text)), text);
    }
}

#[test]
fn kinds_follow_the_link_and_the_type() {
    let catalogue = seeds();
    let kinds: Vec<Kind> = catalogue.resources.iter().map(Kind::of).collect();
    for (r, kind) in catalogue.resources.iter().zip(&kinds) {
        let doi = r.url.as_deref().is_some_and(|u| u.contains("doi.org/10."));
        let expected = match (doi, r.kind.as_str()) {
            (true, _) => Kind::Article,
            (false, "research-report" | "case-study") => Kind::Report,
            _ => Kind::WebPage,
        };
        assert_eq!(*kind, expected, "{}", r.id);
    }
    // The real catalogue has all three.
    for kind in [Kind::Article, Kind::Report, Kind::WebPage] {
        assert!(kinds.contains(&kind), "no {kind:?}");
    }
}

#[test]
fn a_file_is_its_head_then_records_in_any_order() {
    use catalogue::export::{head, record};
    let c = seeds();
    // A list in another order than the catalogue's, as a search sorts it.
    let mut list: Vec<&Resource> = c.resources.iter().collect();
    list.sort_by(|a, b| b.title.cmp(&a.title));
    for format in Format::ALL {
        let mut joined = head(format);
        for r in &list {
            record(&mut joined, format, r, &c.taxonomy, &page(&r.id));
        }
        assert_eq!(
            joined,
            export(format, list.iter().copied(), &c.taxonomy, &page)
        );
    }
    assert!(head(Format::Csv).starts_with('\u{FEFF}'));
    assert_eq!(head(Format::Ris), "");
    assert_eq!(head(Format::Bibtex), "");
    // Joined BibTeX entries keep distinct keys.
    let entries = read_bibtex(&exported(&c, Format::Bibtex));
    let keys: std::collections::BTreeSet<_> = entries.iter().map(|e| e.1.clone()).collect();
    assert_eq!(keys.len(), c.resources.len());
}
