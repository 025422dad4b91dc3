//! Passing a page on to colleagues: the system's share sheet (or the link copied where there
//! is none) and an email with the page's address.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::platform::{Shared, page_url, share_link};

/// The page's public address, where the build knows it (a static page built with `SITE_URL`):
/// there, "Email this" works without scripts. In the browser it is the address shown.
#[derive(Clone)]
pub struct PageAddress(pub String);

/// What is passed on with the page's address: the email's subject (also the share sheet's
/// title) and its text, which the address follows. Read when it is used.
pub type Message = Arc<dyn Fn() -> (String, String) + Send + Sync>;

/// "Share link" and "Email this", with a status line that says what sharing did.
#[component]
pub fn ShareLinks(
    /// Names the pair for assistive technology, and is shown before them: "Share this resource".
    label: &'static str,
    message: Message,
) -> impl IntoView {
    let status = RwSignal::new("");
    let share = {
        let message = message.clone();
        move |_| {
            let (subject, _) = message();
            spawn_local(async move {
                status.set(match share_link(&subject, &page_url()).await {
                    Shared::Sheet => "Shared.",
                    Shared::Cancelled => "",
                    Shared::Copied => "Link copied: paste it to pass this page on.",
                    Shared::Failed => {
                        "Sharing is not available here: copy the address bar instead."
                    }
                });
            });
        }
    };
    // The address changes with the page and, on browse, with every search and filter.
    let location = use_location();
    let known = use_context::<PageAddress>().map(|a| a.0);
    let email = move || {
        location.pathname.track();
        location.search.track();
        let (subject, text) = message();
        let address = known.clone().unwrap_or_else(page_url);
        let text = [&text, "\n\n", &address, "\n"].concat();
        contributions::mailto("", &subject, &text)
    };
    view! {
        <div class="share-links" role="group" aria-label=label>
            <span class="share-label" aria-hidden="true">{label} ":"</span>
            <button type="button" class="button secondary" on:click=share>"Share link"</button>
            <a class="button secondary" href=email>"Email this"</a>
            <span class="share-status" role="status">{move || status.get()}</span>
        </div>
    }
}
