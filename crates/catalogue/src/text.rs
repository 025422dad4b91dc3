//! Text analysis shared by indexing and querying: Unicode folding, word splitting, stop words
//! and English stemming.
//!
//! Indexing and querying must analyse text identically, so both go through [`Analyzer`].

use rust_stemmers::{Algorithm, Stemmer};

/// Base letters of U+00C0..=U+024F (Latin-1 Supplement, Latin Extended-A and -B), one byte per
/// code point; `.` marks a character with no single ASCII base letter.
const LATIN: &[u8; 400] = b"\
aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.\
................................oo.............uu...............\
.............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// Base letters of U+1E00..=U+1EFF (Latin Extended Additional: Vietnamese, Welsh ŵ ŷ …).
const LATIN_ADDITIONAL: &[u8; 256] = b"\
aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm\
mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv\
wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee\
eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// Lowercases and removes accents, so "Géraldine" and "geraldine" compare equal.
///
/// For Latin letters this gives the same result as canonical decomposition (NFD) with the
/// accents dropped — a test checks every covered code point against `unicode-normalization` —
/// but from two small tables instead of that crate's ~95 KB of decomposition data, which would
/// have been a third of the app's download. Other scripts are lowercased and kept as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out` (so a caller folding many words can reuse one buffer).
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII (most text) is copied whole and lowercased in place. Apostrophes go,
        // so "students'" and "student's" fold like "students".
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for piece in rest[..ascii].split('\'') {
            let start = out.len();
            out.push_str(piece);
            out[start..].make_ascii_lowercase();
        }
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        let table = match c as u32 {
            // The typographic apostrophe, as above.
            0x2019 => continue,
            // Combining accents (text that arrives already decomposed).
            0x0300..=0x036F => continue,
            n @ 0x00C0..=0x024F => LATIN[(n - 0x00C0) as usize],
            n @ 0x1E00..=0x1EFF => LATIN_ADDITIONAL[(n - 0x1E00) as usize],
            _ => b'.',
        };
        if table != b'.' {
            out.push(table as char);
            continue;
        }
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ĳ' | 'Ĳ' => out.push_str("ij"),
            'þ' | 'Þ' => out.push_str("th"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ħ' | 'Ħ' => out.push('h'),
            'ı' => out.push('i'),
            c => out.push(lowercase_greek_cyrillic(c)),
        }
    }
}

/// Lowercases the Greek and Cyrillic alphabets, the other scripts a UK catalogue may quote;
/// anything else is kept as it is. Full Unicode lowercasing would add about 6 KB (gzipped) of
/// tables to the app for scripts this catalogue does not use.
fn lowercase_greek_cyrillic(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x0391..=0x03A9 if n != 0x03A2 => n + 0x20,
        0x0410..=0x042F => n + 0x20,
        0x0400..=0x040F => n + 0x50,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A name or phrase as a search compares it: folded words, one space apart ("Student  Minds!"
/// → "student minds").
pub fn searched(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in words(&folded) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits folded text into words: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_change(folded, at, false)?;
        at = next_change(folded, start, true).unwrap_or(folded.len());
        Some(&folded[start..at])
    })
}

/// The offset of the first character from byte `from` that is a letter or digit (`in_word`
/// false) or is not one (`in_word` true). ASCII is tested byte by byte: indexing runs this over
/// every character of the catalogue.
fn next_change(text: &str, from: usize, in_word: bool) -> Option<usize> {
    let mut i = from;
    while let Some(&b) = text.as_bytes().get(i) {
        let (word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next()?;
            (c.is_alphanumeric(), c.len_utf8())
        };
        if word != in_word {
            return Some(i);
        }
        i += len;
    }
    None
}

/// Calls `f` with each folded word of `text` worth indexing or searching for: no stop words, no
/// stray single letters (left by "A-level" or initials). Borrowing the words saves an
/// allocation per word when indexing, where most words are already known.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let folded = fold(text);
    for_each_run(&folded, |run| {
        run.iter().copied().filter(|w| is_kept(w)).for_each(&mut f)
    });
}

/// The words the index holds: like [`for_each_word`], and after the words of each hyphenated
/// compound ("well-being", "co-curricular", "A-level") its joined form ("wellbeing",
/// "cocurricular", "alevel"), so the compound is found however it is written. Its buffers are
/// kept from one text to the next: indexing splits every field of every resource, and reusing
/// them saves allocations in each.
#[derive(Default)]
pub struct IndexWords {
    folded: String,
    joined: String,
}

impl IndexWords {
    /// Calls `f` with each word of `text` the index holds, in one pass: the runs of
    /// [`for_each_run`] are followed as the words go by.
    pub fn each(&mut self, text: &str, mut f: impl FnMut(&str)) {
        self.folded.clear();
        fold_into(text, &mut self.folded);
        let (folded, joined) = (&self.folded, &mut self.joined);
        // The words so far in the current run, and where the last one started and ended.
        let (mut parts, mut start, mut end) = (0, 0, 0);
        for word in words(folded) {
            let at = word.as_ptr() as usize - folded.as_ptr() as usize;
            if parts > 0 && is_hyphen(&folded[end..at]) {
                if parts == 1 {
                    joined.clear();
                    joined.push_str(&folded[start..end]);
                }
                joined.push_str(word);
                parts += 1;
            } else {
                if parts > 1 {
                    f(joined);
                }
                parts = 1;
            }
            if is_kept(word) {
                f(word);
            }
            (start, end) = (at, at + word.len());
        }
        if parts > 1 {
            f(joined);
        }
    }
}

/// Whether a folded word is worth indexing: not a stop word, not a stray single letter.
pub fn is_kept(word: &str) -> bool {
    !is_stop_word(word) && (word.len() != 1 || word.as_bytes()[0].is_ascii_digit())
}

/// Calls `f` with each run of words of folded text joined by single hyphens: "well-being" is one
/// run of two words, a word on its own a run of one.
pub fn for_each_run<'t>(folded: &'t str, mut f: impl FnMut(&[&'t str])) {
    let mut run: Vec<&str> = Vec::new();
    let mut end = 0;
    for word in words(folded) {
        let start = word.as_ptr() as usize - folded.as_ptr() as usize;
        if !run.is_empty() && !is_hyphen(&folded[end..start]) {
            f(&run);
            run.clear();
        }
        run.push(word);
        end = start + word.len();
    }
    if !run.is_empty() {
        f(&run);
    }
}

/// The hyphens that join a compound's parts: ASCII, Unicode hyphen and non-breaking hyphen.
pub fn is_hyphen(between: &str) -> bool {
    // As bytes (U+2010 and U+2011 are E2 80 90 and E2 80 91 in UTF-8): this runs between every
    // two words indexed.
    matches!(between.as_bytes(), [b'-'] | [0xE2, 0x80, 0x90 | 0x91])
}

/// The words of `text` as [`for_each_word`] gives them.
pub fn index_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_owned()));
    out
}

/// Words too common to help find anything. Kept short on purpose: words such as "not",
/// "support" or "student" carry meaning in this catalogue's titles. (The list is written out
/// in the tests, which check this against it.)
pub fn is_stop_word(word: &str) -> bool {
    // By length first (short comparisons the compiler inlines): most words are longer than
    // any stop word, and this runs for every word indexed.
    match word.len() {
        1 => word == "a",
        2 => matches!(
            word,
            "an" | "as" | "at" | "be" | "by" | "in" | "is" | "it" | "of" | "on" | "or" | "to"
        ),
        3 => matches!(word, "and" | "are" | "for" | "how" | "its" | "the" | "was"),
        4 => matches!(
            word,
            "from" | "into" | "that" | "this" | "were" | "what" | "with"
        ),
        5 => matches!(word, "their" | "which"),
        _ => false,
    }
}

/// Stems words (English). Holds the stemmer so it is built once.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    pub fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word).into_owned()
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
