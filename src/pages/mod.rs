//! One module per route.

pub mod about;
pub mod browse;
pub mod contribute;
pub mod home;
pub mod not_found;
pub mod resource;

use leptos::prelude::*;

use crate::data::Settings;
use crate::platform::{focus, set_title};

/// The id of every page's `<h1>`, which receives focus after in-app navigation.
pub const HEADING_ID: &str = "page-heading";

/// Whether a page has been shown yet in this visit; provided once by the app.
#[derive(Clone, Copy)]
pub struct Navigated(StoredValue<bool>);

impl Navigated {
    pub fn provide() {
        provide_context(Navigated(StoredValue::new(false)));
    }
}

/// Sets the document title for a page and, when the page was reached by in-app navigation,
/// moves focus to its heading so screen-reader users hear where they are (as they would after
/// a full page load).
///
/// The title is a boxed closure so that every page shares one compiled effect.
pub fn page_title(title: Box<dyn Fn() -> String + Send + Sync>) {
    let navigated = expect_context::<Navigated>();
    let site = expect_context::<Settings>().config.title.clone();
    let first_page = !navigated.0.get_value();
    navigated.0.set_value(true);
    Effect::new(move |_| set_title(&format!("{} – {site}", title())));
    if !first_page {
        // After the new page is in the document.
        request_animation_frame(|| focus(HEADING_ID));
    }
}
