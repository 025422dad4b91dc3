//! The small text rules several parts of the toolkit share: what an id (slug) is and how one is
//! made from a title, what an email address is, and what a web link is and which host it names.
//! Validation, the settings, the contribution forms, the app and the seed tests all use these,
//! so a rule is never written twice with different edges.

use crate::text::fold;

/// The longest id accepted (ids appear in URLs and file names).
pub const SLUG_MAX: usize = 80;
/// The longest id made from a title, at a word boundary.
const MADE_SLUG_MAX: usize = 60;

/// [`is_slug`] as a regular expression (with the length limit [`SLUG_MAX`] beside it), for the
/// page's scripts, which check ids they read from storage or a shared link by it. A test holds
/// the two to the same answers.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// True for ids made of lowercase ASCII letters, digits and single hyphens, starting and ending
/// with a letter or digit: they appear in URLs and file names unescaped.
pub fn is_slug(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= SLUG_MAX
        && b[0] != b'-'
        && !id.ends_with('-')
        && !id.contains("--")
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// An id made from a title: folded to ASCII, words joined by hyphens, cut at a word to 60
/// characters ("Peer mentoring: what works" → `peer-mentoring-what-works`). Empty when the title
/// has no letters or digits; otherwise always [`is_slug`].
pub fn slug(title: &str) -> String {
    let folded = fold(title);
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > MADE_SLUG_MAX {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // A first word longer than the limit: cut it.
        out = folded
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(MADE_SLUG_MAX)
            .collect();
    }
    out
}

/// The longest email address there can be (RFC 5321's limit on a path).
pub const EMAIL_MAX: usize = 254;

/// A plausible email address: something, `@`, a domain with a dot inside it, at most 254
/// characters, and no spaces or characters that would break a mail header. Deliberately loose:
/// only the mail server knows.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= EMAIL_MAX
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

/// An absolute http(s) link, checked: the scheme, no spaces or control characters, and a host.
///
/// A deliberately small check, not a URL parser: the `url` crate's IDNA tables would cost more
/// wasm than the whole search engine, and browsers tolerate the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebLink<'a> {
    /// `https` rather than `http`.
    pub secure: bool,
    /// The host as written (without user name or port), lowercased by [`WebLink::host`].
    host: &'a str,
}

impl<'a> WebLink<'a> {
    /// Reads a link, or says in words what is wrong with it.
    pub fn parse(link: &'a str) -> Result<WebLink<'a>, String> {
        let scheme = |s: &str| {
            link.get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
        };
        let (secure, rest) = if scheme("https://") {
            (true, &link[8..])
        } else if scheme("http://") {
            (false, &link[7..])
        } else {
            return Err(format!(
                "must be a web link starting with https:// or http:// (got \"{link}\")"
            ));
        };
        if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!("must not contain spaces (got \"{link}\")"));
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host_and_port = authority.rsplit('@').next().unwrap_or(authority);
        let host = match host_and_port.strip_prefix('[') {
            // An IPv6 address: [::1]:8080
            Some(inner) => inner.split(']').next().unwrap_or(""),
            None => host_and_port.split(':').next().unwrap_or(""),
        };
        if host.is_empty() {
            return Err(format!("has no host name (got \"{link}\")"));
        }
        Ok(WebLink { secure, host })
    }

    /// The host, lowercased: `www.hepi.ac.uk`, `127.0.0.1`, `::1`.
    pub fn host(&self) -> String {
        self.host.to_ascii_lowercase()
    }

    /// The host as people name a site: without a leading `www.`.
    pub fn site_name(&self) -> String {
        let host = self.host();
        host.strip_prefix("www.").map(str::to_owned).unwrap_or(host)
    }

    /// A host with a dot inside it, as every public site has (`localhost` and `intranet` have
    /// none).
    pub fn has_domain(&self) -> bool {
        let host = self.host;
        host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }

    /// This machine: `localhost`, `127.0.0.1` or `[::1]`.
    pub fn is_loopback(&self) -> bool {
        matches!(self.host().as_str(), "localhost" | "127.0.0.1" | "::1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_and_single_hyphens() {
        for ok in ["a", "hepi-report-88", "2017", "x-1-y"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a b",
            "é",
            "a_b",
            &"a".repeat(81),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_made_from_titles_are_slugs() {
        assert_eq!(
            slug("Peer mentoring: what works?"),
            "peer-mentoring-what-works"
        );
        assert_eq!(slug("Étudiants à l'université"), "etudiants-a-luniversite");
        assert_eq!(slug("  !!! "), "");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= 60 && is_slug(&long), "{long}");
        let one_long_word = slug(&"x".repeat(100));
        assert_eq!(one_long_word.len(), 60);
    }

    #[test]
    fn email_addresses_are_checked_loosely() {
        for (text, ok) in [
            ("sam@example.ac.uk", true),
            ("s.o'neil+toolkit@uni.ac.uk", true),
            ("a.b+c@d.org", true),
            ("no-at-sign.example.org", false),
            ("sam@localhost", false),
            ("@example.ac.uk", false),
            ("sam@@example.ac.uk", false),
            ("sam@.example", false),
            ("sam@example.", false),
            ("sam smith@example.ac.uk", false),
            ("sam@example.ac.uk, eve@example.ac.uk", false),
            ("<sam@example.ac.uk>", false),
            (&format!("{}@example.ac.uk", "s".repeat(250)), false),
        ] {
            assert_eq!(is_email(text), ok, "{text}");
        }
    }

    #[test]
    fn web_links_name_their_host() {
        let cases = [
            (
                "https://www.HEPI.ac.uk/2016/report",
                true,
                "www.hepi.ac.uk",
                "hepi.ac.uk",
            ),
            (
                "http://user:pw@example.org:8080/x?y#z",
                false,
                "example.org",
                "example.org",
            ),
            ("HTTPS://doi.org/10.1000/182", true, "doi.org", "doi.org"),
            ("http://[::1]:8787/hook", false, "::1", "::1"),
            ("http://localhost:8787", false, "localhost", "localhost"),
        ];
        for (text, secure, host, site) in cases {
            let link = WebLink::parse(text).unwrap();
            assert_eq!(
                (link.secure, link.host(), link.site_name()),
                (secure, host.to_owned(), site.to_owned()),
                "{text}"
            );
        }
        assert!(WebLink::parse("http://127.0.0.1:1/").unwrap().is_loopback());
        assert!(
            !WebLink::parse("https://localhost.example.org")
                .unwrap()
                .is_loopback()
        );
        assert!(WebLink::parse("https://a.b").unwrap().has_domain());
        assert!(!WebLink::parse("https://intranet/x").unwrap().has_domain());
    }

    #[test]
    fn what_is_not_a_web_link_is_named() {
        for (text, says) in [
            ("www.example.org", "must be a web link"),
            ("ftp://example.org", "must be a web link"),
            ("https://exa mple.org", "must not contain spaces"),
            ("https://", "has no host name"),
            ("https:///path", "has no host name"),
            ("https://user@:80/", "has no host name"),
            ("http://[]/", "has no host name"),
        ] {
            let error = WebLink::parse(text).unwrap_err();
            assert!(error.contains(says), "{text}: {error}");
        }
    }
}
