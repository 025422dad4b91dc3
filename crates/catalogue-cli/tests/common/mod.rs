//! Helpers the CLI's test files share: the real seeds, copies of them, and problems as the
//! command prints them.

#![allow(dead_code)] // Each test file uses some of them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod readers;

use catalogue_cli::SeedError;
use tempfile::TempDir;

pub fn real_seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the real seeds, to change.
pub fn seeds() -> TempDir {
    let dir = TempDir::new().unwrap();
    copy_tree(&real_seeds(), dir.path());
    dir
}

/// Seed problems as printed, with the seeds folder written `SEEDS`.
pub fn printed(errors: &[SeedError], dir: &Path) -> Vec<String> {
    errors
        .iter()
        .map(|e| e.to_string().replace(&dir.display().to_string(), "SEEDS"))
        .collect()
}

/// Runs the `catalogue` command: its exit code, standard output and standard error.
pub fn catalogue(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_catalogue"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        output.status.code(),
        text(output.stdout),
        text(output.stderr),
    )
}

/// Every resource file's name and bytes, in name order.
pub fn resource_files(seeds: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(seeds.join("resources"))
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// A CSV's rows as a spreadsheet reader gives its cells (the header first; a byte-order mark
/// is skipped).
pub fn csv_rows(csv: &[u8]) -> Vec<Vec<String>> {
    let csv = csv.strip_prefix("\u{feff}".as_bytes()).unwrap_or(csv);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Words for a submission's email in a language no test reads (each word's own key): the
/// editor's command reads the record in an email whatever language its words are in.
pub fn any_language(word: contributions::Word, _: &[(&str, &str)]) -> String {
    word.key().to_owned()
}
