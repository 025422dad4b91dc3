//! Rules of this codebase that a test can check (see ARCHITECTURE.md, "Invariants"): browser
//! APIs are reached only through `platform/`, and the site's paths are built only in
//! `routes.rs`, and no Rust file of the workspace is over 450 lines or holds a function over 80.
//! (That the wasm holds no second JSON parser and no float parsing is checked on the built
//! file, by `tests/size-report.mjs`.)

mod scripts;
mod texts;

use std::path::{Path, PathBuf};

/// Every source file of the app under `src/`, with its text up to its tests (test code may
/// name anything).
fn sources(extension: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, extension: &str, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extension, out);
            } else if path.extension().is_some_and(|e| e == extension) {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
                out.push((path, code));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        extension,
        &mut out,
    );
    assert!(!out.is_empty(), "no .{extension} files found under src/");
    out
}

fn named(path: &Path, name: &str) -> bool {
    path.file_name().is_some_and(|f| f == name)
}

/// These tests' own files, which name everything they look for.
fn in_invariants(path: &Path) -> bool {
    path.parent().is_some_and(|dir| named(dir, "invariants"))
}

#[test]
fn browser_apis_are_used_only_in_platform() {
    let mut found = Vec::new();
    for (path, code) in sources("rs") {
        let in_platform = path.parent().is_some_and(|dir| named(dir, "platform"));
        if in_platform || in_invariants(&path) {
            continue;
        }
        for api in ["web_sys", "js_sys", "wasm_bindgen"] {
            if code.contains(api) {
                found.push(format!("{} uses {api}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "go through platform/ instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn paths_are_built_only_in_routes_rs() {
    let mut found = Vec::new();
    for (path, code) in sources("rs") {
        if named(&path, "routes.rs") || in_invariants(&path) {
            continue;
        }
        for (line, text) in code.lines().enumerate() {
            let builds = text.contains("format!(\"{}/")
                || text.contains("format!(\"{base}/")
                || text.contains("router_base()")
                    && (text.contains("format!") || text.contains("push_str"));
            // A path written out: "/browse", "/resources/…".
            let literal = text
                .match_indices("\"/")
                .any(|(i, _)| text[i + 2..].starts_with(|c: char| c.is_ascii_lowercase()));
            if builds || literal {
                found.push(format!("{}:{}: {}", path.display(), line + 1, text.trim()));
            }
        }
    }
    // The hand-written HTML of the message catalogues names its links ({browse}, …).
    let messages = Path::new(env!("CARGO_MANIFEST_DIR")).join("messages");
    for lang in std::fs::read_dir(messages).unwrap().flatten() {
        for file in std::fs::read_dir(lang.path()).unwrap().flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "html") {
                let html = std::fs::read_to_string(&path).unwrap();
                if html.contains("href=\"/") || html.contains("{base}") {
                    found.push(format!("{} links to a path directly", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "build paths with routes::Base instead:\n{}",
        found.join("\n")
    );
}

/// The longest a source file may be, and a function in it, in lines.
const FILE_MAX: usize = 450;
const FUNCTION_MAX: usize = 80;

/// Every Rust file of the workspace (the app's `src/` and every crate, tests included).
fn workspace_sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() && !named(&path, "target") {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&root.join("src"), &mut out);
    walk(&root.join("crates"), &mut out);
    out
}

/// The name of the function a line starts, if it starts one.
fn function_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let name = rest.strip_prefix("fn ")?;
    let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    Some(&name[..end])
}

#[test]
fn files_and_functions_stay_small() {
    let mut found = Vec::new();
    for (path, text) in workspace_sources() {
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > FILE_MAX {
            found.push(format!("{} has {} lines", path.display(), lines.len()));
        }
        for (start, line) in lines.iter().enumerate() {
            let Some(name) = function_name(line) else {
                continue;
            };
            // rustfmt closes a function's body at the indentation of its `fn` line.
            let indent = &line[..line.len() - line.trim_start().len()];
            let close = format!("{indent}}}");
            let Some(length) = lines[start..].iter().position(|l| *l == close) else {
                continue; // A declaration without a body.
            };
            if length + 1 > FUNCTION_MAX {
                found.push(format!(
                    "{}:{}: fn {name} has {} lines",
                    path.display(),
                    start + 1,
                    length + 1
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "split these (at most {FILE_MAX} lines a file, {FUNCTION_MAX} a function):\n{}",
        found.join("\n")
    );
}

/// The dependencies each domain crate may have (ARCHITECTURE.md, "Invariants": they know
/// nothing of the DOM, the network or storage), and ARCHITECTURE.md names each of them.
const DOMAIN_DEPENDENCIES: [(&str, &[&str]); 5] = [
    (
        "catalogue",
        &[
            "fixedbitset",
            "form_urlencoded",
            "rust-stemmers",
            "rustc-hash",
            "serde",
            "serde_json",
        ],
    ),
    ("settings", &["catalogue", "messages", "serde_json"]),
    (
        "contributions",
        &["catalogue", "percent-encoding", "serde_json"],
    ),
    ("seo", &["catalogue", "html-escape", "serde_json"]),
    ("messages", &["catalogue", "serde_json"]),
];

/// The names under a crate's `[dependencies]` table.
fn dependencies(manifest: &str) -> Vec<String> {
    let table = manifest.split("\n[dependencies]\n").nth(1).unwrap_or("");
    let table = table.split("\n[").next().unwrap_or("");
    let mut names: Vec<String> = table
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim().to_owned()))
        .filter(|name| !name.is_empty())
        .collect();
    names.sort();
    names
}

#[test]
fn domain_crates_depend_only_on_what_architecture_md_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let invariants = architecture.split("## Invariants").nth(1).unwrap_or("");
    let invariants = invariants.split("\n## ").next().unwrap_or("");
    let mut found = Vec::new();
    for (name, allowed) in DOMAIN_DEPENDENCIES {
        let manifest = std::fs::read_to_string(root.join("crates").join(name).join("Cargo.toml"));
        let actual = dependencies(&manifest.unwrap());
        if actual != allowed {
            found.push(format!(
                "crates/{name} depends on {actual:?}, not {allowed:?}"
            ));
        }
        for dependency in allowed.iter().filter(|d| !invariants.contains(*d)) {
            found.push(format!(
                "ARCHITECTURE.md's invariants do not name {dependency} ({name})"
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Every file of the project's own code and scripts, by kind of comment it must open with.
fn project_files() -> Vec<(PathBuf, &'static str)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, &'static str)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if !["target", "node_modules", "fixtures"].contains(&name) {
                    walk(&path, out);
                }
                continue;
            }
            let opening = match path.extension().and_then(|e| e.to_str()) {
                Some("rs") => "//!",
                Some("js" | "mjs") => "//",
                _ => continue,
            };
            out.push((path, opening));
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["src", "crates", "scripts", "tests"] {
        walk(&root.join(dir), &mut out);
    }
    for script in [
        "scripts/setup",
        "scripts/serve",
        "scripts/test",
        "scripts/prerender",
        ".ci/run",
    ] {
        out.push((root.join(script), "#"));
    }
    out
}

#[test]
fn every_file_opens_by_saying_what_it_is_for() {
    let mut found = Vec::new();
    for (path, opening) in project_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        // A script's first line may be its interpreter.
        let first = text.lines().find(|l| !l.starts_with("#!")).unwrap_or("");
        let said = first.starts_with(opening) && first.trim().len() > opening.len() + 10;
        if !said {
            found.push(format!("{}: {first:?}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "start these with a comment saying what the file is for:\n{}",
        found.join("\n")
    );
}
