//! The deployment's settings, read from `config.json` beside `index.html` when the app starts:
//! the languages offered, site title and organisation (each may be given per language), where
//! contributions go, where the catalogue is, theme colours and whether to start in embed mode.
//!
//! A deployer edits this file without rebuilding, so every setting is optional and checked on
//! its own: a bad value falls back to its documented default with a warning, and never stops the
//! site from working.

use serde_json::{Map, Value};

use catalogue::load::LoadError;
use catalogue::rules::{WebLink, is_email};
use messages::Lang;

mod per_language;

use per_language::{Texts, texts};

/// The settings file's name, relative to the page's base URL.
pub const CONFIG_FILE: &str = "config.json";

/// Where the catalogue is when `config.json` does not say: beside the pages.
pub const DEFAULT_CATALOGUE: &str = "catalogue.json";

const FIELDS: [&str; 7] = [
    "languages",
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
    /// The languages this copy offers, the default first: its pages are at the site's root,
    /// every other language's under `/<code>/`. Default English, then Welsh.
    pub languages: Vec<Lang>,
    /// Name shown in the header and in every page title, in the language of the pages (see
    /// [`SiteConfig::in_language`]); empty for the language's own default name.
    pub title: String,
    /// Who runs this copy, shown in the footer when set (in the language of the pages).
    pub organisation: String,
    /// The title and organisation as `config.json` gives them for each language: one text for
    /// every language, or one per language.
    titles: Texts,
    organisations: Texts,
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
            languages: Lang::ALL.to_vec(),
            title: String::new(),
            organisation: String::new(),
            titles: Texts::default(),
            organisations: Texts::default(),
            catalogue_url: DEFAULT_CATALOGUE.to_owned(),
            contribute: None,
            theme: Theme::default(),
            embed: false,
        }
    }
}

impl SiteConfig {
    /// The default language: the one at the site's root.
    pub fn default_language(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::En)
    }

    /// The path prefix of `lang`'s pages: "" for the default language, "/cy" for another.
    pub fn language_prefix(&self, lang: Lang) -> String {
        if lang == self.default_language() {
            String::new()
        } else {
            format!("/{}", lang.code())
        }
    }

    /// These settings for the pages in `lang`: the title and organisation given for it (an
    /// empty title means the language's own name of the toolkit, which the caller fills in).
    pub fn in_language(&self, lang: Lang) -> SiteConfig {
        SiteConfig {
            title: self.titles.get(lang).to_owned(),
            organisation: self.organisations.get(lang).to_owned(),
            ..self.clone()
        }
    }

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

        config.read_languages(object, &mut warn);
        config.read_texts(object, &mut warn);
        config.read_contribute(object, &mut warn);
        config.read_theme(object, &mut warn);
        config.read_embed(object, &mut warn);
        (config, warnings)
    }

    /// The languages offered, the default first.
    fn read_languages(&mut self, object: &Map<String, Value>, warn: &mut impl FnMut(&str, String)) {
        let codes = Lang::ALL.map(Lang::code).join("\", \"");
        let wanted = format!("must be a list of languages, the default first, from \"{codes}\"");
        match object.get("languages") {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                let mut languages = Vec::new();
                for item in list {
                    match item.as_str().and_then(Lang::from_code) {
                        Some(lang) if !languages.contains(&lang) => languages.push(lang),
                        Some(lang) => warn("languages", format!("names \"{}\" twice", lang.code())),
                        None => warn(
                            "languages",
                            format!("{item} is not one of \"{codes}\"; it is left out"),
                        ),
                    }
                }
                if languages.is_empty() {
                    warn("languages", format!("{wanted}; using the default"));
                } else {
                    self.languages = languages;
                }
            }
            Some(_) => warn("languages", format!("{wanted}; using the default")),
        }
    }

    /// The text settings: title, organisation and catalogue location.
    fn read_texts(&mut self, object: &Map<String, Value>, warn: &mut impl FnMut(&str, String)) {
        self.titles = texts(object, "title", &self.languages, warn);
        if self.titles.0.iter().any(|(_, t)| t.is_empty()) {
            warn("title", "is empty; using the default".to_owned());
            self.titles.0.retain(|(_, t)| !t.is_empty());
        }
        self.organisations = texts(object, "organisation", &self.languages, warn);
        let default = self.in_language(self.default_language());
        (self.title, self.organisation) = (default.title, default.organisation);
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
mod tests;
