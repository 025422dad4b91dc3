//! `catalogue check [SEEDS]` and `catalogue build [SEEDS] --out FILE`: validate the seed files,
//! and write the catalogue the app loads. Exits non-zero, listing every problem, when a seed
//! file is invalid, so a broken catalogue fails the build.

use std::path::PathBuf;
use std::process::ExitCode;

use catalogue::Facet;
use catalogue_cli::{load_seeds, to_catalogue_json};

const USAGE: &str =
    "usage: catalogue check [SEEDS_DIR]\n       catalogue build [SEEDS_DIR] --out FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut command = None;
    let mut seeds = PathBuf::from("seeds");
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "check" | "build" if command.is_none() => command = Some(arg.clone()),
            "--out" => match rest.next() {
                Some(path) => out = Some(PathBuf::from(path)),
                None => return usage("--out needs a file name"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other if !other.starts_with('-') => seeds = PathBuf::from(other),
            other => return usage(&format!("unknown option {other}")),
        }
    }

    let catalogue = match load_seeds(&seeds) {
        Ok(catalogue) => catalogue,
        Err(errors) => {
            eprintln!(
                "The seed catalogue in {} has {} problem(s):",
                seeds.display(),
                errors.len()
            );
            for e in &errors {
                eprintln!("  {e}");
            }
            return ExitCode::FAILURE;
        }
    };

    match (command.as_deref(), out) {
        (Some("check"), _) => {
            let counts: Vec<String> = Facet::ALL
                .iter()
                .map(|f| format!("{} {}", catalogue.taxonomy.terms(*f).len(), f.list_key()))
                .collect();
            println!(
                "{}: {} resources, {} — all valid",
                seeds.display(),
                catalogue.resources.len(),
                counts.join(", ")
            );
            ExitCode::SUCCESS
        }
        (Some("build"), Some(out)) => {
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
        (Some("build"), None) => usage("build needs --out FILE"),
        _ => usage("say check or build"),
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("{problem}\n{USAGE}");
    ExitCode::from(2)
}
