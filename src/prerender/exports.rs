//! `export.json`: every resource's record in each export format (CSV, RIS, BibTeX), written by
//! the domain's `catalogue::export`, for the browser to put together into a file: a resource's
//! citation, or the browse page's results in their order (`src/js/export.js`). Writing the
//! records here keeps the formats' code out of the app's wasm.
//!
//! The records name each resource's page under [`ORIGIN`], which the browser replaces with the
//! address the site is actually served from (a copy may be served from several).
//!
//! `cards.json`: every resource's card as the pages show it, with its title, citation and page,
//! for My list (`src/js/my-list.js`), which draws the saved resources in the browser: a list
//! is the visitor's own, so no page can be written for it.

use catalogue::citation;
use catalogue::export::{Format, head, record};
use serde_json::{Map, Value, json};

use super::File;
use super::site::Site;
use crate::components::resource_card::card_item_html;

/// The file's name, beside `catalogue.json`.
pub(super) const EXPORT_FILE: &str = "export.json";

/// Stands for the site's origin in the records (`.invalid` is reserved: RFC 2606).
pub(super) const ORIGIN: &str = "https://toolkit.invalid";

pub(super) fn export_file(site: &Site) -> File {
    let catalogue = site.engine.catalogue();
    let formats: Vec<Value> = Format::ALL
        .iter()
        .map(|&format| {
            json!({
                "extension": format.extension(),
                "label": format.label(),
                "type": format.media_type(),
                "head": head(format),
            })
        })
        .collect();
    let mut records = Map::new();
    for r in &catalogue.resources {
        let page = format!("{ORIGIN}{}", site.base.resource(&r.id));
        let each = Format::ALL.iter().map(|&format| {
            let mut out = String::new();
            record(&mut out, format, r, &catalogue.taxonomy, &page);
            Value::String(out)
        });
        records.insert(r.id.clone(), Value::Array(each.collect()));
    }
    let file = json!({ "origin": ORIGIN, "formats": formats, "records": records });
    (EXPORT_FILE.into(), file.to_string())
}

/// The cards' file's name, beside `catalogue.json`.
pub(super) const CARDS_FILE: &str = "cards.json";

/// `{ id: { title, cite, href, html } }`: the resource's title, its citation line, its page's
/// path, and its card (the `<article>`, with its "Save" button) as every list of the site shows
/// it.
pub(super) fn cards_file(site: &Site) -> File {
    let mut cards = Map::new();
    for (position, r) in site.engine.catalogue().resources.iter().enumerate() {
        let mut html = String::new();
        card_item_html(&mut html, &site.engine, &site.base, position, &[], "");
        let article = html
            .strip_prefix("<li>")
            .and_then(|h| h.strip_suffix("</li>"))
            .unwrap_or(&html);
        let card = json!({
            "title": r.title,
            "cite": citation(r),
            "href": site.base.resource(&r.id),
            "html": article,
        });
        cards.insert(r.id.clone(), card);
    }
    (CARDS_FILE.into(), Value::Object(cards).to_string())
}
