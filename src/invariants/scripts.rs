//! The seam between Rust and the page's scripts, written once: every name the scripts share
//! with the app comes from `src/contract.rs` (written into them by the build), each script asks
//! for exactly the parts of the contract it uses, and the `data-` attributes Rust writes are
//! the contract's.

use std::path::{Path, PathBuf};

use super::{in_invariants, named, sources};

/// The project's scripts: the page's (`src/js/`), the inline embed check in `index.html` and the
/// build's post-build hook, which all take shared names from `contract::for_scripts`.
fn scripts() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("src/js"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.push(root.join("index.html"));
    files.push(root.join("scripts/post-build.mjs"));
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// The lines of a script that are code (in `index.html`, those of its inline scripts), numbered
/// from 0.
fn script_lines<'t>(path: &Path, text: &'t str) -> Vec<(usize, &'t str)> {
    let html = path.extension().is_some_and(|e| e == "html");
    text.lines()
        .enumerate()
        .filter(|(_, line)| !html || line.trim_start().starts_with("<script>"))
        .filter(|(_, line)| {
            let code = line.trim_start();
            !(code.starts_with("//") || code.starts_with('*') || code.starts_with("/*"))
        })
        .collect()
}

/// Every text value in the contract the scripts are given.
#[cfg(feature = "ssr")]
fn contract_names() -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut contract = crate::contract::for_scripts("/");
    // The fields of an export's detail and the flag's values are words, not names in the page.
    contract["exportDetail"].take();
    contract["embed"]["on"].take();
    contract["embed"]["off"].take();
    let mut out = Vec::new();
    walk(&contract, &mut out);
    // Values too short or too ordinary to be a name ("/", "ids").
    out.retain(|name| name.len() > 3 && !name.contains(' '));
    out
}

#[cfg(feature = "ssr")]
#[test]
fn scripts_take_every_shared_name_from_the_contract() {
    let names = contract_names();
    let mut found = Vec::new();
    for (path, text) in scripts() {
        for (n, line) in script_lines(&path, &text) {
            let code = line.trim_start();
            if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
                continue;
            }
            for name in &names {
                let quoted = ['\'', '"', '`']
                    .iter()
                    .any(|q| code.contains(&format!("{q}{name}{q}")));
                if quoted {
                    found.push(format!("{}:{}: {name}", path.display(), n + 1));
                }
            }
            for written in [
                "resilience-toolkit",
                "'toolkit:",
                "\"toolkit:",
                "`toolkit:",
                "[data-",
            ] {
                if code.contains(written) {
                    found.push(format!("{}:{}: {written}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "take these from the contract (src/contract.rs) instead:\n{}",
        found.join("\n")
    );
}

/// A script's placeholder names the parts of the contract it uses: exactly those it reads.
#[cfg(feature = "ssr")]
#[test]
fn each_script_asks_for_the_parts_of_the_contract_it_uses() {
    let contract = crate::contract::for_scripts("/");
    let mut found = Vec::new();
    for (path, text) in scripts() {
        let code: String = script_lines(&path, &text)
            .into_iter()
            .map(|(_, line)| [line, "\n"].concat())
            .collect();
        let text = code.as_str();
        let Some(start) = text.find("\"__CONTRACT{") else {
            continue;
        };
        let list = &text[start + "\"__CONTRACT{".len()..];
        let asked: std::collections::BTreeSet<&str> =
            list[..list.find('}').unwrap()].split(',').collect();
        let mut used = std::collections::BTreeSet::new();
        for (i, _) in text.match_indices("C.") {
            let before = text[..i].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key: String = text[i + 2..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            used.insert(key);
        }
        let used: std::collections::BTreeSet<&str> = used.iter().map(String::as_str).collect();
        if asked != used {
            found.push(format!(
                "{} asks for {asked:?} but uses {used:?}",
                path.display()
            ));
        }
        for key in asked.iter().filter(|k| contract.get(**k).is_none()) {
            found.push(format!(
                "{} asks for \"{key}\", which the contract has not",
                path.display()
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The `data-` attributes the app's views and the build write are those the contract names,
/// since the scripts look for those.
#[test]
fn data_attributes_written_in_rust_are_the_contracts() {
    let contract =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/contract.rs"))
            .unwrap();
    let mut found = Vec::new();
    for (path, code) in sources("rs") {
        if named(&path, "contract.rs") || in_invariants(&path) || named(&path, "tests.rs") {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (i, _) in line.match_indices("data-") {
                let name: String = line[i..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                    .collect();
                let name = name.trim_end_matches('-');
                if !contract.contains(&format!("\"{name}\"")) {
                    found.push(format!("{}:{}: {name}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "name these attributes in src/contract.rs, where the scripts get them:\n{}",
        found.join("\n")
    );
}
