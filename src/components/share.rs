//! Passing a page on to colleagues: the system's share sheet (or the link copied where there
//! is none) and an email with the page's address; and taking its resources away as a file for
//! a reference manager or a spreadsheet (CSV, RIS, BibTeX).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use catalogue::export::{Format, file_name};
use catalogue::{Engine, Resource};

use crate::contract::attribute;
use crate::platform::{download as download_file, origin, page_url, target_data};
use crate::routes::Base;
use crate::text::{Count, Msg, counted_with, t};

/// The page's public address, where the build knows it (a static page built with `SITE_URL`):
/// there, "Email this" works without scripts. In the browser it is the address shown.
#[derive(Clone)]
pub struct PageAddress(pub String);

/// What is passed on with the page's address: the email's subject (also the share sheet's
/// title) and its text, which the address follows. Read when it is used.
pub type Message = Arc<dyn Fn() -> (String, String) + Send + Sync>;

/// What a page offers to download: the group's label ("Export these results", from the
/// message catalogue), the file's name without its extension, and the resources' ids in the
/// page's order (read when asked), from the catalogue shown.
pub struct Export {
    pub label: &'static str,
    pub name: String,
    pub ids: Arc<dyn Fn() -> Vec<String> + Send + Sync>,
    pub engine: Arc<Engine>,
}

/// A group of download buttons, one per format (`catalogue::export::Format`), and a status line
/// that says what each did. The buttons are plain HTML and the group handles their clicks;
/// the file is made in the browser by the domain's `catalogue::export`, from the catalogue
/// shown, offline too.
#[component]
pub fn ExportGroup(export: Export) -> impl IntoView {
    let Export {
        label,
        name,
        ids,
        engine,
    } = export;
    let mut buttons = String::new();
    for format in Format::ALL {
        let button = [
            r#"<button type="button" class="button secondary" "#,
            attribute::EXPORT,
            "=\"",
            format.extension(),
            "\">",
            format.label(),
            "</button>",
        ];
        button.iter().for_each(|piece| buttons.push_str(piece));
    }
    let status = RwSignal::new(String::new());
    let download = move |ev: leptos::ev::MouseEvent| {
        let Some(extension) = target_data(&ev, attribute::EXPORT) else {
            return;
        };
        let Some(format) = Format::ALL.into_iter().find(|f| f.extension() == extension) else {
            return;
        };
        let file = file_name(&name, format);
        let (text, count) = export_text(&engine, format, &ids());
        status.set(match download_file(&file, format.media_type(), &text) {
            true => counted_with(
                Count::ShareDownloaded,
                count,
                &[("file", &file), ("format", format.label())],
            ),
            false => t(Msg::ShareNotMade).to_owned(),
        });
    };
    view! {
        <div class="share-links" role="group" aria-label=label on:click=download>
            <span class="share-label" aria-hidden="true">{label} ":"</span>
            <span class="export-buttons" inner_html=buttons></span>
            <span class="share-status" role="status">{status}</span>
        </div>
    }
}

/// The resources with these ids (those the catalogue has), in order, as a file in `format`,
/// each naming its page in the toolkit at the address the site is served from; and how many.
fn export_text(engine: &Engine, format: Format, ids: &[String]) -> (String, usize) {
    let base = expect_context::<Base>();
    let origin = origin();
    let page = |id: &str| [origin.as_str(), &base.resource(id)].concat();
    let resources: Vec<&Resource> = ids
        .iter()
        .filter_map(|id| engine.position(id).map(|p| engine.resource(p)))
        .collect();
    let count = resources.len();
    let taxonomy = &engine.catalogue().taxonomy;
    (
        catalogue::export::export(format, resources, taxonomy, &page),
        count,
    )
}

/// "Share link" and "Email this", with a status line that says what sharing did. "Share link"
/// is plain HTML (`data-share`), answered by `src/js/controls.js`: the system's share sheet
/// where the browser has one, the link copied otherwise.
#[component]
pub fn ShareLinks(
    /// Names the pair for assistive technology, and is shown before them: "Share this resource"
    /// (from the message catalogue).
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
    view! {
        <div class="share-links" role="group" aria-label=label>
            <span class="share-label" aria-hidden="true">{label} ":"</span>
            <button type="button" class="button secondary" data-share data-share-title=title>
                {t(Msg::ShareLink)}
            </button>
            <a class="button secondary" href=email>{t(Msg::ShareEmail)}</a>
            <span class="share-status" role="status"></span>
        </div>
        <ExportGroup export/>
    }
}
