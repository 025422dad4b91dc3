//! `catalogue comments`: publishing visitors' comments. `add` turns a comment from the app (the
//! webhook JSON, or the email, saved as text or as a message) into `seeds/comments/<id>.json`
//! once it is valid, on a resource of the catalogue, agreed to be published and not published
//! already; `remove` takes one down; `export` writes them all as a spreadsheet.
//!
//! One file per comment, named by its id: the day it was written and the start of its
//! submission's key (`2026-12-06-3f9a1c2b`), so adding or removing one never touches another.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use catalogue::comment::{COMMENT_FIELDS, Comment, clean_line, clean_text};
use catalogue::export::defuse_cell;
use catalogue::rules::is_slug;
use catalogue::{Date, parse_json};
use contributions::SCHEMA_VERSION;
use contributions::mailto::{COMMENT_HEADING, REFERENCE};
use serde_json::{Map, Value};

use crate::add::{json_after, unique_id};
use crate::seedfile::{self, Existing, Start};
use crate::{COMMENTS_DIR, load_seeds};

/// The kind of webhook payload a comment arrives as.
pub const KIND: &str = "resource-comment";

/// A comment written by [`add`].
#[derive(Debug, Clone)]
pub struct Added {
    pub path: PathBuf,
    pub comment: Comment,
}

/// What a submitted comment holds, whichever way it came.
struct Received {
    record: Map<String, Value>,
    key: String,
    /// The day it was written (`submitted_at`'s date), when known.
    written: Option<String>,
}

/// Publishes the comment in `text` as a new file in `seeds/comments/`, `published` on `date`.
///
/// Nothing is written unless the person agreed to publication, the submission is not already
/// published (same key), and the whole catalogue, new comment included, is valid; otherwise
/// every problem is returned, in words. Text is kept as the comment rules leave it: control
/// characters and text-direction controls taken out; markup stays text wherever it is shown.
pub fn add(seeds: &Path, text: &str, date: &Date) -> Result<Added, Vec<String>> {
    let received = received(text).map_err(|e| vec![e])?;
    if received.record.get("consent_to_publish") != Some(&Value::Bool(true)) {
        return Err(vec![
            "the comment does not say its author agreed to publication (\"consent_to_publish\": true); it cannot be published".into(),
        ]);
    }
    let dir = seeds.join(COMMENTS_DIR);
    let existing = existing(&dir).map_err(|e| vec![e])?;
    if let Some(same) = existing
        .iter()
        .find(|(_, key)| !key.is_empty() && *key == received.key)
    {
        return Err(vec![format!(
            "this submission is already published as comment \"{}\"",
            same.0
        )]);
    }
    let taken = existing.iter().map(|(id, _)| id.clone()).collect();
    let comment = comment(received, &taken, date)?;
    let id = comment.id.clone();
    let file_name = format!("{id}.json");
    let contents = comment_text(&comment);
    let new_file = dir.join(&file_name);
    let checked = seedfile::check_candidate_in(
        seeds,
        Start::Existing,
        COMMENTS_DIR,
        &[(file_name, contents.clone())],
    );
    if let Err(errors) = checked {
        return Err(errors
            .iter()
            .map(|e| match e.file == new_file {
                true => format!("the comment: {}", e.message),
                false => e.to_string(),
            })
            .collect());
    }
    fs::create_dir_all(&dir).map_err(|e| vec![format!("cannot make {}: {e}", dir.display())])?;
    seedfile::write_atomic(&new_file, contents.as_bytes(), Existing::Keep)
        .map_err(|e| vec![format!("cannot write {}: {e}", new_file.display())])?;
    Ok(Added {
        path: new_file,
        comment,
    })
}

/// The comment to publish: its texts as the comment rules leave them, and its id made from the
/// day it was written and the start of its key (`-2`… when `taken`).
fn comment(
    received: Received,
    taken: &BTreeSet<String>,
    date: &Date,
) -> Result<Comment, Vec<String>> {
    let field = |name: &str| {
        received
            .record
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let written = received
        .written
        .clone()
        .unwrap_or_else(|| date.as_str().to_owned());
    let stem: String = received
        .key
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let base = format!("{written}-{}", stem.to_ascii_lowercase());
    let base = if is_slug(&base) {
        base
    } else {
        written.clone()
    };
    Ok(Comment {
        id: unique_id(&base, taken),
        resource: field("resource_id"),
        name: clean_line(&field("name")),
        role: clean_line(&field("role")),
        institution: clean_line(&field("institution")),
        written: Date::parse(&written)
            .ok_or_else(|| vec![format!("\"{written}\" is not a date")])?,
        published: date.clone(),
        text: clean_text(&field("text")),
        key: received.key,
    })
}

/// Takes the comment `id` down: removes its file. Gives the path removed.
pub fn remove(seeds: &Path, id: &str) -> Result<PathBuf, String> {
    let path = seeds.join(COMMENTS_DIR).join(format!("{id}.json"));
    if !is_slug(id) || !path.is_file() {
        return Err(format!(
            "there is no comment \"{id}\" (its file would be {})",
            path.display()
        ));
    }
    fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    Ok(path)
}

/// Every published comment as a CSV spreadsheet (UTF-8 with BOM, CRLF), newest first, with the
/// resource's title; every cell a spreadsheet would run as a formula defused.
pub fn to_csv(seeds: &Path) -> Result<Vec<u8>, Vec<String>> {
    let catalogue =
        load_seeds(seeds).map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let header = [
        "id",
        "resource",
        "resource title",
        "name",
        "role",
        "institution",
        "written",
        "published",
        "text",
    ];
    let mut write = |cells: &[&str]| {
        out.write_record(cells.iter().map(|c| defuse_cell(c).into_owned()))
            .map_err(|e| vec![e.to_string()])
    };
    write(&header)?;
    for c in catalogue::comment::newest_first(&catalogue.comments) {
        let title = catalogue
            .resource(&c.resource)
            .map_or("", |r| r.title.as_str());
        write(&[
            &c.id,
            &c.resource,
            title,
            &c.name,
            &c.role,
            &c.institution,
            c.written.as_str(),
            c.published.as_str(),
            &c.text,
        ])?;
    }
    out.into_inner().map_err(|e| vec![e.to_string()])
}

/// The text of a comment's seed file: its fields in [`COMMENT_FIELDS`] order (the optional ones
/// only when given), indented by two spaces, with a final newline.
pub fn comment_text(c: &Comment) -> String {
    let mut object = Map::new();
    for field in COMMENT_FIELDS {
        let value = match field {
            "id" => &c.id,
            "resource" => &c.resource,
            "name" => &c.name,
            "role" => &c.role,
            "institution" => &c.institution,
            "written" => c.written.as_str(),
            "published" => c.published.as_str(),
            "text" => &c.text,
            _ => &c.key,
        };
        if !value.is_empty() {
            object.insert(field.to_owned(), Value::String(value.to_owned()));
        }
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default();
    text.push('\n');
    text
}

/// The comments already published: (id, key) from each file, read as written.
fn existing(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let files =
        seedfile::resource_files(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    Ok(files
        .iter()
        .map(|file| {
            let record = fs::read_to_string(file)
                .ok()
                .and_then(|text| parse_json(&text).ok())
                .unwrap_or(Value::Null);
            let id = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            (id, record["key"].as_str().unwrap_or_default().to_owned())
        })
        .collect())
}

/// The comment in a webhook payload or an email (text or message).
fn received(text: &str) -> Result<Received, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match parse_json(text) {
        Ok(Value::Object(payload)) => from_payload(payload),
        Ok(_) => {
            Err("the JSON must be a webhook payload { … } of kind \"resource-comment\"".into())
        }
        Err(e) if text.trim_start().starts_with('{') => {
            Err(format!("the file looks like JSON but cannot be read: {e}"))
        }
        Err(_) => {
            let record = json_after(text, COMMENT_HEADING)?;
            let (key, written) = reference(text);
            Ok(Received {
                record,
                key,
                written,
            })
        }
    }
}

fn from_payload(mut payload: Map<String, Value>) -> Result<Received, String> {
    match payload.get("kind").and_then(Value::as_str) {
        Some(KIND) => {}
        Some(other) => {
            return Err(format!(
                "this webhook payload is of kind \"{other}\"; only a \"{KIND}\" is a comment"
            ));
        }
        None => {
            return Err(format!(
                "the JSON has no \"kind\"; a comment's is \"{KIND}\""
            ));
        }
    }
    match payload.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v <= u64::from(SCHEMA_VERSION) => {}
        _ => {
            return Err(format!(
                "webhook payload schema_version is not one this tool reads (it reads {SCHEMA_VERSION})"
            ));
        }
    }
    let text = |payload: &Map<String, Value>, name: &str| {
        payload
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let key = text(&payload, "idempotency_key");
    let written = text(&payload, "submitted_at").get(..10).map(str::to_owned);
    match payload.remove("comment") {
        Some(Value::Object(record)) => Ok(Received {
            record,
            key,
            written,
        }),
        _ => Err("the webhook payload has no \"comment\" object".into()),
    }
}

/// The key and day written from an email's last line, "Reference: <key> (<time>)".
fn reference(text: &str) -> (String, Option<String>) {
    let Some(at) = text.rfind(REFERENCE.trim()) else {
        return (String::new(), None);
    };
    let line = text[at + REFERENCE.trim().len()..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim();
    let (key, time) = line.split_once(' ').unwrap_or((line, ""));
    let day = time.trim_start_matches('(').get(..10).map(str::to_owned);
    (
        key.trim().to_owned(),
        day.filter(|d| Date::parse(d).is_some()),
    )
}
