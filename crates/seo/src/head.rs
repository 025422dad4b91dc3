//! A page's `<head>` tags for search engines and link previews.

use html_escape::encode_double_quoted_attribute as attr;
use html_escape::encode_text as text;
use serde_json::Value;

/// What kind of page it is, for `og:type` and indexing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// A page about the site or a list of resources.
    Website,
    /// A page about one resource.
    Article,
    /// The not-found page: never indexed, no canonical link.
    NotFound,
    /// A page whose content is the visitor's own, kept in their browser (My list): the same
    /// empty frame for every crawler, so never indexed, but with its address for link previews
    /// of a list shared as a link.
    Personal,
}

/// Everything a page says about itself in its `<head>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// The page's own title ("About the toolkit"), for link previews.
    pub title: String,
    /// The document title as the app sets it ("About the toolkit – Resilience Toolkit").
    pub document_title: String,
    /// One or two sentences on what the page holds.
    pub description: String,
    /// The site's name, from `config.json`.
    pub site_name: String,
    pub kind: PageKind,
    /// The page's absolute URL, when the site's address is known.
    pub url: Option<String>,
    /// An absolute URL of an image for link previews.
    pub image: Option<String>,
    /// schema.org descriptions, each written as a JSON-LD block.
    pub structured: Vec<Value>,
    /// Atom feeds a feed reader can find from the page (autodiscovery): title and absolute URL.
    pub feeds: Vec<(String, String)>,
    /// The page's language as an Open Graph locale ("en_GB", "cy_GB").
    pub locale: String,
    /// The same page in every language the site offers, this one included: its language tag
    /// ("en", "cy") and absolute URL; the first is the default language (`x-default`). Empty
    /// when the site offers one language or its address is not known.
    pub alternates: Vec<(String, String)>,
}

/// The longest description written into meta tags; longer texts are cut at a word.
pub const DESCRIPTION_MAX: usize = 200;

impl Head {
    /// The tags, one per line, ready to go before `</head>`.
    pub fn to_html(&self) -> String {
        let description = shorten(&self.description, DESCRIPTION_MAX);
        let mut html = format!("<title>{}</title>\n", text(&self.document_title));
        let mut meta = |key: &str, name: &str, content: &str| {
            html.push_str(&format!(
                "<meta {key}=\"{name}\" content=\"{}\">\n",
                attr(content)
            ));
        };
        meta("name", "description", &description);
        if matches!(self.kind, PageKind::NotFound | PageKind::Personal) {
            meta("name", "robots", "noindex");
        }
        let og_type = match self.kind {
            PageKind::Article => "article",
            PageKind::Website | PageKind::NotFound | PageKind::Personal => "website",
        };
        meta("property", "og:type", og_type);
        meta("property", "og:site_name", &self.site_name);
        meta("property", "og:title", &self.title);
        meta("property", "og:description", &description);
        meta("property", "og:locale", &self.locale);
        let url = self
            .url
            .as_deref()
            .filter(|_| self.kind != PageKind::NotFound);
        if let Some(url) = url {
            meta("property", "og:url", url);
        }
        if let Some(image) = &self.image {
            meta("property", "og:image", image);
        }
        meta("name", "twitter:card", "summary");
        meta("name", "twitter:title", &self.title);
        meta("name", "twitter:description", &description);
        if let Some(url) = url {
            html.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}\">\n",
                attr(url)
            ));
        }
        if self.kind != PageKind::NotFound {
            for (lang, href) in &self.alternates {
                html.push_str(&format!(
                    "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                    attr(lang),
                    attr(href)
                ));
            }
            if let Some((_, href)) = self.alternates.first() {
                html.push_str(&format!(
                    "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
                    attr(href)
                ));
            }
        }
        for (title, href) in &self.feeds {
            html.push_str(&format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">\n",
                attr(title),
                attr(href)
            ));
        }
        for block in &self.structured {
            html.push_str("<script type=\"application/ld+json\">");
            html.push_str(&script_json(block));
            html.push_str("</script>\n");
        }
        html
    }
}

/// JSON for inside a `<script>` element: `<` can only occur inside JSON strings, where
/// `\u003c` means the same, so no `</script>` or `<!--` in the data can end the element early.
fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max).collect();
    // Drop the last word unless it ended exactly at the cut.
    let word_goes_on = text.chars().nth(max).is_some_and(char::is_alphanumeric);
    if let Some(space) = cut.rfind(' ').filter(|_| word_goes_on) {
        cut.truncate(space);
    }
    let cut = cut.trim_end_matches([',', ';', ':', '.', ' ', '–', '-']);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn head(kind: PageKind, url: Option<&str>) -> Head {
        Head {
            title: "Peer mentoring & \"belonging\"".into(),
            document_title: "Peer mentoring & \"belonging\" – Toolkit".into(),
            description: "What <students> said.".into(),
            site_name: "Toolkit".into(),
            kind,
            url: url.map(str::to_owned),
            image: Some("https://t.example/icon-512.png".into()),
            structured: vec![
                json!({ "@type": "Report", "name": "</script><script>alert(1)</script>" }),
            ],
            feeds: vec![("New & noted".into(), "https://t.example/feed.xml".into())],
            locale: "cy_GB".into(),
            alternates: vec![
                ("en".into(), "https://t.example/resources/x".into()),
                ("cy".into(), "https://t.example/cy/resources/x".into()),
            ],
        }
    }

    #[test]
    fn writes_escaped_tags_for_previews_and_search() {
        let html = head(PageKind::Article, Some("https://t.example/resources/x")).to_html();
        assert!(html.starts_with("<title>Peer mentoring &amp; \"belonging\" – Toolkit</title>\n"));
        for line in [
            "<meta name=\"description\" content=\"What &lt;students&gt; said.\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:title\" content=\"Peer mentoring &amp; &quot;belonging&quot;\">",
            "<meta property=\"og:url\" content=\"https://t.example/resources/x\">",
            "<meta property=\"og:image\" content=\"https://t.example/icon-512.png\">",
            "<meta name=\"twitter:card\" content=\"summary\">",
            "<link rel=\"canonical\" href=\"https://t.example/resources/x\">",
            "<meta property=\"og:locale\" content=\"cy_GB\">",
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://t.example/resources/x\">",
            "<link rel=\"alternate\" hreflang=\"cy\" href=\"https://t.example/cy/resources/x\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://t.example/resources/x\">",
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"New &amp; noted\" href=\"https://t.example/feed.xml\">",
        ] {
            assert!(html.contains(line), "{line} missing from\n{html}");
        }
        assert!(!html.contains("noindex"));
        // The data cannot close its own script element.
        assert!(html.contains(
            "<script type=\"application/ld+json\">{\"@type\":\"Report\",\"name\":\"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\"}</script>"
        ));
        let json = html
            .split("ld+json\">")
            .nth(1)
            .unwrap()
            .split("</script>")
            .next()
            .unwrap();
        let back: Value = serde_json::from_str(json).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }

    #[test]
    fn without_an_address_there_is_no_canonical_or_og_url() {
        let html = head(PageKind::Website, None).to_html();
        assert!(
            !html.contains("canonical") && !html.contains("og:url"),
            "{html}"
        );
        assert!(html.contains("<meta property=\"og:type\" content=\"website\">"));
    }

    #[test]
    fn the_not_found_page_is_never_indexed_or_canonical() {
        let html = head(PageKind::NotFound, Some("https://t.example/404")).to_html();
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(
            !html.contains("canonical") && !html.contains("og:url"),
            "{html}"
        );
    }

    #[test]
    fn a_personal_page_is_never_indexed_but_keeps_its_address() {
        let html = head(PageKind::Personal, Some("https://t.example/list")).to_html();
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://t.example/list\">"));
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        assert_eq!(shorten("  short\n text ", 200), "short text");
        let long = "Students who commute often miss the informal moments where belonging forms, so this guide sets out timetabling, spaces and peer schemes that universities have used to include them.";
        let cut = shorten(long, 60);
        assert_eq!(
            cut,
            "Students who commute often miss the informal moments where…"
        );
        assert!(cut.chars().count() <= 61);
        assert_eq!(
            shorten("Wellbeing, belonging; and more", 20),
            "Wellbeing, belonging…"
        );
    }
}
