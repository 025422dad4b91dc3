//! The site's public address.

use std::fmt;

use catalogue::rules::WebLink;

/// Where the site is published: an http(s) origin and the path it is served under, e.g.
/// `https://intranet.example.ac.uk` + `/support/toolkit`.
///
/// The app builds every link as an absolute path that already starts with the base path (see
/// the app's `routes.rs`), so an absolute URL is the origin followed by that path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl {
    origin: String,
    base: String,
}

impl SiteUrl {
    /// Reads the `SITE_URL` setting: the address of the site's home page, such as
    /// `https://toolkit.example.ac.uk/` or `https://intranet.example.ac.uk/support/toolkit/`.
    ///
    /// `base` is the path the site was built for (Trunk's `--public-url`, without its trailing
    /// slash: `""` or `/support/toolkit`). The address may leave the path out (it is then the
    /// base path); if it gives one, it must be the base path, or every canonical link would
    /// point at pages that do not exist.
    pub fn parse(text: &str, base: &str) -> Result<SiteUrl, String> {
        let text = text.trim();
        let link = WebLink::parse(text).map_err(|e| format!("SITE_URL {e}"))?;
        if text.contains(['?', '#']) {
            return Err(format!(
                "SITE_URL must be a plain address without ? or #, not {text:?}"
            ));
        }
        if text.contains(['"', '<', '>', '\\']) {
            return Err(format!(
                "SITE_URL {text:?} contains characters an address cannot hold"
            ));
        }
        let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.contains('@') {
            return Err(format!(
                "SITE_URL {text:?} must not hold a user name or password"
            ));
        }
        let path = path.trim_end_matches('/');
        let base = base.trim_end_matches('/');
        if !path.is_empty() && path != base {
            let built = if base.is_empty() { "/" } else { base };
            return Err(format!(
                "SITE_URL {text:?} ends in the path {path:?}, but the site was built for {built:?} \
                 (trunk build --public-url): give the same path, or leave it out"
            ));
        }
        let scheme = if link.secure { "https" } else { "http" };
        Ok(SiteUrl {
            origin: format!("{scheme}://{}", authority.to_ascii_lowercase()),
            base: base.to_owned(),
        })
    }

    /// The absolute URL of a path as the app builds it (starting with the base path).
    pub fn page(&self, path: &str) -> String {
        debug_assert!(
            path.starts_with(&self.base) && path.starts_with('/'),
            "{path}"
        );
        format!("{}{path}", self.origin)
    }

    /// The absolute URL of a file beside the app's pages (`sitemap.xml`, `icon-512.png`).
    pub fn file(&self, name: &str) -> String {
        format!("{}{}/{name}", self.origin, self.base)
    }
}

impl fmt::Display for SiteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}/", self.origin, self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::SiteUrl;

    #[test]
    fn reads_an_origin_with_or_without_the_base_path() {
        let root = SiteUrl::parse("https://Toolkit.example.ac.uk/", "").unwrap();
        assert_eq!(root.page("/browse"), "https://toolkit.example.ac.uk/browse");
        assert_eq!(root.page("/"), "https://toolkit.example.ac.uk/");
        assert_eq!(
            root.file("sitemap.xml"),
            "https://toolkit.example.ac.uk/sitemap.xml"
        );
        assert_eq!(root.to_string(), "https://toolkit.example.ac.uk/");

        for text in [
            "https://intranet.example.ac.uk",
            "https://intranet.example.ac.uk/support/toolkit",
            "https://intranet.example.ac.uk/support/toolkit/",
        ] {
            let sub = SiteUrl::parse(text, "/support/toolkit").unwrap();
            assert_eq!(
                sub.page("/support/toolkit/resources/x"),
                "https://intranet.example.ac.uk/support/toolkit/resources/x"
            );
            assert_eq!(
                sub.file("sitemap.xml"),
                "https://intranet.example.ac.uk/support/toolkit/sitemap.xml"
            );
        }
        let port = SiteUrl::parse("http://127.0.0.1:8080", "").unwrap();
        assert_eq!(port.page("/about"), "http://127.0.0.1:8080/about");
    }

    #[test]
    fn refuses_what_is_not_a_site_address() {
        for (text, base, says) in [
            (
                "toolkit.example.ac.uk",
                "",
                "must be a web link starting with https://",
            ),
            ("ftp://toolkit.example.ac.uk", "", "must be a web link"),
            ("https://", "", "has no host name"),
            ("https:///browse", "", "has no host name"),
            ("https://me@x.ac.uk/", "", "user name"),
            ("https://x.ac.uk/?a=1", "", "without ? or #"),
            ("https://x.ac.uk/a b", "", "must not contain spaces"),
            ("https://x.ac.uk/<b>", "", "cannot hold"),
            (
                "https://x.ac.uk/other/",
                "/support/toolkit",
                "built for \"/support/toolkit\"",
            ),
            ("https://x.ac.uk/toolkit", "", "built for \"/\""),
        ] {
            let error = SiteUrl::parse(text, base).unwrap_err();
            assert!(error.contains(says), "{text}: {error}");
        }
    }
}
