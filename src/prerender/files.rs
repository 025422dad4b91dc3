//! Writing the pages: each file whole or not at all, and pages of resources and terms no longer
//! in the catalogue removed.

use std::path::Path;

use catalogue::Facet;

use messages::Lang;

use crate::routes::{COLLECTIONS, RESOURCES, term_segment};

/// Writes a file whole or not at all: to a temporary file beside it, then renamed.
pub(super) fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".part");
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Removes pages (and collections' feeds) of resources, terms and collections no longer in the
/// catalogue, from the directories that hold only generated files. Returns how many were
/// removed.
/// In each language's folder too (`cy/…`), and the pages of a language no longer offered.
pub(super) fn remove_stale(dist: &Path, written: &[&str]) -> Result<usize, String> {
    let mut removed = 0;
    let generated = [
        RESOURCES,
        term_segment(Facet::Approach),
        term_segment(Facet::Type),
        term_segment(Facet::Standard),
        term_segment(Facet::Evidence),
        term_segment(Facet::Subject),
        COLLECTIONS,
    ];
    let mut dirs: Vec<String> = generated.iter().map(|d| (*d).to_owned()).collect();
    for lang in Lang::ALL {
        dirs.push(lang.code().to_owned());
        dirs.extend(generated.iter().map(|d| [lang.code(), d].join("/")));
    }
    for dir in &dirs {
        let Ok(entries) = std::fs::read_dir(dist.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
            let generated = name.ends_with(".html") || name.ends_with(".xml");
            if generated && !written.contains(&name.as_str()) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}
