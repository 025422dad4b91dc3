//! Checks for the synonym groups: lists of single words a search treats as the same.

use serde_json::Value;

use super::{Checker, Location, kind};
use crate::text::{fold, is_kept, words};

impl Checker {
    /// Reads `synonyms`: a list of groups, each a list of at least two single words, no word
    /// in two groups. A missing list reads as none.
    pub(super) fn synonyms(&mut self, value: Option<&Value>) -> Vec<Vec<String>> {
        let groups = self.list(&Location::Document, "synonyms", value);
        // Folded word and the group (0-based) that has it first. A list: there are few.
        let mut owners: Vec<(String, usize)> = Vec::new();
        let mut out = Vec::with_capacity(groups.len());
        for (index, group) in groups.iter().enumerate() {
            let location = Location::Synonyms { index };
            let Some(items) = group.as_array() else {
                let message = format!("must be a list of words, not {}", kind(group));
                self.report(&location, "", message);
                continue;
            };
            let mut kept = Vec::with_capacity(items.len());
            for item in items {
                match item.as_str().map(str::trim) {
                    Some(word) => {
                        if self.synonym(&location, word, index, &mut owners) {
                            kept.push(word.to_owned());
                        }
                    }
                    None => {
                        let message = format!("must be a list of words, but has {}", kind(item));
                        self.report(&location, "", message);
                    }
                }
            }
            if items.len() < 2 {
                self.report(&location, "", "needs at least two words that mean the same");
            }
            out.push(kept);
        }
        out
    }

    /// Checks one word of group `index`; true when it is kept.
    fn synonym(
        &mut self,
        location: &Location,
        word: &str,
        index: usize,
        owners: &mut Vec<(String, usize)>,
    ) -> bool {
        let folded = fold(word);
        let parts: Vec<&str> = words(&folded).collect();
        let message = match parts.as_slice() {
            [one] if !is_kept(one) => {
                format!("\"{word}\" is too common to search for (a stop word or a single letter)")
            }
            [one] => match owners.iter().find(|(w, _)| w == one) {
                None => {
                    owners.push(((*one).to_owned(), index));
                    return true;
                }
                Some(&(_, owner)) if owner == index => {
                    format!("\"{word}\" is in this group twice")
                }
                Some((_, owner)) => {
                    format!("\"{word}\" is already in synonym group #{}", owner + 1)
                }
            },
            _ => format!(
                "\"{word}\" must be a single word (a phrase belongs in a taxonomy term's aliases)"
            ),
        };
        self.report(location, "", message);
        false
    }
}
