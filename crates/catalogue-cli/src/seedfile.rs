//! The seed files as files, for the commands that write them (`add`, `import`): the exact text
//! of a resource file, writing a file without ever leaving half of it, and checking a candidate
//! set of resources exactly as `catalogue check` would before anything in the seeds changes.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use catalogue::validate::FORMAT_VERSION;
use catalogue::{Catalogue, Resource, parse_json};
use serde_json::{Value, json};

use crate::{SeedError, load_seeds};

/// The text of `seeds/resources/<id>.json` for a resource, in the seed files' own format: JSON
/// indented by two spaces, the fields in the model's order (`et_al` only when true, a missing
/// `year` or `url` as `null`), and a final newline.
pub fn resource_text(resource: &Resource) -> String {
    let mut text =
        serde_json::to_string_pretty(resource).expect("a resource is plain text and numbers");
    text.push('\n');
    text
}

/// Whether [`write_atomic`] may replace a file that is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    Keep,
}

/// Writes `contents` to `path` all at once: to a hidden temporary file in the same folder, then
/// renamed over `path`, so a reader (or a crash) sees the old file or the new one, never part of
/// one. With [`Existing::Keep`] it fails rather than replace a file already there.
pub fn write_atomic(path: &Path, contents: &[u8], existing: Existing) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".catalogue-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A replaced file keeps its mode; a new one gets what `fs::write` would give it.
        let mode = fs::metadata(path).map_or(0o666, |m| m.permissions().mode());
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    match existing {
        Existing::Replace => file.persist(path).map(drop),
        Existing::Keep => file.persist_noclobber(path).map(drop),
    }
    .map_err(|e| e.error)
}

/// The catalogue document for a set of resource records, with the taxonomy and synonyms read
/// from the seeds folder as [`load_seeds`] reads them.
pub fn document(seeds: &Path, resources: Vec<Value>) -> Result<Value, Vec<SeedError>> {
    let mut errors = Vec::new();
    let taxonomy = read_json(&seeds.join("taxonomy.json"), &mut errors);
    let synonyms_path = seeds.join("synonyms.json");
    let synonyms = match synonyms_path.exists() {
        true => read_json(&synonyms_path, &mut errors),
        false => Some(json!([])),
    };
    match (taxonomy, synonyms) {
        (Some(taxonomy), Some(synonyms)) => Ok(json!({
            "format": FORMAT_VERSION, "taxonomy": taxonomy, "resources": resources, "synonyms": synonyms
        })),
        _ => Err(errors),
    }
}

fn read_json(path: &Path, errors: &mut Vec<SeedError>) -> Option<Value> {
    let problem = |message: String| SeedError {
        file: path.to_owned(),
        message,
    };
    match fs::read_to_string(path) {
        Ok(text) => parse_json(&text)
            .map_err(|e| errors.push(problem(e.to_string())))
            .ok(),
        Err(e) => {
            errors.push(problem(format!("cannot read the file: {e}")));
            None
        }
    }
}

/// Which resource files a candidate catalogue starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The resources already in the seeds, plus the new files (`add`).
    Existing,
    /// Only the new files (`import`, which replaces every resource).
    Empty,
}

/// Checks a candidate catalogue with [`load_seeds`] itself, so a change is held to every rule
/// `catalogue check` applies: a copy of the seeds folder is made in a temporary folder, the
/// `files` (name in `resources/`, text) are written into it, and the copy is loaded. Problems
/// name the files as they would be in `seeds`. The seeds folder itself is only read.
pub fn check_candidate(
    seeds: &Path,
    start: Start,
    files: &[(String, String)],
) -> Result<Catalogue, Vec<SeedError>> {
    check_candidate_in(seeds, start, "resources", files)
}

/// [`check_candidate`] with the `files` written into the seeds' `folder` (`comments` for a
/// comment) instead of `resources/`.
pub fn check_candidate_in(
    seeds: &Path,
    start: Start,
    folder: &str,
    files: &[(String, String)],
) -> Result<Catalogue, Vec<SeedError>> {
    let fail = |e: io::Error| {
        vec![SeedError {
            file: seeds.to_owned(),
            message: format!("cannot make a trial copy of the seeds: {e}"),
        }]
    };
    let stage = tempfile::tempdir().map_err(fail)?;
    copy_tree(seeds, stage.path(), start == Start::Existing).map_err(fail)?;
    let target = stage.path().join(folder);
    fs::create_dir_all(stage.path().join("resources")).map_err(fail)?;
    fs::create_dir_all(&target).map_err(fail)?;
    for (name, text) in files {
        fs::write(target.join(name), text).map_err(fail)?;
    }
    load_seeds(stage.path()).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| SeedError {
                file: match e.file.strip_prefix(stage.path()) {
                    Ok(inside) => seeds.join(inside),
                    Err(_) => e.file,
                },
                message: e.message,
            })
            .collect()
    })
}

/// Copies the seeds folder's files and folders (not hidden ones; `resources/` only when
/// `with_resources`).
fn copy_tree(from: &Path, to: &Path, with_resources: bool) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || (!with_resources && name == "resources") {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        if source.is_dir() {
            fs::create_dir(&target)?;
            copy_tree(&source, &target, true)?;
        } else {
            fs::copy(&source, &target)?;
        }
    }
    Ok(())
}

/// The resource files (`*.json`) in a resources folder, in name order; none when it is missing.
pub fn resource_files(resources: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(resources) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
