//! Passing a page on to colleagues: the system's share sheet (or the link copied where there
//! is none) and an email with the page's address; and taking its resources away as a file for
//! a reference manager or a spreadsheet (CSV, RIS, BibTeX).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::platform::{page_url, request_export, target_data};

/// The page's public address, where the build knows it (a static page built with `SITE_URL`):
/// there, "Email this" works without scripts. In the browser it is the address shown.
#[derive(Clone)]
pub struct PageAddress(pub String);

/// What is passed on with the page's address: the email's subject (also the share sheet's
/// title) and its text, which the address follows. Read when it is used.
pub type Message = Arc<dyn Fn() -> (String, String) + Send + Sync>;

/// What a page offers to download: the group's label ("Export these results"), the file's name
/// without its extension, and the resources' ids in the page's order (read when asked).
pub struct Export {
    pub label: &'static str,
    pub name: String,
    pub ids: Arc<dyn Fn() -> Vec<String> + Send + Sync>,
}

/// The buttons, one per format (the file extensions and labels of `catalogue::export::Format`:
/// the records themselves are the build's, in `export.json`). Plain HTML: the group handles
/// their clicks. After them comes the status line that `export.js` writes (`EXPORT_STATUS`).
const EXPORT_BUTTONS: &str = r#"<button type="button" class="button secondary" data-export="csv">CSV</button><button type="button" class="button secondary" data-export="ris">RIS</button><button type="button" class="button secondary" data-export="bib">BibTeX</button>"#;
const EXPORT_STATUS: &str = "export-status";

/// The inside of a group of download buttons labelled `label`: the label as shown, the buttons,
/// and the status line. (Also on My list, whose script raises the same event.)
pub fn export_group(label: &str) -> String {
    [
        r#"<span class="share-label" aria-hidden="true">"#,
        label,
        ":</span>",
        EXPORT_BUTTONS,
        r#"<span class="share-status" id=""#,
        EXPORT_STATUS,
        r#"" role="status"></span>"#,
    ]
    .concat()
}

/// "Share link" and "Email this", with a status line that says what sharing did. "Share link"
/// is plain HTML (`data-share`), answered by `src/js/controls.js`: the system's share sheet
/// where the browser has one, the link copied otherwise.
#[component]
pub fn ShareLinks(
    /// Names the pair for assistive technology, and is shown before them: "Share this resource".
    label: &'static str,
    message: Message,
    export: Export,
) -> impl IntoView {
    let title = {
        let message = message.clone();
        move || message().0
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
    let Export {
        label: export_label,
        name,
        ids,
    } = export;
    let export_html = export_group(export_label);
    let download = {
        move |ev: leptos::ev::MouseEvent| {
            if let Some(extension) = target_data(&ev, "export") {
                request_export(&extension, &name, EXPORT_STATUS, &ids());
            }
        }
    };
    view! {
        <div class="share-links" role="group" aria-label=label>
            <span class="share-label" aria-hidden="true">{label} ":"</span>
            <button type="button" class="button secondary" data-share data-share-title=title>"Share link"</button>
            <a class="button secondary" href=email>"Email this"</a>
            <span class="share-status" role="status"></span>
        </div>
        <div class="share-links" role="group" aria-label=export_label on:click=download inner_html=export_html></div>
    }
}
