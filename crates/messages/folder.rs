//! Reads a language's catalogue from its folder, `messages/<code>/` (every `.json` and `.html`
//! file, in name order): the one place the files are read, shared with `#[path]` by the app's
//! build script and the tests that look messages up by key. (The `messages` crate itself does
//! no I/O.)

use std::path::Path;

use messages::{Lang, Messages};

/// `lang`'s catalogue from `root/<code>/`, or every problem found (a file that cannot be read
/// is one).
pub fn read_catalogue(root: &Path, lang: Lang) -> Result<Messages, Vec<String>> {
    let dir = root.join(lang.code());
    let entries =
        std::fs::read_dir(&dir).map_err(|e| vec![format!("cannot read {}: {e}", dir.display())])?;
    let mut files: Vec<_> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json" || e == "html"))
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| vec![format!("cannot read {}: {e}", path.display())])?;
        texts.push((path.display().to_string(), text));
    }
    Messages::from_parts(lang, texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))
}
