//! `catalogue`: the maintainers' tool for the seed catalogue. `check` and `build` validate the
//! seed files and write the catalogue the app loads (exiting non-zero, listing every problem,
//! when a seed file is invalid, so a broken catalogue fails the build); `add` turns a suggestion
//! into a new seed file; `export` and `import` move the catalogue to and from a spreadsheet;
//! `links` checks every resource's link; `comments` publishes, removes and exports comments.
//!
//! Each command is one function below, given the arguments after its name. Exit codes: 0 done,
//! 1 problems found (listed), 2 a mistake in the command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalogue::{Catalogue, Date, Facet};
use catalogue_cli::{SeedError, load_seeds, seedfile, spreadsheet, to_catalogue_json};

const USAGE: &str = "\
usage: catalogue check [SEEDS_DIR]
       catalogue build [SEEDS_DIR] --out FILE
       catalogue add FILE [--seeds SEEDS_DIR] [--date YYYY-MM-DD]
       catalogue export --csv FILE [SEEDS_DIR]
       catalogue import FILE [SEEDS_DIR]
       catalogue links [SEEDS_DIR] [--concurrency N] [--timeout SECS]
       catalogue comments add FILE [--seeds SEEDS_DIR] [--date YYYY-MM-DD]
       catalogue comments remove ID [--seeds SEEDS_DIR]
       catalogue comments export --csv FILE [--seeds SEEDS_DIR]

  check   validate the seed files
  build   validate them, then write the catalogue the app loads to FILE
  add     turn a suggestion (the webhook JSON, a saved suggestion email, or a bare record)
          into a new seeds/resources/<id>.json, added today (UTC) unless --date says
  export  write every resource as one row of a CSV spreadsheet (UTF-8 with BOM, CRLF; lists
          joined with \"; \")
  import  replace the resources with a CSV spreadsheet's rows: all or nothing
  links   check every resource's link; report the broken, moved and redirected ones
  comments add     publish a comment (the webhook JSON or the saved email) as a new
                   seeds/comments/<id>.json, published today (UTC) unless --date says
  comments remove  take the comment ID down (deletes seeds/comments/ID.json)
  comments export  write every published comment as one row of a CSV spreadsheet

SEEDS_DIR is ./seeds unless given.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        return usage("say which command to run");
    };
    match command.as_str() {
        "check" => check(rest),
        "build" => build(rest),
        "add" => add(rest),
        "export" => export(rest),
        "import" => import(rest),
        "links" => catalogue_cli::links::run(rest),
        "comments" => comments(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => usage(&format!("unknown command {other}")),
    }
}

/// A command's arguments: the positional ones in order, and the `--name value` options it takes.
struct Args {
    positional: Vec<String>,
    options: BTreeMap<&'static str, String>,
}

impl Args {
    /// Reads `args`, allowing the options named in `takes` (each followed by a value) and at
    /// most `max_positional` positional arguments. `Err` carries the exit code to return.
    fn parse(
        args: &[String],
        takes: &[&'static str],
        max_positional: usize,
    ) -> Result<Args, ExitCode> {
        let mut parsed = Args {
            positional: Vec::new(),
            options: BTreeMap::new(),
        };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "-h" || arg == "--help" {
                println!("{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            if !arg.starts_with('-') || arg == "-" {
                parsed.positional.push(arg.clone());
                continue;
            }
            let Some(&name) = takes.iter().find(|t| **t == arg) else {
                return Err(usage(&format!("unknown option {arg}")));
            };
            let Some(value) = rest.next() else {
                return Err(usage(&format!("{name} needs a value")));
            };
            if parsed.options.insert(name, value.clone()).is_some() {
                return Err(usage(&format!("{name} is given twice")));
            }
        }
        if parsed.positional.len() > max_positional {
            return Err(usage(&format!(
                "unexpected argument {}",
                parsed.positional[max_positional]
            )));
        }
        Ok(parsed)
    }

    fn positional(&self, index: usize) -> Option<&str> {
        self.positional.get(index).map(String::as_str)
    }

    fn option(&self, name: &str) -> Option<&str> {
        self.options.get(name).map(String::as_str)
    }
}

fn seeds_dir(given: Option<&str>) -> PathBuf {
    PathBuf::from(given.unwrap_or("seeds"))
}

/// `catalogue check [SEEDS_DIR]`
fn check(args: &[String]) -> ExitCode {
    let args = match Args::parse(args, &[], 1) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let seeds = seeds_dir(args.positional(0));
    let Some(catalogue) = load(&seeds) else {
        return ExitCode::FAILURE;
    };
    let counts: Vec<String> = Facet::ALL
        .iter()
        .map(|f| format!("{} {}", catalogue.taxonomy.terms(*f).len(), f.list_key()))
        .collect();
    println!(
        "{}: {} resources, {}, {} published comments — all valid",
        seeds.display(),
        catalogue.resources.len(),
        counts.join(", "),
        catalogue.comments.len()
    );
    ExitCode::SUCCESS
}

/// `catalogue build [SEEDS_DIR] --out FILE`
fn build(args: &[String]) -> ExitCode {
    let args = match Args::parse(args, &["--out"], 1) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let Some(out) = args.option("--out").map(PathBuf::from) else {
        return usage("build needs --out FILE");
    };
    let seeds = seeds_dir(args.positional(0));
    let Some(catalogue) = load(&seeds) else {
        return ExitCode::FAILURE;
    };
    let json = to_catalogue_json(&catalogue);
    if let Err(e) = std::fs::write(&out, &json) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} resources, {} bytes)",
        out.display(),
        catalogue.resources.len(),
        json.len()
    );
    ExitCode::SUCCESS
}

/// `catalogue add FILE [--seeds SEEDS_DIR] [--date YYYY-MM-DD]`
fn add(args: &[String]) -> ExitCode {
    let args = match Args::parse(args, &["--seeds", "--date"], 1) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let Some(file) = args.positional(0) else {
        return usage("add needs the suggestion FILE");
    };
    let date = match args.option("--date") {
        None => catalogue_cli::add::today(),
        Some(text) => match Date::parse(text) {
            Some(date) => date,
            None => return usage(&format!("--date {text} is not a date written YYYY-MM-DD")),
        },
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => return fail(&format!("cannot read {file}: {e}"), &[]),
    };
    let seeds = seeds_dir(args.option("--seeds"));
    match catalogue_cli::add::add(&seeds, &text, &date) {
        Ok(added) => {
            println!(
                "wrote {} (\"{}\", added {})",
                added.path.display(),
                added.resource.title,
                date.as_str()
            );
            println!(
                "Before committing, review it: rewrite the summary in the catalogue's own words if it \
                 needs it, and fill in country and sector."
            );
            ExitCode::SUCCESS
        }
        Err(problems) => fail(&format!("{file} was not added:"), &problems),
    }
}

/// `catalogue comments add|remove|export …`
fn comments(args: &[String]) -> ExitCode {
    let Some((action, rest)) = args.split_first() else {
        return usage("comments needs add, remove or export");
    };
    let takes: &[&'static str] = match action.as_str() {
        "add" => &["--seeds", "--date"],
        "export" => &["--seeds", "--csv"],
        _ => &["--seeds"],
    };
    let args = match Args::parse(rest, takes, 1) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let seeds = seeds_dir(args.option("--seeds"));
    let given = args.positional(0);
    match (action.as_str(), given) {
        ("add", Some(file)) => {
            let date = match args.option("--date").map(Date::parse) {
                None => catalogue_cli::add::today(),
                Some(Some(date)) => date,
                Some(None) => return usage("--date must be a date written YYYY-MM-DD"),
            };
            let text = match std::fs::read_to_string(file) {
                Ok(text) => text,
                Err(e) => return fail(&format!("cannot read {file}: {e}"), &[]),
            };
            match catalogue_cli::comments::add(&seeds, &text, &date) {
                Ok(added) => {
                    let c = &added.comment;
                    println!(
                        "wrote {} (comment by {} on \"{}\", published {})",
                        added.path.display(),
                        c.name,
                        c.resource,
                        date.as_str()
                    );
                    println!("Rebuild the site (or run scripts/prerender) to publish it.");
                    ExitCode::SUCCESS
                }
                Err(problems) => fail(&format!("{file} was not published:"), &problems),
            }
        }
        ("remove", Some(id)) => match catalogue_cli::comments::remove(&seeds, id) {
            Ok(path) => {
                println!(
                    "removed {}; rebuild the site to take it down",
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(problem) => fail(&problem, &[]),
        },
        ("export", None) => {
            let Some(out) = args.option("--csv").map(PathBuf::from) else {
                return usage("comments export needs --csv FILE");
            };
            match catalogue_cli::comments::to_csv(&seeds) {
                Ok(csv) => match seedfile::write_atomic(&out, &csv, seedfile::Existing::Replace) {
                    Ok(()) => {
                        println!("wrote {}", out.display());
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(&format!("cannot write {}: {e}", out.display()), &[]),
                },
                Err(problems) => fail("cannot export the comments:", &problems),
            }
        }
        ("add", None) => usage("comments add needs the comment FILE"),
        ("remove", None) => usage("comments remove needs the comment's ID"),
        _ => usage(&format!("unknown comments action {action}")),
    }
}

/// `catalogue export --csv FILE [SEEDS_DIR]`
fn export(args: &[String]) -> ExitCode {
    let args = match Args::parse(args, &["--csv"], 1) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let Some(out) = args.option("--csv").map(PathBuf::from) else {
        return usage("export needs --csv FILE");
    };
    let seeds = seeds_dir(args.positional(0));
    let Some(catalogue) = load(&seeds) else {
        return ExitCode::FAILURE;
    };
    let csv = match spreadsheet::to_csv(&catalogue) {
        Ok(csv) => csv,
        Err(problems) => return fail("cannot export the catalogue:", &problems),
    };
    if let Err(e) = seedfile::write_atomic(&out, &csv, seedfile::Existing::Replace) {
        return fail(&format!("cannot write {}: {e}", out.display()), &[]);
    }
    println!(
        "wrote {} ({} resources)",
        out.display(),
        catalogue.resources.len()
    );
    ExitCode::SUCCESS
}

/// `catalogue import FILE [SEEDS_DIR]`
fn import(args: &[String]) -> ExitCode {
    let args = match Args::parse(args, &[], 2) {
        Ok(args) => args,
        Err(code) => return code,
    };
    let Some(file) = args.positional(0) else {
        return usage("import needs the CSV FILE");
    };
    let seeds = seeds_dir(args.positional(1));
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&format!("cannot read {file}: {e}"), &[]),
    };
    match spreadsheet::import(&seeds, &bytes) {
        Ok(done) => {
            // The ids, unless there are too many to read.
            let ids = |ids: &[String]| match ids.len() {
                0 | 21.. => String::new(),
                _ => format!(" ({})", ids.join(", ")),
            };
            println!(
                "imported {file} into {}: {} added{}, {} changed{}, {} removed{}, {} unchanged",
                seeds.join("resources").display(),
                done.added.len(),
                ids(&done.added),
                done.changed.len(),
                ids(&done.changed),
                done.removed.len(),
                ids(&done.removed),
                done.unchanged
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            fail(
                &format!("{file} was not imported; nothing changed:"),
                &problems,
            )
        }
    }
}

/// The seed catalogue, or `None` once its problems are printed.
fn load(seeds: &Path) -> Option<Catalogue> {
    load_seeds(seeds)
        .map_err(|errors: Vec<SeedError>| {
            eprintln!(
                "The seed catalogue in {} has {} problem(s):",
                seeds.display(),
                errors.len()
            );
            for e in &errors {
                eprintln!("  {e}");
            }
        })
        .ok()
}

/// Prints a heading and its problems to stderr, and gives the exit code for problems found.
fn fail(heading: &str, problems: &[String]) -> ExitCode {
    eprintln!("{heading}");
    for problem in problems {
        eprintln!("  {problem}");
    }
    ExitCode::FAILURE
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("{problem}\n{USAGE}");
    ExitCode::from(2)
}
