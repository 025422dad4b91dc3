//! The feed of published comments and the comments in a resource's schema.org description,
//! read back with an XML parser and as JSON: newest published first, every text exactly as
//! written and never as markup, characters XML forbids dropped.

mod common;

use common::{children, only};

use catalogue::{Catalogue, Comment, Date};
use roxmltree::{Document, Node};
use seo::comment_feed::{CommentEntry, comments_atom};
use seo::feed::{Feed, NAMESPACE};
use seo::structured;
use serde_json::{Value, json};

const HOSTILE: &str =
    "<script>alert(1)</script> & ]]> <![CDATA[x]]> &amp; \"quoted\" 'single'\nمرحبا 👋🏽";

fn catalogue() -> Catalogue {
    let comment = |id: &str, resource: &str, written: &str, published: &str, text: &str| {
        json!({
            "id": id, "resource": resource, "name": format!("Author {id}"), "role": "Adviser",
            "written": written, "published": published, "text": text, "key": format!("key-{id}")
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
        "resources": [{
            "id": "guide", "title": "A guide & <its> notes", "publisher": "Student Minds",
            "type": "case-study", "approaches": ["self-management"], "summary": "S.",
            "evidence": "practice-description", "standard": "not-impact",
            "evidence_basis": "Publisher's page.", "url": null, "added": "2026-03-01"
        }],
        "comments": [
            comment("a", "guide", "2026-11-20", "2026-11-24", "First."),
            comment("b", "guide", "2026-11-01", "2026-12-01", HOSTILE),
            comment("c", "guide", "2026-11-22", "2026-11-24", "Third."),
        ]
    });
    Catalogue::from_value(&document).unwrap_or_else(|e| panic!("{e:?}"))
}

fn feed() -> Feed<'static> {
    Feed {
        title: "Resilience Toolkit: comments",
        subtitle: "What practitioners made of the resources",
        self_url: "https://t.example/feeds/comments.xml",
        page_url: "https://t.example/",
        author: "Resilience Toolkit",
        fallback_updated: "2026-01-05",
        entries: Vec::new(),
    }
}

fn entries<'a>(comments: impl IntoIterator<Item = &'a Comment>) -> Vec<CommentEntry<'a>> {
    comments
        .into_iter()
        .map(|c| CommentEntry {
            comment: c,
            resource_title: "A guide & <its> notes",
            url: format!(
                "https://t.example/resources/{}?a=1&b=2#{}",
                c.resource,
                c.anchor()
            ),
        })
        .collect()
}

fn parse(xml: &str) -> Document<'_> {
    Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

#[test]
fn the_feed_is_atom_with_the_newest_published_comment_first() {
    let c = catalogue();
    let xml = comments_atom(&feed(), &entries(&c.comments));
    let doc = parse(&xml);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(root.tag_name().namespace(), Some(NAMESPACE));
    assert_eq!(only(root, "id"), "https://t.example/feeds/comments.xml");
    assert_eq!(only(root, "updated"), "2026-12-01T00:00:00Z");
    let ids: Vec<String> = children(root, "entry")
        .into_iter()
        .map(|e| only(e, "id"))
        .collect();
    // By the day published, then the later id first.
    assert_eq!(
        ids,
        [
            "https://t.example/resources/guide?a=1&b=2#comment-b",
            "https://t.example/resources/guide?a=1&b=2#comment-c",
            "https://t.example/resources/guide?a=1&b=2#comment-a",
        ]
    );
    let first = children(root, "entry")[0];
    assert_eq!(
        only(first, "title"),
        "Comment by Author b on A guide & <its> notes"
    );
    assert_eq!(only(first, "updated"), "2026-12-01T00:00:00Z");
    assert_eq!(only(first, "published"), "2026-11-01T00:00:00Z");
    let author = children(first, "author");
    assert_eq!(only(author[0], "name"), "Author b");
    let links = children(first, "link");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].attribute("rel"), Some("alternate"));
    assert_eq!(links[0].attribute("href"), Some(ids[0].as_str()));
}

#[test]
fn a_feed_without_comments_is_dated_by_its_fallback() {
    let xml = comments_atom(&feed(), &[]);
    let doc = parse(&xml);
    assert_eq!(only(doc.root_element(), "updated"), "2026-01-05T00:00:00Z");
    assert!(children(doc.root_element(), "entry").is_empty());
}

#[test]
fn markup_in_a_comment_comes_back_as_the_text_it_is() {
    let c = catalogue();
    let xml = comments_atom(&feed(), &entries(&c.comments));
    assert!(!xml.contains("<script>") && !xml.contains("]]>"), "{xml}");
    let doc = parse(&xml);
    let entry = children(doc.root_element(), "entry")[0];
    let content = children(entry, "content");
    assert_eq!(content.len(), 1);
    assert_eq!(content[0].attribute("type"), Some("text"));
    assert_eq!(
        content[0].children().filter(Node::is_element).count(),
        0,
        "no markup inside"
    );
    assert_eq!(
        content[0].text(),
        Some(format!("Author b, Adviser\n\n{HOSTILE}").as_str())
    );
}

#[test]
fn characters_xml_forbids_are_dropped() {
    // Not what validation lets through for controls, but a feed must hold whatever it is given;
    // U+FFFE and U+FFFF are neither controls nor direction marks, so a comment may hold them.
    let day = Date::parse("2026-11-24").unwrap();
    let comment = Comment {
        id: "x".into(),
        resource: "guide".into(),
        name: "Sam\u{0}\u{FFFF}".into(),
        role: String::new(),
        institution: String::new(),
        written: day.clone(),
        published: day,
        text: "a\u{0}b\u{1}c\u{B}d\u{FFFE}e\u{FFFF}f\u{1F}g".into(),
        key: String::new(),
    };
    let xml = comments_atom(&feed(), &entries([&comment]));
    let doc = parse(&xml);
    let entry = children(doc.root_element(), "entry")[0];
    assert_eq!(only(entry, "content"), "Sam\n\nabcdefg");
    assert_eq!(only(children(entry, "author")[0], "name"), "Sam");
}

#[test]
fn a_resource_description_carries_its_comments() {
    let c = catalogue();
    let page = "https://t.example/resources/guide";
    let mut work = structured::resource(&c.resources[0], &c.taxonomy, Some(page));
    let comments = c.comments_on("guide");
    structured::with_comments(&mut work, &comments, Some(page));
    assert_eq!(work["commentCount"], 3);
    let list = work["comment"].as_array().unwrap();
    let ids: Vec<&str> = list
        .iter()
        .map(|c| c["url"].as_str().unwrap().rsplit('#').next().unwrap())
        .collect();
    // As given: newest written first.
    assert_eq!(ids, ["comment-c", "comment-a", "comment-b"]);
    assert_eq!(
        list[2],
        json!({
            "@type": "Comment",
            "author": { "@type": "Person", "name": "Author b" },
            "dateCreated": "2026-11-01",
            "datePublished": "2026-12-01",
            "text": HOSTILE,
            "url": "https://t.example/resources/guide#comment-b"
        })
    );
}

#[test]
fn without_a_page_url_or_comments_the_description_is_as_it_was() {
    let c = catalogue();
    let plain = structured::resource(&c.resources[0], &c.taxonomy, None);
    let mut work = plain.clone();
    structured::with_comments(&mut work, &[], None);
    assert_eq!(work, plain, "no comments: no commentCount");
    structured::with_comments(&mut work, &c.comments_on("guide"), None);
    assert_eq!(work["commentCount"], 3);
    let urls: Vec<&Value> = work["comment"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c.get("url"))
        .collect();
    assert!(
        urls.is_empty(),
        "a comment's URL only when the page's is known"
    );
}
