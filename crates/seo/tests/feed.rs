//! The Atom feeds, read back with an XML parser and checked against what RFC 4287 requires of
//! a feed and its entries.

mod common;

use common::{children, only};

use catalogue::{Catalogue, Date, Resource};
use roxmltree::{Document, Node};
use seo::feed::{self, Feed, FeedEntry, MEDIA_TYPE, NAMESPACE};
use serde_json::{Value, json};

fn catalogue() -> Catalogue {
    let resource = |id: &str, title: &str, added: &str, authors: Value, url: Value| {
        json!({
            "id": id, "title": title, "authors": authors, "publisher": "Student Minds",
            "year": 2024, "type": "case-study", "approaches": ["self-management"],
            "subjects": ["careers"], "country": "UK", "summary": format!("Summary of {id}."),
            "evidence": "practice-description", "standard": "not-impact", "evidence_basis": "Publisher's page: describes it.",
            "url": url, "added": added
        })
    };
    let document = json!({
        "format": 1,
        "taxonomy": {
            "approaches": [{ "id": "self-management", "label": "Self-management", "description": "Goals." }],
            "types": [{ "id": "case-study", "label": "Case study" }],
            "standards": [{ "id": "not-impact", "label": "Not an impact study" }],
            "evidence": [{ "id": "practice-description", "label": "Practice description", "standards": ["not-impact"] }],
            "subjects": [{ "id": "careers", "label": "Careers" }]
        },
        "resources": [
            resource("older", "Older guide", "2026-03-01", json!(["Ada Lovelace", "Alan Turing"]), json!("https://doi.org/10.1000/182?a=1&b=2")),
            resource("zebra", "zebra crossings", "2026-11-28", json!([]), json!(null)),
            resource("apple", "Apple of my eye", "2026-11-28", json!(["Grace Hopper"]), json!(null)),
            resource("middle", "Middle", "2026-06-15", json!([]), json!(null)),
        ]
    });
    Catalogue::from_value(&document).unwrap()
}

fn entry<'a>(r: &'a Resource, note: Option<&'a str>) -> FeedEntry<'a> {
    FeedEntry {
        resource: r,
        page_url: format!("https://t.example/resources/{}?from=feed&x=1", r.id),
        note,
        evidence: "Evidence: Practice description; Not an impact study. Publisher's page.".into(),
        categories: vec!["Case study", "Self-management", "Careers"],
    }
}

fn feed<'a>(entries: Vec<FeedEntry<'a>>) -> Feed<'a> {
    Feed {
        title: "Resilience Toolkit: new resources",
        subtitle: "The newest resources in the toolkit",
        self_url: "https://t.example/feeds/new.xml",
        page_url: "https://t.example/browse?sort=newest",
        author: "Resilience Toolkit",
        fallback_updated: "2026-01-05",
        entries,
    }
}

fn link<'a>(node: Node<'a, '_>, rel: &str) -> Vec<(Option<&'a str>, &'a str)> {
    children(node, "link")
        .into_iter()
        .filter(|l| l.attribute("rel").unwrap_or("alternate") == rel)
        .map(|l| (l.attribute("type"), l.attribute("href").unwrap()))
        .collect()
}

/// An RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, optional fractions, then `Z` or an offset.
fn is_rfc3339(text: &str) -> bool {
    let Some((date, time)) = text.split_once('T') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (clock, zone) = match time.strip_suffix('Z') {
        Some(clock) => (clock, "00:00"),
        None if time.len() > 6 => {
            let (clock, zone) = time.split_at(time.len() - 6);
            match zone.strip_prefix(['+', '-']) {
                Some(zone) => (clock, zone),
                None => return false,
            }
        }
        None => return false,
    };
    let clock = clock
        .split_once('.')
        .map_or(clock, |(c, fraction)| if digits(fraction) { c } else { "" });
    let parts = |s: &str, n: usize| {
        let p: Vec<&str> = s.split(':').collect();
        p.len() == n && p.iter().all(|p| p.len() == 2 && digits(p))
    };
    Date::parse(date).is_some() && parts(clock, 3) && parts(zone, 2)
}

fn parse(xml: &str) -> Document<'_> {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
        "{xml}"
    );
    Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

#[test]
fn the_checker_knows_rfc_3339() {
    for good in ["2026-11-28T00:00:00Z", "2026-11-28T12:30:59.25+01:00"] {
        assert!(is_rfc3339(good), "{good}");
    }
    for bad in [
        "2026-11-28",
        "2026-02-30T00:00:00Z",
        "2026-11-28T0:00:00Z",
        "2026-11-28T00:00:00",
    ] {
        assert!(!is_rfc3339(bad), "{bad}");
    }
}

#[test]
fn the_feed_says_what_it_is_where_it_lives_and_who_wrote_it() {
    let c = catalogue();
    let xml = feed::atom(&feed(c.resources.iter().map(|r| entry(r, None)).collect()));
    let doc = parse(&xml);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(root.tag_name().namespace(), Some(NAMESPACE));
    assert_eq!(only(root, "id"), "https://t.example/feeds/new.xml");
    assert_eq!(only(root, "title"), "Resilience Toolkit: new resources");
    assert_eq!(
        only(root, "subtitle"),
        "The newest resources in the toolkit"
    );
    // The newest entry's date.
    assert_eq!(only(root, "updated"), "2026-11-28T00:00:00Z");
    assert!(is_rfc3339(&only(root, "updated")));
    let authors = children(root, "author");
    assert_eq!(authors.len(), 1);
    assert_eq!(only(authors[0], "name"), "Resilience Toolkit");
    assert_eq!(
        link(root, "self"),
        [(Some(MEDIA_TYPE), "https://t.example/feeds/new.xml")]
    );
    assert_eq!(
        link(root, "alternate"),
        [(Some("text/html"), "https://t.example/browse?sort=newest")]
    );
    assert_eq!(only(root, "generator"), feed::GENERATOR);
    assert_eq!(children(root, "entry").len(), 4);
}

#[test]
fn each_entry_has_what_rfc_4287_requires_and_what_the_catalogue_records() {
    let c = catalogue();
    let xml = feed::atom(&feed(vec![entry(&c.resources[0], None)]));
    let doc = parse(&xml);
    let entries = children(doc.root_element(), "entry");
    assert_eq!(entries.len(), 1);
    let e = entries[0];
    let page = "https://t.example/resources/older?from=feed&x=1";
    assert_eq!(only(e, "id"), page);
    assert_eq!(only(e, "title"), "Older guide");
    assert_eq!(only(e, "updated"), "2026-03-01T00:00:00Z");
    assert_eq!(only(e, "published"), "2026-03-01T00:00:00Z");
    assert_eq!(link(e, "alternate"), [(Some("text/html"), page)]);
    assert_eq!(
        link(e, "related"),
        [(None, "https://doi.org/10.1000/182?a=1&b=2")]
    );
    let authors: Vec<String> = children(e, "author")
        .into_iter()
        .map(|a| only(a, "name"))
        .collect();
    assert_eq!(authors, ["Ada Lovelace", "Alan Turing"]);
    let categories: Vec<(&str, &str)> = children(e, "category")
        .into_iter()
        .map(|c| (c.attribute("term").unwrap(), c.attribute("label").unwrap()))
        .collect();
    assert_eq!(
        categories,
        [
            ("Case study", "Case study"),
            ("Self-management", "Self-management"),
            ("Careers", "Careers")
        ]
    );
    let summary = children(e, "summary");
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0].attribute("type"), Some("text"));
    assert_eq!(
        summary[0].text(),
        Some(
            "Summary of older.\n\nEvidence: Practice description; Not an impact study. Publisher's page.\n\nPublished by Student Minds, 2024"
        )
    );
}

#[test]
fn entries_come_newest_first_then_by_title_whatever_order_they_are_given_in() {
    let c = catalogue();
    let given = [3, 0, 1, 2].map(|i| entry(&c.resources[i], None));
    let xml = feed::atom(&feed(given.to_vec()));
    let doc = parse(&xml);
    let entries = children(doc.root_element(), "entry");
    let titles: Vec<String> = entries.iter().map(|e| only(*e, "title")).collect();
    // Titles sort as the app sorts them, ignoring case.
    assert_eq!(
        titles,
        [
            "Apple of my eye",
            "zebra crossings",
            "Middle",
            "Older guide"
        ]
    );
    let dates: Vec<String> = entries.iter().map(|e| only(*e, "updated")).collect();
    assert!(dates.iter().all(|d| is_rfc3339(d)));
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[test]
fn an_entry_with_no_named_authors_credits_its_publisher_and_gives_the_curators_note() {
    let c = catalogue();
    let note = "Shows what a <small> team can do & how.";
    let xml = feed::atom(&feed(vec![entry(&c.resources[3], Some(note))]));
    let doc = parse(&xml);
    let e = children(doc.root_element(), "entry")[0];
    let authors = children(e, "author");
    assert_eq!(authors.len(), 1);
    assert_eq!(only(authors[0], "name"), "Student Minds");
    assert!(link(e, "related").is_empty());
    assert_eq!(
        only(e, "summary"),
        "Summary of middle.\n\nWhy it is in this collection: Shows what a <small> team can do & how.\n\nEvidence: Practice description; Not an impact study. Publisher's page.\n\nPublished by Student Minds, 2024"
    );
}

#[test]
fn text_round_trips_through_escaping() {
    let mut c = catalogue();
    let title = "Rock & roll <b>\"quoted\"</b> 'single' – café naïve ]]> 🌱";
    c.resources[0].title = title.to_owned();
    c.resources[0].authors = vec!["Zoë \"Z\" O'Brien & Co <x>".to_owned()];
    c.resources[0].summary = "Line one\r\nline two\ttabbed".to_owned();
    let mut e = entry(&c.resources[0], None);
    e.categories = vec!["Wellbeing & \"belonging\" <é>"];
    let mut f = feed(vec![e]);
    f.title = "Toolkit: Careers & <employability> \"now\"";
    let xml = feed::atom(&f);
    let doc = parse(&xml);
    let root = doc.root_element();
    assert_eq!(only(root, "title"), f.title);
    let e = children(root, "entry")[0];
    assert_eq!(only(e, "title"), title);
    assert_eq!(
        only(children(e, "author")[0], "name"),
        "Zoë \"Z\" O'Brien & Co <x>"
    );
    assert!(only(e, "summary").starts_with("Line one\r\nline two\ttabbed\n\n"));
    let category = children(e, "category")[0];
    assert_eq!(
        category.attribute("term"),
        Some("Wellbeing & \"belonging\" <é>")
    );
    assert_eq!(
        link(e, "related"),
        [(None, "https://doi.org/10.1000/182?a=1&b=2")]
    );
}

#[test]
fn characters_xml_forbids_are_dropped() {
    let mut c = catalogue();
    c.resources[0].title = "Bell\u{7}ed \u{0}title\u{FFFF}".to_owned();
    let mut e = entry(&c.resources[0], Some("Note\u{1B}[31m"));
    e.categories = vec!["Care\u{C}ers"];
    let xml = feed::atom(&feed(vec![e]));
    let doc = parse(&xml);
    let e = children(doc.root_element(), "entry")[0];
    assert_eq!(only(e, "title"), "Belled title");
    assert!(only(e, "summary").contains("collection: Note[31m"));
    assert_eq!(
        children(e, "category")[0].attribute("term"),
        Some("Careers")
    );
}

#[test]
fn an_empty_feed_is_still_a_valid_feed() {
    let mut f = feed(Vec::new());
    f.subtitle = "";
    f.author = "";
    let xml = feed::atom(&f);
    let doc = parse(&xml);
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(NAMESPACE));
    assert_eq!(only(root, "id"), "https://t.example/feeds/new.xml");
    assert_eq!(only(root, "title"), "Resilience Toolkit: new resources");
    assert_eq!(only(root, "updated"), "2026-01-05T00:00:00Z");
    assert!(children(root, "subtitle").is_empty());
    // A feed needs an author; with no name given it is the toolkit itself.
    assert_eq!(only(children(root, "author")[0], "name"), feed::GENERATOR);
    assert_eq!(link(root, "self").len(), 1);
    assert_eq!(link(root, "alternate").len(), 1);
    assert!(children(root, "entry").is_empty());
}

#[test]
fn repeated_or_blank_categories_are_written_once() {
    let c = catalogue();
    let mut e = entry(&c.resources[1], None);
    e.categories = vec!["Careers", " ", "Careers", "Case study"];
    let xml = feed::atom(&feed(vec![e]));
    let doc = parse(&xml);
    let e = children(doc.root_element(), "entry")[0];
    let terms: Vec<&str> = children(e, "category")
        .into_iter()
        .filter_map(|c| c.attribute("term"))
        .collect();
    assert_eq!(terms, ["Careers", "Case study"]);
}
