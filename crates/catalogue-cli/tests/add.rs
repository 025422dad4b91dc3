//! `catalogue add`: a suggestion from the app, as its webhook JSON, a saved email or a bare
//! record, becomes a valid seed file; duplicates and invalid suggestions are refused, naming the
//! match or the field, and leave the seeds untouched.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use catalogue::{Date, Resource, Taxonomy};
use catalogue_cli::add::{add, link_key, suggested_record, title_key, unique_id};
use catalogue_cli::load_seeds;
use catalogue_cli::seedfile::resource_text;
use common::{any_language, catalogue, real_seeds, seeds};
use contributions::{Contributor, Proposal, Submission, Timestamp};
use serde_json::{Value, json};
use tempfile::TempDir;

const KEY: &str = "0f8c1f5e-3c1a-4d2b-9e4f-5a6b7c8d9e0f";
const SUBMITTED: &str = "2026-11-23T10:15:30.123Z";
const TODAY: &str = "2027-01-05";

/// Every file under the folder with its bytes, to show nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        match path.is_dir() {
            true => files.extend(snapshot(&path)),
            false => files.push((path.clone(), fs::read(&path).unwrap())),
        }
    }
    files.sort();
    files
}

fn taxonomy() -> Taxonomy {
    load_seeds(&real_seeds()).unwrap().taxonomy
}

fn date() -> Date {
    Date::parse(TODAY).unwrap()
}

fn proposal(title: &str, link: &str) -> Proposal {
    let taxonomy = taxonomy();
    Proposal {
        title: title.into(),
        link: link.into(),
        authors: vec!["Ada Lovelace".into(), "Mary Somerville".into()],
        publisher: "Example University".into(),
        year: Some(2024),
        kind: taxonomy.types[0].id.clone(),
        approaches: vec![taxonomy.approaches[0].id.clone()],
        subjects: vec![taxonomy.subjects[0].id.clone()],
        evidence: "programme-evaluation".into(),
        summary: "How one university trained second-year commuters to mentor new ones.".into(),
        why: "Builds networks for students who are rarely on campus.".into(),
        contributor: Contributor {
            name: "Sam Patel".into(),
            email: "sam.patel@example.ac.uk".into(),
            organisation: String::new(),
            consent: true,
        },
    }
}

fn suggestion(title: &str, link: &str) -> Submission {
    Submission::suggestion(
        KEY.into(),
        Timestamp::parse(SUBMITTED).unwrap(),
        proposal(title, link),
        &taxonomy(),
    )
}

const TITLE: &str = "Peer mentoring for commuter students: a zebra-striped toolkit";
const LINK: &str = "https://mentoring.example.ac.uk/commuters";

/// Adds `text` to a fresh copy of the seeds, checking the written file is the resource in the
/// seed files' format and the catalogue still loads.
fn added(text: &str) -> (TempDir, Resource) {
    let dir = seeds();
    let before = load_seeds(dir.path()).unwrap().resources.len();
    let added = add(dir.path(), text, &date()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        fs::read_to_string(&added.path).unwrap(),
        resource_text(&added.resource)
    );
    let catalogue = load_seeds(dir.path()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(catalogue.resources.len(), before + 1);
    assert_eq!(
        catalogue.resource(&added.resource.id),
        Some(&added.resource)
    );
    (dir, added.resource)
}

#[test]
fn a_webhook_payload_becomes_a_seed_file_added_today() {
    let (dir, resource) = added(&suggestion(TITLE, LINK).to_json("Example Toolkit"));
    assert_eq!(
        resource.id,
        "peer-mentoring-for-commuter-students-a-zebra-striped-toolkit"
    );
    assert_eq!(resource.title, TITLE);
    assert_eq!(resource.authors, ["Ada Lovelace", "Mary Somerville"]);
    assert_eq!(resource.year, Some(2024));
    assert_eq!(resource.url.as_deref(), Some(LINK));
    // Today, not the day it was submitted.
    assert_eq!(resource.added.as_str(), TODAY);
    let file = dir.path().join(format!("resources/{}.json", resource.id));
    let written: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(written["country"], "");
    assert!(written.get("why_it_helps").is_none());
    // The kind of evidence the contributor named, at its usual standard, and said to be theirs.
    assert_eq!(resource.evidence, "programme-evaluation");
    assert_eq!(resource.standard, "empirical");
    assert_eq!(resource.evidence_basis, contributions::SUGGESTED_BASIS);
}

#[test]
fn a_suggestion_whose_contributor_was_not_sure_of_the_evidence_is_recorded_as_unclear() {
    let mut submission = proposal(TITLE, LINK);
    submission.evidence = String::new();
    let json = Submission::suggestion(
        KEY.into(),
        Timestamp::parse(SUBMITTED).unwrap(),
        submission,
        &taxonomy(),
    )
    .to_json("Example Toolkit");
    assert!(!json.contains("\"evidence\""), "{json}");
    let (_dir, resource) = added(&json);
    assert_eq!(resource.evidence, catalogue::evidence::UNCLEAR);
    assert_eq!(resource.standard, catalogue::evidence::UNCLEAR_STANDARD);
    assert_eq!(
        resource.evidence_basis,
        catalogue_cli::add::UNCLASSIFIED_BASIS
    );
}

#[test]
fn a_saved_email_becomes_a_seed_file() {
    let mail = format!(
        "Subject: Example Toolkit: Suggested resource\r\nTo: editors@example.ac.uk\r\n\r\n{}",
        suggestion(TITLE, LINK)
            .mail_body(&any_language)
            .replace('\n', "\r\n")
    );
    let (_, resource) = added(&mail);
    assert_eq!(resource.title, TITLE);
    assert_eq!(resource.added.as_str(), TODAY);

    // Quoted in a reply, with a brace inside a string of the record.
    let body = suggestion("Braces {like these} in a title", LINK).mail_body(&any_language);
    let quoted: String = body.lines().map(|l| format!("> {l}\n")).collect();
    let (_, resource) = added(&format!("Forwarding this one.\n\n{quoted}\n-- \nSam\n"));
    assert_eq!(resource.title, "Braces {like these} in a title");
}

/// Quoted-printable, as a mail program writes it: `=XX` for `=` and non-ASCII bytes, and lines
/// over 76 characters cut with a soft break (`=` at the end of a line).
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut width = 0;
        for b in line.bytes() {
            let piece = match b == b'=' || !b.is_ascii() {
                true => format!("={b:02X}"),
                false => char::from(b).to_string(),
            };
            if width + piece.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            width += piece.len();
            out.push_str(&piece);
        }
        out.push_str("\r\n");
    }
    out
}

#[test]
fn a_saved_message_file_is_decoded() {
    let title =
        "Étudiants’ belonging — a toolkit for commuter students, tried at three universities";
    let eml = format!(
        "From: Sam Patel <sam.patel@example.ac.uk>\r\nTo: editors@example.ac.uk\r\n\
         Subject: Example Toolkit: Suggested resource\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{}",
        quoted_printable(&suggestion(title, LINK).mail_body(&any_language))
    );
    assert!(eml.contains("=\r\n") && eml.contains("=C3=89"), "{eml}");
    let (_, resource) = added(&eml);
    assert_eq!(resource.title, title);
    assert_eq!(resource.url.as_deref(), Some(LINK));
}

#[test]
fn a_bare_record_becomes_a_seed_file_with_its_empty_link_dropped() {
    let record = suggestion(TITLE, "").record().unwrap();
    assert!(record.contains("\"url\": \"\""), "{record}");
    let (dir, resource) = added(&record);
    assert_eq!(resource.url, None);
    let file = dir.path().join(format!("resources/{}.json", resource.id));
    assert!(fs::read_to_string(file).unwrap().contains("\"url\": null"));
}

#[test]
fn a_taken_id_gets_a_number() {
    let dir = seeds();
    let existing = load_seeds(dir.path()).unwrap().resources[0].clone();
    let record = json!({
        "id": existing.id, "title": TITLE, "publisher": "Example University", "type": existing.kind,
        "approaches": existing.approaches, "summary": "Something else entirely.", "url": LINK
    });
    let added = add(dir.path(), &record.to_string(), &date()).unwrap();
    assert_eq!(added.resource.id, format!("{}-2", existing.id));

    let taken: BTreeSet<String> = ["a".into(), "a-2".into(), "a-3".into()].into();
    assert_eq!(unique_id("a", &taken), "a-4");
    let long = "x".repeat(80);
    assert_eq!(unique_id(&long, &[long.clone()].into()).len(), 80);
}

/// The problems `add` gives for `text`, checking that the seeds did not change.
fn refused(text: &str) -> String {
    let dir = seeds();
    let before = snapshot(dir.path());
    let problems = add(dir.path(), text, &date()).expect_err("should be refused");
    assert_eq!(snapshot(dir.path()), before, "the seeds changed");
    problems.join("\n")
}

#[test]
fn a_suggestion_with_a_link_already_in_the_catalogue_is_refused_naming_it() {
    let catalogue = load_seeds(&real_seeds()).unwrap();
    let existing = catalogue
        .resources
        .iter()
        .find(|r| r.url.is_some())
        .unwrap();
    let url = existing.url.as_deref().unwrap();
    // Written differently: scheme and host in capitals, www., a trailing slash.
    let (scheme, rest) = url.split_once("://").unwrap();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.strip_prefix("www.").unwrap_or(host);
    let variant = format!(
        "{}://WWW.{}/{path}/",
        scheme.to_uppercase(),
        host.to_uppercase()
    );
    assert_eq!(link_key(&variant), link_key(url));

    let problems = refused(&suggestion("A title nobody has used", &variant).to_json("Site"));
    assert!(problems.contains("the same link"), "{problems}");
    assert!(
        problems.contains(&format!("\"{}\"", existing.id)),
        "{problems}"
    );
    assert!(problems.contains(&existing.title), "{problems}");
}

#[test]
fn a_suggestion_with_a_title_already_in_the_catalogue_is_refused_naming_it() {
    let catalogue = load_seeds(&real_seeds()).unwrap();
    let existing = catalogue
        .resources
        .iter()
        .find(|r| r.title.len() > 40)
        .unwrap();
    let shouted = format!("  {}!! ", existing.title.to_uppercase().replace(' ', "  "));
    assert_eq!(title_key(&shouted), title_key(&existing.title));
    let problems = refused(&suggestion(&shouted, LINK).to_json("Site"));
    assert!(problems.contains("the same title"), "{problems}");
    assert!(
        problems.contains(&format!("\"{}\"", existing.id)),
        "{problems}"
    );
    assert!(problems.contains(&existing.title), "{problems}");

    // One letter different in a long title is still the same resource.
    let mut typo: Vec<char> = existing.title.chars().collect();
    typo[10] = if typo[10] == 'q' { 'z' } else { 'q' };
    let typo: String = typo.into_iter().collect();
    let problems = refused(&suggestion(&typo, LINK).to_json("Site"));
    assert!(problems.contains("nearly identical title"), "{problems}");
    assert!(
        problems.contains(&format!("\"{}\"", existing.id)),
        "{problems}"
    );
}

#[test]
fn an_invalid_suggestion_is_refused_naming_the_field() {
    let mut record: Value =
        serde_json::from_str(&suggestion(TITLE, LINK).record().unwrap()).unwrap();
    record["type"] = json!("no-such-type");
    record["year"] = json!(1066);
    let problems = refused(&record.to_string());
    assert!(
        problems.contains(
            "the suggestion: field \"type\": \"no-such-type\" is not a known resource type"
        ),
        "{problems}"
    );
    assert!(problems.contains("field \"year\""), "{problems}");

    let mut record: Value =
        serde_json::from_str(&suggestion(TITLE, LINK).record().unwrap()).unwrap();
    record["summary"] = json!("  ");
    let problems = refused(&record.to_string());
    assert!(
        problems.contains("field \"summary\": must not be empty"),
        "{problems}"
    );
}

#[test]
fn what_is_not_a_suggestion_says_so() {
    for (text, expected) in [
        (
            "Dear editors, please add my book.",
            "Catalogue record (for seeds/resources/):",
        ),
        ("{ \"title\": ", "cannot be read"),
        ("[1, 2]", "must be an object"),
        (
            r#"{"schema_version": 1, "kind": "resource-feedback"}"#,
            "only a \"resource-suggestion\"",
        ),
        (
            r#"{"schema_version": 9, "kind": "resource-suggestion", "resource": {}}"#,
            "schema_version 9",
        ),
    ] {
        let problems = refused(text);
        assert!(problems.contains(expected), "{text}: {problems}");
    }
    let mail = suggestion(TITLE, LINK).mail_body(&any_language);
    let cut = &mail[..mail.find("\"summary\"").unwrap()];
    assert!(suggested_record(cut).unwrap_err().contains("cut short"));
}

#[test]
fn the_command_writes_the_file_and_asks_for_a_review() {
    let dir = seeds();
    let file = dir.path().join("suggestion.json");
    fs::write(&file, suggestion(TITLE, LINK).to_json("Site")).unwrap();
    let (file, seeds) = (file.to_str().unwrap(), dir.path().to_str().unwrap());

    let (code, _, stderr) = catalogue(&["add", file, "--seeds", seeds, "--date", "2027-02-30"]);
    assert_eq!(code, Some(2), "{stderr}");

    let (code, stdout, stderr) = catalogue(&["add", file, "--seeds", seeds, "--date", TODAY]);
    assert_eq!(code, Some(0), "{stderr}");
    let path = dir
        .path()
        .join("resources/peer-mentoring-for-commuter-students-a-zebra-striped-toolkit.json");
    assert!(stdout.contains(&path.display().to_string()), "{stdout}");
    assert!(stdout.contains("review"), "{stdout}");
    assert!(path.exists());

    // Again: now it is a duplicate of itself.
    let (code, _, stderr) = catalogue(&["add", file, "--seeds", seeds]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("likely duplicate"), "{stderr}");
}
