//! How far apart two words are: the optimal string alignment distance (Damerau–Levenshtein
//! where a swap of two neighbouring letters counts as one edit, "recieve" → "receive").

/// The most edits a query word of this many characters may be from a word it matches: none
/// below 4 (a short word has too many neighbours), one up to 7, two from 8.
pub(super) fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The distance between `a` and `b` if it is at most `max`.
pub(super) fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        bounded(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded(&a, &b, max)
    }
}

/// Longest words compared; longer ones are never a typo of anything.
const MAX_CHARS: usize = 64;

/// Three rows of the edit-distance table (on the stack: this runs for every candidate word on
/// every keystroke), given up as soon as a whole row exceeds `max`.
fn bounded<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || a.len() > MAX_CHARS || b.len() > MAX_CHARS {
        return None;
    }
    let mut rows = [[0u8; MAX_CHARS + 1]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    // rows[(i + 1) % 3] is row i - 1, rows[i % 3] row i, rows[(i + 2) % 3] row i - 2.
    for i in 1..=a.len() {
        let (now, last, before) = ((i + 1) % 3, i % 3, (i + 2) % 3);
        rows[now][0] = i as u8;
        let mut smallest = i;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[last][j] + 1)
                .min(rows[now][j - 1] + 1)
                .min(rows[last][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before][j - 2] + 1);
            }
            rows[now][j] = d;
            smallest = smallest.min(usize::from(d));
        }
        if smallest > max {
            return None;
        }
    }
    let d = usize::from(rows[(a.len() + 1) % 3][b.len()]);
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits() {
        assert_eq!(distance("accomodation", "accommodation", 2), Some(1));
        assert_eq!(distance("resilence", "resilience", 2), Some(1));
        // A swap of neighbours is one edit.
        assert_eq!(distance("mnetal", "mental", 1), Some(1));
        assert_eq!(distance("wellbeign", "wellbeing", 2), Some(1));
        assert_eq!(distance("careers", "careers", 0), Some(0));
        assert_eq!(distance("stress", "street", 1), None);
        assert_eq!(distance("stress", "street", 2), Some(2));
        assert_eq!(distance("ζωή", "ζωη", 1), Some(1));
        assert_eq!(distance("", "ab", 2), Some(2));
        assert_eq!(distance("abc", "", 2), None);
    }

    #[test]
    fn short_words_need_exact_matches() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(4), 1);
        assert_eq!(allowed_edits(7), 1);
        assert_eq!(allowed_edits(8), 2);
    }
}
