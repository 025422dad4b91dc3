//! `catalogue add`: turns a suggestion from the app into a new seed file,
//! `seeds/resources/<id>.json`, once it is valid and not already in the catalogue.
//!
//! A suggestion arrives as one of:
//! - the JSON the app posts to a webhook (`kind` `resource-suggestion`; the proposed record is
//!   its `resource`);
//! - the email the app opens, saved as text or as a whole message (`.eml`, decoded here): the
//!   record is the JSON object after the heading "Catalogue record (for seeds/resources/):"
//!   (quoted with `> ` in a reply is fine);
//! - the record's JSON on its own.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use catalogue::evidence::{UNCLEAR, UNCLEAR_STANDARD};
use catalogue::rules::{SLUG_MAX, is_slug, slug};
use catalogue::text::fold;
use catalogue::{Date, Resource, parse_json};
use contributions::SCHEMA_VERSION;
use contributions::mailto::RECORD_HEADING;
use serde_json::{Map, Value};

use crate::seedfile::{self, Existing, Start};

/// Titles at least this alike (normalised Levenshtein similarity, once folded) are taken to name
/// the same resource.
pub const TITLE_SIMILARITY: f64 = 0.9;

/// A resource written by [`add`].
#[derive(Debug, Clone)]
pub struct Added {
    pub path: PathBuf,
    pub resource: Resource,
}

/// Adds the suggestion in `text` to the seeds as a new resource file, `added` on `date`.
///
/// Nothing is written unless the whole catalogue, new resource included, is valid and the
/// suggestion is not a likely duplicate; otherwise every problem is returned, in words.
pub fn add(seeds: &Path, text: &str, date: &Date) -> Result<Added, Vec<String>> {
    let mut record = suggested_record(text).map_err(|e| vec![e])?;
    let resources_dir = seeds.join("resources");
    let existing = existing_resources(&resources_dir).map_err(|e| vec![e])?;
    let taken: BTreeSet<String> = existing.iter().map(|e| e.id.clone()).collect();
    let id = unique_id(&base_id(&record)?, &taken);
    record.insert("id".into(), Value::String(id.clone()));
    record.insert("added".into(), Value::String(date.as_str().to_owned()));
    unclassified(&mut record);
    if record
        .get("url")
        .is_some_and(|u| u.is_null() || u.as_str().is_some_and(|u| u.trim().is_empty()))
    {
        record.remove("url");
    }

    let mut problems: Vec<String> = duplicates(&record, &existing)
        .iter()
        .map(Duplicate::to_string)
        .collect();
    let file_name = format!("{id}.json");
    let text = serde_json::to_string_pretty(&record).unwrap_or_default();
    let checked = seedfile::check_candidate(seeds, Start::Existing, &[(file_name.clone(), text)]);
    let new_file = resources_dir.join(&file_name);
    let catalogue = match checked {
        Ok(catalogue) => Some(catalogue),
        Err(errors) => {
            problems.extend(errors.iter().map(|e| match e.file == new_file {
                true => format!("the suggestion: {}", e.message),
                false => e.to_string(),
            }));
            None
        }
    };
    let resource = catalogue.and_then(|c| c.resource(&id).cloned());
    let Some(resource) = resource.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let contents = seedfile::resource_text(&resource);
    seedfile::write_atomic(&new_file, contents.as_bytes(), Existing::Keep)
        .map_err(|e| vec![format!("cannot write {}: {e}", new_file.display())])?;
    Ok(Added {
        path: new_file,
        resource,
    })
}

/// What a suggestion that does not say what kind of evidence it is gets: the kind of evidence
/// [`UNCLEAR`] at its usual standard, with a basis that says nobody has looked yet, so that the
/// record is valid and says nothing untrue until an editor has read the source.
pub const UNCLASSIFIED_BASIS: &str = "Not yet classified: the person who suggested it was not sure, and no editor has read the source yet.";

fn unclassified(record: &mut Map<String, Value>) {
    let missing = |record: &Map<String, Value>, key: &str| {
        record
            .get(key)
            .and_then(Value::as_str)
            .is_none_or(|text| text.trim().is_empty())
    };
    if missing(record, "evidence") && missing(record, "standard") {
        record.insert("evidence".into(), UNCLEAR.into());
        record.insert("standard".into(), UNCLEAR_STANDARD.into());
        if missing(record, "evidence_basis") {
            record.insert("evidence_basis".into(), UNCLASSIFIED_BASIS.into());
        }
    }
}

/// Today's date in UTC, for `added`.
pub fn today() -> Date {
    let day = time::OffsetDateTime::now_utc().date();
    let text = format!(
        "{:04}-{:02}-{:02}",
        day.year(),
        u8::from(day.month()),
        day.day()
    );
    Date::parse(&text).expect("the clock gives a real date")
}

/// The proposed record in a suggestion: a webhook payload, a saved email, or a bare record.
pub fn suggested_record(text: &str) -> Result<Map<String, Value>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = match parse_json(text) {
        Ok(value) => value,
        Err(e) if text.trim_start().starts_with('{') => {
            return Err(format!("the file looks like JSON but cannot be read: {e}"));
        }
        Err(_) => return json_after(text, RECORD_HEADING),
    };
    let Value::Object(mut object) = value else {
        return Err("the JSON must be an object { … }: a webhook payload or a record".into());
    };
    let Some(kind) = object.get("kind") else {
        return Ok(object); // A record on its own.
    };
    if kind != "resource-suggestion" {
        return Err(format!(
            "this webhook payload is of kind {kind}; only a \"resource-suggestion\" can be added"
        ));
    }
    match object.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v <= u64::from(SCHEMA_VERSION) => {}
        other => {
            return Err(format!(
                "webhook payload schema_version {} is not one this tool reads (it reads {SCHEMA_VERSION})",
                other.map_or("(missing)".into(), |v| v.to_string())
            ));
        }
    }
    match object.remove("resource") {
        Some(Value::Object(record)) => Ok(record),
        _ => Err("the webhook payload has no \"resource\" object".into()),
    }
}

/// The record in a saved email (as text, or a whole message): the JSON object after `heading`
/// ([`RECORD_HEADING`] for a suggestion), up to its matching closing brace.
pub fn json_after(text: &str, heading: &str) -> Result<Map<String, Value>, String> {
    record_from_mail(text, heading).or_else(|e| record_from_message(text, heading).ok_or(e))
}

fn record_from_mail(text: &str, heading: &str) -> Result<Map<String, Value>, String> {
    let text = text.replace("\r\n", "\n");
    let heading = heading.trim();
    let Some(at) = heading_at(&text, heading) else {
        return Err(format!(
            "found neither JSON nor the heading \"{heading}\" of an email from the toolkit"
        ));
    };
    // In a quoted reply every line starts as the heading's line does ("> ").
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let quote = text[line_start..at].to_owned();
    let after: String = text[at + heading.len()..]
        .lines()
        .map(|line| line.strip_prefix(quote.as_str()).unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    let open = after
        .find('{')
        .ok_or_else(|| format!("no record {{ … }} follows \"{heading}\""))?;
    let json = object_text(&after[open..])
        .ok_or_else(|| format!("the record after \"{heading}\" is cut short (no closing }})"))?;
    match parse_json(json) {
        Ok(Value::Object(record)) => Ok(record),
        Ok(_) => Err("the record in the email is not a JSON object".into()),
        Err(e) => Err(format!("the record in the email cannot be read: {e}")),
    }
}

/// Where the record's heading is: the last place `heading` ends a line. Text the visitor typed
/// (a summary, a comment) comes before the record and may hold the heading's words too; the
/// record is JSON, whose strings cannot hold a line break, so the heading never ends a line in it.
/// (Failing that, the first place it is at all.)
fn heading_at(text: &str, heading: &str) -> Option<usize> {
    let ends_line = |at: usize| {
        let rest = &text[at + heading.len()..];
        rest.split('\n')
            .next()
            .unwrap_or_default()
            .trim()
            .is_empty()
    };
    text.rmatch_indices(heading)
        .map(|(at, _)| at)
        .find(|&at| ends_line(at))
        .or_else(|| text.find(heading))
}

/// The record in an email saved whole, as a message file (`.eml`): its text parts decoded
/// (quoted-printable, base64), each searched as [`record_from_mail`] searches plain text.
fn record_from_message(text: &str, heading: &str) -> Option<Map<String, Value>> {
    let message = mail_parser::MessageParser::default().parse(text.as_bytes())?;
    (0..message.text_body.len())
        .filter_map(|part| message.body_text(part))
        .find_map(|body| record_from_mail(&body, heading).ok())
}

/// The JSON object at the start of `text`, up to its matching closing brace (braces inside
/// strings do not count).
fn object_text(text: &str) -> Option<&str> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[..=i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The id to start from: the record's own, when it is a valid id, or one made from the title.
fn base_id(record: &Map<String, Value>) -> Result<String, Vec<String>> {
    let text = |field: &str| record.get(field).and_then(Value::as_str).map(str::trim);
    let id = match text("id") {
        Some(id) if is_slug(id) => id.to_owned(),
        _ => slug(text("title").unwrap_or_default()),
    };
    match id.is_empty() {
        true => Err(vec![
            "the suggestion: field \"title\": must not be empty (the id is made from it)".into(),
        ]),
        false => Ok(id),
    }
}

/// `id`, or `id-2`, `id-3`… — the first not taken, kept within the longest id allowed.
pub fn unique_id(id: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_owned();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let stem = id.get(..SLUG_MAX - suffix.len()).unwrap_or(id);
            format!("{}{suffix}", stem.trim_end_matches('-'))
        })
        .find(|candidate| !taken.contains(candidate))
        .expect("some number is free")
}

/// What a duplicate check needs of a resource already in the seeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// The resources in a resources folder, read as written (so a duplicate is caught even while
/// another file is broken). The id is the file's name, which `check` requires it to match.
pub fn existing_resources(resources: &Path) -> Result<Vec<Known>, String> {
    let files = seedfile::resource_files(resources)
        .map_err(|e| format!("cannot read {}: {e}", resources.display()))?;
    let mut known = Vec::new();
    for file in files {
        let record = fs::read_to_string(&file)
            .ok()
            .and_then(|text| parse_json(&text).ok())
            .unwrap_or(Value::Null);
        let text = |field: &str| record[field].as_str().unwrap_or_default().trim().to_owned();
        known.push(Known {
            id: file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            title: text("title"),
            url: text("url"),
        });
    }
    Ok(known)
}

/// Why a suggestion looks like a resource the catalogue already has.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    pub id: String,
    pub title: String,
    /// `None` when the links match; the titles' similarity (1.0 when equal once folded).
    pub title_similarity: Option<f64>,
}

impl std::fmt::Display for Duplicate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = match self.title_similarity {
            None => "the same link".to_owned(),
            Some(s) if s >= 1.0 => "the same title".to_owned(),
            Some(s) => format!("a nearly identical title ({:.0}% alike)", s * 100.0),
        };
        write!(
            f,
            "likely duplicate: {why} as \"{}\" (\"{}\"); if it really is a different resource, add it by hand",
            self.id, self.title
        )
    }
}

/// The known resources the record probably duplicates: the same link once normalised, or a
/// title equal or nearly so once folded.
pub fn duplicates(record: &Map<String, Value>, known: &[Known]) -> Vec<Duplicate> {
    let text = |field: &str| {
        record
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
    };
    let link = link_key(text("url"));
    let title = title_key(text("title"));
    known
        .iter()
        .filter_map(|k| {
            let same_link = link.is_some() && link == link_key(&k.url);
            let similarity = titles_alike(&title, &title_key(&k.title));
            (same_link || similarity.is_some()).then(|| Duplicate {
                id: k.id.clone(),
                title: k.title.clone(),
                title_similarity: if same_link { None } else { similarity },
            })
        })
        .collect()
}

/// A link in a form that compares equal however it was written: no scheme (http and https
/// alike), host in lowercase without `www.`, no default port, no trailing slash, no fragment.
pub fn link_key(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let Ok(url) = url::Url::parse(link) else {
        return Some(link.trim_end_matches('/').to_lowercase());
    };
    let host = url.host_str().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    Some(format!(
        "{host}{port}{}{query}",
        url.path().trim_end_matches('/')
    ))
}

/// A title folded for comparison: lowercase, accents and punctuation gone, single spaces.
pub fn title_key(title: &str) -> String {
    fold(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How alike two folded titles are, when alike enough to be the same resource.
pub fn titles_alike(a: &str, b: &str) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let similarity = strsim::normalized_levenshtein(a, b);
    (similarity >= TITLE_SIMILARITY).then_some(similarity)
}
