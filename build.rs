//! Turns the message catalogues (`messages/<code>.json`, one per language) into Rust, checked
//! first: a catalogue that is not valid, or a Welsh one that does not match the English key for
//! key and placeholder for placeholder, fails the build with every problem listed. The views
//! then name a message (`Msg::LayoutSkip`, `Count::Resources`) and take its text in the page's
//! language (`src/text.rs`), so no interface word is written in a view.

use std::fmt::Write as _;
use std::path::Path;

use messages::{Lang, Message, Messages, Plural};

fn main() {
    println!("cargo::rerun-if-changed=messages");
    let read = |lang: Lang| {
        let path = Path::new("messages").join(format!("{}.json", lang.code()));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        Messages::parse(&text).unwrap_or_else(|problems| fail(&path, &problems))
    };
    let english = read(Lang::En);
    let all: Vec<Messages> = Lang::ALL.into_iter().map(read).collect();
    for messages in &all {
        let problems = messages.check_against(&english);
        if !problems.is_empty() {
            let path = Path::new("messages").join(format!("{}.json", messages.lang.code()));
            fail(&path, &problems);
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(out, generate(&english, &all)).unwrap();
}

fn fail(path: &Path, problems: &[String]) -> ! {
    panic!(
        "{} has {} problem(s):\n  {}",
        path.display(),
        problems.len(),
        problems.join("\n  ")
    )
}

/// `layout.skip` → `LayoutSkip`; a count's key without its `count.` (`count.resources` →
/// `Resources`, as `Count::Resources`).
fn variant(key: &str) -> String {
    key.strip_prefix("count.")
        .unwrap_or(key)
        .split(['.', '-'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn generate(english: &Messages, all: &[Messages]) -> String {
    let texts: Vec<&str> = english
        .keys()
        .filter(|k| matches!(english.get(k), Some(Message::Text(_))))
        .collect();
    let counts: Vec<&str> = english
        .keys()
        .filter(|k| matches!(english.get(k), Some(Message::Count(_))))
        .collect();
    let mut rs = String::from("// Written by build.rs from messages/*.json: do not edit.\n\n");
    let _ = writeln!(
        rs,
        "/// A message of the interface: a key of `messages/en.json`.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Msg {{"
    );
    for key in &texts {
        let _ = writeln!(rs, "    /// `{key}`\n    {},", variant(key));
    }
    let _ = writeln!(
        rs,
        "}}\n\n/// A message that counts something: one text per plural form.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Count {{"
    );
    for key in &counts {
        let _ = writeln!(rs, "    /// `{key}`\n    {},", variant(key));
    }
    rs.push_str("}\n");
    for messages in all {
        let code = messages.lang.code();
        let _ = writeln!(
            rs,
            "\n/// The text of `msg` in `{code}`.\npub fn text_{code}(msg: Msg) -> &'static str {{\n    match msg {{"
        );
        for key in &texts {
            if let Some(Message::Text(text)) = messages.get(key) {
                let _ = writeln!(rs, "        Msg::{} => {text:?},", variant(key));
            }
        }
        let _ = writeln!(
            rs,
            "    }}\n}}\n\n/// The text of `count` in `{code}` for the plural form `form`.\npub fn count_{code}(count: Count, form: &str) -> &'static str {{\n    match (count, form) {{"
        );
        for key in &counts {
            if let Some(Message::Count(forms)) = messages.get(key) {
                for (form, text) in forms {
                    let _ = writeln!(
                        rs,
                        "        (Count::{}, {:?}) => {text:?},",
                        variant(key),
                        form.name()
                    );
                }
                let other = forms
                    .iter()
                    .find(|(f, _)| *f == Plural::Other)
                    .map_or("", |(_, t)| t.as_str());
                let _ = writeln!(rs, "        (Count::{}, _) => {other:?},", variant(key));
            }
        }
        rs.push_str("    }\n}\n");
    }
    rs
}
