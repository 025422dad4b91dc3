//! Checks for the collections: curated, ordered lists of resources with an introduction.

use rustc_hash::FxHashSet as IdSet;

use serde_json::Value;

use super::{Checker, Location, written_id};
use crate::model::{Collection, CollectionItem, CollectionText};

const COLLECTION_FIELDS: [&str; 5] = ["id", "title", "intro", "resources", "cy"];
const ITEM_FIELDS: [&str; 2] = ["id", "note"];

impl Checker {
    /// Reads `collections`; `resource_ids` are the ids of the catalogue's resources. A missing
    /// list reads as none.
    pub(super) fn collections(
        &mut self,
        value: Option<&Value>,
        resource_ids: &IdSet<&str>,
    ) -> Vec<Collection> {
        let mut seen = IdSet::default();
        let items = self.list(&Location::Document, "collections", value);
        items
            .iter()
            .enumerate()
            .filter_map(|(index, c)| self.collection(index, c, resource_ids, &mut seen))
            .collect()
    }

    fn collection<'v>(
        &mut self,
        index: usize,
        value: &'v Value,
        resource_ids: &IdSet<&str>,
        seen: &mut IdSet<&'v str>,
    ) -> Option<Collection> {
        let id = value.get("id").and_then(Value::as_str).unwrap_or_default();
        let location = Location::Collection {
            index,
            id: id.to_owned(),
        };
        let object = self.object(&location, "", value)?;
        self.unknown_keys(&location, object, &COLLECTION_FIELDS);
        let id = self.text(&location, object, "id", true);
        self.id(&location, written_id(object), seen);
        let title = self.text(&location, object, "title", true);
        let intro = self.text(&location, object, "intro", true);
        let cy = self
            .translated(&location, object, ["title", "intro"], true)
            .map(|[title, intro]| CollectionText { title, intro });
        let listed = self.list(&location, "resources", object.get("resources"));
        if listed.is_empty() {
            self.report(&location, "resources", "must list at least one resource");
        }
        let mut items: Vec<CollectionItem> = Vec::with_capacity(listed.len());
        for (n, entry) in listed.iter().enumerate() {
            let field = format!("resources #{}", n + 1);
            let Some(item) = self.collection_item(&location, &field, entry) else {
                continue;
            };
            if !resource_ids.contains(item.id.as_str()) {
                let message = format!("\"{}\" is not the id of a resource", item.id);
                self.report(&location, &field, message);
            } else if let Some(first) = items.iter().position(|i| i.id == item.id) {
                let message = format!("\"{}\" is already listed as #{}", item.id, first + 1);
                self.report(&location, &field, message);
            } else {
                items.push(item);
            }
        }
        Some(Collection {
            id,
            title,
            intro,
            items,
            cy,
        })
    }

    /// One entry of a collection's `resources`: `{"id": …, "note": …}`, the note optional.
    fn collection_item(
        &mut self,
        location: &Location,
        field: &str,
        value: &Value,
    ) -> Option<CollectionItem> {
        let object = self.object(location, field, value)?;
        for key in object.keys().filter(|k| !ITEM_FIELDS.contains(&k.as_str())) {
            let message = format!("has an unknown field \"{key}\" (known: id, note)");
            self.report(location, field, message);
        }
        let id = self.text(location, object, "id", false);
        let note = self.text(location, object, "note", false);
        if id.is_empty() {
            self.report(location, field, "needs the \"id\" of a resource");
            return None;
        }
        Some(CollectionItem { id, note })
    }
}
