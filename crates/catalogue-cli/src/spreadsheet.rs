//! The catalogue as a spreadsheet: `catalogue export --csv` writes every resource as one row of
//! a CSV file, and `catalogue import` reads such a file back into the seed files.
//!
//! The format, kept to in both directions:
//! - UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line endings, and a header
//!   row naming the columns.
//! - One column per resource field, written in this order ([`COLUMNS`]): `id`, `title`,
//!   `authors`, `et_al`, `publisher`, `year`, `type`, `approaches`, `subjects`, `country`,
//!   `sector`, `summary`, `evidence`, `standard`, `evidence_basis`, `url`, `added`. Import finds columns by their header, so they may be
//!   moved, but every one must be there and no other.
//! - A list (`authors`, `approaches`, `subjects`) is one cell, its items separated by `"; "` (a
//!   semicolon and a space). So an item can never contain `;`: export refuses a resource with
//!   one, and import refuses a cell with a `;` that is not followed by a space.
//! - `et_al` is `true` or `false` (an empty cell reads as false); `year` is a whole number, empty
//!   when unknown; `url` is empty when there is no link; `added` is `YYYY-MM-DD`.
//! - A row whose cells are all empty is skipped.
//! - Every cell is written through [`defuse_cell`], so no cell is run as a formula: a cell
//!   starting `=`, `+`, `-`, `@`, a tab, a carriage return, their full-width forms or `'` gets a
//!   `'` in front. Import takes one leading `'` off every cell ([`restore_cell`]) before reading
//!   it, so any text goes out and comes back exactly.
//!
//! An import is all or nothing: every row is checked, and the whole resulting catalogue
//! validated exactly as `catalogue check` does, before any seed file changes.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use catalogue::export::{defuse_cell, restore_cell};
use catalogue::{Catalogue, Location, Problem, Resource, validate};
use serde_json::{Map, Value};

use crate::SeedError;
use crate::seedfile::{self, Existing, Start};

/// The columns, in the order export writes them: the seed files' field order.
pub const COLUMNS: [&str; 17] = catalogue::validate::RESOURCE_FIELDS;

/// The columns that hold a list.
pub const LIST_COLUMNS: [&str; 3] = ["authors", "approaches", "subjects"];

/// Between the items of a list in one cell.
pub const LIST_SEPARATOR: &str = "; ";

const BOM: &str = "\u{feff}";

/// A problem with a spreadsheet: the row as a spreadsheet numbers it (the header is row 1) and
/// the column, when it is in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl SheetProblem {
    fn at(row: usize, column: Option<&str>, message: impl Into<String>) -> SheetProblem {
        SheetProblem {
            row: Some(row),
            column: column.map(str::to_owned),
            message: message.into(),
        }
    }

    fn general(message: impl Into<String>) -> SheetProblem {
        SheetProblem {
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(row), Some(column)) => write!(f, "row {row}, column {column}: ")?,
            (Some(row), None) => write!(f, "row {row}: ")?,
            (None, Some(column)) => write!(f, "column {column}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

fn seed_problems(errors: Vec<SeedError>) -> Vec<SheetProblem> {
    errors
        .iter()
        .map(|e| SheetProblem::general(e.to_string()))
        .collect()
}

/// The catalogue as CSV (see the module's description of the format), or the resources that
/// cannot be written in it.
pub fn to_csv(catalogue: &Catalogue) -> Result<Vec<u8>, Vec<String>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    let mut problems = Vec::new();
    let mut write = |cells: &[String]| {
        writer
            .write_record(cells.iter().map(|cell| defuse_cell(cell).into_owned()))
            .map_err(|e| vec![format!("cannot write CSV: {e}")])
    };
    write(&COLUMNS.map(str::to_owned))?;
    for resource in &catalogue.resources {
        match cells(resource) {
            Ok(row) => write(&row)?,
            Err(mut more) => problems.append(&mut more),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    writer
        .into_inner()
        .map_err(|e| vec![format!("cannot write CSV: {e}")])
}

/// A resource's cells, in [`COLUMNS`] order.
fn cells(r: &Resource) -> Result<[String; 17], Vec<String>> {
    let mut problems = Vec::new();
    let mut list = |column: &str, items: &[String]| {
        for item in items.iter().filter(|item| item.contains(';')) {
            problems.push(format!(
                "resource \"{}\", field \"{column}\": \"{item}\" contains \";\", which a spreadsheet cell uses between items",
                r.id
            ));
        }
        items.join(LIST_SEPARATOR)
    };
    let row = [
        r.id.clone(),
        r.title.clone(),
        list("authors", &r.authors),
        r.et_al.to_string(),
        r.publisher.clone(),
        r.year.map(|y| y.to_string()).unwrap_or_default(),
        r.kind.clone(),
        list("approaches", &r.approaches),
        list("subjects", &r.subjects),
        r.country.clone(),
        r.sector.clone(),
        r.summary.clone(),
        r.evidence.clone(),
        r.standard.clone(),
        r.evidence_basis.clone(),
        r.url.clone().unwrap_or_default(),
        r.added.as_str().to_owned(),
    ];
    match problems.is_empty() {
        true => Ok(row),
        false => Err(problems),
    }
}

/// One data row, as the resource record it describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The spreadsheet's row number (the header is row 1).
    pub number: usize,
    pub record: Map<String, Value>,
}

/// Reads a CSV file into resource records. A problem with the header (a column missing,
/// unknown or repeated) stops the reading; problems with cells are returned beside the rows,
/// each cell's value set to something neutral so the rest of the row can still be checked.
pub fn read_csv(bytes: &[u8]) -> Result<(Vec<Row>, Vec<SheetProblem>), Vec<SheetProblem>> {
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records().enumerate();
    let columns = match records.next() {
        Some((_, Ok(header))) => header_columns(&header)?,
        Some((_, Err(e))) => return Err(vec![SheetProblem::at(1, None, e.to_string())]),
        None => {
            return Err(vec![SheetProblem::general(
                "the file is empty: it needs a header row",
            )]);
        }
    };
    let (mut rows, mut problems) = (Vec::new(), Vec::new());
    for (index, record) in records {
        let number = index + 1;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(SheetProblem::at(number, None, e.to_string()));
                continue;
            }
        };
        if record.len() != columns.len() {
            let message = format!(
                "has {} cells but the header has {} columns",
                record.len(),
                columns.len()
            );
            problems.push(SheetProblem::at(number, None, message));
            continue;
        }
        if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            continue;
        }
        let mut fields = Map::new();
        for (column, cell) in columns.iter().zip(record.iter()) {
            let value = match std::str::from_utf8(cell) {
                Ok(cell) => cell_value(column, restore_cell(cell)),
                Err(_) => Err((
                    Value::Null,
                    "is not UTF-8 text (save as \"CSV UTF-8\")".into(),
                )),
            };
            let value = value.unwrap_or_else(|(neutral, message)| {
                problems.push(SheetProblem::at(number, Some(column), message));
                neutral
            });
            fields.insert((*column).to_owned(), value);
        }
        rows.push(Row {
            number,
            record: fields,
        });
    }
    Ok((rows, problems))
}

/// The column each header cell names; every column must be named once.
fn header_columns(header: &csv::ByteRecord) -> Result<Vec<&'static str>, Vec<SheetProblem>> {
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for (position, cell) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(cell);
        let name = restore_cell(&name).trim().to_lowercase();
        match COLUMNS.into_iter().find(|c| *c == name) {
            Some(column) if columns.contains(&column) => problems.push(SheetProblem::at(
                1,
                Some(column),
                format!("is in the header twice (again as column {})", position + 1),
            )),
            Some(column) => columns.push(column),
            None => problems.push(SheetProblem::at(
                1,
                None,
                format!(
                    "column {} \"{name}\" is not a known column (known: {})",
                    position + 1,
                    COLUMNS.join(", ")
                ),
            )),
        }
    }
    for missing in COLUMNS.into_iter().filter(|c| !columns.contains(c)) {
        problems.push(SheetProblem::at(
            1,
            Some(missing),
            "is missing from the header",
        ));
    }
    match problems.is_empty() {
        true => Ok(columns),
        false => Err(problems),
    }
}

/// A cell as the value of its field in a resource record, or a neutral value and what is wrong.
/// Rules the catalogue itself checks (a known type, a plausible year) are left to validation.
fn cell_value(column: &str, cell: &str) -> Result<Value, (Value, String)> {
    let cell = cell.trim();
    match column {
        _ if LIST_COLUMNS.contains(&column) => list_value(cell),
        "et_al" => match cell.to_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" | "" => Ok(Value::Bool(false)),
            _ => Err((
                Value::Bool(false),
                format!("\"{cell}\" is not true or false (an empty cell means false)"),
            )),
        },
        "year" if cell.is_empty() => Ok(Value::Null),
        "year" => match cell.parse::<u64>() {
            Ok(year) => Ok(Value::from(year)),
            Err(_) => Err((
                Value::Null,
                format!(
                    "\"{cell}\" is not a year: write a whole number such as 2019, or leave the cell empty when unknown"
                ),
            )),
        },
        "url" if cell.is_empty() => Ok(Value::Null),
        _ => Ok(Value::String(cell.to_owned())),
    }
}

/// A list cell's items, split at `"; "`; an item still holding a `;` is refused.
fn list_value(cell: &str) -> Result<Value, (Value, String)> {
    let (good, bad): (Vec<&str>, Vec<&str>) = cell
        .split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .partition(|item| !item.contains(';'));
    let value = Value::from(good);
    match bad.first() {
        None => Ok(value),
        Some(item) => Err((
            value,
            format!(
                "the item \"{item}\" contains \";\": separate items with \"; \" (a semicolon and a space); an item cannot contain \";\""
            ),
        )),
    }
}

/// What an import changed in `seeds/resources/`, by resource id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: usize,
}

/// Replaces the resources in `seeds` with those in the CSV `bytes`, all or nothing: when any
/// row is invalid, or the resulting catalogue would be, nothing changes and every problem is
/// returned. New and changed files are written atomically; files for ids no longer in the
/// spreadsheet are removed; files whose text would not change are left alone.
pub fn import(seeds: &Path, bytes: &[u8]) -> Result<Imported, Vec<SheetProblem>> {
    let (rows, mut problems) = read_csv(bytes)?;
    if rows.is_empty() && problems.is_empty() {
        let message = "the spreadsheet has no resources; an import would remove them all";
        return Err(vec![SheetProblem::general(message)]);
    }
    let records = rows
        .iter()
        .map(|r| Value::Object(r.record.clone()))
        .collect();
    let document = seedfile::document(seeds, records).map_err(seed_problems)?;
    let catalogue = match validate(&document) {
        Ok(catalogue) if problems.is_empty() => catalogue,
        Ok(_) => return Err(problems),
        Err(found) => {
            problems.extend(found.into_iter().map(|p| row_problem(p, &rows, seeds)));
            problems.sort_by_key(|p| p.row);
            return Err(problems);
        }
    };
    let files: Vec<(String, String)> = catalogue
        .resources
        .iter()
        .map(|r| (format!("{}.json", r.id), seedfile::resource_text(r)))
        .collect();
    // Every rule `catalogue check` applies, on a trial copy, before the seeds are touched.
    seedfile::check_candidate(seeds, Start::Empty, &files).map_err(seed_problems)?;
    apply(&seeds.join("resources"), &files).map_err(|e| {
        vec![SheetProblem::general(format!(
            "{e} (the import stopped part way)"
        ))]
    })
}

/// A validation problem as the spreadsheet's row and column.
fn row_problem(problem: Problem, rows: &[Row], seeds: &Path) -> SheetProblem {
    match &problem.location {
        Location::Resource { index, .. } => SheetProblem {
            row: rows.get(*index).map(|r| r.number),
            column: (!problem.field.is_empty()).then(|| problem.field.clone()),
            message: problem.message,
        },
        _ => SheetProblem::general(format!(
            "the taxonomy or synonyms in {}: {problem}",
            seeds.display()
        )),
    }
}

/// Writes the new and changed files and removes those no longer wanted.
fn apply(resources: &Path, files: &[(String, String)]) -> io::Result<Imported> {
    let describe =
        |path: &Path, e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let mut imported = Imported::default();
    let mut writes: Vec<(PathBuf, &str)> = Vec::new();
    for (name, text) in files {
        let path = resources.join(name);
        let id = name.trim_end_matches(".json").to_owned();
        match fs::read(&path) {
            Ok(old) if old == text.as_bytes() => {
                imported.unchanged += 1;
                continue;
            }
            Ok(_) => imported.changed.push(id),
            Err(e) if e.kind() == io::ErrorKind::NotFound => imported.added.push(id),
            Err(e) => return Err(describe(&path, e)),
        }
        writes.push((path, text));
    }
    let wanted: BTreeSet<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let unwanted: Vec<PathBuf> = seedfile::resource_files(resources)?
        .into_iter()
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| wanted.contains(&*n.to_string_lossy()))
        })
        .collect();

    fs::create_dir_all(resources).map_err(|e| describe(resources, e))?;
    for (path, text) in writes {
        seedfile::write_atomic(&path, text.as_bytes(), Existing::Replace)
            .map_err(|e| describe(&path, e))?;
    }
    for path in unwanted {
        fs::remove_file(&path).map_err(|e| describe(&path, e))?;
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        imported.removed.extend(id);
    }
    Ok(imported)
}
