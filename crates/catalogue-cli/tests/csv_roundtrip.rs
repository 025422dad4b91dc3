//! `catalogue export --csv` and `catalogue import`: the seeds go to a spreadsheet and back
//! byte for byte, and an import with any bad row reports it by row and column and changes
//! nothing.

mod common;

use std::fs;
use std::path::Path;

use catalogue::validate::RESOURCE_FIELDS;
use catalogue_cli::load_seeds;
use catalogue_cli::seedfile::resource_text;
use catalogue_cli::spreadsheet::{COLUMNS, Imported, SheetProblem, import, to_csv};
use common::{catalogue, csv_rows, real_seeds, resource_files, seeds};

fn export(seeds: &Path) -> Vec<u8> {
    to_csv(&load_seeds(seeds).unwrap_or_else(|e| panic!("{e:#?}"))).unwrap()
}

fn csv_of(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

#[test]
fn the_columns_are_the_seed_files_fields_in_order() {
    assert_eq!(COLUMNS, RESOURCE_FIELDS);
    let csv = export(&real_seeds());
    assert_eq!(csv_rows(&csv)[0], COLUMNS);
}

#[test]
fn a_resource_is_written_exactly_as_the_seed_files_are() {
    let catalogue = load_seeds(&real_seeds()).unwrap();
    for resource in &catalogue.resources {
        let file = real_seeds().join(format!("resources/{}.json", resource.id));
        assert_eq!(
            resource_text(resource),
            fs::read_to_string(&file).unwrap(),
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_export_is_excel_friendly_csv() {
    let csv = export(&real_seeds());
    assert!(csv.starts_with("\u{feff}id,title,authors,".as_bytes()));
    let text = String::from_utf8(csv.clone()).unwrap();
    let header_end = text.find('\n').unwrap();
    assert_eq!(&text[header_end - 1..=header_end], "\r\n");
    assert!(text.ends_with("\r\n"));
    let catalogue = load_seeds(&real_seeds()).unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), catalogue.resources.len() + 1);
    // Lists are joined with "; " in one cell.
    let with_two = catalogue
        .resources
        .iter()
        .position(|r| r.approaches.len() > 1);
    let index = with_two.unwrap();
    assert_eq!(
        rows[index + 1][column("approaches")],
        catalogue.resources[index].approaches.join("; ")
    );
}

#[test]
fn export_then_import_leaves_every_seed_file_byte_identical() {
    let dir = seeds();
    let original = resource_files(dir.path());
    let csv = export(dir.path());

    // Into the seeds as they are: nothing to do.
    let done = import(dir.path(), &csv).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        done,
        Imported {
            unchanged: original.len(),
            ..Imported::default()
        }
    );
    assert_eq!(resource_files(dir.path()), original);

    // Into an empty resources folder: every file written again, byte for byte.
    for (name, _) in &original {
        fs::remove_file(dir.path().join("resources").join(name)).unwrap();
    }
    let done = import(dir.path(), &csv).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(done.added.len(), original.len());
    assert_eq!(resource_files(dir.path()), original);

    // And exported again, the same spreadsheet.
    assert_eq!(export(dir.path()), csv);
}

#[test]
fn import_adds_changes_and_removes() {
    let dir = seeds();
    let mut rows = csv_rows(&export(dir.path()));
    let changed = rows[1][column("id")].clone();
    rows[1][column("title")].push_str(" (second edition)");
    // One no collection lists (removing one that is listed is refused).
    let listed = listed_in_collections(dir.path());
    let unlisted = (2..rows.len())
        .find(|&i| !listed.contains(&format!("\"{}\"", rows[i][column("id")])))
        .unwrap();
    let removed = rows.remove(unlisted)[column("id")].clone();
    let mut new = rows[1].clone();
    new[column("id")] = "a-brand-new-resource".into();
    new[column("et_al")] = "TRUE".into(); // as Excel writes it
    new[column("authors")] = "A Ng;  B Roe".into();
    new[column("url")] = String::new();
    new[column("year")] = String::new();
    rows.push(new);
    // Columns in another order, no byte-order mark: matched by name all the same.
    for row in &mut rows {
        row.swap(0, 13);
    }

    let done = import(dir.path(), &csv_of(&rows)).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(done.added, ["a-brand-new-resource"]);
    assert_eq!(done.changed, std::slice::from_ref(&changed));
    assert_eq!(done.removed, std::slice::from_ref(&removed));
    assert_eq!(done.unchanged, rows.len() - 3);

    let resources = dir.path().join("resources");
    assert!(!resources.join(format!("{removed}.json")).exists());
    let catalogue = load_seeds(dir.path()).unwrap();
    assert!(
        catalogue
            .resource(&changed)
            .unwrap()
            .title
            .ends_with("(second edition)")
    );
    let new = catalogue.resource("a-brand-new-resource").unwrap();
    assert_eq!(
        (new.authors.as_slice(), new.et_al),
        (&["A Ng".to_owned(), "B Roe".to_owned()][..], true)
    );
    assert_eq!((new.url.as_deref(), new.year), (None, None));
    let text = fs::read_to_string(resources.join("a-brand-new-resource.json")).unwrap();
    assert_eq!(text, resource_text(new));
}

/// The text of every collection file, if the seeds have collections.
fn listed_in_collections(seeds: &Path) -> String {
    let Ok(entries) = fs::read_dir(seeds.join("collections")) else {
        return String::new();
    };
    entries
        .flatten()
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect()
}

/// Imports the rows into a copy of the seeds, expecting it refused with nothing changed.
fn refused(rows: &[Vec<String>]) -> Vec<SheetProblem> {
    let dir = seeds();
    let before = resource_files(dir.path());
    let problems = import(dir.path(), &csv_of(rows)).expect_err("should be refused");
    assert_eq!(resource_files(dir.path()), before, "the seeds changed");
    problems
}

fn has(problems: &[SheetProblem], row: usize, column: &str, text: &str) -> bool {
    problems.iter().any(|p| {
        p.row == Some(row) && p.column.as_deref() == Some(column) && p.message.contains(text)
    })
}

#[test]
fn an_import_with_bad_rows_reports_row_and_column_and_changes_nothing() {
    let mut rows = csv_rows(&export(&real_seeds()));
    rows[2][column("type")] = "pamphlet".into();
    rows[4][column("year")] = "twenty twenty".into();
    rows[5][column("year")] = "1066".into();
    rows[6][column("title")] = "   ".into();
    rows[7][column("et_al")] = "maybe".into();
    rows[8][column("id")] = rows[9][column("id")].clone();
    let problems = refused(&rows);
    let all = format!("{problems:#?}");
    // Spreadsheet rows: the header is row 1, so rows[2] is row 3.
    assert!(
        has(
            &problems,
            3,
            "type",
            "\"pamphlet\" is not a known resource type"
        ),
        "{all}"
    );
    assert!(
        has(&problems, 5, "year", "\"twenty twenty\" is not a year"),
        "{all}"
    );
    assert!(
        has(
            &problems,
            6,
            "year",
            "1066 is not a plausible publication year"
        ),
        "{all}"
    );
    assert!(has(&problems, 7, "title", "must not be empty"), "{all}");
    assert!(
        has(&problems, 8, "et_al", "\"maybe\" is not true or false"),
        "{all}"
    );
    assert!(
        has(&problems, 10, "id", "is used by an earlier entry"),
        "{all}"
    );
    assert_eq!(problems.len(), 6, "{all}");
    assert_eq!(
        problems[0].to_string(),
        format!("row 3, column type: {}", problems[0].message)
    );
}

#[test]
fn a_semicolon_inside_a_list_item_is_refused() {
    let mut rows = csv_rows(&export(&real_seeds()));
    let approaches = rows[3][column("approaches")].clone();
    rows[3][column("approaches")] = format!("{approaches};self-management");
    rows[4][column("authors")] = "Smith; J.;Jones".into();
    let problems = refused(&rows);
    let all = format!("{problems:#?}");
    assert!(has(&problems, 4, "approaches", "contains \";\""), "{all}");
    assert!(
        has(&problems, 5, "authors", "\"J.;Jones\" contains \";\""),
        "{all}"
    );
}

#[test]
fn unknown_and_missing_columns_are_reported() {
    let mut rows = csv_rows(&export(&real_seeds()));
    for row in &mut rows {
        row.remove(column("sector"));
        row.push("x".into());
    }
    let last = rows[0].len() - 1;
    rows[0][last] = "notes".into();
    let problems = refused(&rows);
    let all = format!("{problems:#?}");
    assert!(
        has(&problems, 1, "sector", "is missing from the header"),
        "{all}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.row == Some(1) && p.message.contains("\"notes\" is not a known column")),
        "{all}"
    );

    let mut short = rows.clone();
    short[0][last] = "sector".into();
    short[3].pop();
    let problems = refused(&short);
    assert!(
        problems
            .iter()
            .any(|p| p.row == Some(4) && p.message.contains(&format!("{last} cells"))),
        "{problems:#?}"
    );
}

#[test]
fn a_spreadsheet_without_rows_removes_nothing() {
    let header = csv_rows(&export(&real_seeds()))[..1].to_vec();
    let problems = refused(&header);
    assert!(
        problems[0].message.contains("no resources"),
        "{problems:#?}"
    );
}

#[test]
fn export_refuses_a_list_item_holding_a_semicolon() {
    let mut catalogue = load_seeds(&real_seeds()).unwrap();
    catalogue.resources[0].authors = vec!["Smith; J.".into()];
    let problems = to_csv(&catalogue).unwrap_err();
    assert!(
        problems[0].contains("\"Smith; J.\" contains \";\""),
        "{problems:?}"
    );
}

#[test]
fn the_commands_export_and_import() {
    let dir = seeds();
    let (seeds, csv) = (dir.path().to_str().unwrap(), dir.path().join("all.csv"));
    let csv = csv.to_str().unwrap();
    let (code, stdout, stderr) = catalogue(&["export", "--csv", csv, seeds]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with(&format!("wrote {csv}")), "{stdout}");
    assert_eq!(fs::read(csv).unwrap(), export(dir.path()));

    let (code, stdout, stderr) = catalogue(&["import", csv, seeds]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("0 added, 0 changed, 0 removed"), "{stdout}");

    let mut rows = csv_rows(&fs::read(csv).unwrap());
    rows[1][column("year")] = "soon".into();
    fs::write(csv, csv_of(&rows)).unwrap();
    let (code, _, stderr) = catalogue(&["import", csv, seeds]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("nothing changed"), "{stderr}");
    assert!(stderr.contains("row 2, column year: \"soon\""), "{stderr}");
}
