//! Public text never becomes a formula in an editor's spreadsheet (OWASP's CSV injection):
//! `catalogue export --csv` writes every cell a spreadsheet would run as a formula with a `'` in
//! front, and `catalogue import` takes it off again, so hostile text goes to a spreadsheet and
//! back into the seed files byte for byte.

mod common;

use std::fs;
use std::path::Path;

use catalogue::Catalogue;
use catalogue_cli::load_seeds;
use catalogue_cli::seedfile::resource_text;
use catalogue_cli::spreadsheet::{COLUMNS, read_csv, to_csv};
use common::{catalogue, csv_rows, resource_files, seeds};

/// What a spreadsheet runs as a formula at the start of a cell, listed here apart from the
/// rule's own list: OWASP's, and the full-width forms.
const TRIGGERS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

const HYPERLINK: &str = "=HYPERLINK(\"http://example.com\",\"Click\")";

/// The hostile text given to the seeds: the resource (by position), the column, the text.
const HOSTILE: [(usize, &str, &str); 8] = [
    (0, "title", HYPERLINK),
    (
        1,
        "summary",
        "+1 for resilience: a summary that starts with a plus.",
    ),
    (
        2,
        "summary",
        "-2 points: a summary that starts with a minus.",
    ),
    (3, "summary", "@SUM(1+1)*cmd|' /C calc'!A0"),
    (
        4,
        "summary",
        "\u{FF1D}1+1, written with a full-width equals sign.",
    ),
    (
        5,
        "title",
        "'Quoted' first: a title that starts with an apostrophe",
    ),
    (6, "publisher", "+Plus Publishing"),
    (7, "authors", "@Handle; B Roe"),
];

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

fn load(seeds: &Path) -> Catalogue {
    load_seeds(seeds).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// A copy of the real seeds with the [`HOSTILE`] text written into its seed files.
fn hostile_seeds() -> tempfile::TempDir {
    let dir = seeds();
    let mut catalogue = load(dir.path());
    for (index, field, text) in HOSTILE {
        let r = &mut catalogue.resources[index];
        match field {
            "title" => r.title = text.to_owned(),
            "summary" => r.summary = text.to_owned(),
            "publisher" => r.publisher = text.to_owned(),
            "authors" => r.authors = text.split("; ").map(str::to_owned).collect(),
            _ => unreachable!("{field}"),
        }
        let file = dir.path().join(format!("resources/{}.json", r.id));
        fs::write(file, resource_text(r)).unwrap();
    }
    // The seeds hold the text exactly: nothing trimmed or rewritten on loading.
    let loaded = load(dir.path());
    assert_eq!(loaded.resources[0].title, HYPERLINK);
    assert_eq!(loaded.resources[7].authors, ["@Handle", "B Roe"]);
    dir
}

/// Runs `catalogue` with `args`, which must succeed.
fn run(args: &[&str]) {
    let (code, out, err) = catalogue(args);
    assert_eq!(code, Some(0), "{args:?}\n{out}\n{err}");
}

#[test]
fn export_csv_writes_no_cell_a_spreadsheet_would_run() {
    let dir = hostile_seeds();
    let out = dir.path().join("resources.csv");
    let (out_arg, seeds_arg) = (out.to_str().unwrap(), dir.path().to_str().unwrap());
    run(&["export", "--csv", out_arg, seeds_arg]);
    let rows = csv_rows(&fs::read(&out).unwrap());
    for (number, row) in rows.iter().enumerate() {
        for (cell, name) in row.iter().zip(COLUMNS) {
            assert!(
                !cell.starts_with(TRIGGERS),
                "row {}, column {name}: {cell:?} would run as a formula",
                number + 1
            );
        }
    }
    for (index, field, text) in HOSTILE {
        assert_eq!(
            rows[index + 1][column(field)],
            format!("'{text}"),
            "{field}"
        );
    }
}

#[test]
fn import_of_the_export_gives_back_the_hostile_seeds_byte_for_byte() {
    let dir = hostile_seeds();
    let original = resource_files(dir.path());
    let out = dir.path().join("resources.csv");
    let (out_arg, seeds_arg) = (out.to_str().unwrap(), dir.path().to_str().unwrap());
    run(&["export", "--csv", out_arg, seeds_arg]);
    let csv = fs::read(&out).unwrap();

    // Into the seeds as they are: nothing changes.
    run(&["import", out_arg, seeds_arg]);
    assert_eq!(resource_files(dir.path()), original);

    // Into an empty resources folder: every file written again, byte for byte.
    for (name, _) in &original {
        fs::remove_file(dir.path().join("resources").join(name)).unwrap();
    }
    run(&["import", out_arg, seeds_arg]);
    assert_eq!(resource_files(dir.path()), original);
    let hostile = &load(dir.path()).resources;
    assert_eq!(hostile[0].title, HYPERLINK);
    assert_eq!(hostile[5].title, HOSTILE[5].2);

    // And exported again, the same spreadsheet.
    run(&["export", "--csv", out_arg, seeds_arg]);
    assert_eq!(fs::read(&out).unwrap(), csv);
}

/// Every trigger, tab and carriage return included (which the seeds cannot start a text with:
/// the catalogue trims its text), is defused on the way out and taken off on the way in.
#[test]
fn every_trigger_is_defused_and_read_back() {
    let mut catalogue = load(&common::real_seeds());
    catalogue.resources.truncate(TRIGGERS.len());
    let texts: Vec<String> = TRIGGERS.iter().map(|c| format!("{c}1+1 here")).collect();
    for (r, text) in catalogue.resources.iter_mut().zip(&texts) {
        r.summary.clone_from(text);
    }
    let csv = to_csv(&catalogue).unwrap();
    let written = csv_rows(&csv);
    let (read, problems) = read_csv(&csv).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(problems, []);
    for (i, text) in texts.iter().enumerate() {
        assert_eq!(written[i + 1][column("summary")], format!("'{text}"));
        let summary = read[i].record["summary"].as_str().unwrap();
        // Read as any cell is: its apostrophe taken off, then trimmed.
        assert_eq!(summary, text.trim(), "{text:?}");
    }
}

/// A cell written without the apostrophe (a spreadsheet saved by hand) still reads as written,
/// and a doubled apostrophe loses only one.
#[test]
fn only_one_leading_apostrophe_is_taken_off() {
    let mut catalogue = load(&common::real_seeds());
    catalogue.resources.truncate(1);
    catalogue.resources[0].title = "''Twice".to_owned();
    let csv = to_csv(&catalogue).unwrap();
    assert_eq!(csv_rows(&csv)[1][column("title")], "'''Twice");
    let (read, _) = read_csv(&csv).unwrap();
    assert_eq!(read[0].record["title"], "''Twice");

    let plain = String::from_utf8(csv).unwrap().replace("'''Twice", "=1+1");
    let (read, _) = read_csv(plain.as_bytes()).unwrap();
    assert_eq!(read[0].record["title"], "=1+1");
}
