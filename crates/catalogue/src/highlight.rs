//! Words in the text as written: marking the ones a search matched, and replacing misspelt ones
//! with a suggestion. Both work on the original text, so what is shown keeps its case, accents
//! and punctuation; words are compared folded, as the index holds them.

use std::ops::Range;

use crate::text::{fold, fold_into, is_hyphen};

/// The words of `text` as written: each one's byte range and folded form. A word is a run of
/// letters and digits; an apostrophe inside it ("student's") belongs to it, as folding drops it.
pub fn spans(text: &str) -> Vec<(Range<usize>, String)> {
    let ranges = word_ranges(text).into_iter();
    ranges.map(|r| (r.clone(), fold(&text[r]))).collect()
}

/// The byte ranges of the words of `text` (see [`spans`]).
fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let inside =
            c.is_alphanumeric() || (matches!(c, '\'' | '’') && start.is_some() && next_is_word);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Cuts `text` into pieces that together are the whole text, each marked `true` where it is a
/// word in `marks` (folded words, sorted). A hyphenated compound whose joined form is in `marks`
/// ("well-being" for "wellbeing") is marked whole.
pub fn mark(text: &str, marks: &[String]) -> Vec<(Range<usize>, bool)> {
    let words = word_ranges(text);
    // Words are folded into one buffer: this runs for every result shown, at every keystroke.
    let mut folded = String::new();
    let mut known = |ranges: &[Range<usize>]| {
        folded.clear();
        ranges
            .iter()
            .for_each(|r| fold_into(&text[r.clone()], &mut folded));
        marks.binary_search_by(|m| m.as_str().cmp(&folded)).is_ok()
    };
    let mut marked: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The hyphen run starting at i: words i..j joined by single hyphens.
        let mut j = i + 1;
        while j < words.len() && is_hyphen(&text[words[j - 1].end..words[j].start]) {
            j += 1;
        }
        if j - i > 1 && known(&words[i..j]) {
            marked.push(words[i].start..words[j - 1].end);
        } else {
            for k in i..j {
                if known(&words[k..k + 1]) {
                    marked.push(words[k].clone());
                }
            }
        }
        i = j;
    }
    let mut out = Vec::with_capacity(2 * marked.len() + 1);
    let mut at = 0;
    for range in marked {
        if range.start > at {
            out.push((at..range.start, false));
        }
        at = range.end;
        out.push((range, true));
    }
    if at < text.len() {
        out.push((at..text.len(), false));
    }
    out
}

/// `text` with every word whose folded form is a key of `replacements` replaced by its value;
/// everything else is kept as written.
pub fn replace_words(text: &str, replacements: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, folded) in spans(text) {
        if let Some((_, to)) = replacements.iter().find(|(from, _)| *from == folded) {
            out.push_str(&text[at..range.start]);
            out.push_str(to);
            at = range.end;
        }
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, marks: &[&str]) -> Vec<String> {
        let mut marks: Vec<String> = marks.iter().map(|m| m.to_string()).collect();
        marks.sort();
        mark(text, &marks)
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(r, _)| text[r].to_owned())
            .collect()
    }

    #[test]
    fn marks_words_as_written() {
        assert_eq!(
            marked(
                "Students’ Wellbeing and Accommodation",
                &["accommodation", "students"]
            ),
            ["Students", "Accommodation"]
        );
        assert_eq!(marked("a student’s view", &["students"]), ["student’s"]);
        assert_eq!(marked("Well-being at work", &["wellbeing"]), ["Well-being"]);
        assert_eq!(marked("well being", &["being", "well"]), ["well", "being"]);
        assert_eq!(marked("Géraldine", &["geraldine"]), ["Géraldine"]);
        assert!(marked("nothing here", &["else"]).is_empty());
    }

    #[test]
    fn pieces_cover_the_whole_text() {
        let text = "A guide: peer mentoring, peer-led (2024).";
        let marks = vec!["mentoring".to_owned(), "peer".to_owned()];
        let pieces = mark(text, &marks);
        let whole: String = pieces.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(whole, text);
        assert!(pieces.windows(2).all(|w| w[0].0.end == w[1].0.start));
    }

    #[test]
    fn replaces_words_keeping_the_rest() {
        let replacements = [("accomodation".to_owned(), "accommodation".to_owned())];
        assert_eq!(
            replace_words("Accomodation  costs", &replacements),
            "accommodation  costs"
        );
        assert_eq!(replace_words("no change", &replacements), "no change");
    }
}
