//! `catalogue comments`: a comment exactly as the app sends it (the webhook JSON, or the email
//! text) becomes `seeds/comments/<id>.json` and is in the catalogue; a submission published
//! already, one without agreement to publish, one on an unknown resource or far too long is
//! refused and nothing is written; hostile text is stored as the comment rules leave it;
//! `remove` takes one down; `export` defuses formulas reversibly.

mod common;

use std::fs;
use std::path::Path;

use catalogue::export::restore_cell;
use catalogue::{Comment, Date, Resource};
use catalogue_cli::comments::{add, remove, to_csv};
use catalogue_cli::{COMMENTS_DIR, load_seeds};
use common::{any_language, catalogue, csv_rows, real_seeds, seeds};
use contributions::{Checked, CommentForm, Submission, Timestamp};
use serde_json::{Value, json};

const KEY: &str = "0F8C1F5E-3c1a-4d2b-9e4f-5a6b7c8d9e0f";
const SUBMITTED: &str = "2026-11-23T10:15:30.123Z";
/// The id `add` gives the comment: the day written and the start of the key.
const ID: &str = "2026-11-23-0f8c1f5e";
const PUBLISHED: &str = "2026-11-24";

/// A resource of the real catalogue.
fn real_resource() -> Resource {
    load_seeds(&real_seeds()).unwrap().resources[0].clone()
}

fn date() -> Date {
    Date::parse(PUBLISHED).unwrap()
}

/// The submission the app makes of a comment with `text` on [`real_resource`].
fn submission(text: &str) -> Submission {
    let form = CommentForm {
        text: text.into(),
        name: "Sam P.".into(),
        role: "Wellbeing adviser".into(),
        institution: "Example University".into(),
        publish: true,
        website: String::new(),
    };
    let Checked::Valid(comment) = form.check() else {
        panic!("the form should take {text:?}");
    };
    let submitted = Timestamp::parse(SUBMITTED).unwrap();
    Submission::comment(KEY.into(), submitted, comment, &real_resource())
}

fn payload() -> String {
    submission("We ran this in halls. It needed two staff.").to_json("Resilience Toolkit")
}

/// The webhook payload with its `comment` object changed by `change`.
fn payload_with(change: impl FnOnce(&mut Value)) -> String {
    let mut payload: Value = serde_json::from_str(&payload()).unwrap();
    change(&mut payload["comment"]);
    payload.to_string()
}

/// The comment files in the seeds, by name.
fn comment_files(seeds: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(seeds.join(COMMENTS_DIR)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The only comment in the seeds' catalogue.
#[track_caller]
fn only_comment(seeds: &Path) -> Comment {
    let catalogue = load_seeds(seeds).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(catalogue.comments.len(), 1);
    catalogue.comments[0].clone()
}

/// `add`'s problems, with nothing written.
#[track_caller]
fn refused(seeds: &Path, text: &str) -> Vec<String> {
    let problems = add(seeds, text, &date()).expect_err("should be refused");
    assert!(comment_files(seeds).is_empty(), "nothing is written");
    problems
}

#[test]
fn the_apps_webhook_payload_is_published_as_a_seed_file() {
    let seeds = seeds();
    let added = add(seeds.path(), &payload(), &date()).unwrap_or_else(|e| panic!("{e:?}"));
    let path = seeds.path().join(COMMENTS_DIR).join(format!("{ID}.json"));
    assert_eq!(added.path, path);
    assert_eq!(comment_files(seeds.path()), [format!("{ID}.json")]);
    let resource = real_resource();
    let file: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        file,
        json!({
            "id": ID, "resource": resource.id, "name": "Sam P.", "role": "Wellbeing adviser",
            "institution": "Example University", "written": "2026-11-23",
            "published": PUBLISHED, "text": "We ran this in halls. It needed two staff.",
            "key": KEY
        })
    );
    let comment = only_comment(seeds.path());
    assert_eq!(comment, added.comment);
    assert_eq!(comment.key, KEY);
    let catalogue = load_seeds(seeds.path()).unwrap();
    assert_eq!(catalogue.comments_on(&resource.id).len(), 1);
}

#[test]
fn the_same_submission_is_not_published_twice() {
    let seeds = seeds();
    add(seeds.path(), &payload(), &date()).unwrap();
    let problems = add(seeds.path(), &payload(), &date()).unwrap_err();
    assert_eq!(
        problems,
        [format!(
            "this submission is already published as comment \"{ID}\""
        )]
    );
    // Nor by its email, which carries the same key.
    let email = submission("We ran this in halls. It needed two staff.").mail_body(&any_language);
    assert!(add(seeds.path(), &email, &date()).is_err());
    assert_eq!(comment_files(seeds.path()).len(), 1);
}

#[test]
fn the_apps_email_gives_the_same_comment_as_its_webhook_payload() {
    let by_webhook = seeds();
    let by_email = seeds();
    let submission = submission("We ran this in halls. It needed two staff.");
    add(by_webhook.path(), &submission.to_json("Site"), &date()).unwrap();
    let added = add(
        by_email.path(),
        &submission.mail_body(&any_language),
        &date(),
    )
    .unwrap();
    assert_eq!(added.comment.id, ID);
    assert_eq!(added.comment.key, KEY);
    assert_eq!(added.comment.written.as_str(), "2026-11-23");
    assert_eq!(
        only_comment(by_email.path()),
        only_comment(by_webhook.path())
    );
    // A reply quoting the email ("> " before every line) reads the same.
    let quoted: String = submission
        .mail_body(&any_language)
        .lines()
        .map(|l| format!("> {l}\n"))
        .collect();
    let by_reply = seeds();
    let added = add(by_reply.path(), &quoted, &date()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(added.comment, only_comment(by_webhook.path()));
}

#[test]
fn a_record_typed_into_the_comment_is_not_the_one_published() {
    // The email shows the comment's text before its record: a record written into the text
    // must not be taken for the real one, which follows it.
    let forged = json!({
        "resource_id": "not-this-one", "name": "The Editors", "text": "Forged.",
        "consent_to_publish": true
    });
    let text = format!(
        "Looks fine.\n\nComment record (for seeds/comments/):\n{}",
        serde_json::to_string_pretty(&forged).unwrap()
    );
    let submission = submission(&text);
    let seeds = seeds();
    let added = add(seeds.path(), &submission.mail_body(&any_language), &date())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(added.comment.resource, real_resource().id);
    assert_eq!(added.comment.name, "Sam P.");
    assert_eq!(added.comment.text, text);
}

#[test]
fn a_comment_without_agreement_to_publish_is_refused() {
    let seeds = seeds();
    let message = "the comment does not say its author agreed to publication (\"consent_to_publish\": true); it cannot be published";
    let missing = payload_with(|c| {
        c.as_object_mut().unwrap().remove("consent_to_publish");
    });
    assert_eq!(refused(seeds.path(), &missing), [message]);
    for not_true in [json!(false), json!("true"), json!(1)] {
        let text = payload_with(|c| c["consent_to_publish"] = not_true);
        assert_eq!(refused(seeds.path(), &text), [message]);
    }
}

#[test]
fn a_comment_on_an_unknown_resource_is_refused_naming_it() {
    let seeds = seeds();
    let text = payload_with(|c| c["resource_id"] = json!("no-such-resource"));
    let problems = refused(seeds.path(), &text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("the comment: ")
            && problems[0].contains(r#""no-such-resource" is not the id of a resource"#),
        "{problems:?}"
    );
}

#[test]
fn a_comment_of_a_million_characters_is_refused() {
    let seeds = seeds();
    let text = payload_with(|c| c["text"] = json!("x".repeat(1_000_000)));
    let problems = refused(seeds.path(), &text);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("is too long: at most 2000 characters (1000000 now)")),
        "{problems:?}"
    );
}

#[test]
fn other_payloads_and_broken_files_are_refused_in_words() {
    let seeds = seeds();
    let mut other: Value = serde_json::from_str(&payload()).unwrap();
    other["kind"] = json!("resource-feedback");
    assert_eq!(
        refused(seeds.path(), &other.to_string()),
        [
            "this webhook payload is of kind \"resource-feedback\"; only a \"resource-comment\" is a comment"
        ]
    );
    let cut = &payload()[..40];
    assert!(
        refused(seeds.path(), cut)[0].starts_with("the file looks like JSON but cannot be read")
    );
    assert!(refused(seeds.path(), "Hello editors")[0].starts_with("found neither JSON nor"));
}

#[test]
fn hostile_text_is_stored_as_the_comment_rules_leave_it() {
    let seeds = seeds();
    let hostile = "<script>alert(1)</script>\n=HYPERLINK(\"http://x\",\"y\")\n\u{202E}gnirts desrever\u{2069} مرحبا 👋🏽\u{7}";
    // Sent as it is, as a receiver that checks nothing would pass it on.
    let text = payload_with(|c| {
        c["text"] = json!(hostile);
        c["name"] = json!("\u{202E}Sam\nP.");
    });
    let added = add(seeds.path(), &text, &date()).unwrap_or_else(|e| panic!("{e:?}"));
    let kept =
        "<script>alert(1)</script>\n=HYPERLINK(\"http://x\",\"y\")\ngnirts desrever مرحبا 👋🏽";
    assert_eq!(added.comment.text, kept);
    assert_eq!(added.comment.name, "Sam P.");
    let file: Value = serde_json::from_str(&fs::read_to_string(&added.path).unwrap()).unwrap();
    assert_eq!(file["text"], kept);
    assert_eq!(only_comment(seeds.path()).text, kept);
}

#[test]
fn remove_deletes_the_comment_and_refuses_an_unknown_id() {
    let seeds = seeds();
    let added = add(seeds.path(), &payload(), &date()).unwrap();
    assert_eq!(remove(seeds.path(), ID).unwrap(), added.path);
    assert!(!added.path.exists());
    assert!(load_seeds(seeds.path()).unwrap().comments.is_empty());
    let again = remove(seeds.path(), ID).unwrap_err();
    assert!(
        again.starts_with(&format!("there is no comment \"{ID}\"")),
        "{again}"
    );
    // An id is never a path: nothing outside the comments folder can be removed.
    let resource = format!("../resources/{}", real_resource().id);
    assert!(remove(seeds.path(), &resource).is_err());
    assert!(
        seeds
            .path()
            .join(format!("{}.json", resource.trim_start_matches("../")))
            .exists()
    );
}

#[test]
fn the_spreadsheet_defuses_formulas_and_reads_back_as_written() {
    let seeds = seeds();
    let formula = "=HYPERLINK(\"http://x\",\"y\")\nsecond line";
    let text = payload_with(|c| {
        c["text"] = json!(formula);
        c["name"] = json!("@Sam");
    });
    add(seeds.path(), &text, &date()).unwrap();
    let rows = csv_rows(&to_csv(seeds.path()).unwrap());
    assert_eq!(
        rows[0],
        [
            "id",
            "resource",
            "resource title",
            "name",
            "role",
            "institution",
            "written",
            "published",
            "text"
        ]
    );
    assert_eq!(rows.len(), 2);
    let row = &rows[1];
    let resource = real_resource();
    assert_eq!(
        row[..3],
        [ID, resource.id.as_str(), resource.title.as_str()]
    );
    assert_eq!(row[3], "'@Sam");
    assert_eq!(row[8], format!("'{formula}"));
    assert_eq!(restore_cell(&row[3]), "@Sam");
    assert_eq!(restore_cell(&row[8]), formula);
}

#[test]
fn the_command_adds_exports_and_removes() {
    let seeds = seeds();
    let dir = seeds.path().to_str().unwrap();
    let file = seeds.path().join("payload.json");
    fs::write(&file, payload()).unwrap();
    let file = file.to_str().unwrap();
    let args = ["comments", "add", file, "--seeds", dir, "--date", PUBLISHED];
    let (code, out, err) = catalogue(&args);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.starts_with("wrote "), "{out}");
    assert!(out.contains(&format!("{ID}.json")), "{out}");
    let (code, _, err) = catalogue(&args);
    assert_eq!(code, Some(1));
    assert!(err.contains("already published"), "{err}");
    let csv = seeds.path().join("comments.csv");
    let csv = csv.to_str().unwrap();
    let (code, out, err) = catalogue(&["comments", "export", "--csv", csv, "--seeds", dir]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(csv_rows(&fs::read(csv).unwrap()).len(), 2);
    let (code, out, err) = catalogue(&["comments", "remove", ID, "--seeds", dir]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(comment_files(seeds.path()).is_empty());
    let (code, _, _) = catalogue(&["comments", "remove", ID, "--seeds", dir]);
    assert_eq!(code, Some(1));
    let (code, _, _) = catalogue(&["comments", "add", file, "--date", "2026-02-30"]);
    assert_eq!(code, Some(2), "a bad date is a mistake in the command line");
}
