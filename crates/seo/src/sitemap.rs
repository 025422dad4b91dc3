//! `sitemap.xml` (the sitemaps.org protocol, version 0.9) and `robots.txt`.

use catalogue::Date;
use html_escape::encode_text as xml_text;

/// The sitemap protocol's namespace.
pub const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// The namespace of a page's alternates in other languages (`<xhtml:link hreflang>`).
pub const XHTML: &str = "http://www.w3.org/1999/xhtml";
/// The most URLs one sitemap file may list.
pub const MAX_URLS: usize = 50_000;

/// One page in the sitemap: its absolute URL and when its content last changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub url: String,
    pub modified: Option<Date>,
    /// The same page in each language the site offers, this one included: language tag and
    /// absolute URL (empty when there is one language).
    pub alternates: Vec<(String, String)>,
}

/// The sitemap listing `entries`, in order. Fails past the protocol's 50,000 URLs (a catalogue
/// that large needs a sitemap index, which the toolkit does not write yet).
pub fn sitemap(entries: &[Entry]) -> Result<String, String> {
    if entries.len() > MAX_URLS {
        return Err(format!(
            "{} pages are more than one sitemap may list ({MAX_URLS})",
            entries.len()
        ));
    }
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{NAMESPACE}\" xmlns:xhtml=\"{XHTML}\">\n"
    );
    for entry in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&xml_text(&entry.url));
        xml.push_str("</loc>");
        if let Some(date) = &entry.modified {
            xml.push_str("<lastmod>");
            xml.push_str(date.as_str());
            xml.push_str("</lastmod>");
        }
        for (lang, url) in &entry.alternates {
            xml.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
            xml.push_str(&xml_text(lang));
            xml.push_str("\" href=\"");
            xml.push_str(&xml_text(url));
            xml.push_str("\"/>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}

/// `robots.txt`: every page may be crawled; the sitemap's address when it is known.
pub fn robots(sitemap_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        text.push_str(&format!("\nSitemap: {url}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_entry_with_escaped_urls_and_dates() {
        let entries = [
            Entry {
                url: "https://t.example/".into(),
                modified: Date::parse("2026-11-23"),
                alternates: vec![
                    ("en".into(), "https://t.example/".into()),
                    ("cy".into(), "https://t.example/cy/".into()),
                ],
            },
            Entry {
                url: "https://t.example/browse?a=1&b=2".into(),
                modified: None,
                alternates: Vec::new(),
            },
        ];
        let xml = sitemap(&entries).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "urlset");
        assert_eq!(root.tag_name().namespace(), Some(NAMESPACE));
        let urls: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(urls.len(), 2);
        let child = |n: roxmltree::Node, name: &str| {
            n.children()
                .find(|c| c.tag_name().name() == name)
                .and_then(|c| c.text())
                .map(str::to_owned)
        };
        assert_eq!(child(urls[0], "loc").as_deref(), Some("https://t.example/"));
        assert_eq!(child(urls[0], "lastmod").as_deref(), Some("2026-11-23"));
        assert_eq!(
            child(urls[1], "loc").as_deref(),
            Some("https://t.example/browse?a=1&b=2")
        );
        assert_eq!(child(urls[1], "lastmod"), None);
        let alternates: Vec<(&str, &str)> = urls[0]
            .children()
            .filter(|c| c.tag_name().name() == "link" && c.tag_name().namespace() == Some(XHTML))
            .map(|c| {
                (
                    c.attribute("hreflang").unwrap(),
                    c.attribute("href").unwrap(),
                )
            })
            .collect();
        assert_eq!(
            alternates,
            [
                ("en", "https://t.example/"),
                ("cy", "https://t.example/cy/")
            ]
        );
    }

    #[test]
    fn refuses_more_than_the_protocol_allows() {
        let entry = Entry {
            url: "https://t.example/".into(),
            modified: None,
            alternates: Vec::new(),
        };
        assert!(sitemap(&vec![entry; MAX_URLS + 1]).is_err());
    }

    #[test]
    fn robots_allows_everything_and_names_the_sitemap() {
        assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
        assert_eq!(
            robots(Some("https://t.example/sitemap.xml")),
            "User-agent: *\nAllow: /\n\nSitemap: https://t.example/sitemap.xml\n"
        );
    }
}
