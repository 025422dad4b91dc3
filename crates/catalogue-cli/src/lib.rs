//! Reads the human-edited seed files (`seeds/taxonomy.json`, one file per resource in
//! `seeds/resources/`, one per collection in `seeds/collections/`, one per published comment in
//! `seeds/comments/`, and the search synonyms in `seeds/synonyms.json`) and assembles them into the single `catalogue.json` the app fetches.
//!
//! All file I/O for the catalogue lives here, so the `catalogue` crate stays free of it.

pub mod add;
pub mod comments;
pub mod links;
pub mod seedfile;
pub mod spreadsheet;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use catalogue::validate::FORMAT_VERSION;
use catalogue::{Catalogue, Location, Problem, parse_json, validate};
use serde_json::{Value, json};

/// The folder of published comments inside the seeds, one file per comment (`<id>.json`).
pub const COMMENTS_DIR: &str = "comments";

/// A problem tied to the seed file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedError {
    pub file: PathBuf,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

/// Reads and validates every seed file under `dir`, reporting all problems in all files.
pub fn load_seeds(dir: &Path) -> Result<Catalogue, Vec<SeedError>> {
    let mut errors = Vec::new();
    let taxonomy_path = dir.join("taxonomy.json");
    let taxonomy = read_json(&taxonomy_path, &mut errors);

    let (resources, origins) = read_folder(&dir.join("resources"), &mut errors);
    // Optional, like the synonyms.
    let collections_dir = dir.join("collections");
    let (collections, collection_origins) = match collections_dir.exists() {
        true => read_folder(&collections_dir, &mut errors),
        false => (Vec::new(), Vec::new()),
    };
    let comments_dir = dir.join(COMMENTS_DIR);
    let (comments, comment_origins) = match comments_dir.exists() {
        true => read_folder(&comments_dir, &mut errors),
        false => (Vec::new(), Vec::new()),
    };
    let Some(taxonomy) = taxonomy else {
        return Err(errors);
    };
    // Optional: a catalogue without synonyms searches without them.
    let synonyms_path = dir.join("synonyms.json");
    let synonyms = match synonyms_path.exists() {
        true => read_json(&synonyms_path, &mut errors).unwrap_or_default(),
        false => json!([]),
    };

    let document = json!({
        "format": FORMAT_VERSION, "taxonomy": taxonomy, "resources": resources, "synonyms": synonyms,
        "collections": collections, "comments": comments
    });
    match validate(&document) {
        Ok(catalogue) if errors.is_empty() => Ok(catalogue),
        Ok(_) => Err(errors),
        Err(problems) => {
            errors.extend(problems.into_iter().map(|p| {
                // The file already names the entry, so only the field and message remain.
                let in_file = |file: &PathBuf, p: Problem| SeedError {
                    file: file.clone(),
                    message: Problem {
                        location: Location::Document,
                        ..p
                    }
                    .to_string(),
                };
                match &p.location {
                    Location::Resource { index, .. } => in_file(&origins[*index], p),
                    Location::Collection { index, .. } => in_file(&collection_origins[*index], p),
                    Location::Comment { index, .. } => in_file(&comment_origins[*index], p),
                    Location::Synonyms { .. } => SeedError {
                        file: synonyms_path.clone(),
                        message: p.to_string(),
                    },
                    _ => SeedError {
                        file: taxonomy_path.clone(),
                        message: p.to_string(),
                    },
                }
            }));
            Err(errors)
        }
    }
}

/// Reads every `<id>.json` in a folder of records (resources or collections), in name order,
/// checking each file's name against its id; gives the records and the file each came from.
fn read_folder(folder: &Path, errors: &mut Vec<SeedError>) -> (Vec<Value>, Vec<PathBuf>) {
    let mut files: Vec<PathBuf> = match fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            errors.push(SeedError {
                file: folder.to_owned(),
                message: format!("cannot read the folder: {e}"),
            });
            Vec::new()
        }
    };
    files.sort();

    let mut resources = Vec::new();
    let mut origins = Vec::new();
    for file in files {
        let Some(resource) = read_json(&file, errors) else {
            continue;
        };
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let id = resource
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !id.is_empty() && stem != id {
            errors.push(SeedError {
                file: file.clone(),
                message: format!(
                    "field \"id\": \"{id}\" must match the file name (rename the file to {id}.json)"
                ),
            });
        }
        resources.push(resource);
        origins.push(file);
    }
    (resources, origins)
}

/// The catalogue as the app loads it: compact JSON in the catalogue's own format.
pub fn to_catalogue_json(catalogue: &Catalogue) -> String {
    let mut document = json!({
        "format": FORMAT_VERSION,
        "taxonomy": catalogue.taxonomy,
        "resources": catalogue.resources,
    });
    if !catalogue.synonyms.is_empty() {
        document["synonyms"] = json!(catalogue.synonyms);
    }
    if !catalogue.collections.is_empty() {
        document["collections"] = json!(catalogue.collections);
    }
    if !catalogue.comments.is_empty() {
        document["comments"] = json!(catalogue.comments);
    }
    document.to_string()
}

fn read_json(path: &Path, errors: &mut Vec<SeedError>) -> Option<Value> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            errors.push(SeedError {
                file: path.to_owned(),
                message: format!("cannot read the file: {e}"),
            });
            return None;
        }
    };
    parse_json(&text)
        .map_err(|e| {
            errors.push(SeedError {
                file: path.to_owned(),
                message: e.to_string(),
            })
        })
        .ok()
}
