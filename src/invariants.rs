//! Rules of this codebase that a test can check (see ARCHITECTURE.md, "Invariants"): browser
//! APIs are reached only through `platform/`, and the site's paths are built only in
//! `routes.rs`, and no Rust file of the workspace is over 450 lines or holds a function over 80.
//! (That the wasm holds no second JSON parser and no float parsing is checked on the built
//! file, by `tests/size-report.mjs`.)

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

#[test]
fn browser_apis_are_used_only_in_platform() {
    let mut found = Vec::new();
    for (path, code) in sources("rs") {
        let in_platform = path.parent().is_some_and(|dir| named(dir, "platform"));
        if in_platform || named(&path, "invariants.rs") {
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
        if named(&path, "routes.rs") || named(&path, "invariants.rs") {
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
    for (path, html) in sources("html") {
        if html.contains("href=\"/") || html.contains("{base}") {
            found.push(format!("{} links to a path directly", path.display()));
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
