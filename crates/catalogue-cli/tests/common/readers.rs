//! Readers for the export formats, written apart from the exporter: RIS records, BibTeX
//! entries and name lists, and LaTeX text as a reader sees it.

use unicode_normalization::UnicodeNormalization;

/// RIS records: tag and value pairs, one per line, each record ended by `ER`.
pub fn read_ris(text: &str) -> Vec<Vec<(String, String)>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(!line.contains('\n'), "a bare line feed in {line:?}");
        let (tag, value) = line.split_at(2);
        assert!(
            tag.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
            "{line}"
        );
        let value = value
            .strip_prefix("  - ")
            .unwrap_or_else(|| panic!("not a RIS line: {line:?}"));
        if tag == "ER" {
            records.push(std::mem::take(&mut record));
        } else {
            record.push((tag.to_owned(), value.to_owned()));
        }
    }
    assert!(record.is_empty(), "a record without ER");
    records
}

/// A BibTeX entry: its type, key and fields (name, value without its outer braces).
pub type Entry = (String, String, Vec<(String, String)>);

/// BibTeX entries, read in order.
pub fn read_bibtex(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut rest = text.trim();
    while let Some(at) = rest.strip_prefix('@') {
        let open = at.find('{').unwrap();
        let kind = at[..open].to_owned();
        let comma = at.find(",\n").unwrap();
        let key = at[open + 1..comma].to_owned();
        let mut fields = Vec::new();
        let mut body = &at[comma + 2..];
        loop {
            body = body.trim_start();
            if let Some(after) = body.strip_prefix('}') {
                rest = after.trim_start();
                break;
            }
            let (name, value) = body.split_once(" = {").unwrap();
            // The value runs to its matching brace (an escaped brace is not counted).
            let (mut depth, mut end) = (1, 0);
            let mut chars = value.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            fields.push((name.trim().to_owned(), value[..end].to_owned()));
            body = value[end + 1..].strip_prefix(",").unwrap();
        }
        entries.push((kind, key, fields));
    }
    assert!(rest.is_empty(), "left unread: {rest:.80}");
    entries
}

/// LaTeX as a reader renders it: accent commands as combining marks (composed), special
/// characters unescaped, braces dropped.
pub fn untex(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => command(&mut chars, &mut out),
            '~' => out.push('\u{A0}'),
            '-' if chars.peek() == Some(&'-') => {
                chars.next();
                out.push(if chars.next_if_eq(&'-').is_some() {
                    '—'
                } else {
                    '–'
                });
            }
            '`' if chars.next_if_eq(&'`').is_some() => out.push('“'),
            '`' => out.push('‘'),
            '\'' if chars.next_if_eq(&'\'').is_some() => out.push('”'),
            '\'' => out.push('’'),
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// A command after its backslash: an accent on the letter after it, a letter of its own, or
/// an escaped character.
fn command(chars: &mut Chars, out: &mut String) {
    let mut name: String = chars.next().into_iter().collect();
    if name.chars().all(|c| c.is_ascii_alphabetic()) {
        while let Some(n) = chars.next_if(|n| n.is_ascii_alphabetic()) {
            name.push(n);
        }
    }
    let mark = match name.as_str() {
        "`" => '\u{300}',
        "'" => '\u{301}',
        "^" => '\u{302}',
        "~" => '\u{303}',
        "\"" => '\u{308}',
        "H" => '\u{30B}',
        "v" => '\u{30C}',
        "c" => '\u{327}',
        "k" => '\u{328}',
        "." => '\u{307}',
        _ => {
            out.push_str(symbol(&name));
            return;
        }
    };
    // The letter the accent sits on, after a space or brace if any.
    while chars.next_if(|c| matches!(c, ' ' | '{')).is_some() {}
    let letter = match chars.next() {
        Some('\\') => {
            chars.next(); // \i
            'i'
        }
        Some(l) => l,
        None => panic!("an accent on nothing"),
    };
    out.extend([letter, mark]);
}

fn symbol(name: &str) -> &str {
    match name {
        "ss" => "ß",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "o" => "ø",
        "O" => "Ø",
        "l" => "ł",
        "L" => "Ł",
        "aa" => "å",
        "AA" => "Å",
        "i" => "ı",
        "textbackslash" => "\\",
        "textasciitilde" => "~",
        "textasciicircum" => "^",
        "ldots" => "…",
        "url" => "",
        other => other, // \& \% \$ \# \_ \{ \}
    }
}

/// A BibTeX name list: names separated by " and " outside braces.
pub fn names(list: &str) -> Vec<String> {
    let (mut names, mut name, mut depth) = (Vec::new(), String::new(), 0);
    let mut rest = list;
    while let Some(c) = rest.chars().next() {
        if depth == 0 && rest.starts_with(" and ") {
            names.push(std::mem::take(&mut name));
            rest = &rest[5..];
            continue;
        }
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        name.push(c);
        rest = &rest[c.len_utf8()..];
    }
    names.push(name);
    names
}
