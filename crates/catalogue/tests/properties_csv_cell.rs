//! Properties of the spreadsheet cell rule (`defuse_cell`, `restore_cell`) that hold for any
//! text: restoring a defused cell gives back exactly the text, and no defused cell starts with a
//! character a spreadsheet would run as a formula.
//!
//! Failures are not written to disk (the shrunk case is printed instead).

mod common;

use catalogue::export::{defuse_cell, restore_cell};
use common::{config, text};
use proptest::prelude::*;
use proptest::sample::select;

/// What a spreadsheet runs as a formula at the start of a cell (OWASP's list and the full-width
/// forms), written out here apart from the rule's own list.
const TRIGGERS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Text often starting with a trigger or with apostrophes (one, or several).
fn cell_text() -> impl Strategy<Value = String> {
    let mut starts = TRIGGERS.to_vec();
    starts.extend(['\'', ' ', '\n', '"', ',', 'a']);
    let start = prop::collection::vec(select(starts), 0..4).prop_map(String::from_iter);
    prop_oneof![
        1 => text(),
        3 => (start, text()).prop_map(|(start, rest)| start + &rest),
    ]
}

proptest! {
    #![proptest_config(config(1024))]

    /// The rule is reversible: any text goes to a cell and comes back exactly.
    #[test]
    fn restoring_a_defused_cell_gives_back_the_text(s in cell_text()) {
        let cell = defuse_cell(&s);
        prop_assert_eq!(restore_cell(&cell), s.as_str());
    }

    /// No defused cell starts with a trigger; text is changed only when it must be, and then
    /// only by an apostrophe in front.
    #[test]
    fn a_defused_cell_never_starts_with_a_trigger(s in cell_text()) {
        let cell = defuse_cell(&s);
        prop_assert!(!cell.starts_with(TRIGGERS), "{:?} from {:?}", cell, s);
        let must = s.starts_with(TRIGGERS) || s.starts_with('\'');
        let expected = if must { format!("'{s}") } else { s.clone() };
        prop_assert_eq!(cell.as_ref(), expected.as_str());
    }
}

#[test]
fn the_triggers_and_apostrophes_are_defused() {
    for c in TRIGGERS.into_iter().chain(['\'']) {
        let s = format!("{c}x");
        assert_eq!(defuse_cell(&s), format!("'{s}"), "{c:?}");
    }
    assert_eq!(defuse_cell("'"), "''");
    assert_eq!(restore_cell("''"), "'");
    assert_eq!(defuse_cell(""), "");
    assert_eq!(defuse_cell("Plain = text"), "Plain = text");
    assert_eq!(restore_cell("Plain"), "Plain");
}
