//! Checks for the published comments: each on a resource of the catalogue, within its limits,
//! and as the comment rules leave text (`comment::clean_text`, `clean_line`), so a comment
//! edited by hand cannot carry what the form and `catalogue comments add` would have taken out.

use rustc_hash::FxHashSet as IdSet;

use serde_json::{Map, Value};

use super::{Checker, Location, written_id};
use crate::comment::{
    AFFILIATION_MAX, COMMENT_FIELDS, Comment, NAME_MAX, TEXT_MAX, clean_line, clean_text,
};
use crate::model::Date;

impl Checker {
    /// Reads `comments`; `resource_ids` are the ids of the catalogue's resources. A missing list
    /// reads as none.
    pub(super) fn comments(
        &mut self,
        value: Option<&Value>,
        resource_ids: &IdSet<&str>,
    ) -> Vec<Comment> {
        let mut seen = IdSet::default();
        let mut keys = IdSet::default();
        let items = self.list(&Location::Document, "comments", value);
        items
            .iter()
            .enumerate()
            .filter_map(|(index, c)| self.comment(index, c, resource_ids, &mut seen, &mut keys))
            .collect()
    }

    fn comment<'v>(
        &mut self,
        index: usize,
        value: &'v Value,
        resource_ids: &IdSet<&str>,
        seen: &mut IdSet<&'v str>,
        keys: &mut IdSet<&'v str>,
    ) -> Option<Comment> {
        let id = value.get("id").and_then(Value::as_str).unwrap_or_default();
        let location = Location::Comment {
            index,
            id: id.to_owned(),
        };
        let object = self.object(&location, "", value)?;
        self.unknown_keys(&location, object, &COMMENT_FIELDS);
        let id = self.text(&location, object, "id", true);
        self.id(&location, written_id(object), seen);
        let resource = self.text(&location, object, "resource", true);
        if !resource.is_empty() && !resource_ids.contains(resource.as_str()) {
            let message = format!("\"{resource}\" is not the id of a resource");
            self.report(&location, "resource", message);
        }
        let name = self.comment_line(&location, object, "name", true, NAME_MAX);
        let role = self.comment_line(&location, object, "role", false, AFFILIATION_MAX);
        let institution =
            self.comment_line(&location, object, "institution", false, AFFILIATION_MAX);
        let written = self.comment_date(&location, object, "written");
        let published = self.comment_date(&location, object, "published");
        if let (Some(w), Some(p)) = (&written, &published)
            && p < w
        {
            self.report(
                &location,
                "published",
                "must not be before the day it was written",
            );
        }
        let text = self.comment_text(&location, object);
        let key = match object.get("key") {
            None | Some(Value::Null) => "",
            Some(Value::String(key)) => key.as_str(),
            Some(_) => {
                self.report(
                    &location,
                    "key",
                    "must be text (the submission's idempotency key)",
                );
                ""
            }
        };
        if !key.is_empty() && !keys.insert(key) {
            let message =
                "is the key of an earlier comment: the same submission is published twice";
            self.report(&location, "key", message);
        }
        Some(Comment {
            id,
            resource,
            name,
            role,
            institution,
            written: written?,
            published: published?,
            text,
            key: key.to_owned(),
        })
    }

    /// A one-line field: within `max` characters and as [`clean_line`] leaves it.
    fn comment_line(
        &mut self,
        location: &Location,
        object: &Map<String, Value>,
        field: &str,
        required: bool,
        max: usize,
    ) -> String {
        let text = self.text(location, object, field, required);
        let count = text.chars().count();
        if count > max {
            let message = format!("is too long: at most {max} characters ({count} now)");
            self.report(location, field, message);
        }
        if clean_line(&text) != text {
            let message = "must be one line, without control characters or text-direction controls";
            self.report(location, field, message);
        }
        text
    }

    /// The comment itself: within [`TEXT_MAX`] characters and as [`clean_text`] leaves it.
    fn comment_text(&mut self, location: &Location, object: &Map<String, Value>) -> String {
        let text = self.text(location, object, "text", true);
        let count = text.chars().count();
        if count > TEXT_MAX {
            let message = format!("is too long: at most {TEXT_MAX} characters ({count} now)");
            self.report(location, "text", message);
        }
        if clean_text(&text) != text {
            let message = "must have no control characters, text-direction controls, spaces at the ends of lines or more than one blank line in a row";
            self.report(location, "text", message);
        }
        text
    }

    fn comment_date(
        &mut self,
        location: &Location,
        object: &Map<String, Value>,
        field: &str,
    ) -> Option<Date> {
        let text = self.text(location, object, field, true);
        let date = Date::parse(&text);
        if date.is_none() && !text.is_empty() {
            let message = format!("\"{text}\" is not a date written YYYY-MM-DD");
            self.report(location, field, message);
        }
        date
    }
}
