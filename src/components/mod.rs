//! Pieces shared by several pages.

pub mod collections;
pub mod comments;
pub mod feedback;
pub mod form_words;
pub mod forms;
pub mod layout;
pub mod listing;
pub mod needs_catalogue;
pub mod resource_card;
pub mod share;
pub mod submissions;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::text::{Msg, fill, t};

/// Says, only where scripts do not run, that a control needs them (the static pages are
/// readable without, but searching and filtering are done by the app), and where to browse
/// instead: the approach, type, evidence and subject pages linked from the home page.
///
/// Only the static pages carry it: a reader without scripts never sees the app's rendering, and
/// where scripts run a `<noscript>` shows nothing.
#[component]
pub fn NeedsScript(what: &'static str) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let ways_in = expect_context::<crate::routes::Base>().home_section("approaches-heading");
        view! {
            <noscript>
                <p class="hint">
                    {fill(Msg::NeedsScriptText, &[("what", what)])} " "
                    <a href=ways_in>{t(Msg::NeedsScriptLink)}</a> "."
                </p>
            </noscript>
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = what;
    }
}
