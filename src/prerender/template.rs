//! `app.html` taken apart where each page puts its own content, and put together again for a
//! page. Trunk writes it minified in release builds (optional tags left out, attributes
//! unquoted and in any order), so the parts are found however they are written.

use seo::Head;

use messages::Lang;

use super::inputs::Site;
use super::site::Start;
use super::{MANIFEST, TEMPLATE, THEME_CSS, manifest_of};
use crate::contract::{BOOT_ID, EMBED_CLASS, attribute};
use crate::text::{Msg, fill, t, text_en};

#[derive(Debug)]
pub(super) struct Template {
    /// Up to the `<html` tag's end (exclusive of `>`), so a class can be added.
    html_open: String,
    /// From there to where the page's head tags go.
    head: String,
    /// From `</head>` to the start of `#boot`.
    middle: String,
    /// After `#boot`'s closing tag.
    tail: String,
    /// `<base href>`'s path.
    pub(super) base_path: String,
}

impl Template {
    /// Finds the parts in Trunk's output, minified or not.
    pub(super) fn parse(text: &str) -> Result<Template, String> {
        let missing = |what: &str| format!("{TEMPLATE} has no {what}: is it Trunk's index.html?");
        let html_start = text.find("<html").ok_or_else(|| missing("<html> tag"))?;
        let html_end = html_start
            + text[html_start..]
                .find('>')
                .ok_or_else(|| missing("<html> tag"))?;
        let head_end = text.find("</head>").ok_or_else(|| missing("</head>"))?;
        let (boot_start, boot_end) =
            boot_element(text).ok_or_else(|| missing("<div id=\"boot\"> element"))?;
        if !(html_end < head_end && head_end < boot_start) {
            return Err(missing("<html>, </head> and #boot in that order"));
        }
        let base_path =
            tag_attribute(text, "<base", "href").ok_or_else(|| missing("<base href>"))?;
        // The template's title, description and robots tags give way to each page's own.
        let mut head = text[html_end..head_end].to_owned();
        // (The site's description is a message, in each page's language.)
        remove_meta(&mut head, "description");
        remove_meta(&mut head, "robots");
        if let (Some(start), Some(end)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(start..end + "</title>".len(), "");
        }
        // Each page says its own language.
        let mut html_open = text[..html_end].to_owned();
        let tag_start = html_open.rfind("<html").unwrap_or(0) + "<html".len();
        let kept: Vec<String> = attributes(&html_open[tag_start..])
            .into_iter()
            .filter(|(name, _)| name != "lang")
            .map(|(name, value)| match value.is_empty() {
                true => name,
                false => {
                    let mut quoted = String::new();
                    html_escape::encode_double_quoted_attribute_to_string(&value, &mut quoted);
                    format!("{name}=\"{quoted}\"")
                }
            })
            .collect();
        html_open.truncate(tag_start);
        for attribute in kept {
            html_open.push(' ');
            html_open.push_str(&attribute);
        }
        Ok(Template {
            html_open,
            head,
            middle: text[head_end..boot_start].to_owned(),
            tail: text[boot_end..].to_owned(),
            base_path,
        })
    }

    /// The whole document for a page, which the app takes over as `start` says, marked with
    /// the data it was written from.
    pub(super) fn page(&self, head: &Head, body: &str, site: &Site, start: Start) -> String {
        let mut html = self.opening(site.lang);
        if site.settings.config.embed {
            for piece in [" class=\"", EMBED_CLASS, "\""] {
                html.push_str(piece);
            }
        }
        html.push_str(&self.own_head(site.lang));
        html.push_str(&head.to_html());
        if site.theme {
            html.push_str(&format!("<link rel=\"stylesheet\" href=\"{THEME_CSS}\">\n"));
        }
        html.push_str(&self.middle);
        // The whole page, not a loading message, and when the app takes it over (see
        // src/js/start.js).
        for piece in ["<div id=\"", BOOT_ID, "\" ", attribute::STATIC] {
            html.push_str(piece);
        }
        match start {
            Start::WhenWanted => {}
            Start::WhenStale => html.push_str(&[" ", attribute::STANDALONE].concat()),
            Start::AtOnce => html.push_str(&[" ", attribute::AT_ONCE].concat()),
        }
        let from = &site.written_from;
        for (name, value) in [
            (attribute::CONFIG_DIGEST, &from.config_digest),
            (attribute::CATALOGUE_DIGEST, &from.catalogue_digest),
            (attribute::CATALOGUE_URL, &from.catalogue_url),
        ] {
            for piece in [" ", name, "=\""] {
                html.push_str(piece);
            }
            html_escape::encode_double_quoted_attribute_to_string(value, &mut html);
            html.push('"');
        }
        html.push('>');
        html.push_str(body);
        html.push_str("</div>");
        html.push_str(&self.tail);
        html
    }
}

impl Template {
    /// The document up to the `<html>` tag's end, marked as written in `lang` (without its `>`,
    /// so that a class can follow).
    fn opening(&self, lang: Lang) -> String {
        [&self.html_open, " lang=\"", lang.tag(), "\""].concat()
    }

    /// The template's own head in `lang`: its words (its link to the catalogue's data) in that
    /// language, and the manifest written for it.
    fn own_head(&self, lang: Lang) -> String {
        let data_link = Msg::LayoutDataLink;
        let own = self.head.replace(MANIFEST, &manifest_of(lang));
        own.replace(text_en(data_link), t(data_link))
    }

    /// The app's own page in `site`'s language, for a page the service worker has not kept
    /// (offline): the template with the language's `lang`, title, description and manifest,
    /// and a loading message (and, without scripts, the way to the static pages) in its words.
    /// Its `#boot` is not a static page, so the app starts at once.
    pub(super) fn app_page(&self, site: &Site) -> String {
        let title = &site.settings.config.title;
        let mut html = self.opening(site.lang);
        html.push_str(&self.own_head(site.lang));
        html.push_str("<title>");
        html_escape::encode_text_to_string(title, &mut html);
        html.push_str("</title>\n<meta name=\"description\" content=\"");
        html_escape::encode_double_quoted_attribute_to_string(&site.description, &mut html);
        html.push_str("\">\n<meta name=\"robots\" content=\"noindex\">\n");
        html.push_str(&self.middle);
        for piece in [
            "<div id=\"",
            BOOT_ID,
            "\"><p class=\"boot\" role=\"status\">",
        ] {
            html.push_str(piece);
        }
        html_escape::encode_text_to_string(fill(Msg::AppLoading, &[("site", title)]), &mut html);
        html.push_str("</p><noscript><p class=\"boot\">");
        let home = site.base.home();
        let mut link = String::from("<a href=\"");
        html_escape::encode_double_quoted_attribute_to_string(&home, &mut link);
        link.push_str("\">");
        html_escape::encode_text_to_string(t(Msg::AppHomePage), &mut link);
        link.push_str("</a>");
        let mut sentence = String::new();
        html_escape::encode_text_to_string(t(Msg::AppNeedsScripts), &mut sentence);
        html.push_str(&sentence.replace("{home}", &link));
        html.push_str("</p></noscript></div>");
        html.push_str(&self.tail);
        html
    }
}

/// The start and end of the `<div id="boot">…</div>` element (which holds no other `div`).
fn boot_element(text: &str) -> Option<(usize, usize)> {
    let start = [
        format!("<div id=\"{BOOT_ID}\""),
        format!("<div id={BOOT_ID}"),
        format!("<div id='{BOOT_ID}'"),
    ]
    .iter()
    .filter_map(|open| text.find(open.as_str()))
    .min()?;
    let end = start + text[start..].find("</div>")? + "</div>".len();
    Some((start, end))
}

/// The value of `attribute` in the first tag starting with `tag`, quoted or not.
fn tag_attribute(text: &str, tag: &str, attribute: &str) -> Option<String> {
    let start = text.find(tag)?;
    let end = start + text[start..].find('>')?;
    attributes(&text[start + tag.len()..end])
        .into_iter()
        .find(|(name, _)| name == attribute)
        .map(|(_, value)| value)
}

/// The attributes written inside a tag (after its name), in order: `a=1 b="x y" c`.
fn attributes(mut inside: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    loop {
        inside = inside.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let Some(name_end) = inside.find(|c: char| c.is_whitespace() || c == '=' || c == '/')
        else {
            if !inside.is_empty() {
                found.push((inside.to_ascii_lowercase(), String::new()));
            }
            return found;
        };
        let name = inside[..name_end].to_ascii_lowercase();
        inside = inside[name_end..].trim_start();
        let Some(rest) = inside.strip_prefix('=') else {
            found.push((name, String::new()));
            continue;
        };
        let rest = rest.trim_start();
        let (value, after) = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 1);
                (&rest[1..end], rest.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        found.push((name, value.to_owned()));
        inside = after;
    }
}

/// Removes every `<meta name="NAME" …>` from `head`, returning the first one's content.
fn remove_meta(head: &mut String, name: &str) -> Option<String> {
    let mut content = None;
    let mut from = 0;
    while let Some(offset) = head[from..].find("<meta") {
        let start = from + offset;
        let Some(length) = head[start..].find('>') else {
            break;
        };
        let end = start + length + 1;
        let attributes = attributes(&head[start + "<meta".len()..end - 1]);
        let value = |key: &str| {
            attributes
                .iter()
                .find(|(n, _)| n == key)
                .map(|(_, v)| v.clone())
        };
        if value("name").is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            content = content.or_else(|| value("content"));
            head.replace_range(start..end, "");
            from = start;
        } else {
            from = end;
        }
    }
    content
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// As Trunk's minifier writes it: optional tags left out, attributes unquoted.
    const MINIFIED: &str = "<!doctype html><html lang=en-GB><meta charset=utf-8><base href=/intranet/toolkit/><title>Resilience Toolkit</title><meta content=\"An open bank &amp; more.\" name=description><meta content=noindex name=robots><script type=module>import init from '/x.js';</script></head><body><div id=boot><p class=boot role=status>Loading…</p></div><script src=offline.js defer></script></body></html>";
    pub(in crate::prerender) const PLAIN: &str = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n    <base href=\"/\">\n    <title>Resilience Toolkit</title>\n    <meta name=\"description\" content=\"An open bank.\">\n    <meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n    <div id=\"boot\"><p class=\"boot\">Loading…</p></div>\n</body>\n</html>\n";

    #[test]
    fn finds_the_parts_of_a_minified_or_plain_template() {
        let t = Template::parse(PLAIN).unwrap();
        assert_eq!(t.base_path, "/");
        assert!(
            !t.head.contains("<title>")
                && !t.head.contains("robots")
                && !t.head.contains("description")
        );
        assert!(t.tail.starts_with("\n</body>"));

        let t = Template::parse(MINIFIED).unwrap();
        assert_eq!(t.base_path, "/intranet/toolkit/");
        assert_eq!(
            t.head,
            "><meta charset=utf-8><base href=/intranet/toolkit/><script type=module>import init from '/x.js';</script>"
        );
        assert_eq!(t.middle, "</head><body>");
        assert_eq!(
            t.tail,
            "<script src=offline.js defer></script></body></html>"
        );
        assert_eq!(t.html_open, "<!doctype html><html");
    }

    #[test]
    fn reads_attributes_however_they_are_written() {
        assert_eq!(
            attributes(" a=1 b=\"x y\" c d = 'q' e=/f/ "),
            [
                ("a", "1"),
                ("b", "x y"),
                ("c", ""),
                ("d", "q"),
                ("e", "/f/")
            ]
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
        );
        let mut head = "<meta content=\"name=robots\" name=x><meta NAME=Robots content=noindex><meta name=\"robots\">".to_owned();
        assert_eq!(remove_meta(&mut head, "robots").as_deref(), Some("noindex"));
        assert_eq!(head, "<meta content=\"name=robots\" name=x>");
    }

    #[test]
    fn refuses_a_template_without_its_parts() {
        let error =
            Template::parse("<html><head></head><body><p id=boot></p></body></html>").unwrap_err();
        assert!(error.contains("#boot") || error.contains("boot"), "{error}");
        assert!(
            Template::parse(
                "<html><head><title>x</title></head><body><div id=boot></div></body></html>"
            )
            .unwrap_err()
            .contains("<base href>")
        );
    }
}
