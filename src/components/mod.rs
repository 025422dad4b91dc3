//! Pieces shared by several pages.

pub mod error;
pub mod feedback;
pub mod forms;
pub mod layout;
pub mod resource_card;
pub mod submissions;

/// "1 resource", "12 resources": the noun agrees with the number.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
