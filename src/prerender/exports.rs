//! `export.json`: every resource's record in each export format (CSV, RIS, BibTeX), written by
//! the domain's `catalogue::export`, for the browser to put together into a file: a resource's
//! citation, or the browse page's results in their order (`src/js/export.js`). Writing the
//! records here keeps the formats' code out of the app's wasm.
//!
//! The records name each resource's page under [`ORIGIN`], which the browser replaces with the
//! address the site is actually served from (a copy may be served from several).

use catalogue::export::{Format, head, record};
use serde_json::{Map, Value, json};

use super::File;
use super::site::Site;

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
