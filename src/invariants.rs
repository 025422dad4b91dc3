//! Rules of this codebase that a test can check (see ARCHITECTURE.md, "Invariants"): browser
//! APIs are reached only through `platform.rs`, and the site's paths are built only in
//! `routes.rs`. (That the wasm holds no JSON parser is checked on the built file, by
//! `tests/size-report.mjs`.)

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
fn browser_apis_are_used_only_in_platform_rs() {
    let mut found = Vec::new();
    for (path, code) in sources("rs") {
        if named(&path, "platform.rs") || named(&path, "invariants.rs") {
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
        "go through platform.rs instead:\n{}",
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
