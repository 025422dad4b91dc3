//! Reading the search text: words, hyphenated compounds and quoted phrases.

use crate::text::{fold, for_each_run, is_kept};

/// One thing the visitor asked for.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    /// One word, folded.
    Word(String),
    /// Words that must stand next to each other, in order; or, when `joined` is given, that
    /// one word instead ("well-being": `well being` or `wellbeing`).
    Words {
        parts: Vec<String>,
        joined: Option<String>,
    },
}

impl Piece {
    /// The piece as the notices name it: "worries", "peer mentoring".
    pub fn text(&self) -> String {
        match self {
            Piece::Word(word) => word.clone(),
            Piece::Words { parts, .. } => parts.join(" "),
        }
    }
}

/// The pieces of a search text. Text between two double quotes is a phrase; a quote not yet
/// closed (the visitor is still typing) is ignored.
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let text = text.replace(['“', '”'], "\"");
    let segments: Vec<&str> = text.split('"').collect();
    let mut out = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let folded = fold(segment);
        let quoted = i % 2 == 1 && i + 1 < segments.len();
        if quoted {
            let mut parts = Vec::new();
            for_each_run(&folded, |run| {
                parts.extend(run.iter().filter(|w| is_kept(w)).map(|w| w.to_string()));
            });
            out.extend(phrase(parts, None));
        } else {
            for_each_run(&folded, |run| {
                let parts = run.iter().filter(|w| is_kept(w)).map(|w| w.to_string());
                let joined = (run.len() > 1).then(|| run.concat());
                out.extend(phrase(parts.collect(), joined));
            });
        }
    }
    out
}

/// The piece for some words: none, one word, or words in a row.
fn phrase(mut parts: Vec<String>, joined: Option<String>) -> Option<Piece> {
    match (parts.len(), joined) {
        (2.., joined) => Some(Piece::Words { parts, joined }),
        // "A-level": the joined form is the word.
        (_, Some(joined)) => Some(Piece::Word(joined)),
        (1, None) => parts.pop().map(Piece::Word),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(parts: &[&str], joined: Option<&str>) -> Piece {
        Piece::Words {
            parts: parts.iter().map(|p| p.to_string()).collect(),
            joined: joined.map(str::to_owned),
        }
    }

    #[test]
    fn reads_words_compounds_and_phrases() {
        assert_eq!(
            pieces("Money worries"),
            [Piece::Word("money".into()), Piece::Word("worries".into())]
        );
        assert_eq!(
            pieces("well-being"),
            [words(&["well", "being"], Some("wellbeing"))]
        );
        assert_eq!(pieces("A-level"), [Piece::Word("alevel".into())]);
        assert_eq!(
            pieces("“peer mentoring” in halls"),
            [
                words(&["peer", "mentoring"], None),
                Piece::Word("halls".into())
            ]
        );
        // Still typing: the open quote is ignored.
        assert_eq!(
            pieces("\"peer ment"),
            [Piece::Word("peer".into()), Piece::Word("ment".into())]
        );
        assert_eq!(pieces("\"the\" and"), []);
    }
}
