//! The deployment's settings, read from `config.json` beside `index.html` when the app starts:
//! site title, organisation, where contributions go, where the catalogue is, theme colours and
//! whether to start in embed mode.
//!
//! A deployer edits this file without rebuilding, so every setting is optional and checked on
//! its own: a bad value falls back to its documented default with a warning, and never stops the
//! site from working.

use serde_json::{Map, Value};

use catalogue::load::LoadError;
use catalogue::rules::{WebLink, is_email};

/// The settings file's name, relative to the page's base URL.
pub const CONFIG_FILE: &str = "config.json";

/// Where the catalogue is when `config.json` does not say: beside the pages.
pub const DEFAULT_CATALOGUE: &str = "catalogue.json";

const FIELDS: [&str; 6] = [
    "title",
    "organisation",
    "catalogue",
    "contribute",
    "theme",
    "embed",
];

/// Where suggestions and feedback are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Channel {
    /// Opens the visitor's mail program, addressed to this mailbox.
    Mailto(String),
    /// POSTs JSON to this URL, in the way [`Request`] says.
    Webhook(String, Request),
}

/// How a webhook is sent its JSON (`"request"` in the channel's settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// `application/json` with an `Idempotency-Key` header: the browser asks the receiver first
    /// (a CORS preflight), and reads its answer, so delivery is confirmed (the default).
    Json,
    /// `"simple"`: the same JSON as `text/plain;charset=UTF-8` with no custom header (the key
    /// is in the body), which needs no preflight, so receivers that answer none (a Google Apps
    /// Script, Power Automate) take it; the answer cannot be read, so delivery is not confirmed.
    Simple,
}

/// A colour written `#rrggbb` (a `#rgb` value is expanded when read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colour(String);

impl Colour {
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let full = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_owned(),
            _ => return None,
        };
        Some(Colour(format!("#{}", full.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// WCAG relative luminance.
    fn luminance(&self) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&self.0[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    /// WCAG contrast ratio between this colour and white.
    pub fn contrast_with_white(&self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }
}

/// Colours a deployer may set; unset ones keep the toolkit's own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Theme {
    /// Header and button colour, under white text.
    pub brand: Option<Colour>,
    /// The accent beside it: the mark in the logo and the current-page underline.
    pub highlight: Option<Colour>,
}

/// The settings in force, after defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// Name shown in the header and in every page title. Default "Resilience Toolkit".
    pub title: String,
    /// Who runs this copy, shown in the footer when set.
    pub organisation: String,
    /// Where the catalogue is: a path relative to the site, or an http(s) URL.
    pub catalogue_url: String,
    /// Where contributions go; `None` until a deployer sets one.
    pub contribute: Option<Channel>,
    pub theme: Theme,
    /// Start without the site header and footer, for use inside an intranet's iframe.
    pub embed: bool,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Resilience Toolkit".to_owned(),
            organisation: String::new(),
            catalogue_url: DEFAULT_CATALOGUE.to_owned(),
            contribute: None,
            theme: Theme::default(),
            embed: false,
        }
    }
}

impl SiteConfig {
    /// Reads `config.json` as parsed by [`catalogue::parse_json`], or its syntax error. Always
    /// gives usable settings; the warnings say which values were not used and why, in words for
    /// whoever maintains the site.
    pub fn read(parsed: Result<Value, LoadError>) -> (SiteConfig, Vec<String>) {
        let mut config = SiteConfig::default();
        let mut warnings = Vec::new();
        let value = match parsed {
            Ok(value) => value,
            Err(e) => {
                warnings.push(format!("{CONFIG_FILE} is {e}; using the defaults"));
                return (config, warnings);
            }
        };
        let Some(object) = value.as_object() else {
            warnings.push(format!(
                "{CONFIG_FILE} must be an object {{ … }}; using the defaults"
            ));
            return (config, warnings);
        };
        let mut warn =
            |field: &str, message: String| warnings.push(format!("\"{field}\" {message}"));
        for key in object.keys().filter(|k| !FIELDS.contains(&k.as_str())) {
            warn(
                key,
                format!("is not a setting (settings: {})", FIELDS.join(", ")),
            );
        }

        config.read_texts(object, &mut warn);
        config.read_contribute(object, &mut warn);
        config.read_theme(object, &mut warn);
        config.read_embed(object, &mut warn);
        (config, warnings)
    }

    /// The text settings: title, organisation and catalogue location.
    fn read_texts(&mut self, object: &Map<String, Value>, warn: &mut impl FnMut(&str, String)) {
        if let Some(title) = text(object, "title", warn) {
            if title.is_empty() {
                warn("title", "is empty; using the default".to_owned());
            } else {
                self.title = title;
            }
        }
        if let Some(organisation) = text(object, "organisation", warn) {
            self.organisation = organisation;
        }
        if let Some(url) = text(object, "catalogue", warn) {
            match check_location(&url) {
                Ok(()) => self.catalogue_url = url,
                Err(why) => warn("catalogue", format!("{why}; using {DEFAULT_CATALOGUE}")),
            }
        }
    }

    /// Where contributions go.
    fn read_contribute(
        &mut self,
        object: &Map<String, Value>,
        warn: &mut impl FnMut(&str, String),
    ) {
        match object.get("contribute") {
            None | Some(Value::Null) => {}
            Some(Value::Object(channel)) => match read_channel(channel) {
                Ok(channel) => self.contribute = Some(channel),
                Err(why) => warn("contribute", format!("{why}; contributions are switched off")),
            },
            Some(_) => warn(
                "contribute",
                "must be { \"mailto\": \"address\" } or { \"webhook\": \"https://…\" }; contributions are switched off"
                    .to_owned(),
            ),
        }
    }

    /// The theme colours; a brand colour too light for white text is not used.
    fn read_theme(&mut self, object: &Map<String, Value>, warn: &mut impl FnMut(&str, String)) {
        match object.get("theme") {
            None | Some(Value::Null) => {}
            Some(Value::Object(theme)) => {
                self.theme.brand = colour(theme, "brand", warn).filter(|c| {
                    let ratio = c.contrast_with_white();
                    let readable = ratio >= 4.5;
                    if !readable {
                        // Tenths by hand: formatting a float would add ~10 KB of wasm.
                        let tenths = (ratio * 10.0).round() as u32;
                        warn(
                            "theme.brand",
                            format!(
                                "{} is too light for white text (contrast {}.{}:1, needs 4.5:1); using the default",
                                c.as_str(),
                                tenths / 10,
                                tenths % 10
                            ),
                        );
                    }
                    readable
                });
                self.theme.highlight = colour(theme, "highlight", warn);
            }
            Some(_) => warn(
                "theme",
                "must be an object with \"brand\" and \"highlight\" colours".to_owned(),
            ),
        }
    }

    /// Whether to start in embed mode.
    fn read_embed(&mut self, object: &Map<String, Value>, warn: &mut impl FnMut(&str, String)) {
        match object.get("embed") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(embed)) => self.embed = *embed,
            Some(_) => warn("embed", "must be true or false; using false".to_owned()),
        }
    }
}

fn text(
    object: &Map<String, Value>,
    field: &str,
    warn: &mut impl FnMut(&str, String),
) -> Option<String> {
    match object.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(_) => {
            warn(field, "must be text; using the default".to_owned());
            None
        }
    }
}

fn colour(
    theme: &Map<String, Value>,
    field: &str,
    warn: &mut impl FnMut(&str, String),
) -> Option<Colour> {
    let value = theme.get(field).filter(|v| !v.is_null())?;
    let colour = value.as_str().and_then(Colour::parse);
    if colour.is_none() {
        warn(
            &format!("theme.{field}"),
            "must be a colour written #rrggbb; using the default".to_owned(),
        );
    }
    colour
}

fn read_channel(channel: &Map<String, Value>) -> Result<Channel, String> {
    match (channel.get("mailto"), channel.get("webhook")) {
        (Some(address), None) => {
            let address = address.as_str().map(str::trim).unwrap_or_default();
            if is_email(address) {
                Ok(Channel::Mailto(address.to_owned()))
            } else {
                Err(format!("\"{address}\" is not an email address"))
            }
        }
        (None, Some(url)) => {
            let url = url.as_str().map(str::trim).unwrap_or_default();
            // Unset or null (as every setting may be) is the default.
            let request = match channel
                .get("request")
                .filter(|r| !r.is_null())
                .map(Value::as_str)
            {
                None | Some(Some("json")) => Request::Json,
                Some(Some("simple")) => Request::Simple,
                Some(_) => return Err("\"request\" must be \"json\" or \"simple\"".to_owned()),
            };
            check_webhook(url).map(|()| Channel::Webhook(url.to_owned(), request))
        }
        _ => Err("must name exactly one of \"mailto\" or \"webhook\"".to_owned()),
    }
}

/// Webhooks receive people's names and email addresses, so they must use https (plain http is
/// allowed only to this machine, for trying a receiver out).
fn check_webhook(url: &str) -> Result<(), String> {
    let link = WebLink::parse(url)?;
    if link.secure || link.is_loopback() {
        Ok(())
    } else {
        Err(format!("\"{url}\" must use https://"))
    }
}

/// A catalogue location is a relative path within the site, or an http(s) URL.
fn check_location(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("is empty".to_owned());
    }
    let scheme = url
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains('/'));
    match scheme {
        Some(_) => WebLink::parse(url).map(|_| ()),
        None if url.starts_with("//") => {
            Err(format!("\"{url}\" must start with https:// or be a path"))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(json: &str, expected: SiteConfig, warnings: &[&str]) {
        let (config, got) = SiteConfig::read(catalogue::parse_json(json));
        assert_eq!(config, expected);
        assert_eq!(got, warnings);
    }

    #[test]
    fn a_full_config_is_used_as_written() {
        check(
            r##"{"title": "Student Support Toolkit", "organisation": "University of Example",
                "catalogue": "data/catalogue.json", "contribute": {"mailto": "toolkit@example.ac.uk"},
                "theme": {"brand": "#0B3D91", "highlight": "#fc0"}, "embed": true}"##,
            SiteConfig {
                title: "Student Support Toolkit".into(),
                organisation: "University of Example".into(),
                catalogue_url: "data/catalogue.json".into(),
                contribute: Some(Channel::Mailto("toolkit@example.ac.uk".into())),
                theme: Theme {
                    brand: Colour::parse("#0b3d91"),
                    highlight: Colour::parse("#ffcc00"),
                },
                embed: true,
            },
            &[],
        );
    }

    #[test]
    fn an_empty_object_means_the_defaults() {
        check("{}", SiteConfig::default(), &[]);
    }

    #[test]
    fn malformed_json_gives_defaults_and_says_where() {
        check(
            "{\"title\": \"x\",}",
            SiteConfig::default(),
            &[
                "config.json is not valid JSON: trailing comma (line 1, column 15); using the defaults",
            ],
        );
    }

    #[test]
    fn bad_values_fall_back_one_by_one() {
        let (config, warnings) = SiteConfig::read(catalogue::parse_json(
            r##"{"title": 7, "catalogue": "javascript:alert(1)", "contribute": {"webhook": "http://example.org/hook"},
                "theme": {"brand": "#fafafa", "highlight": "orange"}, "embed": "yes", "colour": "red"}"##,
        ));
        assert_eq!(config, SiteConfig::default());
        assert_eq!(
            warnings,
            [
                r#""colour" is not a setting (settings: title, organisation, catalogue, contribute, theme, embed)"#,
                r#""title" must be text; using the default"#,
                r#""catalogue" must be a web link starting with https:// or http:// (got "javascript:alert(1)"); using catalogue.json"#,
                r#""contribute" "http://example.org/hook" must use https://; contributions are switched off"#,
                r#""theme.brand" #fafafa is too light for white text (contrast 1.0:1, needs 4.5:1); using the default"#,
                r#""theme.highlight" must be a colour written #rrggbb; using the default"#,
                r#""embed" must be true or false; using false"#,
            ]
        );
    }

    #[test]
    fn webhooks_need_https_except_on_this_machine() {
        for (url, ok) in [
            ("https://hooks.example.org/toolkit", true),
            ("http://127.0.0.1:8787/contributions", true),
            ("http://localhost/x", true),
            ("http://localhost.example.org/x", false),
            ("ftp://example.org", false),
        ] {
            assert_eq!(check_webhook(url).is_ok(), ok, "{url}");
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((Colour::parse("#000").unwrap().contrast_with_white() - 21.0).abs() < 0.01);
        assert!(Colour::parse("#1f5f5b").unwrap().contrast_with_white() >= 4.5);
        assert!(Colour::parse("#767676").unwrap().contrast_with_white() >= 4.5);
        assert!(Colour::parse("#777777").unwrap().contrast_with_white() < 4.5);
    }
}
