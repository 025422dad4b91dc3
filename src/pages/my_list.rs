//! My list (`/list`): the resources a visitor saved with "Save", in their order, to reorder,
//! share as a link, export and print. A list shared as a link (`/list?ids=a,b,c`) shows a
//! colleague's list, with an offer to save it.
//!
//! A page of its own (see [`crate::pages::standalone`]), in two halves. The build writes this
//! frame: the words, the controls for the whole list (hidden until there is a list) and what
//! the page says without scripts. In the browser, `src/js/my-list.js` (loaded by
//! `src/js/controls.js`, which keeps the list) draws the list into `#list-items` from the build's
//! cards (`cards.json`), shows the parts that apply, and answers the controls. The list cannot
//! be written by the build, being the visitor's own, and it is not drawn by the app: the
//! app's shell has no room left for it (see ARCHITECTURE.md, "Size").

use leptos::prelude::*;

use crate::components::share::export_group;
use crate::pages::{HEADING_ID, page_title};
use crate::routes::Base;

#[component]
pub fn MyListPage() -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(|| "My list".to_owned()));
    view! {
        <h1 id=HEADING_ID tabindex="-1">"My list"</h1>
        <p class="lede">
            "Resources you saved with “Save”, kept in this browser on this device: nobody else sees them unless you share the list. "
            "Put them in the order you need, then share the list with colleagues, export it to a reference manager or a spreadsheet, or print it as a reading list."
        </p>
        <div id="my-list" class="my-list">
            <p id="list-loading" class="boot" role="status">"Loading your list…"</p>
            <noscript>
                <p class="boot">
                    "My list needs JavaScript: it is kept by your browser. Every resource's own page can be read, cited and shared without it."
                </p>
            </noscript>
            <p id="list-kept" class="notice warning" hidden>
                "This browser is not letting the toolkit keep data (private browsing, or a privacy setting), so this list lasts only until the tab is closed. "
                "Share, export or print it to keep it."
            </p>
            <section id="list-shared" class="notice" aria-labelledby="shared-heading" hidden>
                <h2 id="shared-heading">"A list shared with you"</h2>
                <p>
                    "Someone shared these resources with you. Save them all to add them to the end of your own list (nothing in it is replaced), or save the ones you want one by one."
                </p>
                <p class="list-actions">
                    <button type="button" class="button" id="list-save-all">"Save all to My list"</button>
                    <a href=base.my_list()>"Open My list"</a>
                </p>
            </section>
            <div id="list-empty" hidden>
                <p>
                    "Nothing is saved yet. Use “Save” on any resource, in a list of results or on its own page, and it is kept here."
                </p>
                <p><a class="button" href=base.browse(&Default::default())>"Browse resources"</a></p>
            </div>
            <div id="list-tools" hidden>
                <div class="share-links" role="group" aria-label="Share this list">
                    <span class="share-label" aria-hidden="true">"Share this list:"</span>
                    <button
                        type="button"
                        class="button secondary"
                        id="list-share"
                        data-share
                        data-share-title="My list"
                        data-copied="Link copied: paste it to pass this list on. It holds the list as it is now."
                    >
                        "Share link"
                    </button>
                    <a class="button secondary" id="list-email" href="mailto:">"Email this"</a>
                    <button type="button" class="button secondary" id="list-print">"Print"</button>
                    <span class="share-status" id="list-share-status" role="status"></span>
                </div>
                <div class="share-links" role="group" aria-label="Export this list" inner_html=export_group("Export this list")></div>
                <h2 id="list-heading"></h2>
            </div>
            <ol id="list-items" class="result-list list-items" aria-labelledby="list-heading"></ol>
            <p id="list-status" class="visually-hidden" role="status"></p>
        </div>
    }
}
