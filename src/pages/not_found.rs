//! What to show for an address that leads nowhere.

use catalogue::BrowseQuery;
use leptos::prelude::*;

use crate::pages::{HEADING_ID, page_title};
use crate::routes::Base;

/// The router's fallback for unknown paths.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <Missing what="page"/> }
}

/// A page or resource that does not exist (a mistyped or outdated link).
#[component]
pub fn Missing(what: &'static str) -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(move || format!("No such {what}")));
    view! {
        <h1 id=HEADING_ID tabindex="-1">{format!("We could not find that {what}")}</h1>
        <p>
            "The link may be mistyped, or the " {what}
            " may have been removed or renamed since the link was shared."
        </p>
        <p>
            <a href=base.browse(&BrowseQuery::default())>"Browse all resources"</a>
            " or go to the "
            <a href=base.home() rel="external">"home page"</a>
            "."
        </p>
    }
}
