//! How an entry is stored in the browser: as JSON, one storage key per entry.

use serde_json::{Map, Value};

use super::{Delivery, Entry, MAX_ATTEMPTS, Reason};

impl Entry {
    pub fn to_json(&self) -> String {
        let mut map = Map::new();
        for (key, value) in [
            ("key", &self.key),
            ("label", &self.label),
            ("created", &self.created),
            ("payload", &self.payload),
            ("mail_subject", &self.mail_subject),
            ("mail_body", &self.mail_body),
        ] {
            map.insert(key.to_owned(), Value::String(value.clone()));
        }
        let (state, attempts, at, reason) = match &self.delivery {
            Delivery::Queued {
                attempts,
                at,
                reason,
            } => ("queued", *attempts, *at, reason.as_ref().map(Reason::code)),
            Delivery::Sending { attempts, since } => ("sending", *attempts, *since, None),
            Delivery::Sent { at } => ("sent", 0, *at, None),
            Delivery::Failed {
                attempts,
                reason,
                at,
            } => ("failed", *attempts, *at, Some(reason.code())),
            Delivery::Mailed { at } => ("mailed", 0, *at, None),
            Delivery::Unconfirmed { at } => ("unconfirmed", 0, *at, None),
        };
        map.insert("state".to_owned(), Value::from(state));
        map.insert("version".to_owned(), Value::from(self.version));
        map.insert("attempts".to_owned(), Value::from(attempts));
        map.insert("at".to_owned(), Value::from(at));
        map.insert(
            "reason".to_owned(),
            reason.map_or(Value::Null, Value::String),
        );
        Value::Object(map).to_string()
    }

    /// Reads a stored entry, as parsed by `catalogue::parse_json`; `None` if it is not one
    /// (another program's key, a damaged value).
    pub fn from_value(value: &Value) -> Option<Entry> {
        let map = value.as_object()?;
        let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_owned);
        let number = |key: &str| map.get(key).and_then(Value::as_u64).unwrap_or(0);
        let attempts = u32::try_from(number("attempts")).unwrap_or(MAX_ATTEMPTS);
        let at = number("at");
        let reason = text("reason").map(|r| Reason::read(&r));
        let delivery = match text("state")?.as_str() {
            "queued" => Delivery::Queued {
                attempts,
                at,
                reason,
            },
            "sending" => Delivery::Sending {
                attempts,
                since: at,
            },
            "sent" => Delivery::Sent { at },
            "failed" => Delivery::Failed {
                attempts,
                reason: reason.unwrap_or_else(|| Reason::Words(String::new())),
                at,
            },
            "mailed" => Delivery::Mailed { at },
            "unconfirmed" => Delivery::Unconfirmed { at },
            _ => return None,
        };
        Some(Entry {
            version: number("version"),
            key: text("key").filter(|k| !k.is_empty())?,
            label: text("label").unwrap_or_default(),
            created: text("created").unwrap_or_default(),
            payload: text("payload")?,
            mail_subject: text("mail_subject").unwrap_or_default(),
            mail_body: text("mail_body").unwrap_or_default(),
            delivery,
        })
    }
}
