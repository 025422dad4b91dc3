//! What's new: the catalogue's resources by the date they were added, newest first, grouped by
//! month, for the "What's new" page and the feeds.

use crate::model::Catalogue;

/// The resources added in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// "November 2026".
    pub label: String,
    /// "2026-11": sorts like the month, and makes an element id.
    pub key: String,
    /// Positions in the catalogue, newest first, then by title.
    pub positions: Vec<usize>,
}

/// Every resource's position, newest addition first; resources added the same day by title.
pub fn newest_first(catalogue: &Catalogue) -> Vec<usize> {
    let resources = &catalogue.resources;
    let mut positions: Vec<usize> = (0..resources.len()).collect();
    positions.sort_by(|&a, &b| {
        let (a, b) = (&resources[a], &resources[b]);
        b.added.cmp(&a.added).then_with(|| a.title.cmp(&b.title))
    });
    positions
}

/// The resources grouped by the month they were added, newest month first.
pub fn by_month(catalogue: &Catalogue) -> Vec<Month> {
    let mut months: Vec<Month> = Vec::new();
    for position in newest_first(catalogue) {
        let added = &catalogue.resources[position].added;
        let key = &added.as_str()[..7];
        match months.last_mut() {
            Some(month) if month.key == key => month.positions.push(position),
            _ => months.push(Month {
                label: added.month_form(),
                key: key.to_owned(),
                positions: vec![position],
            }),
        }
    }
    months
}
