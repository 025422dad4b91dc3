//! Turns the message catalogues (`messages/<code>/*.json`, one per language) into Rust, checked
//! first: a catalogue that is not valid, or a Welsh one that does not match the English key for
//! key and placeholder for placeholder, fails the build with every problem listed. The views
//! then name a message (`Msg::LayoutSkip`, `Count::Resources`) and take its text in the page's
//! language (`src/text.rs`), so no interface word is written in a view.

use std::fmt::Write as _;
use std::path::Path;

use messages::{Lang, Message, Messages, Plural};

#[path = "crates/messages/folder.rs"]
mod folder;

fn main() {
    println!("cargo::rerun-if-changed=messages");
    // A language's catalogue is every file of messages/<code>/ (one per part of the interface).
    let read = |lang: Lang| {
        folder::read_catalogue(Path::new("messages"), lang)
            .unwrap_or_else(|problems| fail(&Path::new("messages").join(lang.code()), &problems))
    };
    let english = read(Lang::En);
    let all: Vec<Messages> = Lang::ALL.into_iter().map(read).collect();
    for messages in &all {
        let problems = messages.check_against(&english);
        if !problems.is_empty() {
            let path = Path::new("messages").join(messages.lang.code());
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

/// The generated Rust: `Msg` and `Count`, English's texts (`text_en`, `count_en`),
/// and each other language as a table in the order of `Msg` and `Count` (its forms in the order
/// `Plural::forms` gives): compiled in natively for the build (`table_cy`), and for the app a
/// file the build writes (`messages-cy-<hash>.json`, named by `file_of`) which a page in that
/// language fetches, so that a visitor never downloads a language they are not reading.
fn generate(english: &Messages, all: &[Messages]) -> String {
    let texts: Vec<&str> = english
        .keys()
        .filter(|k| matches!(english.get(k), Some(Message::Text(_))))
        .collect();
    let counts: Vec<&str> = english
        .keys()
        .filter(|k| matches!(english.get(k), Some(Message::Count(_))))
        .collect();
    let mut rs = String::from("// Written by build.rs from messages/*/*.json: do not edit.\n\n");
    let _ = writeln!(
        rs,
        "/// A message of the interface: a key of `messages/en/*.json`.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum Msg {{"
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
    let _ = writeln!(
        rs,
        "\n/// How many texts and counts there are.\npub const TEXTS: usize = {};\npub const COUNTS: usize = {};",
        texts.len(),
        counts.len()
    );
    // English's texts as one string and where each ends (a table of offsets is smaller in the
    // wasm than one string literal per message).
    let mut joined = String::new();
    let mut ends = Vec::new();
    for key in &texts {
        if let Some(Message::Text(text)) = english.get(key) {
            joined.push_str(text);
            ends.push(joined.len());
        }
    }
    assert!(
        joined.len() <= u16::MAX as usize,
        "the English texts outgrew u16 offsets"
    );
    let ends: Vec<String> = ends.iter().map(usize::to_string).collect();
    let _ = writeln!(
        rs,
        "\nconst EN_TEXTS: &str = {joined:?};\nconst EN_ENDS: [u16; TEXTS] = [{}];\n\n/// The text of `msg` in English.\npub fn text_en(msg: Msg) -> &'static str {{\n    let i = msg as usize;\n    let start = if i == 0 {{ 0 }} else {{ EN_ENDS[i - 1] as usize }};\n    EN_TEXTS.get(start..EN_ENDS[i] as usize).unwrap_or_default()\n}}",
        ends.join(", ")
    );
    let _ = writeln!(
        rs,
        "\n/// The text of `count` in English for the plural form `form`.\npub fn count_en(count: Count, form: &str) -> &'static str {{\n    match (count, form) {{"
    );
    for key in &counts {
        if let Some(Message::Count(forms)) = english.get(key) {
            for (form, text) in forms {
                let name = form.name();
                if *form != Plural::Other {
                    let _ = writeln!(
                        rs,
                        "        (Count::{}, {name:?}) => {text:?},",
                        variant(key)
                    );
                }
            }
            let other = forms
                .iter()
                .find(|(f, _)| *f == Plural::Other)
                .map_or("", |(_, t)| t.as_str());
            let _ = writeln!(rs, "        (Count::{}, _) => {other:?},", variant(key));
        }
    }
    rs.push_str("    }\n}\n");
    let mut files = Vec::new();
    for messages in all.iter().filter(|m| m.lang != Lang::En) {
        let code = messages.lang.code();
        let table = table(messages, &texts, &counts);
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&table, &mut hasher);
        let file = format!(
            "messages-{code}-{:016x}.json",
            std::hash::Hasher::finish(&hasher)
        );
        let _ = writeln!(
            rs,
            "\n/// The messages in `{code}` as the app reads them from [`file_of`]: `texts` in the order of\n/// `Msg`, `counts` in the order of `Count`, each its forms in the order `Plural::forms` gives.\n#[cfg(feature = \"ssr\")]\npub const TABLE_{}: &str = {table:?};",
            code.to_uppercase()
        );
        files.push((code, file));
    }
    let _ = writeln!(
        rs,
        "\n/// The file the build writes a language's messages to, beside the pages (none for English,\n/// which the app has built in).\npub fn file_of(lang: messages::Lang) -> Option<&'static str> {{\n    match lang.code() {{"
    );
    for (code, file) in &files {
        let _ = writeln!(rs, "        {code:?} => Some({file:?}),");
    }
    rs.push_str("        _ => None,\n    }\n}\n");
    let _ = writeln!(
        rs,
        "\n/// A language's table (see `file_of`), for the build to write.\n#[cfg(feature = \"ssr\")]\npub fn table_of(lang: messages::Lang) -> Option<&'static str> {{\n    match lang.code() {{"
    );
    for (code, _) in &files {
        let _ = writeln!(
            rs,
            "        {code:?} => Some(TABLE_{}),",
            code.to_uppercase()
        );
    }
    rs.push_str("        _ => None,\n    }\n}\n");
    rs
}

/// One language's messages as JSON: `{"texts": [...], "counts": [[...], ...]}`.
fn table(messages: &Messages, texts: &[&str], counts: &[&str]) -> String {
    let quote = |text: &str| serde_json::to_string(text).unwrap();
    let texts: Vec<String> = texts
        .iter()
        .map(|key| match messages.get(key) {
            Some(Message::Text(text)) => quote(text),
            _ => unreachable!("checked against English"),
        })
        .collect();
    let counts: Vec<String> = counts
        .iter()
        .map(|key| match messages.get(key) {
            Some(Message::Count(forms)) => {
                let forms: Vec<String> = Plural::forms(messages.lang)
                    .iter()
                    .map(|form| {
                        let text = forms.iter().find(|(f, _)| f == form).map_or("", |(_, t)| t);
                        quote(text)
                    })
                    .collect();
                format!("[{}]", forms.join(","))
            }
            _ => unreachable!("checked against English"),
        })
        .collect();
    format!(
        "{{\"texts\":[{}],\"counts\":[{}]}}",
        texts.join(","),
        counts.join(",")
    )
}
